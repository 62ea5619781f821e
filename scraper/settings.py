"""Scrapy settings for healthscrape: components are wired here, and every setting of the project has
its one default here (components read them without a fallback of their own). Two switches happen at
crawl time: ``REDIS_URL`` swaps in the shared scheduler and dupefilter (``scraper.distributed.mode``),
and the spider sets ``FEEDS`` to ``DEFAULT_FEED`` when no output is given and turns AutoThrottle off
for loopback and file:// crawls."""

from scraper.items import RECORD_FIELDS
from scraper.stages import item_pipelines
from scraper.stats import DEFAULT_MAX_ERROR_RATE

BOT_NAME = "healthscrape"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"
# Our scrapy crawl: a bad -a/-s value is one line on stderr and exit code 2 (scraper/commands/crawl.py).
COMMANDS_MODULE = "scraper.commands"

USER_AGENT = "healthscrape/0.1 (health-article research crawler; obeys robots.txt)"
ROBOTSTXT_OBEY = True

# Politeness for real sites; the spider switches AutoThrottle off for the bundled
# sample site and loopback/file URLs.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS_PER_DOMAIN = 8

RETRY_ENABLED = True
RETRY_TIMES = 3
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 10
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
LOG_FORMATTER = "scraper.logformatter.ArticleLogFormatter"

# The stages of scraper.stages, in their order (100, 200, …).
ITEM_PIPELINES = item_pipelines()

SPIDER_MIDDLEWARES = {
    # Only with REDIS_URL: a request is finished once its callback's output went through the pipelines.
    "scraper.distributed.middleware.FinishedRequests": 10,
}

DOWNLOADER_MIDDLEWARES = {
    # Before the retry/redirect/httpcompression middlewares see the response (304 ends it here).
    "scraper.incremental.middleware.IncrementalMiddleware": 560,
    # The crawl's scope (hosts, ports, file folders) for every request, redirects included; replaces
    # Scrapy's offsite middleware, which compares host names only.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scraper.scope.ScopeMiddleware": 50,
    # Scrapy's own, raising typed IgnoreRequest subclasses that carry their reason (scraper.ignored).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scraper.ignored.TypedRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "scraper.ignored.TypedHttpCompressionMiddleware": 590,
    # After the off-site and robots.txt refusals, before retries and redirects: counts each URL asked for once.
    "scraper.failures.FailureAccounting": 150,
    # The sample site served on another port than SAMPLE_SITE_PORT keeps its URLs (before HttpProxyMiddleware).
    "scraper.sample_site.SampleSiteRoute": 740,
}
# Incremental runs: where state persists between runs (unset: every run starts from nothing).
STATE_DIR = None
INCREMENTAL_REFETCH = False
# A JSONL file each record is written to and fsynced before the next (healthscrape crawl uses it
# instead of FEEDS, so that a killed run loses nothing it recorded as exported).
RUN_OUTPUT = None
RUN_OUTPUT_FSYNC = True
# Monitoring (Spidermon): checked when the spider closes, logged, and written to
# MONITOR_RESULTS_FILE when set (healthscrape crawl puts them in report.json).
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("scraper.monitors.ArticleMonitorSuite",)
SPIDERMON_EXPECTED_FINISH_REASONS = ["finished"]
SPIDERMON_ADD_FIELD_COVERAGE = True
SPIDERMON_FIELD_COVERAGE_SKIP_NONE = True
SPIDERMON_FIELD_COVERAGE_SKIP_IF_NO_ITEM = True
SPIDERMON_FIELD_COVERAGE_RULES = {
    "Article/title": 1.0,
    "Article/body": 1.0,
    "Article/published": 0.9,
}
# The failed-URL rate (failed URLs / requested URLs, scraper.stats.error_rate) above which the run fails:
# the Spidermon monitor and healthscrape crawl's exit code (--max-error-rate sets it) use this one rate.
MAX_ERROR_RATE = DEFAULT_MAX_ERROR_RATE
SPIDERMON_MAX_RETRIES = 100
SPIDERMON_MAX_INVALID_RECORDS = 0
# Articles a run must see (exported, or unchanged in an incremental run).
SPIDERMON_MIN_ARTICLES = 1
MONITOR_RESULTS_FILE = None

# Port of the bundled sample site (scrapy crawl articles without start_urls). A fixed port keeps the
# sample site's URLs the same from run to run (incremental state is keyed by URL); taken → served on a
# free port, its URLs unchanged (scraper.sample_site).
SAMPLE_SITE_PORT = 8642

EXTENSIONS = {
    # Only with REDIS_URL: heartbeat, rescue of dead workers' requests, exit once the crawl is done.
    "scraper.distributed.worker.DistributedWorker": 100,
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
    "scraper.extensions.summary.RunSummary": 900,
    "scraper.extensions.stats_file.StatsFile": 910,
}

FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(RECORD_FIELDS)
# The output when no feed is given (-o/-O/FEEDS) and no RUN_OUTPUT: set by the spider, because a
# FEEDS here would be merged with -O's and every crawl would also overwrite this file.
DEFAULT_FEED = {"data/articles.jsonl": {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}}
# Near-duplicate bodies (MinHash + LSH over character shingles; see scraper/dedup/minhash.py and
# the measurement behind the defaults in benchmarks/RESULTS.md). Signatures must match across
# runs and workers sharing an index: change these only with a new index.
NEAR_DUPLICATES_ENABLED = True
NEAR_DUPLICATE_THRESHOLD = 0.8
NEAR_DUPLICATE_SHINGLE = 1
NEAR_DUPLICATE_NUM_PERM = 128
# Bodies shorter than this (after normalisation) are only checked for exact duplicates: a few
# dozen characters share too many shingles with any other text on the same topic.
NEAR_DUPLICATE_MIN_CHARS = 100
# Distributed crawling: with REDIS_URL set (redis://[:password@]host:port/db), the request queue,
# the request dupefilter and the de-duplication indexes are shared in Redis by every worker.
# Read from the environment too. A worker exits once the shared queue has stayed empty, with no
# request in flight on any worker, for REDIS_IDLE_CLOSE_SECONDS; a worker whose heartbeat is older
# than REDIS_WORKER_TIMEOUT is dead, and its unfinished requests go back in the queue.
REDIS_URL = None
REDIS_KEY_PREFIX = "healthscrape"
REDIS_IDLE_CLOSE_SECONDS = 30
REDIS_WORKER_TIMEOUT = 30
# This worker's name in Redis (its heartbeat, in-flight requests and pending claims); None: host:pid:random.
REDIS_WORKER_ID = None
# Duplicates go next to the main feed unless set here (or with -s DUPLICATES_FILE=...).
DUPLICATES_FILE = None
SUMMARY_ENABLED = True
# A second opinion on doubtful bodies (scraper/parsing/second_opinion.py): where our body is missing, short
# beside the page or reads like comments or links, trafilatura's is taken when a measured rule finds it
# better. On since 0.2.0: on the 118 real pages it changed one record, a page nobody tuned on, and lifted
# with/without there (README, "A second opinion"); trafilatura is a dependency.
SECOND_OPINION_ENABLED = True
# Write the final stats as JSON here (e.g. -s STATS_FILE=data/stats.json); unset: no file.
STATS_FILE = None
