"""Line-level boilerplate removal for Indonesian news text.

Works on the lines of a plain-text dump (or of trafilatura's output): each line
is kept as body or dropped with a reason. Patterns live in ``boilerplate.yaml``.
Losing story content is worse than keeping a stray line, so every rule is
anchored to a whole line or to a line's end. Runs of lines that are furniture
together are the block rules' job (``blocks.py``), which ``classify_lines`` runs last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from warta.clean.blocks import drop_blocks
from warta.lexicon import load_yaml


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate patterns."""

    drop: re.Pattern[str]
    related: re.Pattern[str]
    related_alone: re.Pattern[str]
    tail: re.Pattern[str]
    weak_tail: re.Pattern[str]
    closing: re.Pattern[str]
    byline: re.Pattern[str]
    source: tuple[tuple[re.Pattern[str], bool], ...]
    photo: tuple[tuple[re.Pattern[str], bool], ...]
    photo_any: re.Pattern[str]
    credit_words: frozenset[str]


def _whole(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*[:.]?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Load and compile ``boilerplate.yaml`` once."""
    data = load_yaml("boilerplate.yaml")
    related = "|".join(f"(?:{p})" for p in data["related_markers"])
    return Rules(
        # Menus and relative timestamps are furniture too: one regex, one match per line.
        drop=_whole(data["drop_lines"] + data["menu_lines"] + [_TIMESTAMP_RE]),
        related=re.compile(rf"^(?:{related})", re.IGNORECASE),
        related_alone=re.compile(rf"^(?:{related})\s*[:.]?\s*$", re.IGNORECASE),
        tail=_whole(data["tail_markers"]),
        weak_tail=_whole(data.get("weak_tail_markers") or ["(?!)"]),
        # Initials are lower case by convention ("(blq/dna)"); "(ANTARA/Nama)" is a photo credit.
        closing=re.compile(data["closing_initials"]),
        byline=re.compile(rf"^(?:{data['byline']})$", re.IGNORECASE),
        source=tuple((re.compile(rf"^(?:{e['pattern']})$", re.IGNORECASE), bool(e["explicit"]))
                     for e in data["source_lines"]),
        # A credit pattern that asks for capitals ("(?P<credit>[A-Z]") is case-sensitive.
        photo=tuple(
            (re.compile(e["pattern"], 0 if "(?P<credit>[A-Z]" in e["pattern"] else re.IGNORECASE), bool(e["known"]))
            for e in data["photo_credits"]
        ),
        # All credit patterns in one alternation: one search rules out most lines.
        photo_any=re.compile("|".join(
            ("(?:" if "(?P<credit>[A-Z]" in e["pattern"] else "(?i:") + e["pattern"].replace("(?P<credit>", "(?:") + ")"
            for e in data["photo_credits"]
        )),
        credit_words=frozenset(w.lower() for w in data.get("credit_words") or ()),
    )


# "Editor: Gracia Tanu Wijaya", "Pewarta: A | Editor: B": a name of capitalised words; not
# "Pilihan Editor: <headline>" (Tempo's related link).
EDITOR = re.compile(
    r"(?<!pilihan )(?<!Pilihan )(?<!PILIHAN )\b(?i:editor|penyunting|redaktur)\s*[:|]?\s*"
    r"(?P<name>[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,4})"
    r"(?=\s*(?:[|\n]|$|\b(?i:reporter|penulis|pewarta|fotografer|kontributor|sumber)\b))"
)
_SITE_NAME = re.compile(r"^[\w\-]+\.(?:com|co\.id|id|net|org|tv)$")
_CLOSING_SOURCE = re.compile(r"(?<=[.!?\"”])\s*\(([A-Za-z][\w .\-]{1,30})\)\s*$")
_CREDIT_TAIL = 140
_SHORT_LINE = 320
_TIMESTAMP_RE = r"\d+\s*(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun)\s+(?:yang\s+)?lalu"
_TIMESTAMP = re.compile(rf"^{_TIMESTAMP_RE}$", re.I)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_BARE_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?$", re.IGNORECASE)


@dataclass
class LineVerdicts:
    """What the boilerplate pass decided for each input line."""

    keep: list[bool]
    reasons: list[str | None]
    lines: list[str]  # the lines, with closing initials cut off
    photo_credits: list[str] = field(default_factory=list)
    source_notes: list[str] = field(default_factory=list)
    editor: str | None = None
    site_domain: str | None = None
    site_name: str | None = None


_AUTHOR_LINE = re.compile(r"^(?P<name>[A-Z][\w.'’ ]{2,50}?)\s+[-–|]\s+(?P<site>[\w.\- ]{3,30})$")


def _is_author_line(line: str) -> bool:
    """ "Anggi Muliawati - detikNews": a reporter's name and the site, under a headline."""
    m = _AUTHOR_LINE.match(line)
    if not m or len(m.group("name").split()) > 5:
        return False
    from warta.clean.outlets import known_name

    return known_name(m.group("site"))


def _source_line(line: str) -> tuple[str, str | None] | None:
    """A "Sumber: X" / "Artikel ini telah tayang di X" line: (line, X or None if X is unknown)."""
    if len(line) > 400:
        return None
    for pattern, explicit in rules().source:
        m = pattern.match(line)
        if m:
            from warta.clean.outlets import known_name

            value = m.group("value").strip(" .")
            return line, value if explicit or known_name(value) else None
    return None


def looks_like_headline(line: str) -> bool:
    """A short line without closing punctuation or quotes: a headline, not a sentence."""
    words = line.split()
    return 0 < len(words) <= 25 and not _SENTENCE_END.search(line) and not line.startswith(('"', "“"))


def photo_credit(line: str) -> tuple[str, str] | None:
    """If ``line`` is a photo caption, return (caption text without credit, credit)."""
    if len(line) > 600:
        return None
    # Every credit pattern ends the line and is short: searching the tail is enough.
    offset = max(0, len(line) - _CREDIT_TAIL)
    tail = line[offset:]
    if "/" not in tail and ":" not in tail and "(" not in tail and "[" not in tail:
        return None  # every credit form needs one of these
    if not rules().photo_any.search(tail):
        return None
    for pattern, known in rules().photo:
        m = pattern.search(tail)
        if m and (not known or _credit_is_known(m.group("credit"))):
            return line[: offset + m.start()].strip(), m.group("credit").strip()
    return None


def _credit_is_known(credit: str) -> bool:
    from warta.clean.outlets import known_name

    parts = re.split(r"\s*/\s*", credit.strip())
    first, last = parts[0].strip(" .()[]").lower(), parts[-1].strip(" .()[]").lower()
    # A site name ("TRIBUN-MEDAN.COM/Nama") credits the site's own photographer; so does a
    # photographer's name before a known outlet ("Bagus Kurniawan/detikcom").
    return (first in rules().credit_words or known_name(first) or bool(_SITE_NAME.search(first))
            or (len(parts) > 1 and _outlet_name(last) is not None))


def classify_lines(lines: list[str], title: str | None = None) -> LineVerdicts:
    """Decide, line by line and then block by block, what is story body and what is
    page furniture.

    ``lines`` are stripped, non-empty lines in document order; ``title`` (when known)
    ties blocks to the story (``blocks.drop_blocks``).
    """
    r = rules()
    n = len(lines)
    keep = [True] * n
    reasons: list[str | None] = [None] * n
    out = list(lines)
    verdict = LineVerdicts(keep, reasons, out)
    body_seen = 0

    def drop(i: int, why: str) -> None:
        keep[i] = False
        reasons[i] = why

    i = 0
    while i < n:
        line = out[i]
        # Whole-line furniture is short; long lines can only be "Baca juga: <headline>".
        short = len(line) <= _SHORT_LINE
        if short and body_seen >= 2 and (
            r.tail.match(line) or (r.weak_tail.match(line) and not _story_follows(out, i + 1))
        ):
            for j in range(i, n):
                drop(j, "tail")
            break
        if found := _source_line(line):
            drop(i, "source")
            if found[1]:
                verdict.source_notes.append(found[1])
        elif short and r.drop.match(line):
            drop(i, "boilerplate")
        elif short and body_seen == 0 and _BARE_DOMAIN.match(line):
            drop(i, "site")
            verdict.site_domain = line.lower().removeprefix("www.").rstrip("/")
        elif short and body_seen == 0 and len(line) <= 40 and _outlet_name(line):
            drop(i, "site")  # a page header that is just the site's name ("CNN Indonesia")
            verdict.site_name = line
        elif short and r.related_alone.match(line):
            drop(i, "related")
            # Lines after a lone marker go only while they read like headlines (a list of
            # up to three links); a sentence after it is story and stays.
            for _ in range(3):
                if i + 1 < n and looks_like_headline(out[i + 1]) and not r.related.match(out[i + 1]):
                    drop(i + 1, "related")
                    i += 1
                else:
                    break
        elif r.related.match(line):
            drop(i, "related")
        elif short and r.byline.match(plain := _table_cells(line)):
            drop(i, "byline")
            # "Reporter: A Editor: B" and "Pewarta: A | Editor: B" share one line.
            if verdict.editor is None and (m := EDITOR.search(plain)):
                verdict.editor = m.group("name").strip(" .")
        elif short and _is_author_line(line):
            drop(i, "byline")
        elif (cap := photo_credit(line)) is not None:
            drop(i, "caption")
            verdict.photo_credits.append(cap[1])
        else:
            cut = r.closing.search(line, max(0, len(line) - _CREDIT_TAIL)) if line[-1] in ")]*" else None
            if cut is None and line[-1] == ")" and (src := _CLOSING_SOURCE.search(line)) and _known(src.group(1)):
                cut = src  # "… kata dia. (Antara)": the agency that supplied the story
                verdict.source_notes.append(src.group(1))
            if cut:
                out[i] = line[: cut.start()].rstrip()
                if not out[i]:
                    drop(i, "initials")
            if keep[i]:
                body_seen += 1
        i += 1

    _drop_teasers(verdict)
    _drop_caption_repeats(verdict)
    _drop_menu_runs(verdict)
    drop_blocks(verdict, title)
    return verdict


def _table_cells(line: str) -> str:
    """A table row as trafilatura writes it ("| Penulis | : Nama |"), as plain words."""
    if not line.startswith("|"):
        return line
    return " | ".join(cell.strip(" :") for cell in line.strip("| ").split("|") if cell.strip(" :"))


def _known(name: str) -> bool:
    from warta.clean.outlets import known_name

    return known_name(name)


def _outlet_name(line: str) -> str | None:
    from warta.clean.outlets import outlet_from_name

    return outlet_from_name(line)


def _story_follows(lines: list[str], start: int) -> bool:
    """A full sentence of 20 words or more after a marker: the marker was a subheading."""
    return any(len(ln.split()) >= 20 and _SENTENCE_END.search(ln) for ln in lines[start:])


def _is_label(line: str) -> bool:
    # A navigation or tag label: at most three words, no sentence punctuation, no digits or
    # colon ("Skor: 3,35" is a list of results), not a list item.
    words = line.split()
    return (
        len(words) <= 3 and not _SENTENCE_END.search(line) and ":" not in line
        and not any(ch.isdigit() for ch in line) and line[0] not in "-•*\"“("
    )


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) or len(line.split()) >= 12


def _drop_menu_runs(v: LineVerdicts) -> None:
    """Menus before the story and tag lists after it: runs of bare labels at either end."""
    kept = [i for i in range(len(v.lines)) if v.keep[i]]
    first = next((k for k, i in enumerate(kept) if _is_sentence(v.lines[i])), None)
    if first is None:
        return
    last = next(k for k in range(len(kept) - 1, -1, -1) if _is_sentence(v.lines[kept[k]]))
    for zone, minimum in ((kept[:first], 3), (kept[last + 1 :], 2)):
        run: list[int] = []
        for i in zone + [-1]:
            if i >= 0 and _is_label(v.lines[i]):
                run.append(i)
                continue
            if len(run) >= minimum:
                for j in run:
                    v.keep[j], v.reasons[j] = False, "menu"
            run = []


def _drop_teasers(v: LineVerdicts) -> None:
    """Related-article teasers left outside a tail block: "headline / 4 jam lalu / headline / teaser"."""
    n = len(v.lines)
    for i, line in enumerate(v.lines):
        if not _TIMESTAMP.match(line):
            continue
        if i > 0 and v.keep[i - 1] and looks_like_headline(v.lines[i - 1]):
            v.keep[i - 1], v.reasons[i - 1] = False, "teaser"
        j = i + 1
        while j < n and j <= i + 3 and not rules().drop.match(v.lines[j]):
            v.keep[j], v.reasons[j] = False, "teaser"
            j += 1
    # A kept line repeating a dropped headline is part of the same furniture.
    dropped = {v.lines[i] for i in range(n) if not v.keep[i] and v.reasons[i] in ("teaser", "related", "tail")}
    for i in range(n):
        if v.keep[i] and v.lines[i] in dropped and looks_like_headline(v.lines[i]):
            v.keep[i], v.reasons[i] = False, "teaser"


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _drop_caption_repeats(v: LineVerdicts) -> None:
    """A subtitle line that the photo caption next to it repeats is part of the photo block."""
    for i, reason in enumerate(v.reasons):
        if reason != "caption":
            continue
        cap = photo_credit(v.lines[i])
        if cap is None or not cap[0]:
            continue
        text = _norm(cap[0])
        for j in range(max(0, i - 2), min(len(v.lines), i + 3)):
            if v.keep[j] and _norm(v.lines[j]) == text:
                v.keep[j], v.reasons[j] = False, "caption"
