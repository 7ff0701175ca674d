"""Event clusters: the bucketed union-find gives exactly the components of the pairwise relation."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl

from warta.events import assign_clusters


def _linked(a: dict, b: dict) -> bool:
    """The relation of warta/events/clusters.py, pair by pair (the slow reference)."""
    if a["event_date"] is None or b["event_date"] is None or a["event_type"] != b["event_type"]:
        return False
    if (a["negated"], a["future"]) != (b["negated"], b["future"]):
        return False
    if abs((a["event_date"] - b["event_date"]).days) > 1:
        return False
    ka = [k for k in (a["actor1_id"], a["actor2_id"]) if k]
    kb = [k for k in (b["actor1_id"], b["actor2_id"]) if k]
    if not ka or not kb:
        return False
    if len(ka) == 2 and len(kb) == 2:
        return sorted(ka) == sorted(kb)
    single, other = (ka, kb) if len(ka) == 1 else (kb, ka)
    return single[0] in other


def test_clusters_equal_the_components_of_the_pairwise_relation():
    rng = random.Random(7)
    actors = ["A", "B", "C", "D"]
    rows = []
    for i in range(400):  # few actors and days: large shared buckets, as in a big story
        a1 = rng.choice(actors)
        a2 = rng.choice([None, None, *[x for x in actors if x != a1]])
        rows.append({
            "event_id": f"e{i:04d}", "article_id": f"a{i // 3}", "event_type": rng.choice(["MEET", "ACCUSE"]),
            "negated": rng.random() < 0.1, "future": False,
            "event_date": None if rng.random() < 0.05 else dt.date(2024, 5, 1) + dt.timedelta(days=rng.randrange(6)),
            "date_precision": "day", "actor1_id": a1, "actor2_id": a2,
            "actor1_name": a1, "actor2_name": a2, "cluster_id": None,
        })
    got = dict(zip(*assign_clusters(pl.DataFrame(rows)).select("event_id", "cluster_id").to_dict(as_series=False).values()))

    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if _linked(rows[i], rows[j]):
                parent[find(j)] = find(i)
    expected: dict[int, set[str]] = {}
    for i, r in enumerate(rows):
        expected.setdefault(find(i), set()).add(r["event_id"])
    clusters: dict[str, set[str]] = {}
    for event_id, cluster in got.items():
        clusters.setdefault(cluster, set()).add(event_id)
    assert sorted(map(sorted, clusters.values())) == sorted(map(sorted, expected.values()))
    assert max(map(len, expected.values())) > 20  # the test really has big clusters
