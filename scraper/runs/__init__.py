"""Scheduled runs (``healthscrape crawl``): the lock (``lock``), one folder per run (``folders``),
recovery of a killed run (``recovery``), the run's report and checks (``report``), and the run
itself (``scheduled``)."""

from scraper.stats import faults  # the 0.1 README's path to the run faults (now in scraper.stats)

__all__ = ["faults"]
