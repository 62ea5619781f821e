"""Scheduled runs (``healthscrape crawl``): the lock (``lock``), one folder per run (``folders``),
settling a run's outputs and recovery of a killed run (``recovery``), the run's report and checks
(``report``), and the run itself (``scheduled``, its crawl in this process: ``scraper.commands.crawl``)."""

from scraper.stats import faults  # the 0.1 README's path to the run faults (now in scraper.stats)

__all__ = ["faults"]
