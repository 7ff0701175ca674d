"""Actor ids and within-article resolution (surname -> full name, acronyms, descriptors).

Ids are derived from the canonical name only, so the same name gets the same id in any
run, on any machine: ``per:<sha1[:12]>`` for persons, ``org:`` for organisations and
groups, ``loc:`` for places and ``cty:<ISO3>`` for countries.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from warta.actors.gazetteer import GazActor

_PREFIX = {"person": "per", "organization": "org", "group": "org", "location": "loc"}
_PUNCT = re.compile(r"[^\w\s-]", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Case-fold, strip accents-insensitive punctuation and collapse whitespace."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("’", "'").replace("'", "")
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def actor_id(actor: GazActor) -> str:
    """Return the stable id of ``actor`` (from its type and canonical name)."""
    if actor.actor_type == "country" and actor.country_code:
        return f"cty:{actor.country_code}"
    prefix = _PREFIX.get(actor.actor_type, "org")
    digest = hashlib.sha1(normalise_name(actor.name).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}:{digest}"


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(normalise_name(name).split())


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def link_partial_names(names: list[str]) -> dict[str, str]:
    """Map person names that are part of exactly one longer name in the same article.

    "Patrushev" -> "Nikolai Patrushev"; "Aung" stays unresolved when both "Moe Aung"
    and "Tun Aung" occur. Returns ``{short: long}`` for the names that resolve.
    """
    toks = {n: _tokens(n) for n in names}
    out: dict[str, str] = {}
    for short, st in toks.items():
        if not st:
            continue
        fits = {
            long for long, lt in toks.items()
            if len(lt) > len(st) and _contains(lt, st)
        }
        # Collapse chains: when every fit contains the longest, the longest is the one.
        if fits:
            longest = max(fits, key=lambda n: (len(toks[n]), n))
            if all(_contains(toks[longest], toks[f]) for f in fits):
                out[short] = longest
    return out
