"""Near-duplicate detection: which article is a (near) copy of an earlier one.

Candidates are articles that share a paragraph opening or ending (an inverted
index over paragraph keys, cheap and deterministic); each candidate pair is then
confirmed by the Jaccard similarity of word 5-shingles. Exact copies have the same
``content_hash``.
"""

from __future__ import annotations

import zlib
from collections import defaultdict

_KEY_WORDS = 8
_MIN_PARAGRAPH_CHARS = 60
_END_CHARS = 100
_MAX_POSTINGS = 50  # a key shared by more articles is boilerplate, not evidence of copying


def _keys(body: str) -> set[int]:
    keys = set()
    for para in body.split("\n\n"):
        if len(para) < _MIN_PARAGRAPH_CHARS:
            continue
        # Only the paragraph's ends are read: cheap, and robust to edits in its middle.
        head = para[:_END_CHARS].lower().split()[:_KEY_WORDS]
        tail = para[-_END_CHARS:].lower().split()[-_KEY_WORDS:]
        keys.add(zlib.crc32(" ".join(head).encode()))
        keys.add(zlib.crc32(" ".join(tail).encode()))
    return keys


def _shingles(body: str) -> set[tuple[str, ...]]:
    # Word 5-grams as tuples: hashing is done in C, and the Jaccard computed on them is exact.
    words = body.lower().split()
    if len(words) < 5:
        return {tuple(words)}
    return set(zip(words, words[1:], words[2:], words[3:], words[4:]))


def find_duplicates(
    ids: list[str], bodies: list[str], hashes: list[str], order: list[tuple], threshold: float
) -> list[str | None]:
    """Return, per article, the id of the earliest article it (nearly) duplicates, or None.

    ``order`` gives each article's sort key (e.g. publish time, id): the earliest copy is
    the original. Every copy stays an article; only ``duplicate_of`` points to the original.
    """
    n = len(ids)
    postings: dict[int, list[int]] = defaultdict(list)
    key_counts = []
    for i, body in enumerate(bodies):
        keys = _keys(body)
        key_counts.append(max(1, len(keys)))
        for key in keys:
            postings[key].append(i)
    # Count shared paragraph keys per pair: a near copy keeps most of its paragraphs.
    shared: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for docs in postings.values():
        if 1 < len(docs) <= _MAX_POSTINGS:
            for a in docs:
                for b in docs:
                    if a != b:
                        shared[a][b] += 1
    candidates: dict[int, set[int]] = defaultdict(set)
    for a, counts in shared.items():
        for b, count in counts.items():
            if count >= 0.5 * min(key_counts[a], key_counts[b]):
                candidates[a].add(b)
    # Exact copies are candidates of each other whatever their length.
    by_hash: dict[str, list[int]] = defaultdict(list)
    for i, h in enumerate(hashes):
        by_hash[h].append(i)
    for docs in by_hash.values():
        if len(docs) > 1:
            for a in docs:
                candidates[a].update(docs)

    shingles: dict[int, set[tuple[str, ...]]] = {}
    sizes: dict[int, int] = {}

    def size(k: int) -> int:
        if k not in sizes:
            sizes[k] = max(1, len(bodies[k].split()) - 4)
        return sizes[k]

    result: list[str | None] = [None] * n
    for i in range(n):
        best = None
        for j in candidates.get(i, ()):
            if j == i or ids[j] == ids[i] or order[j] >= order[i]:
                continue
            if hashes[i] != hashes[j]:
                # Jaccard is at most the ratio of the sizes: skip pairs that cannot reach it.
                if min(size(i), size(j)) < threshold * max(size(i), size(j)):
                    continue
                si = shingles.setdefault(i, _shingles(bodies[i]))
                sj = shingles.setdefault(j, _shingles(bodies[j]))
                union = len(si | sj)
                if not union or len(si & sj) / union < threshold:
                    continue
            if best is None or order[j] < order[best]:
                best = j
        if best is not None:
            result[i] = ids[best]
    return result
