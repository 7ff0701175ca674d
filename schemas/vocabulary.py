"""The closed vocabularies the contracts accept, read from ``warta/lexicons`` (one home).

``vocabulary.yaml`` lists them; event types come from ``plover.yaml``, and the event
modes and contexts that triggers carry from ``triggers.yaml``. A user lexicon folder
extends all three files, and so what the contracts accept.
"""

from __future__ import annotations

from functools import lru_cache

from warta.lexicon import load_yaml


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list]:
    """Every closed vocabulary by name (``event_types``, ``event_modes``, ``contexts`` included)."""
    vocab = {key: list(values) for key, values in load_yaml("vocabulary.yaml").items()}
    vocab["event_types"] = sorted(str(k).upper() for k in load_yaml("plover.yaml"))
    triggers = load_yaml("triggers.yaml")
    entries = triggers.get("triggers") or []
    vocab["event_modes"] = sorted(set(vocab.get("event_modes", [])) | {e["mode"] for e in entries if e.get("mode")})
    vocab["contexts"] = sorted(set(triggers.get("contexts") or {}) | {e["context"] for e in entries if e.get("context")})
    return vocab


def values(name: str) -> list:
    """The accepted values of vocabulary ``name`` (KeyError for an unknown name)."""
    return vocabulary()[name]
