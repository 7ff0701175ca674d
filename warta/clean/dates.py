"""Publish time of an article: from a container hint, a header line, or the text itself.

Parsing Indonesian date expressions is the job of ``warta.text.dates.find_dates``;
this module only decides which expression dates the article and converts it to UTC.
A date without a time is stored at midnight UTC, so its calendar day reads the same
in UTC and in Indonesian time.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import replace

from warta.text.dates import DateMention, find_dates

_CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b(?:\s*(WIB|WITA|WIT)\b)?")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")
WIB = dt.timezone(dt.timedelta(hours=7))
_LETTERS = re.compile(r"[A-Za-z]+")
# Words that may stand next to the date on a header line.
_HEADER_WORDS = {
    "wib", "wita", "wit", "diperbarui", "dipublikasikan", "diterbitkan", "update", "updated",
    "published", "terbit", "pukul", "jam", "tanggal", "oleh", "posted", "on",
}


def _utc(d: dt.date, t: dt.time | None, offset_hours: int | None) -> dt.datetime:
    if t is None:
        return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)
    tz = dt.timezone(dt.timedelta(hours=offset_hours if offset_hours is not None else 7))
    return dt.datetime.combine(d, t, tzinfo=tz).astimezone(dt.timezone.utc)


def from_mention(m: DateMention) -> tuple[dt.datetime, str]:
    """Convert a date mention to (UTC datetime, precision); a stated clock time gives minute."""
    if m.time is not None and m.precision == "day":
        return _utc(m.date, m.time, m.tz_offset_hours), "minute"
    return _utc(m.date, None, None), m.precision


def from_hint(hint: str | None) -> tuple[dt.datetime | None, str | None]:
    """Parse a container's publish time (ISO 8601 or an Indonesian date string)."""
    if not hint or not hint.strip():
        return None, None
    s = hint.strip()
    if s.isdigit() and len(s) in (10, 13):  # Unix time in seconds or milliseconds
        seconds = int(s) / (1000 if len(s) == 13 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc), "minute"
    iso = s[:-1] + "+00:00" if s.endswith("Z") else s
    iso = _SLASHED.sub(r"\1-\2-\3", iso)  # "2025/10/27 14:05:32" (detik metadata)
    try:
        value = dt.datetime.fromisoformat(iso)
    except ValueError:
        value = None
    if value is None:
        try:
            value = email.utils.parsedate_to_datetime(s)  # "Mon, 27 Oct 2025 14:05:32 +0700"
        except (TypeError, ValueError, IndexError):
            value = None
    if value is not None:
        has_time = bool(re.search(r"\d[T ]\d{1,2}:\d\d|\d \d{1,2}:\d\d", s))
        if not has_time:
            return _utc(value.date(), None, None), "day"
        if value.tzinfo is None:
            value = value.replace(tzinfo=WIB)  # Indonesian outlets state local time
        return value.astimezone(dt.timezone.utc), "minute"
    mentions = [m for m in find_dates(s) if not m.relative]
    if mentions:
        return from_mention(mentions[0])
    return None, None


# "/2017/11/13/", "/2019-09-17-", and CNN Indonesia's "/20170809112735-20-233461/" (local time).
_URL_DAY = re.compile(r"\D((?:199\d|20[0-3]\d))[/_-]([01]?\d)[/_-]([0-3]?\d)(?:\D|$)")
_URL_STAMP = re.compile(r"/((?:199\d|20[0-3]\d))([01]\d)([0-3]\d)(?:([01]\d|2[0-3])([0-5]\d)[0-5]\d)?-")


def from_url(url: str | None) -> tuple[dt.datetime | None, str | None]:
    """The publish day (or minute) that a news URL states in its path, as many outlets do."""
    if not url:
        return None, None
    path = url.split("://", 1)[-1].partition("/")[2]
    path = "/" + path.split("?", 1)[0]
    found = _URL_STAMP.search(path)
    match = found or _URL_DAY.search(path)
    if match is None:
        return None, None
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None, None
    if day > dt.date.today():
        return None, None
    if found is not None and found[4] is not None:
        return _utc(day, dt.time(int(found[4]), int(found[5])), 7), "minute"
    return _utc(day, None, None), "day"


def header_date(line: str) -> tuple[dt.datetime, str] | None:
    """If ``line`` is a dateline-style header ("Selasa, 22 Juni 2021 10:00 WIB"), parse it."""
    if len(line) > 120:
        return None
    mentions = [m for m in find_dates(line) if m.precision == "day" and not m.relative and not m.inferred]
    if not mentions:
        return None
    m = mentions[0]
    rest = line[: m.start] + " " + line[m.end :]
    words = [w.lower() for w in _LETTERS.findall(rest)]
    # Allow a byline-ish word or two ("Diperbarui", "WIB") but not a sentence.
    if sum(1 for w in words if w not in _HEADER_WORDS) > 3:
        return None
    if m.time is None:
        # "27 Oktober 2025 | 14:05 WIB": the clock time stands apart from the date.
        t = _CLOCK.search(line, m.end)
        if t:
            clock = dt.time(int(t.group(1)), int(t.group(2)))
            offset = {"WIB": 7, "WITA": 8, "WIT": 9}.get((t.group(3) or "").upper())
            return _utc(m.date, clock, offset), "minute"
    return from_mention(m)


def _year_hint(text: str, mentions: list[DateMention]) -> int | None:
    """The article's year when no date states it: "... tahun lalu ... Maret 2021" gives 2022."""
    last_year = re.compile(r"\btahun\s+lalu\b", re.IGNORECASE)
    for m in mentions:
        if m.inferred or m.relative:
            continue
        # A sentence calling a stated year "last year" dates the article a year later.
        start = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start)) + 1
        end_dot = text.find(".", m.end)
        end = len(text) if end_dot < 0 else end_dot
        if last_year.search(text, start, end):
            return m.date.year + 1
    # Stated years up to this one: "target pada 2045" does not date an article.
    this_year = dt.date.today().year
    years = [m.date.year for m in mentions
             if not m.inferred and not m.relative and not m.future and m.date.year <= this_year]
    return max(years) if years else None


def infer_published(body: str, lede_end: int) -> tuple[dt.datetime, str] | None:
    """Infer the publish day from dates in the story, marked ``inferred``.

    Preference: a day-precision date in the lede; then the latest day stated with a
    weekday ("Minggu (21/4)"); then the latest other day ("melansir TASS 13 Juli"). The
    year must be stated somewhere in the text, or implied by it ("tahun lalu").
    Ranges and future dates ("23-26 April", "20 Juli mendatang") never date an article.
    """
    today = dt.date.today()

    def usable(ms: list[DateMention]) -> list[DateMention]:
        return [m for m in ms if m.precision == "day" and m.end_date is None and not m.future
                and not m.relative and m.date <= today]

    mentions = find_dates(body)
    days = usable(mentions)
    # A stated year fixes the year; a day without one borrows the year the text implies. A
    # weekday alone does not ("Rabu (9/8)" fits 2017 and 2023 alike): it picks the first year
    # that fits from the one the text implies ("Minggu (21/4)" after "kudeta 2021" is 2024,
    # "Selasa (30/5)" beside "30 Mei 2017" is 2017).
    if not days or any(m.inferred for m in days):  # without an anchor, "11 Juli" is not found at all
        year = _year_hint(body, mentions)
        stated = [m for m in days if not m.inferred]
        if year is None:
            return None if not stated else _pick(stated, lede_end)
        fitted = [_first_fit(m, year) for m in days if m.inferred and _has_weekday(m)]
        days = stated + [m for m in fitted if m is not None and m.date <= today] + [
            m for m in usable(find_dates(body, anchor=dt.date(year, 12, 31)))
            if m.inferred and m.date.year == year and not _has_weekday(m)
        ]
        days.sort(key=lambda m: m.start)
    return _pick(days, lede_end)


def _pick(days: list[DateMention], lede_end: int) -> tuple[dt.datetime, str] | None:
    """The publish day among usable ``days``: the first in the lede, else the latest stated
    with a weekday, else the latest."""
    if not days:
        return None
    lede = [m for m in days if m.start < lede_end]
    weekday = [m for m in days if _has_weekday(m)]
    for group in (lede, weekday, days):
        if group:
            best = max(group, key=lambda m: m.date) if group is not lede else group[0]
            return _utc(best.date, None, None), "inferred"
    return None


def _first_fit(m: DateMention, year: int) -> DateMention | None:
    """``m`` (a day stated with its weekday) in the first year from ``year`` on where the day
    falls on that weekday; the calendar repeats within 11 years."""
    for y in range(year, year + 12):
        try:
            day = m.date.replace(year=y)
        except ValueError:  # 29 February
            continue
        if day.weekday() == m.date.weekday():
            return replace(m, date=day)
    return None


_WEEKDAY = re.compile(r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)", re.IGNORECASE)


def _has_weekday(m: DateMention) -> bool:
    return bool(_WEEKDAY.match(m.text.removeprefix("pada ").removeprefix("Pada ")))
