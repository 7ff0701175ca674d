"""Ingest: files, folders, globs, JSONL, WARC archives and stdin turned into ``raw_articles`` batches.

The package owns five jobs, one module each:

* ``paths``: expanding files, folders, globs and manifests, confined to their folders;
* ``planning``: cutting the input into batch specs (files, JSONL and WARC byte ranges);
* ``reading``: reading and decoding a batch (or stdin) into raw articles and quarantine rows;
* ``warc``: the HTML pages of a WARC archive (``warta crawl`` writes them), with their URL and fetch time;
* ``ledger``: content hashes, and which documents are unchanged since the last run.

Every input document ends up either as a raw article row or as a quarantine row.
"""

from warta.ingest.ledger import new_documents, seen_inputs, skip_unchanged
from warta.ingest.paths import InputPathError, expand_paths
from warta.ingest.planning import BatchSpec, Piece, plan_batches
from warta.ingest.reading import RAW_COLUMNS, raw_articles, read_batch, stdin_documents

__all__ = [
    "RAW_COLUMNS", "BatchSpec", "InputPathError", "Piece", "expand_paths", "new_documents", "plan_batches",
    "raw_articles", "read_batch", "seen_inputs", "skip_unchanged", "stdin_documents",
]
