"""Spiders: they decide what to fetch; parsing lives in ``scraper.parsing``."""
