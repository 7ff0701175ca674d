"""The ledger of processed documents: which input is new, changed or unchanged.

Each document has a ledger key (its file, or ``file#id`` for a JSONL document) and
the sha256 of its raw bytes. The warehouse table ``documents`` keeps them from run to
run (``warehouse/ledger.py`` reads it), so that a re-run skips what it has seen:
whole files and JSONL ranges before they are read (:func:`skip_unchanged`, hashing
lines is a hundred times cheaper than decoding them), and single documents after
(:func:`new_documents`).
"""

from __future__ import annotations

import hashlib

import polars as pl

from warta.ingest.planning import BatchSpec, Piece

LEDGER_SCHEMA = {"record_key": pl.String, "raw_hash": pl.String, "outcome": pl.String, "article_id": pl.String}


def seen_inputs(known: dict[str, str] | None) -> set[tuple[str, str]]:
    """``(file, content hash)`` of every ledger entry: a JSONL key ``file#id`` counts under its file."""
    if not known:
        return set()
    out = set()
    for key, digest in known.items():
        out.add((key, digest))
        if "#" in key:
            out.add((key.rsplit("#", 1)[0], digest))
    return out


def skip_unchanged(spec: BatchSpec, seen: set[tuple[str, str]], max_file_bytes: int) -> tuple[BatchSpec, int]:
    """Drop the pieces of ``spec`` whose every document is in the ledger unchanged; count their documents.

    A re-run over an unchanged corpus then reads no document and starts no batch task.
    A piece with any new, changed or unreadable document is kept whole: the clean
    stage skips its unchanged documents one by one (:func:`new_documents`).
    """
    if not seen:
        return spec, 0
    kept, skipped = [], 0
    for piece in spec.pieces:
        count = unchanged_documents(piece, seen, max_file_bytes)
        if count is None:
            kept.append(piece)
        else:
            skipped += count
    if not skipped:
        return spec, 0
    return BatchSpec(number=spec.number, pieces=kept, documents=spec.documents - skipped), skipped


def unchanged_documents(piece: Piece, seen: set[tuple[str, str]], max_line_bytes: int) -> int | None:
    """Documents in ``piece`` if every one is in ``seen`` as ``(file, hash)`` hashed as ingest does, else None.

    Lines are hashed one at a time; a line longer than ``max_line_bytes`` means
    "not known" (ingest will quarantine it) and is never read whole.
    """
    try:
        if piece.kind == "file":
            digest = hashlib.sha256()
            with open(piece.path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
            return 1 if (piece.path, digest.hexdigest()) in seen else None
        if piece.kind != "jsonl":
            return None
        count = 0
        with open(piece.path, "rb") as fh:
            fh.seek(piece.start)
            while piece.end < 0 or fh.tell() < piece.end:
                line = fh.readline(max_line_bytes + 1)
                if not line:
                    break
                if len(line) > max_line_bytes:
                    return None
                if not line.strip():
                    continue
                if (piece.path, hashlib.sha256(line.strip()).hexdigest()) not in seen:
                    return None
                count += 1
        return count
    except OSError:
        return None  # ingest reports it


def ledger_keys(raw: pl.DataFrame) -> pl.Series:
    """The ledger key of each raw document: its file, or file and id for JSONL documents."""
    return raw.select(
        pl.when(pl.col("format").str.starts_with("jsonl"))
        .then(pl.col("source_file").str.replace(r":\d+$", "") + "#" + pl.col("doc_id"))
        .otherwise(pl.col("source_file"))
        .alias("record_key")
    ).to_series()


def new_documents(raw: pl.DataFrame, known: dict[str, str] | None) -> tuple[pl.DataFrame, int]:
    """Drop documents whose content hash matches the ledger; return them and how many were unchanged."""
    raw = raw.with_columns(ledger_keys(raw))
    if not known:
        return raw, 0
    seen = pl.DataFrame({"record_key": list(known), "known_hash": list(known.values())}, schema={"record_key": pl.String, "known_hash": pl.String})
    fresh = raw.join(seen, on="record_key", how="left").filter(
        pl.col("known_hash").is_null() | (pl.col("known_hash") != pl.col("raw_hash"))
    )
    return fresh.drop("known_hash"), raw.height - fresh.height


def document_ledger(raw: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """What each raw document of the batch became: an article, or quarantined."""
    if raw.is_empty():
        return pl.DataFrame(schema=LEDGER_SCHEMA)
    loaded = articles.select("source_file", "article_id")
    return (
        raw.select("record_key", "raw_hash", "source_file")
        .join(loaded, on="source_file", how="left")
        .select(
            "record_key",
            "raw_hash",
            pl.when(pl.col("article_id").is_null()).then(pl.lit("quarantined")).otherwise(pl.lit("article")).alias("outcome"),
            "article_id",
        )
    )
