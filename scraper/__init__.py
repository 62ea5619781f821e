"""healthscrape: crawl health-article sites into clean, de-duplicated JSONL."""

__version__ = "0.2.0"
