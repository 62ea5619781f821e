"""Item pipelines: what happens to an article after extraction (clean, de-duplicate, validate)."""
