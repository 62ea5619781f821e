"""Table 3, de-duplication: documents/s and peak memory at 10k, 100k and 1M synthetic articles.

* Local index, end to end: ``healthscrape dedup in.jsonl -o out.jsonl`` (JSON parsing, the exact
  and near rules, SQLite indexes on disk) in a subprocess; documents/s from wall time, peak RSS
  from ``wait4``. Growth is linear if documents/s stays flat and peak RSS stays bounded.
* Baseline: naive pairwise comparison (exact Jaccard of each new body with every kept one) at 10k.
* Redis index, end to end per worker: the crawl's de-duplication (MinHash + exact and near claims
  in Redis) by one and by two worker processes at once; Redis memory per document.
* Baseline: datasketch's own Redis storage (``MinHashLSH(storage_config={"type": "redis"})``),
  query + insert per document, same signatures, same Redis.

Bodies: ~500 characters drawn with Zipf weights from 3,000 common characters (unrelated articles
share many characters, as real ones do), 10 % of them near-duplicates (3 % of characters edited)
of an earlier one.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from itertools import accumulate
from pathlib import Path

from benchmarks.near_duplicates import edited
from benchmarks.scale.crawls import _sample_rss
from benchmarks.scale.report import AT_LEAST, Row, run_line, table

ROOT = Path(__file__).resolve().parents[2]
ALPHABET = [chr(0x4E00 + i * 7) for i in range(3000)]
CUMULATIVE = list(accumulate(1 / (rank + 1) for rank in range(len(ALPHABET))))
BODY_CHARS = 500
NEAR_SHARE = 0.1


def synthetic_records(count: int, seed: int = 3) -> list[dict[str, str]]:
    rng = random.Random(seed)
    records = []
    for number in range(count):
        if number > 10 and rng.random() < NEAR_SHARE:
            body = edited(records[rng.randrange(number)]["body"], 0.03, rng)
        else:
            sentences = ["".join(rng.choices(ALPHABET, cum_weights=CUMULATIVE, k=25)) for _ in range(20)]
            body = "。".join(sentences) + "。"
        records.append({"url": f"http://bench.test/{number}.html", "title": f"第{number}篇", "body": body})
    return records


def write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB, the child's own VmHWM: see benchmarks.scale.crawls) of a subprocess."""
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    trace: list[tuple[float, float, float]] = []
    sampler = threading.Thread(target=_sample_rss, args=(process.pid, began, trace), daemon=True)
    sampler.start()
    _, status, _ = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command} failed: {process.stderr.read().decode()[-2000:] if process.stderr else ''}")
    return seconds, max((hwm for _, _, hwm in trace), default=float("nan"))


def local_rows(sizes: list[int], folder: Path) -> tuple[list[Row], list[str]]:
    records = synthetic_records(max(sizes))
    notes = []
    rows = []
    first_rate = None
    for size in sizes:
        source = folder / f"in-{size}.jsonl"
        write_jsonl(source, records[:size])
        command = [sys.executable, "-m", "scraper.cli", "dedup", str(source), "-o", str(folder / "out.jsonl")]
        seconds, rss = timed(command)
        rate = size / seconds
        first_rate = first_rate or rate
        rows.append(Row(f"`healthscrape dedup`, {size:,} articles", rate, f"same at {sizes[0]:,}", first_rate,
                        "docs/s", goal=0.8, compare=AT_LEAST))  # fmt: skip
        notes.append(f"| {size:,} | {rate:,.0f} | {seconds:,.1f} s | {rss:,.0f} MiB |")
        source.unlink()
    return rows, notes


def naive_rate(count: int) -> float:
    """Documents/s of comparing each body's character set with every kept one (exact Jaccard)."""
    from scraper.dedup.minhash import shingle_hashes
    from scraper.text.normalize import comparison_key

    records = synthetic_records(count)
    kept: list[frozenset[int]] = []
    began = time.perf_counter()
    for record in records:
        shingles = frozenset(shingle_hashes(comparison_key(record["body"]), 1).tolist())
        size = len(shingles)
        # J = i / (|A| + |B| - i) >= 0.8  ⇔  9i >= 4(|A| + |B|), with i = |A ∩ B|: one set operation a pair
        if not any(9 * len(shingles & other) >= 4 * (size + len(other)) for other in kept):
            kept.append(shingles)
    return count / (time.perf_counter() - began)


REDIS_WORKER = """
import sys, time, redis
from benchmarks.scale.dedup import synthetic_records
from scraper.dedup.indexes import redis_deduplicator
from scraper.dedup.minhash import NearDuplicateConfig
url, prefix, start, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
records = synthetic_records(start + count)[start:]
dedup = redis_deduplicator(redis.Redis.from_url(url), NearDuplicateConfig(), prefix + ":run", prefix)
began = time.perf_counter()
for r in records:
    dedup.check(r["url"], None, None, r["body"])
print(count / (time.perf_counter() - began))
"""

DATASKETCH_WORKER = """
import sys, time, redis
from datasketch import MinHash, MinHashLSH
from benchmarks.scale.dedup import synthetic_records
from scraper.dedup.minhash import NearDuplicateConfig, signature
host, port, prefix, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
config = NearDuplicateConfig()
lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm, storage_config={
    "type": "redis", "basename": prefix.encode(), "redis": {"host": host, "port": port}})
records = synthetic_records(count)
began = time.perf_counter()
for r in records:
    values = signature(r["body"], config)
    minhash = MinHash(num_perm=config.num_perm, hashvalues=values, scheme="affine32")
    if not lsh.query(minhash):
        lsh.insert(r["url"], minhash)
print(count / (time.perf_counter() - began))
"""


def _python(code: str, *args: str) -> float:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return float(done.stdout.strip().splitlines()[-1])


def redis_rows(count: int) -> tuple[list[Row], list[str]]:
    import redis

    from tests.helpers.redis_server import redis_server

    with redis_server() as url:
        client = redis.Redis.from_url(url)
        client.flushdb()
        before = int(client.info("memory")["used_memory"])
        one = _python(REDIS_WORKER, url, "bench1", "0", str(count))
        ours_bytes = (int(client.info("memory")["used_memory"]) - before) / count
        client.flushdb()
        procs = [
            subprocess.Popen([sys.executable, "-c", REDIS_WORKER, url, "bench2", str(i * count), str(count)],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
            for i in range(2)
        ]  # fmt: skip
        rates = [float(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
        client.flushdb()
        before = int(client.info("memory")["used_memory"])
        host, port = url.split("//")[1].split("/")[0].split(":")
        baseline_count = max(count // 4, 500)
        theirs = _python(DATASKETCH_WORKER, host, port, "dsbench", str(baseline_count))
        theirs_bytes = (int(client.info("memory")["used_memory"]) - before) / baseline_count
        client.flushdb()
    rows = [
        Row(f"Redis index, 1 worker, {count:,} articles", one, "goal 1,000 docs/s", 1000, "docs/s", goal=1.0),
        Row("Redis index, each of 2 workers at once", min(rates), "goal 1,000 docs/s", 1000, "docs/s", goal=1.0),
        Row("Redis index, 1 worker", one, f"datasketch Redis storage ({baseline_count:,})", theirs, "docs/s"),
    ]
    notes = [
        f"Redis memory per article: ours {ours_bytes:,.0f} bytes (signature 512 bytes, 9 band entries, URL"
        f" and exact-index entries); datasketch's Redis storage {theirs_bytes:,.0f} bytes.",
    ]
    return rows, notes


def run(quick: bool) -> str:
    sizes = [1_000, 5_000] if quick else [10_000, 100_000, 1_000_000]
    naive_count = 1_000 if quick else 10_000
    with tempfile.TemporaryDirectory(prefix="dedup-bench-") as folder:
        local, notes = local_rows(sizes, Path(folder))
    naive = naive_rate(naive_count)
    local.append(Row(f"`healthscrape dedup`, {sizes[0]:,} articles", local[0].value,
                     f"naive pairwise, {naive_count:,}", naive, "docs/s"))  # fmt: skip
    redis_table, redis_notes = redis_rows(2_000 if quick else 20_000)
    return "\n".join(
        [
            "## 3. De-duplication",
            "",
            run_line("dedup", quick),
            "",
            __doc__.split("\n\n", 1)[1].strip(),
            "",
            table(local + redis_table),
            "",
            "Local index growth (`healthscrape dedup`, one process):",
            "",
            "| articles | docs/s | wall | peak RSS |",
            "|---|---|---|---|",
            *notes,
            "",
            *redis_notes,
            "",
        ]
    )
