"""``python -m scraper.cli``: the ``healthscrape`` command."""

import sys

from scraper.cli import main

sys.exit(main())
