"""Batch tasks hand their frames over through files: same staged data as the in-memory pipeline."""

from __future__ import annotations

import polars as pl

from flows import handoff
from flows.handoff import WORK_DIR, BatchFolder
from tests.conftest import SEEDS
from warehouse.staging import STAGED_TABLES, staged_files
from warta import pipeline
from warta.ingest import plan_batches, read_batch
from warta.settings import get_settings


def test_handoff_steps_stage_what_the_plain_pipeline_produces(tmp_path):
    max_bytes = get_settings().max_file_bytes
    (spec,) = plan_batches([SEEDS], 100, max_bytes)
    folder = BatchFolder(str(tmp_path), spec.number)

    assert handoff.ingested_batch(spec, max_bytes, folder) == 5
    counts = handoff.cleaned_batch(folder, None)
    assert counts["clean_articles"] == 5 and (folder.path / "clean.arrow").is_file()
    assert handoff.extracted_batch(folder) > 0
    staged = handoff.staged_batch(folder)

    expected = pipeline.process_batch(*read_batch(spec, max_bytes))
    assert staged == expected.counts
    assert not folder.path.exists() and not any((tmp_path / WORK_DIR).iterdir())
    for table in STAGED_TABLES:
        (path,) = staged_files(tmp_path, table)
        got = pl.read_parquet(path).drop("_batch")
        want = expected.frames()[table]
        assert got.columns == want.columns
        assert got.sort(got.columns).equals(want.sort(want.columns)), table


def test_unchanged_documents_are_skipped_through_the_handoff(tmp_path):
    max_bytes = get_settings().max_file_bytes
    (spec,) = plan_batches([SEEDS], 100, max_bytes)
    documents = pipeline.process_batch(*read_batch(spec, max_bytes)).documents
    known = dict(zip(documents["record_key"], documents["raw_hash"]))
    folder = BatchFolder(str(tmp_path), 0)
    handoff.ingested_batch(spec, max_bytes, folder)
    counts = handoff.cleaned_batch(folder, known)
    assert counts["unchanged"] == 5 and counts["clean_articles"] == 0
    assert handoff.extracted_batch(folder) == 0
    staged = handoff.staged_batch(folder)
    assert staged["unchanged"] == 5 and staged["mentions"] == 0 and staged["events"] == 0
