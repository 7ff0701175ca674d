"""``warta extract`` output: one JSON object per input document, in DESIGN.md's shape."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta, timezone

import polars as pl

from warta import pipeline
from warta.events import assign_clusters

EMPTY_RECORD = dict.fromkeys(
    ["id", "article_id", "source_file", "url", "title", "published_at", "published_precision", "outlet",
     "dateline", "editor", "language", "page_kind", "duplicate_of", "body"]
)


# Event fields passed through as they are.
EVENT_EXTRAS = ("location", "location_country", "latitude", "longitude", "location_source", "cameo_root",
                "quad_class", "trigger", "negated", "future", "reported", "sentence_id", "event_id", "cluster_id")


# Publish times are stored in UTC; shown in Western Indonesian Time, so the day is the article's own.
WIB = timezone(timedelta(hours=7))


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _group(frame: pl.DataFrame) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in frame.iter_rows(named=True):
        grouped[row["article_id"]].append(row)
    return grouped


def extract_documents(raw: pl.DataFrame, ingest_quarantine: pl.DataFrame) -> Iterator[dict]:
    """Run clean and extract on one batch and yield a JSON-ready record per input document."""
    raw, clean, quarantine, _ = pipeline.clean_batch(raw, ingest_quarantine)
    citations, mentions, actors, events, _ = pipeline.extract_batch(clean)
    if events.height:
        events = assign_clusters(events)  # clusters within this batch; the warehouse clusters across runs
    names = dict(zip(actors["actor_id"].to_list(), actors["name"].to_list())) if actors.height else {}
    by_article = {name: _group(frame) for name, frame in (("m", mentions), ("e", events), ("c", citations))}
    for row in clean.iter_rows(named=True):
        aid = row["article_id"]
        yield {
            "id": row["doc_id"],
            "article_id": aid,
            "source_file": row["source_file"],
            "url": row["url"],
            "title": row["title"],
            "published_at": _iso(row["published_at"].astimezone(WIB)) if row["published_at"] else None,
            "published_precision": row["published_precision"],
            "outlet": row["outlet_id"],
            "dateline": row["dateline"],
            "editor": row["editor"],
            "language": row["language"],
            "page_kind": row.get("page_kind") or "article",
            "duplicate_of": row["duplicate_of"],
            "body": row["body"],
            "mentions": [
                {"start": m["start"], "end": m["end"], "text": m["mention"], "type": m["type"],
                 "actor": names.get(m["actor_id"], m["mention"]), "actor_id": m["actor_id"], "role": m["role"],
                 "sentence_id": m["sentence_id"]}
                for m in sorted(by_article["m"].get(aid, []), key=lambda m: m["start"])
            ],
            "events": [
                {"type": e["event_type"], "mode": e["mode"], "context": e["context"],
                 "actor1": names.get(e["actor1_id"], e.get("actor1_name")) if e["actor1_id"] else e.get("actor1_name"),
                 "actor2": names.get(e["actor2_id"], e.get("actor2_name")) if e["actor2_id"] else e.get("actor2_name"),
                 "actor1_id": e["actor1_id"], "actor2_id": e["actor2_id"],
                 "actor1_mention": e.get("actor1_mention"), "actor2_mention": e.get("actor2_mention"),
                 "date": _iso(e["event_date"]), "date_precision": e["date_precision"],
                 **{k: e.get(k) for k in EVENT_EXTRAS},
                 "sentence": e["sentence"], "confidence": e["confidence"]}
                for e in sorted(by_article["e"].get(aid, []), key=lambda e: e["sentence_id"])
            ],
            "citations": [{"source": c["name"], "role": c["role"]} for c in by_article["c"].get(aid, [])],
            "quarantine": None,
        }
    ids = dict(zip(raw["source_file"].to_list(), raw["doc_id"].to_list())) if raw.height else {}
    for q in quarantine.iter_rows(named=True):
        yield {
            **EMPTY_RECORD,
            "id": ids.get(q["record_key"], q["record_key"]),
            "source_file": q["record_key"],
            "mentions": [], "events": [], "citations": [],
            "quarantine": {"stage": q["stage"], "reason": q["reason"]},
        }
