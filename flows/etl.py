"""The ``etl`` Prefect flow: thin tasks around the plain stage functions, one task per stage per batch."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections import deque
from datetime import datetime, timezone
from pathlib import Path

from prefect import Flow, flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from tqdm import tqdm

from flows import handoff
from flows.handoff import BatchFolder
from flows.report import publish_run_artifacts
from flows.runner import batches_in_flight, make_task_runner, resolve_workers, run_stage, runs_in_process, stage_pool
from warehouse.ledger import read_ledger
from warehouse.loader import load_run, record_failed_run
from warehouse.staging import publish_to_lake
from warta.events import assign_clusters
from warta.ingest import BatchSpec, plan_batches, seen_inputs, skip_unchanged
from warta.settings import Settings, get_settings

TASK_OPTIONS = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="raw_articles", task_run_name="raw_articles [batch {spec.number}]", **TASK_OPTIONS)
def raw_articles_task(spec: BatchSpec, max_file_bytes: int, folder: BatchFolder) -> BatchFolder:
    """Read and decode one batch of input documents into its work folder."""
    run_stage(handoff.ingested_batch, spec, max_file_bytes, folder)
    return folder


@task(name="clean_articles", task_run_name="clean_articles [batch {folder.number}]", **TASK_OPTIONS)
def clean_articles_task(folder: BatchFolder, known: dict[str, str] | None) -> BatchFolder:
    """Skip unchanged documents, validate, clean and de-duplicate one batch."""
    run_stage(handoff.cleaned_batch, folder, known)
    return folder


@task(name="extractions", task_run_name="actors, events, sources [batch {folder.number}]", **TASK_OPTIONS)
def extractions_task(folder: BatchFolder) -> BatchFolder:
    """Extract citations, actor mentions and events from one batch of clean articles."""
    run_stage(handoff.extracted_batch, folder)
    return folder


@task(name="staged_batch", task_run_name="stage [batch {folder.number}]", **TASK_OPTIONS)
def staged_batch_task(folder: BatchFolder) -> dict[str, int]:
    """Write one batch's validated frames as Parquet partitions; return its counts."""
    return run_stage(handoff.staged_batch, folder)


@task(name="warehouse_load", task_run_name="warehouse_load", retries=2, retry_delay_seconds=[2, 8], **TASK_OPTIONS)
def warehouse_load_task(db: str, stage_dir: str, run: dict, recluster: bool = True) -> dict[str, int]:
    """Merge the staged run into DuckDB in one transaction (retried if the file is locked)."""
    settings = get_settings()
    return load_run(db, stage_dir, run, assign_clusters if recluster else None,
                    settings.lock_retries, settings.lock_backoff_seconds)


def _run_name() -> str:
    params = flow_run.parameters or {}
    paths = params.get("paths") or ["seeds"]
    label = Path(str(paths[0])).name or str(paths[0])
    more = f" +{len(paths) - 1}" if len(paths) > 1 else ""
    return f"etl {label}{more} {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S}"


@flow(name="etl", flow_run_name=_run_name, log_prints=True)
def etl(
    paths: list[str] | None = None,
    db: str | None = None,
    incremental: bool = True,
    batch_size: int | None = None,
    progress: bool = False,
) -> dict:
    """Ingest, clean, extract and load documents under ``paths`` into the DuckDB warehouse ``db``.

    Batches are submitted to the flow's task runner a few at a time (bounded memory);
    on a local run their CPU-bound stages go to worker processes (``flows/runner.py``).
    """
    logger = get_run_logger()
    settings = get_settings()
    paths = [str(p) for p in (paths or [settings.seeds_dir])]
    db_path = Path(db or settings.db)
    run = {
        "run_id": uuid.uuid4().hex[:16],
        "flow_run_id": str(flow_run.id) if flow_run.id else None,
        "started_at": datetime.now(timezone.utc),
    }
    specs = plan_batches(paths, batch_size or settings.batch_size, settings.max_file_bytes)
    known = read_ledger(db_path) if incremental else None
    logger.info("run %s: %d batch(es) from %s into %s", run["run_id"], len(specs), ", ".join(paths), db_path)
    stage_dir = tempfile.mkdtemp(prefix=f"warta-{run['run_id']}-", dir=settings.stage_root)
    totals: dict[str, int] = {}
    bar = tqdm(total=sum(s.documents for s in specs), unit="doc", desc="etl", disable=not progress)
    window = batches_in_flight(None if runs_in_process() else settings.dask_address or "local", settings.workers)
    pending: deque = deque()
    seen = seen_inputs(known)

    def collect() -> None:
        spec, staged = pending.popleft()
        counts = staged.result()
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        logger.info("batch %d/%d: %d documents, %d articles", spec.number + 1, len(specs), counts["documents_in"], counts["clean_articles"])
        bar.update(spec.documents)

    try:
        # Worker processes only when tasks run in this process's threads; Dask tasks already run on workers.
        # A single batch has nothing to overlap with: it runs in-process, without spawning workers.
        workers = min(resolve_workers(settings.workers), len(specs))
        with stage_pool(workers, enabled=workers > 1 and runs_in_process()):
            for spec in specs:
                spec, unchanged = skip_unchanged(spec, seen, settings.max_file_bytes)
                if unchanged:
                    for key in ("documents_in", "unchanged"):
                        totals[key] = totals.get(key, 0) + unchanged
                    bar.update(unchanged)
                if not spec.pieces:
                    continue
                # Tasks pass a folder handle: the batch's frames stay with the workers (flows/handoff.py).
                ingested = raw_articles_task.submit(spec, settings.max_file_bytes, BatchFolder(stage_dir, spec.number))
                cleaned = clean_articles_task.submit(ingested, known)
                extracted = extractions_task.submit(cleaned)
                pending.append((spec, staged_batch_task.submit(extracted)))
                while len(pending) >= window:
                    collect()
            while pending:
                collect()
        run.update(documents_in=totals.get("documents_in", 0), unchanged=totals.get("unchanged", 0),
                   raw_articles=totals.get("raw_articles", 0), clean_articles=totals.get("clean_articles", 0),
                   records_quarantined=totals.get("records_quarantined", 0))
        # Clusters only change when articles were (re)loaded; an unchanged corpus skips the recluster.
        loaded = warehouse_load_task(str(db_path), stage_dir, run, recluster=totals.get("raw_articles", 0) > 0)
        publish_to_lake(stage_dir, run["run_id"], settings.lake_dir)
    except Exception as exc:
        try:
            record_failed_run(db_path, run, f"{type(exc).__name__}: {exc}", settings.lock_retries, settings.lock_backoff_seconds)
        except Exception as record_exc:  # the warehouse may be what failed
            logger.warning("could not record the failed run: %s", record_exc)
        raise
    finally:
        bar.close()
        shutil.rmtree(stage_dir, ignore_errors=True)
    summary = {**run, **totals, **loaded}
    publish_run_artifacts(db_path, summary)
    logger.info("run %s loaded %d articles, quarantined %d documents", run["run_id"], loaded["articles_loaded"], loaded["quarantined"])
    return summary


def etl_flow(settings: Settings | None = None) -> Flow:
    """The ``etl`` flow with the task runner the settings choose, chosen now, not at import.

    The thread pool with worker processes for a local run; a Dask cluster when
    ``WARTA_DASK_ADDRESS`` is set (``flows/runner.py``).
    """
    settings = settings or get_settings()
    return etl.with_options(task_runner=make_task_runner(settings.dask_address, settings.workers))
