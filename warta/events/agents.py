"""Implicit agents: who took a step of the law that names no one taking it.

"Miryam dijerat dengan Pasal 22", "Noel ditahan di Rutan KPK": once an article has named
the police, prosecutor or anti-corruption commission handling a case, it leaves them unsaid.
An agentless step of the law (cues ``law_steps``) done to someone is taken by the
law-enforcement body (cues ``law_bodies``) the article named last before it, else the first
one its own sentence names.
"""

from __future__ import annotations

import bisect
import re

from warta.events.arguments import Mention
from warta.events.lexicon import Lexicon, Tokens, TriggerMatch

_WORD = re.compile(r"\w+")
LAW_TYPES = frozenset({"ACCUSE", "COERCE"})


def _is_law_name(text: str, words: frozenset[str], phrases: list[str]) -> bool:
    low = text.lower()
    return bool(words & set(_WORD.findall(low))) or any(re.search(rf"\b{re.escape(p)}\b", low) for p in phrases)


def law_bodies(body: str, mentions: list[Mention], tokens: Tokens, lex: Lexicon) -> list[Mention]:
    """The law-enforcement bodies an article names, in order: named ones ("Polda Metro Jaya",
    "KPK", "Mapolsek Labuhan") and unnamed groups ("polisi", "penyidik") outside a name."""
    cues = lex.cues.get("law_bodies", frozenset())
    words = frozenset(c for c in cues if " " not in c)
    phrases = [c for c in cues if " " in c]
    others = lex.cues.get("law_other_units", frozenset())
    out = [
        m for m in mentions
        if m.type != "PER" and (_is_law_name(m.name, words, phrases) or _is_law_name(body[m.start:m.end], words, phrases))
        and not _is_law_name(m.name, others, [])
    ]
    groups = lex.cues.get("law_groups", frozenset())
    starts = [m.start for m in mentions]
    for i, w in enumerate(tokens.words):
        if w not in groups:
            continue
        k = bisect.bisect_right(starts, tokens.starts[i]) - 1
        if k >= 0 and mentions[k].end > tokens.starts[i]:
            continue  # part of a name: "Penyidik Bareskrim" is Bareskrim's
        out.append(Mention(tokens.starts[i], tokens.ends[i], None, w, "GROUP"))
    return sorted(out, key=lambda m: m.start)


def is_law_step(trig: TriggerMatch, body: str, lex: Lexicon) -> bool:
    """Whether a trigger is a step of the law ("dijerat", "ditahan", "penggeledahan")."""
    if trig.form.trigger.type not in LAW_TYPES:
        return False
    return body[trig.start:trig.end].lower() in lex.cues.get("law_steps", frozenset())


def law_agent(bodies: list[Mention], trig: TriggerMatch, tokens: Tokens, sentence_end: int,
              targets: list[Mention]) -> Mention | None:
    """The body that took the step ``trig``: the last named before it (a name before an
    unnamed group: "polisi" is the Polda the article named), else the first its own sentence
    names after it. None when the step is done to a place or to such a body
    ("dibawa ke Mapolrestabes untuk diperiksa": the parse missed whom), or when the sentence
    names an agent the parse missed ("ditangkap ... oleh penjaga perbatasan")."""
    spans, names = {(m.start, m.end) for m in bodies}, {m.name.lower() for m in bodies}
    if any(m.type == "LOC" or (m.start, m.end) in spans or m.name.lower() in names for m in targets):
        return None
    if "oleh" in tokens.words[trig.tok_end:tokens.index_at(sentence_end)]:
        return None
    before = [m for m in bodies if m.end <= trig.start]
    if before:
        return ([m for m in before if m.type != "GROUP"] or before)[-1]
    after = [m for m in bodies if trig.end <= m.start < sentence_end]
    return after[0] if after else None
