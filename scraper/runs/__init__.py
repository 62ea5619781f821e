"""Scheduled runs (``healthscrape crawl``): the lock (``lock``), one folder per run (``folders``),
recovery of a killed run (``recovery``), the run's report and checks (``report``), and the run
itself (``scheduled``)."""
