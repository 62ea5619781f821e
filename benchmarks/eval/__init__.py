"""Extraction evaluation: ``python -m benchmarks.eval`` scores healthscrape, trafilatura and GNE."""
