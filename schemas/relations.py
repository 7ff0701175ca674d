"""Relationship checks between the frames of one batch, as dbt's ``relationships`` tests.

A mention names an actor of the batch and an article of the batch; an event names an
article and, where it has them, actors of the batch; a citation names an article. A
record whose reference does not resolve is quarantined with the reason, so the
warehouse never receives a dangling id.
"""

from __future__ import annotations

import polars as pl

from warta.quarantine import quarantine_frame

# (frame, key column for the quarantine row, [(column, referenced frame, referenced column)])
RELATIONS = {
    "citations": ("article_id", [("article_id", "articles", "article_id")]),
    "mentions": ("article_id", [("article_id", "articles", "article_id"), ("actor_id", "actors", "actor_id")]),
    "events": ("event_id", [("article_id", "articles", "article_id"), ("actor1_id", "actors", "actor_id"),
                            ("actor2_id", "actors", "actor_id")]),
}
STAGES = {"citations": "citations", "mentions": "actor_mentions", "events": "events"}


def related_frames(frames: dict[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Split ``citations``, ``mentions`` and ``events`` of ``frames`` into resolving rows and quarantine rows.

    ``frames`` holds at least ``articles``, ``actors``, ``citations``, ``mentions`` and
    ``events``. Mentions are checked before events use them; a null reference is fine
    (an event without a second actor).
    """
    out = dict(frames)
    bad: list[pl.DataFrame] = []
    for name, (key, references) in RELATIONS.items():
        frame = out[name]
        if frame.is_empty():
            continue
        broken = pl.lit(None, dtype=pl.String)
        for column, target, target_column in references:
            known = out[target].get_column(target_column).unique().implode()
            dangling = pl.col(column).is_not_null() & ~pl.col(column).is_in(known)
            reason = pl.format(f"{column} {{}} is not in {target}", pl.col(column))
            broken = pl.when(broken.is_null() & dangling).then(reason).otherwise(broken)
        marked = frame.with_columns(broken.alias("__broken"))
        failing = marked.filter(pl.col("__broken").is_not_null())
        if failing.height:
            bad.append(failing.select(
                pl.lit(STAGES[name]).alias("stage"), pl.col(key).cast(pl.String).alias("record_key"),
                pl.format("relationship: {}", pl.col("__broken")).alias("reason"), pl.lit(None, dtype=pl.String).alias("payload"),
            ))
        out[name] = marked.filter(pl.col("__broken").is_null()).drop("__broken")
    return out, pl.concat(bad) if bad else quarantine_frame()
