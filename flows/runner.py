"""Where the batch tasks run: Prefect's thread pool plus worker processes, or a Dask cluster.

Three set-ups, chosen from ``Settings.dask_address`` (``WARTA_DASK_ADDRESS``):

* unset: Prefect's ``ThreadPoolTaskRunner`` in this process. The CPU-bound stage
  bodies (ingest, clean, extract) are shipped to a pool of ``Settings.workers``
  worker processes (:class:`StagePool`), because the GIL lets one Python process
  use one core only.
* ``local`` or ``local:N``: prefect-dask's ``DaskTaskRunner`` on a fresh
  ``LocalCluster`` of N single-threaded worker processes (default: one per core).
* any other value, e.g. ``tcp://scheduler:8786``: ``DaskTaskRunner`` on that
  existing cluster. Every worker must see the stage folder (``Settings.stage_root``)
  and the input files at the same paths, e.g. on a shared file system.

On Dask the tasks already run in worker processes, so stage bodies run inline.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Iterator, TypeVar

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

T = TypeVar("T")

LOCAL_CLUSTER = "local"
# Batches in flight per worker. One is enough: a batch's stages follow each other within
# milliseconds (a batch takes seconds), no stage waits in the pool's queue, so task
# durations in Prefect are the stage's own time; memory holds one batch per worker.
BATCHES_PER_WORKER = 1

_active: dict[str, Executor | None] = {"pool": None}
_lock = threading.Lock()


def cpu_count() -> int:
    """Cores this process may use (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int | None) -> int:
    """Worker processes to use: ``workers`` if positive, else one per available core."""
    return workers if workers and workers > 0 else cpu_count()


def parse_local(address: str | None) -> int | None:
    """Worker count of a ``local`` / ``local:N`` address (0 = one per core), None for a real address."""
    if not address:
        return None
    text = address.strip().lower()
    if text == LOCAL_CLUSTER:
        return 0
    if text.startswith(LOCAL_CLUSTER + ":") and text[len(LOCAL_CLUSTER) + 1:].isdigit():
        return int(text[len(LOCAL_CLUSTER) + 1:])
    return None


def uses_dask(address: str | None) -> bool:
    """True when ``address`` selects a Dask cluster (local or remote)."""
    return bool(address and address.strip())


def make_task_runner(address: str | None, workers: int | None = None, processes: bool = True) -> TaskRunner:
    """The Prefect task runner for a run.

    ``address`` is ``Settings.dask_address``: None for the local thread pool,
    ``local[:N]`` for a new ``LocalCluster``, or a scheduler address.
    ``processes=False`` makes the LocalCluster use threads (quick to start, for tests).
    """
    if not uses_dask(address):
        # Each in-flight batch holds at most its four stage tasks; none waits for a free thread.
        return ThreadPoolTaskRunner(max_workers=4 * BATCHES_PER_WORKER * resolve_workers(workers))
    from prefect_dask import DaskTaskRunner

    local = parse_local(address)
    if local is None:
        return DaskTaskRunner(address=address)
    n = resolve_workers(local or workers)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={"n_workers": n, "threads_per_worker": 1, "processes": processes, "dashboard_address": None},
    )


def batches_in_flight(address: str | None, workers: int | None) -> int:
    """How many batches the flow keeps submitted at once (bounds memory, keeps workers busy)."""
    local = parse_local(address)
    if uses_dask(address) and local is None:
        return 4 * BATCHES_PER_WORKER  # a remote cluster's size is unknown here; a modest window
    return BATCHES_PER_WORKER * resolve_workers(local or workers)


def runs_in_process() -> bool:
    """True when the current flow run's tasks run in this process's threads (not on Dask)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    runner = ctx.task_runner if ctx else None
    return runner is None or isinstance(runner, ThreadPoolTaskRunner)


# Cyclic-GC thresholds for worker processes. With Python's defaults (700, 10, 10) a full
# collection keeps re-walking the long-lived gazetteers, model tables and caches: about
# 15 % of a worker's CPU. Batch data is freed by reference counting, so rarer
# collections cost no memory to speak of.
WORKER_GC_THRESHOLDS = (50_000, 20, 100)


def _init_worker() -> None:
    # One worker per core: BLAS/OpenMP threads inside a worker would only fight over cores.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


@contextmanager
def stage_pool(workers: int | None, enabled: bool = True) -> Iterator[Executor | None]:
    """Make a pool of worker processes the target of :func:`run_stage` for the duration.

    With one worker (or ``enabled=False``) no pool is started and stages run in-process.
    Processes are spawned, not forked: the flow process already runs Prefect threads.
    """
    n = resolve_workers(workers)
    if not enabled or n <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker)
    with _lock:
        previous, _active["pool"] = _active["pool"], pool
    try:
        yield pool
    finally:
        with _lock:
            _active["pool"] = previous
        pool.shutdown(wait=True, cancel_futures=True)


def run_stage(fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(*args)`` in the active worker pool, or here when there is none.

    ``fn`` must be a module-level function and its arguments picklable (polars
    frames, batch specs, dicts).
    """
    pool = _active["pool"]
    if pool is None:
        return fn(*args)
    return pool.submit(fn, *args).result()
