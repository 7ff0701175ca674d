"""Stage outputs handed from one batch task to the next through files, not through the flow.

Each batch task of the ``etl`` flow runs its stage where the work runs (a worker
process or a Dask worker), writes what it produced as Arrow IPC files in the batch's
work folder and returns only a small :class:`BatchFolder` handle. The flow process then
never holds a batch's frames: its memory stays flat however large the run, and no
frame is pickled to it and back. Arrow IPC without compression writes and reads at
memory speed. The last step writes the batch's staged Parquet partitions and deletes
the work folder.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from warehouse.staging import write_batch
from warta import pipeline
from warta.ingest import BatchSpec, read_batch

WORK_DIR = "_work"  # inside the run's stage folder, next to the staged tables


@dataclass(frozen=True)
class BatchFolder:
    """Where one batch's intermediate frames live: ``<stage_dir>/_work/batch-<n>``."""

    stage_dir: str
    number: int

    @property
    def path(self) -> Path:
        return Path(self.stage_dir) / WORK_DIR / f"batch-{self.number:06d}"

    def write(self, frames: dict[str, pl.DataFrame], counts: dict[str, int] | None = None) -> None:
        """Save ``frames`` (and ``counts``) under their names."""
        self.path.mkdir(parents=True, exist_ok=True)
        for name, frame in frames.items():
            frame.write_ipc(self.path / f"{name}.arrow", compression="uncompressed")
        if counts is not None:
            (self.path / "counts.json").write_text(json.dumps(counts), encoding="utf-8")

    def read(self, *names: str) -> list[pl.DataFrame]:
        """Load the frames saved under ``names``, in that order."""
        return [pl.read_ipc(self.path / f"{name}.arrow") for name in names]

    def counts(self) -> dict[str, int]:
        """The counts saved by the clean step."""
        return json.loads((self.path / "counts.json").read_text(encoding="utf-8"))

    def remove(self) -> None:
        """Delete the work folder (its frames are staged or no longer needed)."""
        shutil.rmtree(self.path, ignore_errors=True)


def ingested_batch(spec: BatchSpec, max_file_bytes: int, folder: BatchFolder) -> int:
    """Read and decode one batch into ``folder``; return how many documents it holds."""
    raw, quarantine = read_batch(spec, max_file_bytes)
    folder.write({"raw": raw, "ingest_quarantine": quarantine})
    return raw.height + quarantine.height


def cleaned_batch(folder: BatchFolder, known: dict[str, str] | None) -> dict[str, int]:
    """Run :func:`pipeline.clean_batch` on the ingested frames of ``folder``; return its counts."""
    raw, ingest_quarantine = folder.read("raw", "ingest_quarantine")
    raw, clean, quarantine, counts = pipeline.clean_batch(raw, ingest_quarantine, known)
    folder.write({"raw": raw, "clean": clean, "quarantine": quarantine}, counts)
    return counts


def extracted_batch(folder: BatchFolder) -> int:
    """Run :func:`pipeline.extract_batch` on the clean articles of ``folder``; return the event count."""
    (clean,) = folder.read("clean")
    names = ("citations", "mentions", "actors", "events", "records_quarantine")
    extracted = pipeline.extract_batch(clean)
    folder.write(dict(zip(names, extracted)))
    return extracted[3].height


def staged_batch(folder: BatchFolder) -> dict[str, int]:
    """Write the batch's staged Parquet partitions from ``folder``, delete it; return the batch counts."""
    raw, clean, quarantine = folder.read("raw", "clean", "quarantine")
    extracted = tuple(folder.read("citations", "mentions", "actors", "events", "records_quarantine"))
    result = pipeline.batch_result((raw, clean, quarantine, folder.counts()), extracted)
    write_batch(folder.stage_dir, folder.number, result.frames())
    folder.remove()
    return result.counts
