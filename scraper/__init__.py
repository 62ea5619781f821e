"""healthscrape: crawl health-article sites into clean, de-duplicated JSONL."""

__version__ = "0.1.0"
