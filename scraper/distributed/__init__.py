"""Crawling with several workers through Redis (``REDIS_URL``): scrapy-redis plus what it lacks.

scrapy-redis shares the request queue and the request dupefilter; the project adds:

* ``keys``: every Redis key name;
* ``mode``: ``REDIS_URL`` switches a crawl's settings to the shared scheduler;
* ``client``: one way to connect, with a clear error;
* ``scheduler``: each worker records the requests it took until they are finished;
* ``middleware``: a request is finished once its callback's output went through the pipelines;
* ``worker``: heartbeat, rescue of dead workers' requests, exit once the crawl is done.
"""
