"""Titles, datelines, publish times and outlets (warta/clean/metadata.py, dates.py, outlets.py)."""

import datetime as dt

from warta.clean import dates
from warta.clean.metadata import detect_language, looks_like_title, parse_dateline, strip_site_suffix
from warta.clean.outlets import outlet_from_host, outlet_from_text

UTC = dt.timezone.utc


def test_datelines():
    cases = {
        "MOSKOW (Arrahmah.com) – Pemimpin junta": ("MOSKOW", "arrahmah"),
        "JAKARTA - Rusia dan Myanmar kembali": ("JAKARTA", None),
        "TEMPO.CO, - Pemerintah Rusia": (None, "tempo"),
        "PR DEPOK - Ketika kedua rezim": (None, "pikiran-rakyat-depok"),
        "Jakarta, Indonesia --": ("Jakarta", None),
        "JAKARTA, KOMPAS.com - Presiden": ("JAKARTA", "kompas"),
        "Jakarta (ANTARA) - Menteri": ("Jakarta", "antara"),
        "REPUBLIKA.CO.ID, JAKARTA -- Wakil": ("JAKARTA", "republika"),
    }
    for line, (place, outlet) in cases.items():
        parsed = parse_dateline(line)
        assert parsed is not None, line
        assert (parsed.place, parsed.outlet_id) == (place, outlet), line


def test_prose_with_a_dash_is_no_dateline():
    assert parse_dateline("Presiden Joko Widodo - yang baru tiba - mengatakan") is None
    assert parse_dateline("Presiden Joko Widodo - Jokowi - mengatakan") is None
    assert parse_dateline("Washington DC - Presiden AS").place == "Washington DC"
    assert parse_dateline("Myanmar-Rusia, Dua Rezim Paling Terisolasi") is None
    assert parse_dateline('"Kami sudah siap - kapan saja," kata dia.') is None


def test_title_lines():
    assert looks_like_title("Myanmar dan Rusia Sepakat Perkuat Kerja Sama Keamanan")
    assert not looks_like_title("Pertemuan ini membuat aktivis menuduh Rusia melegitimasi kudeta militer Myanmar.")
    assert not looks_like_title("MOSKOW (Arrahmah.com) – Pemimpin junta Myanmar berkomitmen")


def test_site_suffix_is_stripped():
    assert strip_site_suffix("Rusia dan Myanmar Sepakat - ANTARA News") == "Rusia dan Myanmar Sepakat"
    assert strip_site_suffix("Indonesia dan Malaysia Bahas Perbatasan | Republika Online") == "Indonesia dan Malaysia Bahas Perbatasan"
    assert strip_site_suffix("RI - Inggris Perkuat Kerja Sama | tempo.co") == "RI - Inggris Perkuat Kerja Sama"
    assert strip_site_suffix("Gempa Guncang Filipina", "cnn-indonesia") == "Gempa Guncang Filipina"


def test_header_date_line_gives_minute_precision_in_utc():
    got, precision = dates.header_date("Selasa, 22 Juni 2021 10:00 WIB")
    assert got == dt.datetime(2021, 6, 22, 3, 0, tzinfo=UTC) and precision == "minute"
    got, _ = dates.header_date("- 18 Juli 2022, 20:29 WIB")
    assert got == dt.datetime(2022, 7, 18, 13, 29, tzinfo=UTC)
    assert dates.header_date("Pertemuan digelar pada Selasa, 22 Juni 2021 di Moskow bersama para menteri.") is None


def test_url_dates():
    assert dates.from_url("http://poskotanews.com/2017/11/13/jaksa-agung/") == (dt.datetime(2017, 11, 13, tzinfo=UTC), "day")
    # CNN Indonesia's stamp is local time (WIB).
    stamped = "https://www.cnnindonesia.com/nasional/20170809112735-20-233461/pembatasan-motor/"
    assert dates.from_url(stamped) == (dt.datetime(2017, 8, 9, 4, 27, tzinfo=UTC), "minute")
    assert dates.from_url("https://news.detik.com/berita/d-8123456/judul") == (None, None)
    assert dates.from_url("https://contoh.id/2019/13/40/bukan-tanggal") == (None, None)
    assert dates.from_url("https://contoh.id/2999/01/01/masa-depan") == (None, None)
    assert dates.from_url(None) == (None, None)


def test_hint_parsing():
    assert dates.from_hint("2025-10-21T20:43:00+07:00") == (dt.datetime(2025, 10, 21, 13, 43, tzinfo=UTC), "minute")
    assert dates.from_hint("2025-10-21") == (dt.datetime(2025, 10, 21, tzinfo=UTC), "day")
    assert dates.from_hint("2025-10-21 18:40:12")[0] == dt.datetime(2025, 10, 21, 11, 40, 12, tzinfo=UTC)
    assert dates.from_hint(None) == (None, None)
    assert dates.from_hint("bukan tanggal") == (None, None)


def test_inferred_dates():
    body = "Pemimpin junta pada Senin (21/6/2021) berkomitmen. Konferensi dimulai Selasa (22/6)."
    assert dates.infer_published(body, 50) == (dt.datetime(2021, 6, 21, tzinfo=UTC), "inferred")
    # A weekday alone cannot tell the year (21 April was a Sunday in 2019 and in 2024) ...
    body = "Moe Aung pada Minggu (21/4) bertolak ke Rusia untuk pertemuan mulai 23-26 April."
    assert dates.infer_published(body, 0) is None
    # ... but with a year the text states it picks the first one that fits from then on;
    # a future range does not date the article.
    body += " Sejak kudeta 2021 lalu, hubungan keduanya berkembang."
    assert dates.infer_published(body, 0)[0].date() == dt.date(2024, 4, 21)
    # A day stated with its year elsewhere fixes the year of a weekday in the lede too.
    body = 'Penyidik menahan Alfian pada Selasa (30/5). "Ditahan sejak tanggal 30 Mei 2017," ujarnya.'
    assert dates.infer_published(body, 40)[0].date() == dt.date(2017, 5, 30)
    # "tahun lalu" next to a stated year gives the article's year.
    body = ('Kementerian itu, melansir TASS 13 Juli. Tahun lalu, wakil menteri datang pada Maret 2021. '
            'Kudeta terjadi pada 1 Februari tahun lalu.')
    assert dates.infer_published(body, 0)[0].date() == dt.date(2022, 7, 13)
    assert dates.infer_published("Tidak ada tanggal di sini.", 0) is None
    # A target year or a future date never dates an article.
    assert dates.infer_published("Target Indonesia Emas pada 2045. Rapat digelar pada 13 Juli.", 0) is None
    assert dates.infer_published("Rapat digelar pada 13 Juli 2999 untuk membahas anggaran.", 0) is None


def test_outlets_from_host_and_text():
    assert outlet_from_host("news.detik.com") == "detik"
    assert outlet_from_host("depok.pikiran-rakyat.com") == "pikiran-rakyat-depok"
    assert outlet_from_host("example.org") is None
    assert outlet_from_text("teks\n(blq/dna)\n[Gambas:Video CNN]") == "cnn-indonesia"
    assert outlet_from_text("TEMPO.CO, Jakarta - Pemerintah") == "tempo"


def test_language_folds_malay_into_indonesian():
    assert detect_language("Pemimpin junta Myanmar dan seorang pejabat senior keamanan Rusia berkomitmen meningkatkan hubungan") == "id"
    assert detect_language("The military leader met senior Russian security officials in Moscow on Monday") == "en"
