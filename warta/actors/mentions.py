"""Actor mentions of one article: gazetteer hits, NER spans, titled names, acronyms.

:func:`extract_article` returns the resolved mentions of one clean body. It is pure and
cheap: the gazetteer is built once per process and the NER spans are computed in a batch
by the caller. The steps live in ``tagged`` (NER spans), ``orgs`` and ``persons``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from warta.actors.common import TYPE_OF, WS_TOKEN, Mention, inside, not_names, skip_regions
from warta.actors.conventions import apply_conventions, dateline_place, person_initials
from warta.actors.gazetteer import Gazetteer, Hit
from warta.actors.orgs import acronyms, disambiguate, headed_orgs, numbered_units, parent_units, resolve_bare
from warta.actors.persons import (
    aka_names,
    appositive_names,
    attach_roles,
    chained_title_names,
    descriptors,
    drop_common_words,
    other_bearers,
    places_not_persons,
    resolve_partials,
    short_names,
    titled_names,
    unify_types,
)
from warta.actors.roles import Role, role_chains
from warta.actors.shapes import aged_persons, initials_names, legal_forms, not_actors, tidy_tagged, unit_names
from warta.actors.tagged import add_tagged_spans


def article_hits(body: str, gaz: Gazetteer) -> list[Hit]:
    """Gazetteer hits of ``body`` outside navigation lines."""
    skip = skip_regions(body, gaz.skip_prefixes)
    return [h for h in gaz.find(body) if not inside(skip, h.start, h.end)]


_CAP_WORD = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*")


def ner_candidate_sentences(body: str, hits: list[Hit], gaz: Gazetteer,
                            spans: list[tuple[int, int]], window: int = 4) -> list[tuple[int, int]]:
    """Stretches of text worth tagging: a few words either side of each capitalised word
    that no gazetteer key explains and that is not an ordinary word opening a sentence.

    Tagging windows instead of whole sentences keeps the NER off the many words that
    cannot be names; ``window`` words of context on each side keep its features intact.
    """
    out: list[tuple[int, int]] = []
    starts = [h.start for h in hits]
    skip = skip_regions(body, gaz.skip_prefixes)
    for s, e in spans:
        if inside(skip, s, e):
            continue
        toks = [m.span() for m in WS_TOKEN.finditer(body, s, e)]
        keep: list[int] = []
        for i, (ts, te) in enumerate(toks):
            if not "A" <= body[ts] <= "Z":
                continue  # what _CAP_WORD needs first, without a regex call per token
            m = _CAP_WORD.match(body, ts, te)
            if not m:
                continue
            w = m.group(0)
            if w in not_names() or (w.isupper() and len(w) > 4):
                continue
            k = bisect_right(starts, ts) - 1
            if k >= 0 and hits[k].end >= m.end():
                continue  # inside a gazetteer hit (hits do not overlap)
            if i == 0 and gaz.is_word(w):
                continue
            keep.append(i)
        last = -1
        for i in keep:
            lo, up = max(0, i - window), min(len(toks) - 1, i + window)
            if out and lo <= last + 1 and out[-1][0] >= s:
                out[-1] = (out[-1][0], toks[up][1])
            else:
                out.append((toks[lo][0], toks[up][1]))
            last = up
    return out


def extract_article(
    body: str, gaz: Gazetteer, ner_spans: list[tuple[int, int, str]] | None = None,
    hits: list[Hit] | None = None, dateline: str | None = None,
) -> list[Mention]:
    """Return the actor mentions of ``body``, resolved within the article, in text order.

    ``ner_spans`` are the tagger's (start, end, type) spans in ``body``; ``hits`` may
    pass :func:`article_hits` when the caller computed them already; ``dateline`` is the
    cleaning stage's dateline place, a place mention where the body still opens with it.
    """
    skip = skip_regions(body, gaz.skip_prefixes)
    if hits is None:
        hits = article_hits(body, gaz)
    roles = role_chains(body, hits)
    title_hits = [h for h in hits if h.kinds() & {"title", "descriptor"}]

    mentions: list[Mention] = []
    for h in hits:
        a = h.actor
        if a is None:
            continue
        if h.kinds() & {"title", "descriptor"}:
            continue  # "Menteri" style keys are roles, not actors
        mentions.append(Mention(h.start, h.end, body[h.start : h.end], TYPE_OF[a.actor_type], a,
                                "gazetteer"))
    disambiguate(hits, mentions)

    # NER spans fill in names the gazetteers do not know.
    add_tagged_spans(body, ner_spans or [], mentions, roles, title_hits, skip, gaz)
    tidy_tagged(body, mentions, gaz)

    mentions.sort(key=lambda m: m.start)
    other_bearers(body, mentions, title_hits, gaz)
    resolve_bare(body, mentions, gaz)
    headed_orgs(body, mentions, skip, gaz)
    acronyms(body, mentions, skip, gaz)
    numbered_units(body, mentions, skip, gaz)
    parent_units(body, mentions, gaz)
    legal_forms(body, mentions, gaz)
    unit_names(body, mentions, gaz)
    not_actors(mentions)
    mentions.sort(key=lambda m: m.start)
    titled_names(body, roles, mentions, skip, gaz)
    initials_names(body, mentions, skip, gaz)
    appositive_names(body, roles, mentions, skip, gaz)
    mentions.sort(key=lambda m: m.start)
    attach_roles(body, roles, mentions)
    resolve_partials(mentions)
    aka_names(body, mentions, gaz)
    drop_common_words(body, mentions, gaz)
    places_not_persons(body, mentions, gaz)
    chained_title_names(body, roles, mentions, gaz)  # after: "Jatim, Kusnadi" is no list of places
    person_initials(body, mentions)
    unify_types(mentions)
    aged_persons(body, mentions, gaz)
    apply_conventions(body, mentions, gaz)
    short_names(body, mentions, skip, gaz)
    mentions.sort(key=lambda m: m.start)
    descriptors(body, roles, mentions)
    dateline_place(body, dateline, mentions, gaz)
    mentions.sort(key=lambda m: m.start)
    return mentions


def with_role(m: Mention, role: Role | None) -> Mention:
    """A copy of ``m`` with another role (helper for tests and callers)."""
    return replace(m, role=role)
