"""Modes analysts filter on: negation, future (planned), reported speech, and context.

A planned or denied meeting must never look like one that happened, so the mode of a
negated event is ``denied`` and of a future one ``planned``; otherwise it is the trigger's
own mode (``visit``, ``signed``, ``award``) or null.
"""

from __future__ import annotations

from warta.events.lexicon import Lexicon, Tokens, TriggerMatch, cue_words


def _before(tokens: Tokens, trig: TriggerMatch, n: int, floor: int) -> list[str]:
    """Up to ``n`` tokens before the trigger in its clause (not before token ``floor``)."""
    out: list[str] = []
    i = trig.tok_start - 1
    while i >= floor and len(out) < n:
        w = tokens.words[i]
        if w in cue_words("clause_start"):
            break
        out.append(w)
        i -= 1
    return out


def is_negated(tokens: Tokens, trig: TriggerMatch, floor: int, lex: Lexicon) -> bool:
    """Whether a negation cue ("tidak", "belum", "batal", "menolak") precedes the trigger."""
    cues = lex.cues.get("negation", frozenset())
    return any(w in cues for w in _before(tokens, trig, 3, floor))


def is_future(tokens: Tokens, trig: TriggerMatch, floor: int, ceiling: int, lex: Lexicon) -> bool:
    """Whether a future cue ("akan", "berencana", "dijadwalkan") precedes the trigger, or,
    for a noun, follows it as its predicate ("pertemuan ... akan diselenggarakan")."""
    cues = lex.cues.get("future", frozenset())
    if any(w in cues for w in _before(tokens, trig, 5, floor)):
        return True
    if trig.form.noun:
        after = tokens.words[trig.tok_end : min(ceiling, trig.tok_end + 6)]
        return any(w in cue_words("future_after") for w in after)
    return False


def is_past(tokens: Tokens, trig: TriggerMatch, floor: int, lex: Lexicon) -> bool:
    """Whether a perfect-aspect cue ("telah", "sudah", "sempat") precedes the trigger."""
    return any(w in cue_words("perfect") for w in _before(tokens, trig, 3, floor))


def is_reported(tokens: Tokens, tok_lo: int, tok_hi: int, trig: TriggerMatch, lex: Lexicon) -> bool:
    """Whether the sentence is reported speech ("kata", "menurut", "dilaporkan")."""
    cues = lex.cues.get("reported", frozenset())
    return any(
        tokens.words[i] in cues for i in range(tok_lo, tok_hi) if not trig.tok_start <= i < trig.tok_end
    )


def find_context(tokens: Tokens, trig: TriggerMatch, tok_hi: int, lex: Lexicon) -> str | None:
    """The trigger's context: fixed by the lexicon entry, else the first context word after it.

    Words inside the trigger itself count ("kerja sama militer"), then up to 8 tokens after.
    """
    if trig.form.trigger.context:
        return trig.form.trigger.context
    for i in range(trig.tok_start, min(tok_hi, trig.tok_end + 8)):
        w = tokens.words[i]
        for name, words in lex.contexts.items():
            if w in words:
                return name
    return None


def mode_of(trig: TriggerMatch, negated: bool, future: bool) -> str | None:
    """The event's mode: ``denied`` beats ``planned`` beats the trigger's own mode."""
    if negated:
        return "denied"
    if future:
        return "planned"
    return trig.form.trigger.mode
