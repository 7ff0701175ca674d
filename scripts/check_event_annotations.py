"""Check event annotation files against docs/event-annotation.md.

Checks the structure of every article and event, that each anchor occurs exactly once
in the article's corpus text (white space ignored, as the scorer ignores it), and prints a
one-line summary per file. Exit status 1 when a problem is found.

    python scripts/check_event_annotations.py tests/golden/events_eval/dev-a.yaml [...] [--corpora DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "DISAPPROVE",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODES = {"happened", "planned", "denied"}
EVENT_KEYS = {"sentence", "type", "actor1", "actor2", "mode", "date", "optional", "note"}
ACTOR_KEYS = {"name", "aliases", "generic"}
MOJIBAKE = re.compile(r"[‚¬Ã]")


def collapse(text: str) -> str:
    """Text with every run of white space made one space."""
    return " ".join(text.split())


def squeeze(text: str) -> str:
    """Text without white space: how the scorer finds an anchor (warta.evaluation.events),
    so that "orang, yaitu" in a clean body matches "orang , yaitu" in a tokenised corpus."""
    return "".join(text.split())


def corpus_texts(corpora: Path, wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """``(file, id) -> text`` for the wanted ids of each corpus file."""
    out: dict[tuple[str, str], str] = {}
    for file, ids in wanted.items():
        path = corpora / file
        if not path.is_file():
            continue
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            if str(doc["id"]) in ids:
                out[(file, str(doc["id"]))] = doc["text"]
    return out


def _date_ok(value) -> bool:
    if value is None:
        return True
    values = value if isinstance(value, list) else [value]
    if isinstance(value, list) and len(value) != 2:
        return False
    try:
        parsed = [v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)) for v in values]
    except ValueError:
        return False
    return parsed == sorted(parsed)


def _actor_problems(value) -> list[str]:
    if value is None:
        return []
    options = value if isinstance(value, list) else [value]
    problems = []
    for actor in options:
        if not isinstance(actor, dict) or not isinstance(actor.get("name"), str) or not actor["name"].strip():
            problems.append(f"actor without a name: {actor!r}")
            continue
        if set(actor) - ACTOR_KEYS:
            problems.append(f"unknown actor keys {sorted(set(actor) - ACTOR_KEYS)}")
        aliases = actor.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"aliases must be a list of names: {aliases!r}")
    return problems


def check_file(path: Path, corpora: Path) -> tuple[int, int, list[str]]:
    """Return (articles, events, problems) of one annotation file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    articles = data.get("articles") or []
    wanted: dict[str, set[str]] = {}
    for art in articles:
        wanted.setdefault(art.get("file", ""), set()).add(str(art.get("id")))
    texts = corpus_texts(corpora, wanted)
    problems: list[str] = []
    n_events = 0
    seen_ids: set[str] = set()
    for art in articles:
        key = (art.get("file", ""), str(art.get("id")))
        where = f"{path.name}:{key[1]}"
        if key[1] in seen_ids:
            problems.append(f"{where}: article annotated twice")
        seen_ids.add(key[1])
        text = texts.get(key)
        if text is None:
            problems.append(f"{where}: article not found in {corpora / key[0]}")
        events = art.get("events")
        if not isinstance(events, list):
            problems.append(f"{where}: `events` must be a list (events: [] when there is none)")
            continue
        body = squeeze(text) if text else None
        for i, ev in enumerate(events):
            n_events += 1
            here = f"{where} event {i + 1}"
            if set(ev) - EVENT_KEYS:
                problems.append(f"{here}: unknown keys {sorted(set(ev) - EVENT_KEYS)}")
            anchor = collapse(str(ev.get("sentence", "")))
            if len(anchor.split()) < 4:
                problems.append(f"{here}: anchor shorter than four words: {anchor!r}")
            if MOJIBAKE.search(anchor):
                problems.append(f"{here}: anchor holds mojibake: {anchor!r}")
            found = body.count(squeeze(anchor)) if body is not None else 1
            if found != 1:
                problems.append(f"{here}: anchor occurs {found} times in the text: {anchor!r}")
            types = ev.get("type")
            types = types if isinstance(types, list) else [types]
            if not types or any(t not in TYPES for t in types):
                problems.append(f"{here}: bad type {ev.get('type')!r}")
            if ev.get("mode", "happened") not in MODES:
                problems.append(f"{here}: bad mode {ev.get('mode')!r}")
            if not _date_ok(ev.get("date")):
                problems.append(f"{here}: bad date {ev.get('date')!r}")
            for slot in ("actor1", "actor2"):
                if slot not in ev:
                    problems.append(f"{here}: {slot} missing (null when there is none)")
                problems.extend(f"{here} {slot}: {p}" for p in _actor_problems(ev.get(slot)))
    return len(articles), n_events, problems


def main() -> int:
    """Check the given files; print problems and a summary per file."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    bad = 0
    for path in args.files:
        n_articles, n_events, problems = check_file(path, args.corpora)
        for problem in problems:
            print(problem)
        bad += len(problems)
        print(f"{path}: {n_articles} articles, {n_events} events, {len(problems)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
