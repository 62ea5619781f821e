"""All cross-page de-duplication: what a duplicate is, the rules in order, the exact index, MinHash
signatures, the near-duplicate index (SQLite or Redis), the Lua scripts, and the offline
``healthscrape dedup`` engine. Duplicates inside one page are :mod:`scraper.text.repeats`."""
