"""Item pipelines: the Scrapy face of the stages in ``scraper.stages``, one module per stage, in order:
cleaning, intra_page_dedup, structure, validation (thin adapters over the stage functions), then
cross_page_dedup, incremental and durable_export (which need a whole crawl)."""
