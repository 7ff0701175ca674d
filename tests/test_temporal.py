"""Tests for warta.text.dates: Indonesian date expressions resolved against an article date."""

import datetime as dt

import pytest

from warta.text.dates import find_dates

D = dt.date


def one(text, anchor=None):
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


def test_full_date_with_time_and_zone():
    m = one("Selasa, 22 Juni 2021 10:00 WIB", None)
    assert m.date == D(2021, 6, 22) and m.precision == "day"
    assert m.time == dt.time(10, 0) and m.tz_offset_hours == 7
    assert not m.inferred and not m.relative and not m.future


def test_a_part_of_the_day_between_weekday_and_date_keeps_the_date():
    m = one("pada Jumat malam, 23 Agustus", D(2019, 9, 3))
    assert m.date == D(2019, 8, 23) and m.text == "Jumat malam, 23 Agustus"


def test_weekday_yesterday():
    m = one("dalam pertemuan Moskow, Senin kemarin.", D(2021, 6, 22))
    assert m.date == D(2021, 6, 21) and m.relative and m.inferred


def test_weekday_with_numeric_date():
    m = one("pada Senin (21/6/2021) berkomitmen")
    assert m.date == D(2021, 6, 21) and not m.inferred


@pytest.mark.parametrize("anchor", [None, D(2024, 4, 22)])
def test_weekday_fixes_the_year(anchor):
    m = one("Moe Aung pada Minggu (21/4) dilaporkan bertolak", anchor)
    assert m.date == D(2024, 4, 21) and m.inferred


def test_weekday_fixes_the_year_without_anchor_not_after_today():
    m = one("pada Minggu (21/4)")
    assert m.date <= dt.date.today() and m.date.weekday() == 6


def test_day_month_takes_anchor_year():
    assert one("Pada 11 Juli, pejabat", D(2022, 7, 13)).date == D(2022, 7, 11)
    assert one("pada 28 Maret.", D(2024, 4, 22)).date == D(2024, 3, 28)
    # December mentioned in January is last year's.
    assert one("pada 30 Desember", D(2025, 1, 5)).date == D(2024, 12, 30)


def test_day_month_needs_anchor():
    assert find_dates("pada 11 Juli, pejabat") == []
    assert find_dates("Senin kemarin") == []


def test_month_expressions():
    a = D(2021, 6, 22)
    m = one("mengatakan pada Maret lalu jika", a)
    assert (m.date, m.precision, m.relative) == (D(2021, 3, 1), "month", True)
    assert one("Moskow pada bulan April mengatakan", a).date == D(2021, 4, 1)
    assert one("militer pada Februari.", a).date == D(2021, 2, 1)
    assert one("konflik pada Februari 2021.", None).date == D(2021, 2, 1)
    # "Juni lalu" in June is last year's June.
    assert one("Juni lalu", D(2021, 6, 22)).date == D(2020, 6, 1)


def test_year_expressions():
    m = one("Tahun lalu, Wakil Menteri", D(2022, 7, 13))
    assert (m.date, m.precision, m.relative) == (D(2021, 1, 1), "year", True)
    assert one("Sejak kudeta 2021 lalu, hubungan").date == D(2021, 1, 1)
    assert one("kudeta pada 1 Februari tahun lalu.", D(2022, 7, 13)).date == D(2021, 2, 1)
    assert one("Juni tahun lalu, Jenderal", D(2022, 7, 13)).date == D(2021, 6, 1)


def test_future():
    m = one("akan dimulai di Moskow pada 20 Juli mendatang.", D(2022, 7, 18))
    assert m.date == D(2022, 7, 20) and m.future
    assert one("besok", D(2022, 7, 18)).future
    assert not one("kemarin", D(2022, 7, 18)).future


def test_ranges():
    m = one("pertemuan terkait mulai 23-26 April.", D(2024, 4, 22))
    assert (m.date, m.end_date) == (D(2024, 4, 23), D(2024, 4, 26))
    m = one("23 April - 2 Mei 2024")
    assert (m.date, m.end_date) == (D(2024, 4, 23), D(2024, 5, 2))


def test_friday_before_anchor_and_salat():
    assert one("mengambil langkah langka pada hari Jumat", D(2021, 6, 22)).date == D(2021, 6, 18)
    assert find_dates("usai salat Jumat di masjid", D(2021, 6, 22)) == []


def test_numeric_and_no_false_positives():
    ds = find_dates("Jakarta, 21/06/2021 dan 2021-06-21 dengan 12.000 tentara dan (3/4) bagian")
    assert [d.date for d in ds] == [D(2021, 6, 21), D(2021, 6, 21)]
    assert find_dates("Presiden Jokowi bertemu April Tan") == []


def test_law_numbers_are_not_dates():
    assert find_dates("sesuai UU Nomor 8 Tahun 2019 tentang haji") == []
    assert find_dates("Perpres No. 12 Tahun 2020") == []
    assert [d.date for d in find_dates("pada tahun 2020 lalu")] == [D(2020, 1, 1)]


def test_weekday_typo_near_anchor_keeps_the_day():
    # 19 October 2025 was a Sunday; the text says Saturday. The date near the anchor wins.
    assert one("pada Sabtu (19/10)", D(2025, 10, 20)).date == D(2025, 10, 19)


def test_only_a_bare_weekday_can_be_read_forward():
    anchor = dt.date(2024, 3, 12)  # a Tuesday
    bare = one("dijadwalkan pada Kamis", anchor)
    assert bare.bare_weekday and bare.date == dt.date(2024, 3, 7)
    assert bare.forward(anchor).date == dt.date(2024, 3, 14)
    last = one("pada Kamis lalu", anchor)
    assert not last.bare_weekday and last.forward(anchor).date == last.date
