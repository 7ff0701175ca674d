"""Indonesian date expressions: find them in text and resolve them to calendar dates.

``find_dates(text, anchor)`` returns one :class:`DateMention` per expression, such as
"Selasa, 22 Juni 2021 10:00 WIB", "Senin (21/6/2021)", "Minggu (21/4)", "pada 11 Juli",
"23-26 April", "Maret lalu", "bulan April", "tahun lalu", "Senin kemarin" or
"20 Juli mendatang". The anchor is the article's own (local) date; expressions that
need it are skipped when it is ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

__all__ = ["DateMention", "find_dates", "MONTHS", "WEEKDAYS"]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text and its resolved calendar date."""

    start: int
    end: int
    text: str
    date: dt.date  # the day (or first day of the month/year/range)
    end_date: dt.date | None  # last day of a range such as "23-26 April"
    precision: str  # "day" | "month" | "year"
    inferred: bool  # year (or more) not stated: taken from the anchor or a weekday
    relative: bool  # "Senin kemarin", "tahun lalu", "Maret lalu"
    future: bool  # "mendatang", "depan", "besok", a date after the anchor
    time: dt.time | None = None  # "10:00 WIB" next to the date
    tz_offset_hours: int | None = None  # 7 WIB, 8 WITA, 9 WIT
    # A weekday with no "lalu"/"depan": resolved to the latest such day, which only the
    # clause's tense can confirm ("dijadwalkan ... pada Kamis" means the coming Thursday).
    bare_weekday: bool = False

    def forward(self, anchor: dt.date) -> DateMention:
        """This mention read as the coming day rather than the past one (bare weekdays only)."""
        if not self.bare_weekday or self.date >= anchor:
            return self
        ahead = anchor + dt.timedelta(days=(self.date.weekday() - anchor.weekday()) % 7)
        return replace(self, date=ahead, future=ahead > anchor)


# Month names (Indonesian, common abbreviations and English spellings) -> month number.
MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "januari jan january",
        "februari pebruari feb febr february",
        "maret mar march",
        "april apr",
        "mei may",
        "juni jun june",
        "juli jul july",
        "agustus agu agt ags aug august",
        "september sep sept",
        "oktober okt oct october",
        "november nopember nov",
        "desember des dec december",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _num

WEEKDAYS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}

_NUMBER_WORDS = {
    "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
}
_TZ = {"WIB": 7, "WITA": 8, "WIT": 9}


def _alt(words) -> str:
    """Capitalised and upper-case alternatives, longest first (names are proper nouns)."""
    forms: set[str] = set()
    for w in words:
        forms.add(w[0].upper() + w[1:])
        forms.add(w.upper())
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


_ABBR = {"jan", "feb", "febr", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "aug", "sep",
         "sept", "okt", "oct", "nov", "des", "dec"}
# Only abbreviations take a full stop ("Jan."); a full name before "." ends the sentence.
_MON = rf"(?:(?:{_alt(set(MONTHS) - _ABBR)})|(?:{_alt(_ABBR)})\.?)(?![\w])"
_WD = rf"(?:{_alt(WEEKDAYS)})"
_DASH = r"(?:\s*[-–—]\s*|\s+(?:hingga|sampai|s\.?/?d\.?)\s+)"
_TIME = (
    r"(?:\s*,?\s*(?:pukul\s+|jam\s+|-\s*)?(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\d|\.\d)"
    r"(?:\s*(?P<tz>WITA|WIB|WIT)\b)?)?"
)
_FUTURE_MOD = r"mendatang|depan|yang akan datang"
_PAST_MOD = r"yang lalu|lalu|kemarin"
_MOD = rf"(?:\s+(?P<mod>tahun\s+lalu|tahun\s+depan|tahun\s+ini|{_FUTURE_MOD}|{_PAST_MOD}))?"

# "Selasa, 22 Juni 2021 10:00 WIB", "Jumat malam, 23 Agustus", "23-26 April",
# "23 April - 2 Mei 2024", "20 Juli mendatang".
_DAY_MONTH = re.compile(
    rf"(?:(?P<wd>{_WD})(?:\s+(?:pagi|siang|sore|malam|dini hari))?\s*,?\s+)?(?:tanggal\s+|tgl\.?\s+)?"
    rf"(?P<d1>[0-3]?\d)(?:{_DASH}(?P<d2>[0-3]?\d))?\s+(?P<mon>{_MON})"
    rf"(?:{_DASH}(?P<d3>[0-3]?\d)\s+(?P<mon2>{_MON}))?"
    rf"(?:\s*,?\s+(?P<y>(?:19|20)\d\d)(?!\d))?"
    rf"{_TIME}{_MOD}(?![\w/])"
)
# "Senin (21/6/2021)", "Minggu (21/4)", "Selasa (22/6)": needs the weekday unless the year is given.
_NUMERIC_PAREN = re.compile(
    rf"(?:(?P<wd>{_WD})\s*,?\s*)?\(\s*(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>(?:19|20)?\d\d))?\s*\)"
)
# "21/06/2021", "21-6-2021", "2021-06-21".
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\d/])" + _TIME.replace("?P<", "?P<n")
)
# "Februari 2021", "Maret lalu", "bulan April", "pada Februari", "Juni tahun lalu".
_MONTH = re.compile(
    rf"(?:(?P<pre>\b(?:[Pp]ada|[Bb]ulan|[Ss]ejak|[Hh]ingga|[Ss]ampai|[Aa]wal|[Aa]khir|[Pp]ertengahan|[Ss]elama|[Jj]elang|[Mm]enjelang|[Ss]etelah|[Ss]ebelum)(?:\s+bulan)?)\s+)?"
    rf"(?<![\d\w])(?P<mon>{_MON})(?:\s+(?P<y>(?:19|20)\d\d)(?!\d))?{_MOD}(?![\w/])"
)
# "Senin kemarin", "pada Senin", "hari Jumat", "Ahad".
_WEEKDAY = re.compile(
    rf"(?:(?P<pre>\b(?:[Pp]ada|[Hh]ari|[Ss]ejak|[Ss]ebelum|[Ss]etelah|[Hh]ingga|[Ss]ampai)(?:\s+hari)?)\s+)?"
    rf"(?<![\w])(?P<wd>{_WD})(?![\w'’])"
    rf"(?:\s+(?P<mod>{_FUTURE_MOD}|kemarin|lalu|ini|pagi|siang|sore|malam|dini hari))?"
)
# "tahun lalu", "dua tahun lalu", "bulan lalu", "3 hari lalu", "kemarin", "besok", "hari ini".
_RELATIVE = re.compile(
    r"(?<![\w])(?:(?P<n>\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|se)\s*)?"
    r"(?P<unit>[Tt]ahun|[Bb]ulan|[Hh]ari)\s+(?P<mod>yang lalu|lalu|kemarin|depan|mendatang|ini)(?![\w])"
    r"|(?<![\w])(?P<word>[Kk]emarin|[Bb]esok|[Ll]usa|[Hh]ari ini)(?![\w])"
)
# "pada 2021", "tahun 2021", "sejak 2021", "2021 lalu".
_YEAR = re.compile(
    r"(?:(?P<pre>\b(?:[Pp]ada|[Tt]ahun|[Ss]ejak|[Hh]ingga|[Ss]ampai|[Aa]wal|[Aa]khir|[Pp]ertengahan|[Ss]elama)(?:\s+tahun)?)\s+)"
    r"(?P<y>(?:19|20)\d\d)(?![\d/.,]\d)(?:\s+(?P<mod>lalu))?"
    r"|(?<![\w/.-])(?P<y2>(?:19|20)\d\d)\s+(?P<mod2>lalu)(?![\w])"
)
_MON_ONLY = re.compile(_MON)
_WD_ONLY = re.compile(_WD)
_DIGIT = re.compile(r"\d")
_NUMERIC_GATE = re.compile(r"\d[/.-]\d")
_YEAR_GATE = re.compile(r"(?:19|20)\d\d")
_RELATIVE_GATE = re.compile(r"lalu|depan|mendatang|ini|kemarin|besok|lusa", re.IGNORECASE)
_SALAT = re.compile(r"(?:salat|sholat|shalat|solat)\s*$", re.IGNORECASE)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + (d.month - 1) + n
    return dt.date(total // 12, total % 12 + 1, 1)


def _distance(cand: dt.date, anchor: dt.date) -> tuple[int, bool]:
    """How far a candidate is from the anchor; news looks back more than ahead, so a day
    after the anchor counts double (and ties go to the past)."""
    days = (cand - anchor).days
    return (days * 2 if days > 0 else -days), days > 0


def _pick_year(
    month: int, day: int, anchor: dt.date, direction: str | None, weekday: int | None = None
) -> dt.date | None:
    """Choose the year for a day and month without one: closest to the anchor.

    ``direction`` "past"/"future" forces a date on/before or on/after the anchor; a weekday
    restricts the candidates to years in which the day falls on that weekday.
    """
    if weekday is not None:
        # A day and month close to the anchor wins over a contradicting weekday (a typo
        # in "Sabtu (19/10)" is likelier than a story from another year).
        near = _pick_year(month, day, anchor, direction)
        if near is not None and (near.weekday() == weekday or abs((near - anchor).days) <= 45):
            return near
    best: dt.date | None = None
    span = 30 if weekday is not None else 1
    for y in range(anchor.year - span, anchor.year + span + 1):
        cand = _safe_date(y, month, day)
        if cand is None or (weekday is not None and cand.weekday() != weekday):
            continue
        if direction == "past" and cand > anchor:
            continue
        if direction == "future" and cand < anchor:
            continue
        if best is None or _distance(cand, anchor) < _distance(best, anchor):
            best = cand
    if best is None and weekday is not None:
        return _pick_year(month, day, anchor, direction)  # a wrong weekday: ignore it
    return best


def _weekday_year(month: int, day: int, weekday: int, today: dt.date) -> dt.date | None:
    """The most recent year (not after ``today``) in which day/month falls on ``weekday``."""
    for y in range(today.year, today.year - 60, -1):
        cand = _safe_date(y, month, day)
        if cand is not None and cand <= today and cand.weekday() == weekday:
            return cand
    return None


def _direction(mod: str | None) -> str | None:
    if not mod:
        return None
    mod = " ".join(mod.lower().split())
    if mod in ("lalu", "yang lalu", "kemarin"):
        return "past"
    if mod in ("mendatang", "depan", "yang akan datang"):
        return "future"
    return None


def _time(m: re.Match, prefix: str = "") -> tuple[dt.time | None, int | None]:
    hh, mi = m.group(prefix + "hh"), m.group(prefix + "mi")
    if hh is None:
        return None, None
    tz = m.group(prefix + "tz")
    return dt.time(int(hh), int(mi)), (_TZ[tz] if tz else None)


def _wd(name: str | None) -> int | None:
    return WEEKDAYS.get(name.lower()) if name else None


def _mon(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _future(date: dt.date, anchor: dt.date | None, mod: str | None) -> bool:
    return _direction(mod) == "future" or (anchor is not None and date > anchor)


def _from_day_month(m: re.Match, anchor: dt.date | None) -> DateMention | None:
    mon = _mon(m.group("mon"))
    d1 = int(m.group("d1"))
    mod = m.group("mod")
    modl = " ".join(mod.lower().split()) if mod else None
    wd = _wd(m.group("wd"))
    inferred = relative = False
    if m.group("y"):
        year = int(m.group("y"))
        start = _safe_date(year, mon, d1)
    elif modl in ("tahun lalu", "tahun depan", "tahun ini"):
        if anchor is None:
            return None
        year = anchor.year + {"tahun lalu": -1, "tahun depan": 1, "tahun ini": 0}[modl]
        start = _safe_date(year, mon, d1)
        inferred = relative = True
    elif anchor is not None:
        start = _pick_year(mon, d1, anchor, _direction(mod), wd)
        inferred = True
        relative = _direction(mod) == "past"
    elif wd is not None:
        start = _weekday_year(mon, d1, wd, dt.date.today())
        inferred = True
    else:
        return None
    if start is None:
        return None
    end = None
    if m.group("d3"):
        mon2 = _mon(m.group("mon2"))
        year2 = start.year + (1 if mon2 < start.month else 0)
        end = _safe_date(year2, mon2, int(m.group("d3")))
        # "23 April - 2 Mei 2024": the stated year belongs to the end of the range.
        if m.group("y") and year2 != start.year:
            start, end = _safe_date(start.year - 1, mon, d1), start.replace(month=mon2, day=int(m.group("d3")))
    elif m.group("d2"):
        end = _safe_date(start.year, mon, int(m.group("d2")))
    if end is not None and (start is None or end <= start):
        end = None
    if start is None:
        return None
    t, tz = _time(m)
    return DateMention(
        m.start(), m.end(), m.group(0), start, end, "day", inferred, relative,
        _future(start, anchor, mod), t, tz,
    )


def _from_numeric_paren(m: re.Match, anchor: dt.date | None) -> DateMention | None:
    d, mon = int(m.group("d")), int(m.group("m"))
    wd = _wd(m.group("wd"))
    y = m.group("y")
    if not 1 <= mon <= 12:
        return None
    if y:
        year = int(y) + (2000 if len(y) == 2 else 0)
        date = _safe_date(year, mon, d)
        inferred = False
    elif wd is None:
        return None  # "(3/4)" alone could be anything
    elif anchor is not None:
        date = _pick_year(mon, d, anchor, None, wd)
        inferred = True
    else:
        date = _weekday_year(mon, d, wd, dt.date.today())
        inferred = True
    if date is None:
        return None
    return DateMention(
        m.start(), m.end(), m.group(0), date, None, "day", inferred, False,
        _future(date, anchor, None), None, None,
    )


def _from_numeric(m: re.Match, anchor: dt.date | None) -> DateMention | None:
    if m.group("iy"):
        date = _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    else:
        date = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if date is None:
        return None
    t, tz = _time(m, "n")
    return DateMention(
        m.start(), m.end(), m.group(0), date, None, "day", False, False,
        _future(date, anchor, None), t, tz,
    )


def _from_month(m: re.Match, anchor: dt.date | None) -> DateMention | None:
    mon = _mon(m.group("mon"))
    mod, pre = m.group("mod"), m.group("pre")
    modl = " ".join(mod.lower().split()) if mod else None
    if m.group("y"):
        date = dt.date(int(m.group("y")), mon, 1)
        inferred = relative = False
    elif not (pre or mod):
        return None  # a bare "April" or "Mei" may be a name
    elif anchor is None:
        return None
    elif modl in ("tahun lalu", "tahun depan", "tahun ini"):
        date = dt.date(anchor.year + {"tahun lalu": -1, "tahun depan": 1, "tahun ini": 0}[modl], mon, 1)
        inferred = relative = True
    else:
        direction = _direction(mod)
        this_month = anchor.replace(day=1)
        cands = [dt.date(anchor.year + k, mon, 1) for k in (-1, 0, 1)]
        if direction == "past":
            cands = [c for c in cands if c < this_month]  # "Maret lalu" is a past March
        elif direction == "future":
            cands = [c for c in cands if c > this_month]
        date = min(cands, key=lambda c: _distance(c, this_month))
        inferred, relative = True, direction is not None
    return DateMention(
        m.start(), m.end(), m.group(0), date, None, "month", inferred, relative,
        _direction(mod) == "future" or (anchor is not None and date > anchor.replace(day=1)),
        None, None,
    )


def _from_weekday(m: re.Match, text: str, anchor: dt.date | None) -> DateMention | None:
    if anchor is None:
        return None
    wd = _wd(m.group("wd"))
    pre, mod = m.group("pre"), m.group("mod")
    modl = mod.lower() if mod else None
    name = m.group("wd").lower()
    if _SALAT.search(text[max(0, m.start() - 10) : m.start("wd")]):
        return None
    # "Minggu" also means "week"; take it as Sunday only with a clear cue.
    if name == "minggu" and not pre and modl not in ("kemarin", "pagi", "siang", "sore", "malam", "dini hari"):
        return None
    if text[m.start("wd") : m.end("wd")].isupper() and len(name) > 3 and not pre and not mod:
        return None  # an all-caps heading word, not a date
    direction = _direction(mod)
    back = (anchor.weekday() - wd) % 7
    if direction == "future":
        date = anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    elif modl == "lalu" and back == 0:
        date = anchor - dt.timedelta(days=7)
    else:
        date = anchor - dt.timedelta(days=back)  # the most recent such day, today included
    return DateMention(
        m.start(), m.end(), m.group(0), date, None, "day", True, True,
        date > anchor, None, None, bare_weekday=direction is None and modl not in ("lalu", "kemarin"),
    )


def _from_relative(m: re.Match, anchor: dt.date | None) -> DateMention | None:
    if anchor is None:
        return None
    word = m.group("word")
    if word:
        offset = {"kemarin": -1, "besok": 1, "lusa": 2, "hari ini": 0}[word.lower()]
        date = anchor + dt.timedelta(days=offset)
        return DateMention(m.start(), m.end(), m.group(0), date, None, "day", True, True, offset > 0)
    unit, mod = m.group("unit").lower(), m.group("mod").lower()
    n_raw = m.group("n")
    n = 1 if not n_raw else (int(n_raw) if n_raw.isdigit() else _NUMBER_WORDS[n_raw.lower()])
    sign = {"lalu": -1, "yang lalu": -1, "kemarin": -1, "depan": 1, "mendatang": 1, "ini": 0}[mod]
    if sign == 0:
        n = 0
    if unit == "tahun":
        date, precision = dt.date(anchor.year + sign * n, 1, 1), "year"
    elif unit == "bulan":
        date, precision = _add_months(anchor.replace(day=1), sign * n), "month"
    else:
        if mod == "ini":
            date = anchor
        elif n_raw is None:
            return None  # "hari lalu" without a number is not a date
        else:
            date = anchor + dt.timedelta(days=sign * n)
        precision = "day"
    return DateMention(
        m.start(), m.end(), m.group(0), date, None, precision, True, True, sign > 0,
    )


# "UU Nomor 8 Tahun 2019", "Perpres No. 12 Tahun 2020": the year of a law, not a date.
_LAW_NUMBER = re.compile(r"(?:\b[Nn]o(?:mor)?\.?|\b[Nn]omor)\s*\d+[\w/.-]*\s*$")


def _from_year(m: re.Match, anchor: dt.date | None, text: str = "") -> DateMention | None:
    if _LAW_NUMBER.search(text[max(0, m.start() - 25) : m.start()]):
        return None
    y = m.group("y") or m.group("y2")
    date = dt.date(int(y), 1, 1)
    return DateMention(
        m.start(), m.end(), m.group(0), date, None, "year", False, False,
        anchor is not None and date.year > anchor.year, None, None,
    )


def find_dates(text: str, anchor: dt.date | None = None) -> list[DateMention]:
    """Find the date expressions in ``text`` and resolve them against ``anchor``.

    ``anchor`` is the article's local publication date. Without it, expressions that
    need one ("Senin kemarin", "Maret lalu", "pada 11 Juli") are skipped, and a weekday
    with a day and month ("Minggu (21/4)") takes the most recent year, not after today,
    in which that day falls on that weekday. Overlapping matches keep the longest one;
    the result is ordered by position.
    """
    if not text:
        return []
    found: list[DateMention] = []
    # Cheap gates first: most sentences have no month, weekday or year at all.
    has_month = _MON_ONLY.search(text) is not None
    has_digit = _DIGIT.search(text) is not None
    if has_month and has_digit:
        for m in _DAY_MONTH.finditer(text):
            _add(found, _from_day_month(m, anchor))
    if has_digit and "/" in text:
        for m in _NUMERIC_PAREN.finditer(text):
            _add(found, _from_numeric_paren(m, anchor))
    if has_digit and _NUMERIC_GATE.search(text):
        for m in _NUMERIC.finditer(text):
            _add(found, _from_numeric(m, anchor))
    if has_month:
        for m in _MONTH.finditer(text):
            _add(found, _from_month(m, anchor))
    if _WD_ONLY.search(text):
        for m in _WEEKDAY.finditer(text):
            _add(found, _from_weekday(m, text, anchor))
    if _RELATIVE_GATE.search(text):
        for m in _RELATIVE.finditer(text):
            _add(found, _from_relative(m, anchor))
    if has_digit and _YEAR_GATE.search(text):
        for m in _YEAR.finditer(text):
            _add(found, _from_year(m, anchor, text))
    # Longest first, then keep the ones that do not overlap an already kept match.
    found.sort(key=lambda d: (-(d.end - d.start), d.start))
    kept: list[DateMention] = []
    for d in found:
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    kept.sort(key=lambda d: d.start)
    return kept


def _add(found: list[DateMention], mention: DateMention | None) -> None:
    if mention is not None:
        found.append(mention)
