"""Actors: gazetteers, the project's NER, roles and one id per real-world actor.

The pipeline calls :func:`actor_mentions` once per batch of clean articles::

    mentions, actors = actor_mentions(clean)

See docs/actors.md for the mechanisms and docs/architecture.md for the frame contract.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import polars as pl

from warta.actors.gazetteer import GazActor, get_gazetteer
from warta.actors.mentions import Mention, article_hits, extract_article, ner_candidate_sentences
from warta.actors.ner import load_ner
from warta.actors.resolve import actor_id, normalise_name
from warta.text.sentences import article_sentence_spans, sentence_index

__all__ = ["actor_mentions", "extract_article", "get_gazetteer", "actor_id", "load_ner",
           "MENTION_SCHEMA", "ACTOR_SCHEMA"]

MENTION_SCHEMA = {
    "article_id": pl.Utf8, "actor_id": pl.Utf8, "mention": pl.Utf8, "start": pl.Int64,
    "end": pl.Int64, "sentence_id": pl.Int64, "type": pl.Utf8, "role": pl.Utf8,
    "actor_name": pl.Utf8,
}
ACTOR_SCHEMA = {
    "actor_id": pl.Utf8, "name": pl.Utf8, "actor_type": pl.Utf8, "country_code": pl.Utf8,
    "sector": pl.Utf8, "aliases": pl.List(pl.Utf8), "wikidata_id": pl.Utf8, "role": pl.Utf8,
}


def actor_mentions(clean: pl.DataFrame, use_ner: bool | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Extract and resolve the actors of a batch of clean articles.

    Returns ``(mentions, actors)``: mentions have ``article_id, actor_id, mention, start,
    end, sentence_id, type, role`` (plus ``actor_name``, the canonical name) with offsets
    into ``body``; actors have one row per ``actor_id`` of the batch. ``use_ner=None``
    uses the NER model when it is installed, False forces gazetteer-only extraction.
    """
    gaz = get_gazetteer()
    ids = clean.get_column("article_id").to_list()
    bodies = [b or "" for b in clean.get_column("body").to_list()]
    tagger = load_ner() if use_ner is not False else None
    hits = [article_hits(b, gaz) if b else [] for b in bodies]
    sents = [article_sentence_spans(b) if b else [] for b in bodies]
    ner_spans = _tag(tagger, bodies, hits, sents, gaz) if tagger is not None else [[] for _ in bodies]

    datelines = (clean.get_column("dateline").to_list() if "dateline" in clean.columns
                 else [None] * len(bodies))
    rows: dict[str, list] = {k: [] for k in MENTION_SCHEMA}
    agg: dict[str, dict] = {}
    for art_id, body, spans, art_hits, art_sents, dateline in zip(ids, bodies, ner_spans, hits, sents, datelines):
        if not body:
            continue
        found = extract_article(body, gaz, spans, art_hits, dateline)
        if not found:
            continue
        for m in found:
            aid = actor_id(m.actor)
            role = m.role.text if m.role is not None and m.type == "PER" else None
            rows["article_id"].append(art_id)
            rows["actor_id"].append(aid)
            rows["mention"].append(m.text)
            rows["start"].append(m.start)
            rows["end"].append(m.end)
            rows["sentence_id"].append(sentence_index(art_sents, m.start) if art_sents else 0)
            rows["type"].append(m.type)
            rows["role"].append(role)
            rows["actor_name"].append(m.actor.name)
            _aggregate(agg, aid, m)
    mentions = pl.DataFrame(rows, schema=MENTION_SCHEMA)
    actors = pl.DataFrame(
        [_actor_row(aid, a) for aid, a in sorted(agg.items())], schema=ACTOR_SCHEMA, orient="row"
    ) if agg else pl.DataFrame(schema=ACTOR_SCHEMA)
    return mentions, actors


def _tag(tagger: Any, bodies: list[str], hits: list, sents: list, gaz: Any) -> list[list[tuple[int, int, str]]]:
    """NER spans per body, tagging in one batch only the sentences with unexplained names."""
    texts: list[str] = []
    where: list[tuple[int, int]] = []  # (body index, sentence start)
    for i, body in enumerate(bodies):
        for s, e in ner_candidate_sentences(body, hits[i], gaz, sents[i]):
            texts.append(body[s:e])
            where.append((i, s))
    out: list[list[tuple[int, int, str]]] = [[] for _ in bodies]
    if not texts:
        return out
    for (i, s), spans in zip(where, tagger.spans(texts)):
        out[i].extend((s + a, s + b, t) for a, b, t in spans)
    return out


def _aggregate(agg: dict[str, dict], aid: str, m: Mention) -> None:
    a = agg.get(aid)
    if a is None:
        a = agg[aid] = {"actor": m.actor, "surfaces": set(), "roles": Counter(),
                        "countries": Counter(), "sectors": Counter()}
    if m.source != "descriptor":
        a["surfaces"].add(m.text)
    if m.role is not None and m.type == "PER":
        a["roles"][m.role.text] += 1
        if m.role.country_code:
            a["countries"][m.role.country_code] += 1
        if m.role.sector:
            a["sectors"][m.role.sector] += 1


def _top(c: Counter) -> str | None:
    # Most frequent, ties broken alphabetically so the result does not depend on order.
    return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else None


def _actor_row(aid: str, a: dict) -> tuple:
    actor: GazActor = a["actor"]
    canon = normalise_name(actor.name)
    aliases = sorted(
        {s for s in (*actor.aliases, *a["surfaces"]) if normalise_name(s) != canon}
    )
    return (
        aid,
        actor.name,
        actor.actor_type,
        actor.country_code or _top(a["countries"]),
        actor.sector or _top(a["sectors"]),
        aliases,
        actor.wikidata_id,
        actor.role or _top(a["roles"]),
    )
