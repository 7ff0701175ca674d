"""Cluster reports of the same event across articles.

Two events share a cluster when they are of the same type family, have the same status
(happened, planned, denied), share an actor, and their dates lie within a day of each
other (month- or year-precise dates must be equal). Clusters are the connected
components of that relation; ``cluster_id`` is derived from the smallest member
``event_id``, so it is stable across runs as long as the members are.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import polars as pl

from flows.events.codes import family_of
from flows.events.lexicon import get_lexicon


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
    keys = []
    for n in ("1", "2"):
        aid, name = row.get(f"actor{n}_id"), row.get(f"actor{n}_name")
        if aid:
            keys.append(f"id:{aid}")
        elif name:
            keys.append(f"name:{name.strip().lower()}")
    return keys


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
    buckets: dict[tuple, int] = {}
    for i, r in enumerate(rows):
        d: dt.date | None = r["event_date"]
        if d is None:
            continue
        status = "denied" if r["negated"] else ("planned" if r["future"] else "happened")
        family = family_of(r["event_type"], lex)
        prec = r["date_precision"] or "day"
        for key in _actor_keys(r):
            base = (family, status, key, prec)
            if prec == "day":
                own = base + (d,)
                # Neighbouring days join too: "dates within a day".
                for other in (d - dt.timedelta(days=1), d + dt.timedelta(days=1)):
                    j = buckets.get(base + (other,))
                    if j is not None:
                        uf.union(i, j)
            else:
                own = base + (d,)
            j = buckets.setdefault(own, i)
            if j != i:
                uf.union(i, j)
    roots: dict[int, str] = {}
    for i, r in enumerate(rows):
        root = uf.find(i)
        roots.setdefault(root, r["event_id"])
        roots[root] = min(roots[root], r["event_id"])
    ids = [
        "c" + hashlib.sha1(roots[uf.find(i)].encode()).hexdigest()[:15] for i in range(len(rows))
    ]
    return events.with_columns(pl.Series("cluster_id", ids, dtype=pl.Utf8))
