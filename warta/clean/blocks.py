"""Block-level boilerplate: runs of lines that are furniture together, though each line
alone could pass for story.

The line rules (``boilerplate.py``) judge one line at a time, so a list whose every item
is a full sentence gets through. These rules look at runs of lines:

- lists of teasers with timestamps: rows such as "- 35 detik lalu Judul", "Judul
  08/1/2026 17:03 Ringkasan." or headline / "Rabu, 21 Mei 2025 14:10 WIB" / teaser pairs,
  two or more close together;
- runs of items delimited by separator lines ("-", "•", "***"): two or more separators
  with one or two lines between them (a "related questions" widget);
- question-and-answer widgets: three or more "Question? Answer." lines in a row, at the
  end of the text or sharing no content word with the title and lead;
- short blocks standing between furniture, or between furniture and the end, that
  share no content word with the title and lead.

Patterns and word lists are in ``boilerplate.yaml``. A line that opens with a dateline
(the lead) is never part of a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from warta.lexicon import load_yaml

_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_BULLET = " -–—•·*|>»"
_WORD = re.compile(r"[^\W\d_]{4,}")
_LETTERS = re.compile(r"[^\W\d_]+")
_CLOCK_OR_RELATIVE = re.compile(r"\d[:.]\d\d|lalu", re.IGNORECASE)
ITEM_WORDS = 45
STAMP_WITHIN = 200  # a teaser row's time stands after its headline, within this many characters  # the longest item of a separator-delimited widget
# Reasons of dropped lines that stand for a block of other stories (a list of links or teasers).
FURNITURE = frozenset({"teaser", "related", "widget", "foreign"})


@dataclass(frozen=True)
class BlockRules:
    """Compiled block patterns."""

    timestamp: re.Pattern[str]
    weekday: re.Pattern[str]  # a weekday closing the text before a stamp ("Rabu, ")
    separator: re.Pattern[str]
    question: re.Pattern[str]
    common_words: frozenset[str]


@lru_cache(maxsize=1)
def block_rules() -> BlockRules:
    """Load and compile the block patterns of ``boilerplate.yaml`` once."""
    data = load_yaml("boilerplate.yaml")
    words = "|".join(re.escape(w) for w in sorted(data["question_words"], key=len, reverse=True))
    return BlockRules(
        timestamp=re.compile("|".join(f"(?:{p})" for p in data["timestamps"]), re.IGNORECASE),
        weekday=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["weekdays"]) + r"),?\s*$", re.IGNORECASE),
        separator=re.compile(rf"^(?:{data['separator_line']})$"),
        # "Apa itu X? X adalah ...": a short question, then its answer on the same line.
        question=re.compile(rf"^(?:\d+[.)]\s*)?(?:{words})\b[^?]{{0,150}}\?\s+\S", re.IGNORECASE),
        common_words=frozenset(w.lower() for w in data["common_words"]),
    )


def _headline_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 25 and not _SENTENCE_END.search(text)


def _title_case(text: str) -> bool:
    """Most words capitalised, as in a headline ("Harga Emas Antam Hari Ini Turun")."""
    words = [w for w in text.split() if w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def teaser_row(line: str) -> str | None:
    """The kind of teaser row ``line`` is, if any: ``"stamp"`` for a bare timestamp line,
    ``"row"`` for a timestamp with its headline on the same line.

    A row is a list item ("- ...") or carries a relative time ("4 jam lalu") or a clock
    time ("14:10 WIB"); a story's own dates ("pada Rabu, 11 September 2019 di ...",
    "Jumat (17/10/2025)") have neither.
    """
    if len(line) > 400:
        return None
    rules = block_rules()
    m = rules.timestamp.search(line, 0, STAMP_WITHIN)
    if m is None:
        return None
    before = rules.weekday.sub("", line[: m.start()]).rstrip()
    bullet = line[0] in "-–—•·*"
    head = before.strip(_BULLET)
    rest = line[m.end() :].strip(_BULLET + ",")
    if not head and not rest:
        return "stamp"
    if before.endswith(("(", ",")) or not (bullet or _CLOCK_OR_RELATIVE.search(m.group(0))):
        return None
    if not head or (bullet and len(_LETTERS.findall(head)) < 3 and m.start() <= 40):
        # The stamp opens the row ("- 35 detik lalu Judul"), a headline after it.
        return "row" if _headline_like(rest) and (bullet or _title_case(rest)) else None
    # A headline before the stamp, perhaps a teaser after it ("- Judul 08/1/2026 17:03 Ringkasan.").
    if len(_LETTERS.findall(head)) >= 3 and _headline_like(head) and (bullet or _title_case(head)):
        return "row"
    return None


def _protected(line: str) -> bool:
    from warta.clean.metadata import parse_dateline

    return parse_dateline(line) is not None


def drop_blocks(v, title: str | None = None) -> None:
    """Mark the furniture blocks of the kept lines of ``v`` (a ``LineVerdicts``) as dropped.

    ``title`` (when known) and the lead tie blocks to the story; their content words are
    read only when a block needs them.
    """
    words: list[frozenset[str]] = []

    def title_words() -> frozenset[str]:
        if not words:
            words.append(title_and_lead_words(title, v.lines, v.keep))
        return words[0]

    _drop_teaser_lists(v)
    _drop_separated_items(v)
    _drop_question_widgets(v, title_words)
    _drop_foreign_blocks(v, title_words)


def _drop(v, i: int, why: str) -> None:
    v.keep[i], v.reasons[i] = False, why


# Cheap test first: a row opens with a bullet, or has a relative or a clock time; a bare
# stamp line is short.
_MAYBE_ROW = re.compile(r"^[-–—•·*]|lalu|\d[:.]\d\d(?!\d)", re.IGNORECASE)


def _drop_teaser_lists(v) -> None:
    rows = [(i, kind) for i, line in enumerate(v.lines)
            if v.keep[i] and (len(line) <= 40 or _MAYBE_ROW.search(line)) and (kind := teaser_row(line))]
    groups: list[list[tuple[int, str]]] = []
    for row in rows:
        if groups and row[0] - groups[-1][-1][0] <= 4:
            groups[-1].append(row)
        else:
            groups.append([row])
    for group in groups:
        stamps = [i for i, kind in group if kind == "stamp"]
        # A headline / date pair per teaser; two dates one above the other are a page's
        # "published / updated" lines, not a list.
        paired = [i for i in stamps if i > 0 and v.keep[i - 1] and _headline_like(v.lines[i - 1])
                  and not teaser_row(v.lines[i - 1])]
        if len(group) - len(stamps) + len(paired) < 2:
            continue
        first = min(i - 1 if i in paired else i for i, _ in group)
        last = group[-1][0]
        if group[-1][1] == "stamp" and last + 1 < len(v.lines) and _teaser_blurb(v.lines[last + 1]):
            last += 1  # the last teaser's summary line
        for j in range(first, last + 1):
            if v.keep[j] and not _protected(v.lines[j]):
                _drop(v, j, "teaser")


def _teaser_blurb(line: str) -> bool:
    return len(line.split()) <= 40 and not _protected(line)


def _drop_separated_items(v) -> None:
    rules = block_rules()
    n = len(v.lines)
    seps = [i for i, line in enumerate(v.lines) if len(line) <= 5 and rules.separator.match(line)]
    runs: list[list[int]] = []
    for i in seps:
        if runs and 2 <= i - runs[-1][-1] <= 3:
            runs[-1].append(i)
        elif not runs or i != runs[-1][-1]:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        items = [v.lines[a + 1 : b] for a, b in pairwise(run)]
        form = _form(items)
        if form is None:
            continue
        first, last = run[0], run[-1]
        # The item before the first separator and after the last one, when it has the same form.
        for start, stop in ((max(0, first - 2), first), (last + 1, min(n, last + 3))):
            block = [j for j in range(start, stop) if v.keep[j]]
            if block and _item_form(v.lines[block[0]]) == form and not any(_protected(v.lines[j]) for j in block):
                first, last = min(first, block[0]), max(last, block[-1])
        for j in range(first, last + 1):
            if not _protected(v.lines[j]):
                _drop(v, j, "widget")


def _item_form(line: str) -> str:
    if block_rules().question.match(line) or line.endswith("?"):
        return "question"
    return "headline" if _headline_like(line) else "sentence"


def _form(items: list[list[str]]) -> str | None:
    """The shared form of separator-delimited items, or None when they are not alike."""
    forms = {_item_form(item[0]) for item in items if item}
    if len(forms) != 1 or any(not item for item in items):
        return None
    # Widget items are snippets; sections of a story between separators ("___") are longer.
    if any(len(" ".join(item).split()) > ITEM_WORDS for item in items):
        return None
    return forms.pop()


def _content_words(text: str, common: frozenset[str]) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(text)) if w not in common}


def _drop_question_widgets(v, title_words) -> None:
    rules = block_rules()
    n = len(v.lines)
    i = 0
    while i < n:
        j = i
        while j < n and v.keep[j] and rules.question.match(v.lines[j]):
            j += 1
        if j - i >= 3:
            at_end = all(not v.keep[k] for k in range(j, n))
            words = set().union(*(_content_words(v.lines[k], rules.common_words) for k in range(i, j)))
            if at_end or (title_words() and not words & title_words()):
                for k in range(i, j):
                    _drop(v, k, "widget")
        i = max(j, i + 1)


def _drop_foreign_blocks(v, title_words) -> None:
    """Short blocks after the story's first furniture that share no content word with the
    title and lead: a list of other stories, not more of this one."""
    if not any(why in FURNITURE for why in v.reasons):
        return
    common = block_rules().common_words
    n = len(v.lines)
    i = 0
    seen_story = False
    while i < n:
        if not v.keep[i]:
            i += 1
            continue
        j = i
        while j < n and v.keep[j]:
            j += 1
        # [i, j) is a block of kept lines; it must follow furniture and be followed by
        # furniture or the end.
        before = i > 0 and v.reasons[i - 1] in FURNITURE
        after = j == n or v.reasons[j] in FURNITURE
        lines = v.lines[i:j]
        # A list of other stories' headlines: no sentences, and no data ("VIP : 60.000"),
        # which closes many a story.
        if (seen_story and before and after and j - i >= 2
                and all(_headline_like(ln) and ":" not in ln for ln in lines)
                and not any(_protected(ln) for ln in lines) and title_words()
                and not set().union(*(_content_words(ln, common) for ln in lines)) & title_words()):
            for k in range(i, j):
                _drop(v, k, "foreign")
        seen_story = True
        i = j


def title_and_lead_words(title: str | None, lines: list[str], keep: list[bool]) -> frozenset[str]:
    """Content words of the title and of the first two kept lines of running text."""
    common = block_rules().common_words
    words = _content_words(title or "", common)
    lead = [ln for ln, k in zip(lines, keep) if k and len(ln.split()) >= 12][:2]
    for line in lead:
        words |= _content_words(line, common)
    return frozenset(words)
