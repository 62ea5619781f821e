"""Incremental runs (``STATE_DIR``): what earlier runs saw (``state``), conditional requests for known
articles (``middleware``), and revisions of changed articles (``revisions``)."""
