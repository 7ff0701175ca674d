"""The WARC archive of what a crawl fetched (warcio): request and response records of every page.

A page is written with the redirects that led to it, each exchange as a request record
and a response record. Bodies are stored as the page was after HTTP decoding (gzip
undone), so the stored headers drop ``Content-Encoding`` and state the stored length.
A file is written under a hidden ``.part`` name and renamed when closed, so ``warta
run`` over the archive folder never reads a half-written file. Files are rotated past
``max_bytes``.
"""

from __future__ import annotations

import io
import os
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.crawl.fetching import Exchange, Fetch
from warta.ingest.warc import LISTED_DATE, warc_record_key


def warc_date(moment: datetime) -> str:
    """A WARC-Date: UTC, ISO 8601, to the microsecond (WARC 1.1)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class WarcArchive:
    """WARC files for one crawl: ``<folder>/warta-<time>-<crawl id>-<n>.warc.gz``."""

    def __init__(self, folder: Path | str, crawl_id: str, max_bytes: int, software: str) -> None:
        self.folder = Path(folder).absolute()  # the ledger names files as `warta run` will see them
        self.crawl_id = crawl_id
        self.max_bytes = max_bytes
        self.software = software
        self.stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.files: list[Path] = []
        self._fh = None
        self._writer: WARCWriter | None = None

    @property
    def current(self) -> Path | None:
        """The file being written (its final name), if one is open."""
        return self.files[-1] if self._fh is not None else None

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"warta-{self.stamp}-{self.crawl_id}-{len(self.files):05d}.warc.gz"
        self.files.append(self.folder / name)
        self._fh = open(self._part(self.files[-1]), "wb")
        self._writer = WARCWriter(self._fh, gzip=True, warc_version="1.1")
        info = {"software": self.software, "format": "WARC File Format 1.1",
                "description": "pages fetched by warta crawl; bodies stored after HTTP content decoding"}
        self._writer.write_record(self._writer.create_warcinfo_record(name, info))

    @staticmethod
    def _part(path: Path) -> Path:
        return path.with_name(f".{path.name}.part")

    def write(self, fetch: Fetch, listed_date: datetime | None = None) -> tuple[str, str]:
        """Archive a fetched page and its redirects; return ``(file, record key)`` of the page's response record."""
        if self._fh is None or self._fh.tell() > self.max_bytes:
            self.close()
            self._open()
        key = ""
        for number, exchange in enumerate(fetch.exchanges):
            final = number == len(fetch.exchanges) - 1
            extra = {LISTED_DATE: warc_date(listed_date)} if final and listed_date else {}
            offset = self._write_exchange(exchange, extra)
            key = warc_record_key(self.files[-1], offset)
        return str(self.files[-1]), key

    def _write_exchange(self, exchange: Exchange, extra: dict[str, str]) -> int:
        """Write the request and the response of one exchange; return the response record's offset."""
        writer = self._writer
        date = warc_date(exchange.at)
        response = writer.create_warc_record(
            exchange.url, "response", payload=io.BytesIO(exchange.body), length=len(exchange.body),
            warc_headers_dict={"WARC-Date": date, **extra},
            http_headers=StatusAndHeaders(f"{exchange.status} {exchange.reason_phrase}", exchange.response_headers,
                                          protocol=_protocol(exchange.http_version)),
        )
        parts = urlsplit(exchange.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = writer.create_warc_record(
            exchange.url, "request", payload=io.BytesIO(b""), length=0,
            warc_headers_dict={"WARC-Date": date,
                               "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
            http_headers=StatusAndHeaders(f"GET {target} {_protocol(exchange.http_version)}",
                                          exchange.request_headers, is_http_request=True),
        )
        writer.write_record(request)
        offset = self._fh.tell()
        writer.write_record(response)
        return offset

    def close(self) -> list[Path]:
        """Close the open file under its final name; return every file this archive wrote."""
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.replace(self._part(self.files[-1]), self.files[-1])
            self._fh, self._writer = None, None
        return list(self.files)


def _protocol(http_version: str) -> str:
    return http_version if http_version.startswith("HTTP/") else "HTTP/1.1"
