"""Rebuild ``tests/data/warehouse_v1.duckdb.gz``: a warehouse as schema version 1 left it.

Version 1 is the DDL of ``warehouse/ddl`` plus migration 0001 only, with a little
data in every table. The file is kept (gzipped: DuckDB files are mostly empty
blocks) in the repository so that the migration test opens a real old file;
run this script only to recreate it.
"""

from __future__ import annotations

import gzip
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from warehouse.db import DDL_DIR, STORAGE_VERSION, sql_files  # noqa: E402

TARGET = Path(__file__).resolve().parent / "warehouse_v1.duckdb.gz"

ROWS = """
INSERT INTO schema_version (version, description) VALUES (1, 'initial schema');
INSERT INTO articles VALUES
  ('0123456789abcdef', 'lama-1', 'old/lama-1.txt', 'https://contoh.id/lama-1', 'Judul lama',
   TIMESTAMPTZ '2024-04-21 03:00:00+00', 'minute', 'tempo', 'JAKARTA', NULL, 'id',
   'Menteri Luar Negeri bertemu Duta Besar Jepang di Jakarta.', repeat('a', 64), NULL, 'oldrun0000000001',
   TIMESTAMPTZ '2024-04-22 00:00:00+00');
INSERT INTO sources VALUES ('tempo', 'Tempo', 'outlet', 'tempo.co', 'IDN');
INSERT INTO article_sources VALUES ('0123456789abcdef', 'tempo', 'publisher');
INSERT INTO actors VALUES ('country:idn', 'Indonesia', 'country', 'IDN', 'GOV', ['Indonesia', 'RI'], NULL, NULL),
                          ('country:jpn', 'Jepang', 'country', 'JPN', 'GOV', ['Jepang'], NULL, NULL);
INSERT INTO actor_mentions VALUES ('0123456789abcdef', 'country:jpn', 'Jepang', 44, 50, 0, 'COUNTRY', NULL);
INSERT INTO events (event_id, article_id, event_type, actor1_id, actor2_id, event_date, date_precision,
                    sentence_id, sentence, confidence, cluster_id)
VALUES ('ev-old-1', '0123456789abcdef', 'CONSULT', 'country:idn', 'country:jpn', DATE '2024-04-21', 'day', 0,
        'Menteri Luar Negeri bertemu Duta Besar Jepang di Jakarta.', 0.8, 'cl-old-1');
INSERT INTO runs (run_id, started_at, finished_at, status, documents_in, unchanged, articles_loaded, quarantined)
VALUES ('oldrun0000000001', TIMESTAMPTZ '2024-04-22 00:00:00+00', TIMESTAMPTZ '2024-04-22 00:01:00+00',
        'COMPLETED', 3, 0, 1, 2);
INSERT INTO quarantine VALUES
  ('oldrun0000000001', 'ingest', 'old/image.txt', 'binary data (PNG image), not text', NULL, TIMESTAMPTZ '2024-04-22 00:00:30+00'),
  ('oldrun0000000001', 'clean_articles', 'old/kosong.html', 'no readable body', NULL, TIMESTAMPTZ '2024-04-22 00:00:30+00'),
  ('oldrun0000000001', 'events', 'ev-bad', 'Events: sentence_id failed greater_than_or_equal_to(0)', NULL, TIMESTAMPTZ '2024-04-22 00:00:30+00');
INSERT INTO documents VALUES ('old/lama-1.txt', repeat('b', 64), 'article', '0123456789abcdef', 'oldrun0000000001',
                              TIMESTAMPTZ '2024-04-22 00:00:30+00');
"""


def main() -> None:
    """Write the version-1 warehouse file."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "warehouse_v1.duckdb"
        con = duckdb.connect(str(db), config={"storage_compatibility_version": STORAGE_VERSION})
        for path in sql_files(DDL_DIR):
            con.execute(path.read_text(encoding="utf-8"))
        con.execute(ROWS)
        con.execute("CHECKPOINT")
        con.close()
        with db.open("rb") as src, gzip.open(TARGET, "wb", compresslevel=9) as dst:
            shutil.copyfileobj(src, dst)
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
