"""WARC files as `warta run` input: pages, their URL and date, charsets, batches, and broken files."""

from __future__ import annotations

import gzip
import io
from datetime import datetime, timezone

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.crawl_site import GOLDEN_HTML
from warta.crawl.archive import WarcArchive
from warta.crawl.fetching import Exchange, Fetch
from warta.ingest import plan_batches, raw_articles, read_batch
from warta.ingest.warc import decode_page, page_states_date

DATED = (GOLDEN_HTML / "kompas_banjir.html").read_bytes()
UNDATED = (b"<html><head><meta charset='utf-8'><title>Kerja bakti</title></head><body><h1>Kerja bakti</h1>"
           b"<p>Ratusan warga mengikuti kerja bakti membersihkan sungai di kawasan Cililitan.</p></body></html>")
FETCHED = datetime(2025, 5, 6, 7, 8, 9, tzinfo=timezone.utc)


def _page(url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Exchange:
    return Exchange(url, [("User-Agent", "Warta/0.1")], status, "OK" if status == 200 else "Moved", "HTTP/1.1",
                    [("Content-Type", content_type), ("Content-Length", str(len(body)))], body, FETCHED)


def _archive(folder, pages: list[tuple[Exchange, datetime | None]]) -> str:
    archive = WarcArchive(folder, "test", 10**9, "Warta/0.1 (test)")
    for exchange, listed in pages:
        archive.write(Fetch(exchange.url, "article", outcome="fetched", exchanges=[exchange]), listed)
    [path] = archive.close()
    return str(path)


def _read(paths: list[str], batch_size: int = 100):
    rows, bad = [], []
    for raw, quarantine in raw_articles(paths, batch_size, 10_000_000):
        rows += raw.to_dicts()
        bad += quarantine.to_dicts()
    return rows, bad


def test_pages_keep_their_url_and_the_fetch_time_only_where_the_page_has_no_date(tmp_path):
    listed = datetime(2025, 5, 1, 6, tzinfo=timezone.utc)
    path = _archive(tmp_path, [(_page("https://contoh.id/a", DATED), None), (_page("https://contoh.id/b", UNDATED), None),
                               (_page("https://contoh.id/c", UNDATED), listed)])
    rows, bad = _read([path])
    assert not bad
    hints = {r["url"]: r["published_hint"] for r in rows}
    assert hints == {"https://contoh.id/a": None, "https://contoh.id/b": "2025-05-06T07:08:09.000000Z",
                     "https://contoh.id/c": "2025-05-01T06:00:00.000000Z"}
    assert all(r["format"] == "html" and r["source_file"].startswith(path + "#") for r in rows)
    assert len({r["source_file"] for r in rows}) == 3  # one ledger key per page


def test_a_large_warc_spreads_over_batches_without_reading_a_page_twice(tmp_path):
    path = _archive(tmp_path, [(_page(f"https://contoh.id/{i}", DATED), None) for i in range(7)])
    specs = plan_batches([path], 3, 10_000_000)
    assert [s.documents for s in specs] == [3, 3, 1]
    urls = [u for spec in specs for u in read_batch(spec, 10_000_000)[0]["url"].to_list()]
    assert urls == [f"https://contoh.id/{i}" for i in range(7)]


def test_only_html_pages_are_documents(tmp_path):
    archive = WarcArchive(tmp_path, "mixed", 10**9, "Warta/0.1 (test)")
    redirect = Exchange("https://contoh.id/lama", [], 301, "Moved", "HTTP/1.1", [("Location", "/baru")], b"", FETCHED)
    archive.write(Fetch("https://contoh.id/lama", "article", outcome="fetched",
                        exchanges=[redirect, _page("https://contoh.id/baru", DATED)]))
    archive.write(Fetch("https://contoh.id/feed", "feed", outcome="fetched",
                        exchanges=[_page("https://contoh.id/feed", b"<rss/>", "application/rss+xml")]))
    [path] = archive.close()
    rows, bad = _read([str(path)])
    assert [r["url"] for r in rows] == ["https://contoh.id/baru"] and not bad
    feeds_only = WarcArchive(tmp_path / "feeds", "feeds", 10**9, "Warta/0.1 (test)")
    feeds_only.write(Fetch("https://contoh.id/feed", "feed", outcome="fetched",
                           exchanges=[_page("https://contoh.id/feed", b"<rss/>", "application/rss+xml")]))
    assert plan_batches([str(p) for p in feeds_only.close()], 10, 10_000_000) == []


def test_a_truncated_warc_keeps_the_pages_before_the_break_and_quarantines_the_rest(tmp_path):
    path = _archive(tmp_path, [(_page(f"https://contoh.id/{i}", DATED), None) for i in range(4)])
    data = open(path, "rb").read()
    broken = tmp_path / "broken.warc.gz"
    for cut in (0.66, 0.7, 0.9):  # inside a page's record, and past it
        broken.write_bytes(data[: int(len(data) * cut)])
        rows, bad = _read([str(broken)], batch_size=2)
        assert 1 <= len(rows) < 4 and len(bad) == 1, (cut, bad)
        assert bad[0]["reason"].startswith(("truncated WARC record", "unreadable WARC data"))
        full = {r["url"]: r["html"] for r in _read([path])[0]}
        assert all(full[r["url"]] == r["html"] for r in rows)  # what is kept is whole


def test_another_crawlers_warc_with_gzip_encoding_and_a_charset_is_read(tmp_path):
    """Raw bytes as sent (Content-Encoding: gzip), the charset only in the HTTP header: warcio and the header decode it."""
    html = "<html><body><h1>Judul</h1><p>“Kami sepakat,” kata Menteri – Selasa (4/3/2025).</p></body></html>"
    body = gzip.compress(html.encode("cp1252"))
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252"),
                                          ("Content-Encoding", "gzip"), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://lain.id/x", "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    path = tmp_path / "other.warc"
    path.write_bytes(buffer.getvalue())
    rows, bad = _read([str(path)])
    assert not bad and rows[0]["html"] == html and rows[0]["url"] == "https://lain.id/x"


def test_page_charset_comes_from_bom_header_meta_then_inspection():
    text = "Menteri – “kerja sama”"
    assert decode_page(text.encode("cp1252"), "text/html; charset=windows-1252") == text
    assert decode_page(text.encode("cp1252"), "text/html; charset=ISO-8859-1") == text  # read as browsers do
    meta = f'<meta charset="windows-1252"><p>{text}</p>'.encode("cp1252")
    assert text in decode_page(meta, "text/html")
    assert decode_page(text.encode("utf-8"), "text/html; charset=bogus-label") == text
    assert decode_page(b"\xef\xbb\xbf" + text.encode("utf-8"), "text/html; charset=windows-1252") == text


def test_a_date_in_the_page_is_found_in_metadata_or_text():
    assert page_states_date(DATED.decode())
    assert page_states_date("<html><body><p>Jakarta, Selasa (4/3/2025) - Menteri bertemu duta besar.</p></body></html>")
    assert not page_states_date(UNDATED.decode())


def test_a_page_without_a_content_type_is_read_when_it_looks_like_html(tmp_path):
    html = Exchange("https://contoh.id/a", [], 200, "OK", "HTTP/1.1", [], DATED, FETCHED)
    other = Exchange("https://contoh.id/b", [], 200, "OK", "HTTP/1.1", [], b"%%EOF not a page", FETCHED)
    path = _archive(tmp_path, [(html, None), (other, None)])
    rows, bad = _read([path])
    assert [r["url"] for r in rows] == ["https://contoh.id/a"]
    assert [b["reason"] for b in bad] == ["no Content-Type, and the body does not look like an HTML page"]
