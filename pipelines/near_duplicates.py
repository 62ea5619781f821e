"""Near-duplicate bodies: MinHash + LSH (datasketch) over character shingles of the normalised body.

Chinese needs no word segmentation: overlapping character n-grams of the body with
whitespace and punctuation removed. Provisional defaults (to be calibrated on the generated
evaluation set of the scale issue): 5-character shingles, 128 permutations, Jaccard ≥ 0.8.
"""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from scraper.text import comparison_key

DEFAULT_SHINGLE = 5
DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128


def shingles(text: str, size: int = DEFAULT_SHINGLE) -> set[bytes]:
    """Overlapping character n-grams of the normalised text (the whole text when shorter)."""
    key = comparison_key(text)
    if len(key) <= size:
        return {key.encode("utf-8")} if key else set()
    return {key[i : i + size].encode("utf-8") for i in range(len(key) - size + 1)}


def minhash(text: str, size: int = DEFAULT_SHINGLE) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch(list(shingles(text, size)))
    return signature


class NearDuplicateIndex:
    """Bodies seen so far; ``find`` names the most similar one at or above the threshold."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, shingle: int = DEFAULT_SHINGLE):
        self.threshold = threshold
        self.shingle = shingle
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def find(self, body: str) -> tuple[str, float, MinHash] | None:
        """``(key, estimated Jaccard similarity, signature)`` of the closest known body, or None."""
        signature = minhash(body, self.shingle)
        best: tuple[str, float] | None = None
        for key in self.lsh.query(signature):
            similarity = signature.jaccard(self.signatures[key])
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (key, similarity)
        return (best[0], best[1], signature) if best else None

    def add(self, key: str, body: str, signature: MinHash | None = None) -> None:
        if key in self.signatures:
            return
        signature = signature or minhash(body, self.shingle)
        self.lsh.insert(key, signature)
        self.signatures[key] = signature
