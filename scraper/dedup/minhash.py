"""Near-duplicate bodies: MinHash signatures (datasketch) of character shingles, and LSH bands.

The body is normalised with :func:`scraper.text.normalize.comparison_key` (no whitespace, no punctuation,
lower case), cut into overlapping ``shingle``-character pieces (Chinese needs no word
segmentation), and summarised by a MinHash of ``num_perm`` values. Two bodies whose shingle
sets have a Jaccard similarity of at least ``threshold`` are near-duplicates; the LSH bands
(``bands`` × ``rows`` values of the signature) find the candidates without comparing every
pair, and the signatures' agreement estimates the similarity of each candidate.

The shingle size and the minimum length are chosen by measurement:
``python -m benchmarks.near_duplicates`` (see benchmarks/RESULTS.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from datasketch import MinHash, MinHashLSH
from scrapy.settings import BaseSettings

from scraper import settings
from scraper.text.normalize import comparison_key

_SEED = 1
_MULTIPLIER = np.uint64(1_000_003)
_MASK32 = np.uint64(0xFFFFFFFF)


def _identity(value: int) -> int:
    return value


@dataclass(frozen=True)
class NearDuplicateConfig:
    """How near-duplicates are found; every process sharing an index must use the same values."""

    threshold: float = settings.NEAR_DUPLICATE_THRESHOLD
    shingle: int = settings.NEAR_DUPLICATE_SHINGLE
    num_perm: int = settings.NEAR_DUPLICATE_NUM_PERM
    min_chars: int = settings.NEAR_DUPLICATE_MIN_CHARS
    _lsh: tuple[int, int] = field(init=False, repr=False, compare=False, default=(0, 0))

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold must be in (0, 1], got {self.threshold}")
        if self.shingle < 1 or self.num_perm < 16 or self.min_chars < 1:
            raise ValueError(f"bad near-duplicate settings: {self}")
        # datasketch picks the bands × rows split that minimises false positives + false negatives.
        try:
            lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        except ValueError as error:
            detail = f"near-duplicate threshold {self.threshold} with {self.num_perm} values: {error}"
            raise ValueError(detail) from error
        object.__setattr__(self, "_lsh", (lsh.b, lsh.r))

    @classmethod
    def from_settings(cls, crawl_settings: BaseSettings) -> NearDuplicateConfig:
        """The ``NEAR_DUPLICATE_*`` settings of a crawl (ValueError, naming them, for values that make no index)."""
        names = [f"NEAR_DUPLICATE_{part}" for part in ("THRESHOLD", "SHINGLE", "NUM_PERM", "MIN_CHARS")]
        try:
            return cls(
                threshold=crawl_settings.getfloat(names[0]),
                shingle=crawl_settings.getint(names[1]),
                num_perm=crawl_settings.getint(names[2]),
                min_chars=crawl_settings.getint(names[3]),
            )
        except ValueError as error:
            given = ", ".join(f"{name}={crawl_settings.get(name)}" for name in names)
            raise ValueError(f"{error} (settings {given})") from error

    @property
    def bands(self) -> int:
        return self._lsh[0]

    @property
    def rows(self) -> int:
        return self._lsh[1]

    @property
    def name(self) -> str:
        """Identifies the signature scheme, so an index never mixes incompatible signatures."""
        return f"k{self.shingle}-p{self.num_perm}-b{self.bands}r{self.rows}"

    @cached_property
    def _template(self) -> MinHash:
        return MinHash(num_perm=self.num_perm, seed=_SEED, hashfunc=_identity)


def shingle_hashes(key: str, size: int) -> np.ndarray:
    """32-bit hashes of the distinct ``size``-character shingles of a normalised text."""
    codes = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < size:
        return np.unique(codes)
    hashes = codes[: len(codes) - size + 1].copy()
    for offset in range(1, size):
        hashes = (hashes * _MULTIPLIER + codes[offset : len(codes) - size + 1 + offset]) & _MASK32
    return np.unique(hashes)


def signature(body: str, config: NearDuplicateConfig) -> np.ndarray | None:
    """The body's MinHash values (uint32), or None when it is too short to compare."""
    key = comparison_key(body)
    if len(key) < config.min_chars:
        return None
    minhash = config._template.copy()
    minhash.update_batch(shingle_hashes(key, config.shingle).tolist())
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def band_hashes(values: np.ndarray, config: NearDuplicateConfig) -> list[bytes]:
    """One 8-byte key per LSH band (the band's number included); sharing any key makes candidates."""
    rows = config.rows
    return [
        hashlib.blake2b(bytes([band]) + values[band * rows : (band + 1) * rows].tobytes(), digest_size=8).digest()
        for band in range(config.bands)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of MinHash values two signatures agree on."""
    return float(np.count_nonzero(a == b)) / len(a)
