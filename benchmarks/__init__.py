"""Benchmarks and the extraction evaluation (not installed with the package)."""
