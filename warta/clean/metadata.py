"""Article metadata read from the text: title, header date line, dateline, language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.clean.outlets import outlet_from_name, outlet_from_text, site_names

# "MOSKOW (Arrahmah.com) –", "JAKARTA, KOMPAS.com -", "TEMPO.CO, Jakarta -", "Jakarta, CNN Indonesia --",
# "PR DEPOK -", "Jakarta (ANTARA) -": a short prefix of capitalised parts before a dash.
_DATELINE = re.compile(r"^(?P<prefix>[^\s\"“'‘].{0,70}?)\s*(?P<dash>--|[-–—]{1,2})(?:\s+|$)")
_CAPS_PLACE = re.compile(r"([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2})\.\s+(?=[\"“A-Z])")
_PART_SPLIT = re.compile(r"\s*[,(]\s*|\s*\)\s*")
_DOMAINISH = re.compile(r"\.(?:com|co|id|net|org|tv)\b", re.IGNORECASE)
_PLACE_WORD = re.compile(r"^(?:[A-Z][A-Za-z'’.\-]*|[A-Z]{2,}[A-Z'’.\-]*)$")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
# "Judul Halaman all - Kompas.com", "Judul (Halaman 2)": paging labels glued to a title.
_PAGE_SUFFIX = re.compile(r"\s*[(\[]?\b(?:halaman|hal\.|page)\s+(?:all|semua|\d+)[)\]]?(?=\s*(?:$|[-–—|:•·»]))", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+(?:[-–—|:•·»]|::)\s+")


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline prefix of a lede line."""

    place: str | None
    outlet_id: str | None
    end: int  # where the story text starts in the line


def _outlet_part(part: str) -> str | None:
    return outlet_from_text(part + " -") or outlet_from_text(part) or outlet_from_name(part)


def parse_dateline(line: str) -> Dateline | None:
    """Parse a dateline prefix ("MOSKOW (Arrahmah.com) –") at the start of a lede line."""
    m = _DATELINE.match(line)
    if not m:
        return None
    prefix = m.group("prefix").strip()
    parts = [p for p in _PART_SPLIT.split(prefix) if p.strip()]
    if not parts or len(parts) > 4:
        return None
    place = None
    outlet = None
    for part in parts:
        part = part.strip(" ,")
        found = _outlet_part(part)
        if found:
            outlet = outlet or found
            continue
        words = part.split()
        if len(words) == 1 and _DOMAINISH.search(part):
            continue  # an outlet we do not know ("harianjogja.com"): not a place
        if not 1 <= len(words) <= 4 or not all(_PLACE_WORD.match(w) for w in words):
            return None
        if place is None:
            place = part
    if place is None and outlet is None:
        return None
    # A place in capitals ("MOSKOW") is a dateline by convention; in title case it could be a
    # name ("Presiden Joko Widodo - ..."), so it needs an outlet beside it or a known place.
    if place is not None and outlet is None and not place.isupper() and not _known_place(place):
        return None
    end = m.end()
    rest = line[end:]
    if place is None and (caps := _CAPS_PLACE.match(rest)):
        # "KONTAN.CO.ID - JAKARTA. Bank Indonesia ...": the place follows the outlet.
        place, end = caps.group(1), end + caps.end()
        rest = line[end:]
    # The story starts right after the dash with a capital, a digit or a quote ("- yang" is prose).
    if rest and not re.match(r"[\"“'‘A-Z0-9(]", rest):
        return None
    return Dateline(place=place, outlet_id=outlet, end=end)


def find_dateline(paragraphs: list[str]) -> tuple[int, Dateline] | None:
    """The dateline of the first of the first three paragraphs that opens with one: (which
    paragraph, the parsed dateline)."""
    for i, paragraph in enumerate(paragraphs[:3]):
        parsed = parse_dateline(paragraph)
        if parsed is not None:
            return i, parsed
    return None


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Place names of the shared gazetteers (cities.tsv, countries.tsv), lower-cased."""
    from warta.lexicon import load_tsv

    names: set[str] = set()
    for table, keys in (("cities.tsv", ("name", "canonical")), ("countries.tsv", ("name", "canonical"))):
        try:
            rows = load_tsv(table)
        except (FileNotFoundError, OSError):
            continue
        for row in rows:
            names.update((row.get(k) or "").lower() for k in keys)
    names.discard("")
    return frozenset(names)


# First words of a title-case prefix that make it a person or body, not a place.
_NOT_PLACE = frozenset(
    "presiden wakil menteri gubernur bupati wali ketua kepala direktur jenderal panglima raja ratu "
    "pangeran perdana sekretaris juru kapolri kapolda kapolres bapak ibu pak bu dr prof pemerintah "
    "kementerian partai tim polisi warga para sejumlah seorang menurut sementara namun".split()
)


def _known_place(place: str) -> bool:
    """A title-case dateline: a gazetteer place, or one or two words that are not a role."""
    places = _places()
    if not places or place.lower() in places:
        return True  # without gazetteers, accept: a missing data file must not lose datelines
    words = place.split()
    return len(words) <= 2 and words[0].lower() not in _NOT_PLACE


def looks_like_title(line: str) -> bool:
    """A first line that reads as a headline: short, no final full stop, not a dateline lede."""
    words = line.split()
    if not 3 <= len(words) <= 25 or len(line) > 250:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    if line.startswith(("\"", "“", "(", "[", "-", "–", "•")):
        return False
    return parse_dateline(line) is None


def strip_site_suffix(title: str, outlet_id: str | None = None, sitename: str | None = None) -> str:
    """Remove a site name from a page title: "Judul - ANTARA News" -> "Judul"."""
    title = " ".join(title.split())
    lowered = title.lower()
    if "halaman" in lowered or "page" in lowered or "hal." in lowered:
        title = _PAGE_SUFFIX.sub("", title).rstrip(" -–—|:•·»")
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return title  # no separator, no suffix
    names = set(_lower_site_names(outlet_id))
    if sitename:
        names.add(sitename.strip().lower())
    while len(parts) > 1:
        last = parts[-1].strip()
        first = parts[0].strip()
        if last.lower() in names or outlet_from_name(last) or _is_site_like(last) or _starts_with_site(last):
            parts = parts[:-1]
        elif first.lower() in names or outlet_from_name(first):
            parts = parts[1:]
        else:
            break
    # Rejoin with the separator that was there (keep inner " - " of real titles).
    if len(parts) == len(_SEPARATORS.split(title)):
        return title
    joined = title
    for cut in _SEPARATORS.finditer(title):
        candidate = title[: cut.start()].strip()
        if _SEPARATORS.split(candidate) == parts:
            joined = candidate
            break
    else:
        joined = " - ".join(p.strip() for p in parts)
    return joined


@lru_cache(maxsize=256)
def _lower_site_names(outlet_id: str | None) -> frozenset[str]:
    return frozenset(n.lower() for n in site_names(outlet_id))


def _starts_with_site(s: str) -> bool:
    # "ANTARA News Jawa Timur", "Okezone Nasional", "Tribunnews Wiki": a site name plus a section.
    words = s.split()
    if not 2 <= len(words) <= 5:
        return False
    return any(outlet_from_name(" ".join(words[:k])) for k in range(1, len(words)))


def _is_site_like(s: str) -> bool:
    # "Republika Online", "detikNews", "Kompas.com", "Berita Terkini": short and site-ish.
    return bool(_DOMAINISH.search(s)) and len(s.split()) <= 3


@lru_cache(maxsize=1)
def _langid():
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    """ISO 639-1 language of ``text`` by py3langid; Malay is folded into Indonesian."""
    if not text.strip():
        return "id"
    # 160 characters identify the language as well as the whole text did on 1000 detik
    # articles; langid's cost grows with the length.
    lang, _ = _langid().classify(text[:160])
    return "id" if lang == "ms" else lang
