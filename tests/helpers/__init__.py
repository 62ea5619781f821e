"""Shared test helpers, one module per job (fixtures built from them live in ``tests/conftest.py``).

``paths`` (where things are), ``servers`` (a local HTTP server), ``crawl`` (real ``scrapy crawl`` and
``healthscrape`` subprocesses), ``crawler`` (a crawler with the project's settings, for unit tests),
``records`` (the one record builder, ``write_jsonl``, ``outline``), ``runs`` (two hand-made runs of
crawl output), ``pages`` (the saved pages of ``tests/fixtures/pages/``), ``labels`` (expected records,
eval labels, the sample site's manifest), ``bodies`` (the sample site's article bodies),
``threads`` (workers started together), ``redis_server``, ``browser``, ``faults`` (the
fault-injecting server) and ``text_pages`` (text files that are no articles, and a text dump that is one).
"""
