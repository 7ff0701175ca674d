"""A news site on loopback for the crawler's tests: saved pages, a feed, sitemaps, and what goes wrong on the web.

It serves the saved pages of ``tests/golden/clean/html`` behind an RSS feed and a news
sitemap (behind a sitemap index), with ETags and Last-Modified for conditional GET, and
simulates a robots.txt disallow, a 404, a 429 with Retry-After, a 500, a response slower
than the crawler's timeout, a redirect chain, a page that changes (a new ETag), a feed
entry without a link, gzip, a page in windows-1252, a PDF and a link to another site.
Every request is logged with its arrival time, so tests check what the server saw.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

GOLDEN_HTML = Path(__file__).resolve().parent / "golden" / "clean" / "html"
FEED_DATE = datetime(2025, 1, 28, 12, 0, tzinfo=timezone.utc)
SITEMAP_NEWS_DATE = datetime(2025, 2, 3, 8, 30, tzinfo=timezone.utc)  # the date the news sitemap gives /news/tanpa-tanggal-2

# A page without a date anywhere: its article date is its listing's date, else its fetch time.
UNDATED = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1>
<p>{lede}</p>
<p>Warga setempat mengatakan kegiatan itu diikuti ratusan orang dari berbagai kelurahan di sekitar lokasi acara.</p>
<p>Panitia berharap kegiatan serupa dapat digelar kembali dengan peserta yang lebih banyak dari daerah lain.</p>
</body></html>"""
# Curly quotes and a dash are bytes 0x93, 0x94 and 0x96 in windows-1252: wrong if read as latin-1 or UTF-8.
CP1252 = """<!DOCTYPE html><html lang="id"><head><meta charset="windows-1252">
<meta property="article:published_time" content="2025-03-04T10:00:00+07:00">
<title>Menteri Luar Negeri Bertemu Duta Besar Jepang</title></head>
<body><h1>Menteri Luar Negeri Bertemu Duta Besar Jepang</h1>
<p>JAKARTA – Menteri Luar Negeri menerima Duta Besar Jepang di Jakarta, Selasa (4/3/2025), untuk membahas kerja sama ekonomi kedua negara.</p>
<p>“Kami sepakat memperkuat kerja sama perdagangan dan investasi,” kata Menteri Luar Negeri kepada wartawan seusai pertemuan.</p>
<p>Kedua pihak juga membahas rencana kunjungan Perdana Menteri Jepang ke Indonesia tahun ini.</p>
</body></html>"""


@dataclass
class Hit:
    """One request the site received."""

    path: str
    host: str
    at: float  # time.monotonic() on arrival
    status: int = 0
    headers: dict = field(default_factory=dict)
    gzipped: bool = False  # the body was sent with Content-Encoding: gzip


class NewsSite:
    """The loopback site: ``start()`` it, crawl ``url('/feed.xml')``, read ``hits``, ``stop()`` it."""

    def __init__(self, slow_seconds: float = 2.0, retry_after: int = 1,
                 robots: tuple[int, bytes] = (200, b"User-agent: *\nDisallow: /private/\n"), bulk_pages: int = 0) -> None:
        self.slow_seconds = slow_seconds
        self.retry_after = retry_after
        self.robots = robots  # status and body of /robots.txt
        self.bulk_pages = bulk_pages  # /bulk.xml lists this many saved pages at /bulk/N (for the benchmark)
        self.version = 1  # of the changing page
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._busy_seen = 0
        self._server: ThreadingHTTPServer | None = None
        self.pages = {
            "/news/banjir-bekasi": (GOLDEN_HTML / "kompas_banjir.html").read_bytes(),
            "/news/pemilu": (GOLDEN_HTML / "tempo_pemilu.html").read_bytes(),
            "/news/rusia-myanmar": (GOLDEN_HTML / "antara_rusia_myanmar.html").read_bytes(),  # sent gzipped
            "/news/bansos": (GOLDEN_HTML / "liputan6_bansos.html").read_bytes(),  # the end of a redirect chain
            "/news/inflasi": (GOLDEN_HTML / "detik_inflasi.html").read_bytes(),  # in the sitemap
            "/news/gempa": (GOLDEN_HTML / "cnn_gempa.html").read_bytes(),  # in the sitemap
            "/news/kerja-sama": (GOLDEN_HTML / "republika_kerja_sama.html").read_bytes(),  # behind a 429
            "/news/menlu-jepang": CP1252.encode("cp1252"),
            "/news/tanpa-tanggal": UNDATED.format(
                title="Ratusan Warga Ikuti Kerja Bakti Membersihkan Sungai",
                lede="Ratusan warga mengikuti kerja bakti membersihkan sungai di kawasan Cililitan, Jakarta Timur.",
            ).encode(),
            "/news/tanpa-tanggal-2": UNDATED.format(
                title="Pasar Murah Digelar di Halaman Kantor Kecamatan",
                lede="Pemerintah kecamatan menggelar pasar murah bahan pokok bagi warga kurang mampu di Bandung.",
            ).encode(),
        }

    # ---- lifecycle
    def start(self) -> str:
        """Serve on a free loopback port in a background thread; return the base URL."""
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site._handle(self)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.base

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this site."""
        return self.base + path

    def requests_to(self, path: str) -> list[Hit]:
        """The hits on ``path``, in arrival order."""
        return [h for h in self.hits if h.path == path]

    # ---- the documents
    def feed(self) -> bytes:
        """RSS 2.0 with the pages, the failure cases and two malformed entries."""
        day = format_datetime(FEED_DATE)
        items = [
            ("Banjir Bekasi", "/news/banjir-bekasi", day),
            ("Pemilu", "/news/pemilu", day),
            ("Rusia dan Myanmar", "/news/rusia-myanmar", day),
            ("Menlu dan Jepang", "/news/menlu-jepang", day),
            ("Kerja bakti", "/news/tanpa-tanggal", None),  # no date in the page nor in the feed
            ("Berubah", "/news/berubah", day),
            ("Kerja sama", "/news/kerja-sama", day),
            ("Rahasia", "/private/rahasia", day),  # robots.txt disallows /private/
            ("Hilang", "/hilang", day),  # 404
            ("Rusak", "/rusak", day),  # 500
            ("Lambat", "/lambat", day),  # slower than the timeout
            ("Pindah", "/lama", day),  # 301 -> 302 -> /news/bansos
            ("Dokumen", "/dokumen.pdf", day),  # not HTML
            ("Situs lain", f"http://localhost:{self.port}/news/luar", day),  # another site
        ]
        xml = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Berita</title>',
               f"<link>{self.base}/</link><description>test</description>"]
        for title, link, date in items:
            href = link if link.startswith("http") else self.base + link
            xml.append(f"<item><title>{title}</title><link>{href}</link>" + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>")
        xml.append("<item><title>Tanpa tautan</title><description>no link at all</description></item>")
        xml.append("<item><title>Skrip</title><link>javascript:alert(1)</link></item>")
        xml.append("</channel></rss>")
        return "\n".join(xml).encode()

    def sitemap_index(self) -> bytes:
        return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.base}/sitemap-news.xml</loc><lastmod>2025-02-03</lastmod></sitemap>"
                f"<sitemap><loc>{self.base}/sitemap-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>"
                "</sitemapindex>").encode()

    def sitemap_news(self) -> bytes:
        entries = [("/news/inflasi", "2025-10-27T14:05:32+07:00"), ("/news/gempa", "2023-11-17T15:05:00+07:00"),
                   ("/news/tanpa-tanggal-2", SITEMAP_NEWS_DATE.isoformat()), ("/news/banjir-bekasi", "2025-01-28")]
        urls = "".join(
            f"<url><loc>{self.base}{path}</loc><news:news><news:publication><news:name>Berita</news:name>"
            f"<news:language>id</news:language></news:publication><news:publication_date>{date}"
            "</news:publication_date></news:news></url>" for path, date in entries)
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()

    def bulk_feed(self) -> bytes:
        items = "".join(f"<item><title>{i}</title><link>{self.base}/bulk/{i}</link></item>" for i in range(self.bulk_pages))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>bulk</title>{items}</channel></rss>'.encode()

    def bulk_page(self, number: int) -> bytes:
        saved = sorted(GOLDEN_HTML.glob("*.html"))
        page = saved[number % len(saved)].read_text(encoding="utf-8")
        return page.replace("</h1>", f" ({number})</h1>", 1).encode()

    def changing_page(self) -> bytes:
        page = (GOLDEN_HTML / "tribun_medan_curanmor.html").read_text(encoding="utf-8")
        if self.version > 1:
            page = page.replace("untuk pemeriksaan lebih lanjut.", "untuk pemeriksaan lebih lanjut. Polisi masih memburu "
                                "seorang pelaku lain yang melarikan diri.")
        return page.encode()

    # ---- serving
    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        path = req.path.split("?", 1)[0]
        hit = Hit(path, req.headers.get("Host", ""), time.monotonic(), headers=dict(req.headers.items()))
        with self._lock:
            self.hits.append(hit)
        status, headers, body = self._route(path, req)
        if body and "gzip" in req.headers.get("Accept-Encoding", "") and path in ("/news/rusia-myanmar", "/sitemap-news.xml"):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
            hit.gzipped = True
        hit.status = status
        req.send_response(status)
        headers.setdefault("Content-Length", str(len(body)))
        for name, value in headers.items():
            req.send_header(name, value)
        try:
            req.end_headers()
            if body:
                req.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler gave up waiting (the slow page): what a real server sees too

    def _route(self, path: str, req) -> tuple[int, dict, bytes]:
        if path == "/robots.txt":
            return self.robots[0], {"Content-Type": "text/plain"}, self.robots[1]
        if path == "/feed.xml":
            return self._versioned(req, self.feed(), "application/rss+xml; charset=utf-8")
        if path == "/sitemap.xml":
            return self._versioned(req, self.sitemap_index(), "application/xml")
        if path == "/sitemap-news.xml":
            return self._versioned(req, self.sitemap_news(), "application/xml")
        if path == "/sitemap-2019.xml":
            return 200, {"Content-Type": "application/xml"}, b"<urlset/>"  # never asked: older than --since
        if path == "/bulk.xml":
            return self._versioned(req, self.bulk_feed(), "application/rss+xml")
        if path.startswith("/bulk/") and path[6:].isdigit() and int(path[6:]) < self.bulk_pages:
            return self._versioned(req, self.bulk_page(int(path[6:])), "text/html; charset=utf-8")
        if path == "/news/berubah":
            return self._versioned(req, self.changing_page(), "text/html; charset=utf-8")
        if path == "/news/menlu-jepang":
            return self._versioned(req, self.pages[path], "text/html; charset=windows-1252")
        if path == "/news/kerja-sama":
            with self._lock:
                self._busy_seen += 1
                first = self._busy_seen == 1
            if first:
                return 429, {"Retry-After": str(self.retry_after), "Content-Type": "text/plain"}, b"slow down"
        if path in self.pages:
            return self._versioned(req, self.pages[path], "text/html; charset=utf-8")
        if path == "/rusak":
            return 500, {"Content-Type": "text/plain"}, b"internal error"
        if path == "/lambat":
            time.sleep(self.slow_seconds)
            return 200, {"Content-Type": "text/html"}, b"<html><body><p>too late</p></body></html>"
        if path == "/lama":
            return 301, {"Location": "/pindah"}, b""
        if path == "/pindah":
            return 302, {"Location": self.url("/news/bansos")}, b""
        if path == "/dokumen.pdf":
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 " + b"0" * 2000
        return 404, {"Content-Type": "text/plain"}, b"not found"

    @staticmethod
    def _versioned(req, body: bytes, content_type: str) -> tuple[int, dict, bytes]:
        """A document with an ETag and Last-Modified, answered 304 when the client already has it."""
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        headers = {"Content-Type": content_type, "ETag": etag, "Last-Modified": format_datetime(FEED_DATE, usegmt=True)}
        if req.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, headers, body
