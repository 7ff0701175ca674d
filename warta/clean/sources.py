"""Sources of an article: its publisher, the agencies and outlets it cites, photo credits.

A known source name (``agencies.yaml``, ``outlets.yaml``) in the body counts as
cited: Indonesian news names other media almost only to attribute information
("seperti dilaporkan Interfax", "lansir AFP"). Names that are also ordinary
words ("antara" = "between") count only right after a citation cue or as
"(ANTARA)". Photo credits come from the captions the cleaner removed.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick
import polars as pl

from warta.clean.outlets import Source, sources

CITATION_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String,
    "source_id": pl.String,
    "name": pl.String,
    "kind": pl.String,
    "role": pl.String,
    "domain": pl.String,
    "country_code": pl.String,
}

_CUE = re.compile(
    r"(?:kantor\s+berita|dikutip(?:\s+dari)?|mengutip|melansir|lansir|dilansir(?:\s+dari)?|menurut|"
    r"laporan|dilaporkan(?:\s+oleh)?|sumber|media|kepada|televisi|stasiun|situs|koran|harian)"
    r"\s*[:,]?\s*(?:dari\s+)?$",
    re.IGNORECASE,
)
_SLUG = re.compile(r"[^a-z0-9]+")
# Text copied from pages sometimes loses the space around a link: "dilansirAntara", "dariAntara".
_GLUED_CUE = re.compile(r"(?:dari|dilansir|melansir|lansir|mengutip|dikutip|kepada)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for src in sources().values():
        for alias, ambiguous in [(a, False) for a in src.aliases] + [(a, True) for a in src.ambiguous]:
            if alias and alias not in automaton:
                automaton.add_word(alias, (len(alias), src.id, ambiguous))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _by_lower_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for src in sources().values():
        for name in (src.name, *src.aliases, *src.ambiguous, *src.domains):
            table.setdefault(name.lower(), src.id)
    return table


def _is_word_edge(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or not text[i].isalnum()


def cited_in(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, source_id) of the source names cited in ``text`` (longest match wins)."""
    automaton = _automaton()
    if len(automaton) == 0:
        return []
    found = []
    for end, (length, source_id, ambiguous) in automaton.iter(text):
        start = end - length + 1
        if not _is_word_edge(text, end + 1):
            continue
        glued = False
        if not _is_word_edge(text, start - 1):
            glued = text[start].isupper() and bool(_GLUED_CUE.search(text, max(0, start - 10), start))
            if not glued:
                continue
        if ambiguous and not glued:
            in_parens = start > 0 and text[start - 1] == "(" and text[end + 1 : end + 2] == ")"
            if not in_parens and not _CUE.search(text[max(0, start - 40) : start]):
                continue
        found.append((start, end + 1, source_id))
    # Longest non-overlapping matches: "CNN Indonesia" over "CNN".
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen: list[tuple[int, int, str]] = []
    for f in found:
        if chosen and f[0] < chosen[-1][1]:
            continue
        chosen.append(f)
    return chosen


def source_of_credit(credit: str) -> str | None:
    """The known source of a "Sumber:" note or photo credit ("AFP/MANAN VATSYAYANA" -> afp)."""
    found = sources_of_credit(credit)
    return found[0] if found else None


def sources_of_credit(credit: str) -> list[str]:
    """Every known source named in a credit: "ANTARA/REUTERS/Maxim Shemetov" -> antara, reuters."""
    table = _by_lower_name()
    whole = credit.strip(" .").lower()
    if whole in table:
        return [table[whole]]
    found: list[str] = []
    for segment in re.split(r"\s*/\s*", credit.strip()):
        key = re.sub(r"\s+foto$", "", segment.strip(" .()[]").lower())
        if key in table and table[key] not in found:
            found.append(table[key])
    if not found:
        # A known name inside the credit, case-insensitively.
        hits = cited_in(credit) or cited_in(credit.title()) or cited_in(credit.upper())
        found = [hits[0][2]] if hits else []
    return found


def _row(article_id: str, src: Source, role: str) -> dict:
    return {
        "article_id": article_id, "source_id": src.id, "name": src.name, "kind": src.kind,
        "role": role, "domain": src.domain, "country_code": src.country_code,
    }


def citations_of(article_id: str, body: str, outlet_id: str | None,
                 photo_credits: list[str] | None, source_notes: list[str] | None) -> list[dict]:
    """The citation rows of one article (deduplicated per source and role)."""
    table = sources()
    rows: dict[tuple[str, str], dict] = {}

    def add(source_id: str | None, role: str, name: str | None = None) -> None:
        if source_id is None or (role == "cited" and source_id == outlet_id):
            return
        src = table.get(source_id)
        if src is None:
            src = Source(source_id, name or source_id, "other", (), None, (), (), (), ())
        rows.setdefault((src.id, role), _row(article_id, src, role))

    if outlet_id:
        add(outlet_id, "publisher")
    for _, _, source_id in cited_in(body):
        add(source_id, "cited")
    for note in source_notes or ():
        for part in re.split(r"\s*(?:,|;|\bdan\b|&)\s*", note):
            if not part.strip():
                continue
            found = source_of_credit(part)
            if found is None:
                slug = _SLUG.sub("-", part.lower()).strip("-")
                add(slug or None, "cited", part.strip())
            else:
                add(found, "cited")
    for credit in photo_credits or ():
        for source_id in sources_of_credit(credit):
            add(source_id, "photo")
    return list(rows.values())


def article_citations(clean: pl.DataFrame) -> pl.DataFrame:
    """Publisher, cited and photo sources of each clean article.

    Columns: article_id, source_id, name, kind, role, domain, country_code; one row
    per article, source and role. Rows with a ``clean_error`` are skipped.
    """
    out: list[dict] = []
    cols = set(clean.columns)
    for rec in clean.iter_rows(named=True):
        if rec.get("clean_error"):
            continue
        out.extend(
            citations_of(
                rec["article_id"], rec.get("body") or "", rec.get("outlet_id"),
                rec.get("photo_credits") if "photo_credits" in cols else None,
                rec.get("source_notes") if "source_notes" in cols else None,
            )
        )
    return pl.DataFrame(out, schema=CITATION_SCHEMA)
