"""Scrapy commands of the project (``COMMANDS_MODULE``), one module per command, named like the command."""
