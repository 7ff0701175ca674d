"""Cluster reports of the same event across articles.

Two events share a cluster when they are of the same type family, have the same status
(happened, planned, denied), their dates lie within a day of each other (month- or
year-precise dates must be equal), and their actors overlap: the same pair when both have
two actors, else the one actor an event has. Clusters are the connected
components of that relation; ``cluster_id`` is derived from the smallest member
``event_id``, so it is stable across runs as long as the members are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

import polars as pl

from warta.events.codes import family_of
from warta.events.lexicon import get_lexicon


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _actor_keys(row: dict) -> list[str]:
    """Resolved actor ids only: an unnamed group ("polisi", "warga") links nothing."""
    return [f"id:{row[c]}" for c in ("actor1_id", "actor2_id") if row.get(c)]


def assign_clusters(events: pl.DataFrame) -> pl.DataFrame:
    """Fill ``cluster_id`` for all events (pure; run over every event in the warehouse).

    Events without a date or actors form their own singleton cluster.
    """
    if events.height == 0:
        return events.with_columns(pl.lit(None, dtype=pl.Utf8).alias("cluster_id"))
    lex = get_lexicon()
    rows = events.select(
        "event_id", "event_type", "negated", "future", "event_date", "date_precision",
        "actor1_id", "actor2_id", "actor1_name", "actor2_name",
    ).to_dicts()
    uf = _UnionFind(len(rows))
    # Events with two actors join events with the same pair; events with one actor join
    # any event that has that actor. The relation is symmetric, so row order does not matter.
    info: list[tuple | None] = []
    pairs: dict[tuple, list[int]] = defaultdict(list)
    by_actor: dict[tuple, list[int]] = defaultdict(list)
    singles: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        d: dt.date | None = r["event_date"]
        keys = _actor_keys(r)[:2]
        if d is None or not keys:
            info.append(None)
            continue
        status = "denied" if r["negated"] else ("planned" if r["future"] else "happened")
        base = (family_of(r["event_type"], lex), status, r["date_precision"] or "day")
        pair = tuple(sorted(keys)) if len(keys) == 2 else None
        info.append((base, d, keys, pair))
        if pair:
            pairs[base + (pair, d)].append(i)
        else:
            singles[base + (keys[0], d)].append(i)
        for k in keys:
            by_actor[base + (k, d)].append(i)
    # Once an event has joined every member of a bucket, the bucket is one component and
    # the next event only needs to join one member: linear, not quadratic, in the size of
    # a big story's buckets.
    tables = {"pairs": pairs, "singles": singles, "by_actor": by_actor}
    joined: set[tuple[str, tuple]] = set()

    def join(i: int, table: str, key: tuple) -> None:
        members = tables[table].get(key)
        if not members:
            return
        if (table, key) in joined:
            uf.union(i, members[0])
            return
        for j in members:
            uf.union(i, j)
        joined.add((table, key))

    for i, item in enumerate(info):
        if item is None:
            continue
        base, d, keys, pair = item
        # Day-precise dates join within a day; month or year dates must be equal.
        days = (d - dt.timedelta(days=1), d, d + dt.timedelta(days=1)) if base[2] == "day" else (d,)
        for day in days:
            if pair:
                join(i, "pairs", base + (pair, day))
                for k in pair:
                    join(i, "singles", base + (k, day))
            else:
                join(i, "by_actor", base + (keys[0], day))
    roots: dict[int, str] = {}
    for i, r in enumerate(rows):
        root = uf.find(i)
        roots.setdefault(root, r["event_id"])
        roots[root] = min(roots[root], r["event_id"])
    ids = [
        "c" + hashlib.sha1(roots[uf.find(i)].encode()).hexdigest()[:15] for i in range(len(rows))
    ]
    return events.with_columns(pl.Series("cluster_id", ids, dtype=pl.Utf8))
