"""Throughput and memory benchmark (``make bench``).

    .venv/bin/python scripts/bench.py [--n N] [--quick] [--workers W] [--batch-size B]
                                      [--plain-n M] [--skip-plain] [--skip-flow] [--json FILE]

1. Builds a corpus in ``bench/`` (git-ignored) of every distinct real article in
   ``../shared/corpora`` (CLICK-ID news, IndoSum, detik-1000; about 26,000) plus
   ``seeds/``. Only when ``--n`` asks for more than that are perturbed copies added
   (own id and url, another paragraph and sentence order); the table says how many
   documents are distinct. Without ``../shared`` only the seeds are distinct.
2. Plain functions: the stages of ``warta/pipeline.py`` on worker processes (as the
   flow uses them), timed per stage, staged as Parquet and loaded into a fresh DuckDB.
3. The Prefect flow end to end: ``warta run corpus.jsonl --db fresh.duckdb`` under
   ``/usr/bin/time -v``, then the same command again (the incremental re-run).
   Per-stage times of the flow come from its task runs in the Prefect API.

Prints one table (markdown) with articles/s per stage, end to end (process start to
exit), peak RSS summed over all processes, DuckDB load rows/s and the re-run time.
``--quick`` is a smoke run (300 documents).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from datetime import datetime, timezone
from itertools import zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402  (a dependency of distributed)

from flows.runner import resolve_workers, stage_pool  # noqa: E402
from warehouse.loader import load_run  # noqa: E402
from warehouse.staging import write_batch  # noqa: E402
from warta import pipeline  # noqa: E402
from warta.events import assign_clusters  # noqa: E402
from warta.ingest import plan_batches, read_batch  # noqa: E402
from warta.settings import get_settings  # noqa: E402
from warta.text.sentences import sentence_spans  # noqa: E402

BENCH_DIR = ROOT / "bench"
STAGES = ("ingest", "clean", "sources", "actors", "events", "stage")
# The budgets of the open issues: end to end from process start to exit, memory, overhead.
TARGETS = {"e2e_articles_per_s": 300, "peak_rss_mb": 2048, "worker_rss_mb": 800, "overhead": 0.20, "rerun_ratio": 0.05}
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")


# --- corpus -------------------------------------------------------------------------

# Real articles, each distinct: CLICK-ID news (2019, nine outlets, raw with mojibake),
# IndoSum (2016-2018, ten outlets, tokenised) and detik-1000 (2025), read from ../shared.
CORPORA = ("clickid-news.jsonl", "indosum-dev.jsonl", "detik-1000.jsonl")
FIELDS = ("id", "url", "title", "published", "text")


def source_documents(shared_dir: Path, seeds_dir: Path) -> list[dict]:
    """Every distinct real document available: the shared corpora, then the seed articles.

    A repeated text or URL (detik-1000 holds 91 repeats) is kept once, so that every
    document is real work. The corpora are interleaved, so that any prefix mixes outlets.
    """
    per_corpus: list[list[dict]] = []
    for name in CORPORA:
        path = shared_dir / "corpora" / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                per_corpus.append([json.loads(line) for line in fh if line.strip()])
    seeds = [{"id": p.stem, "url": None, "text": p.read_text(encoding="utf-8")} for p in sorted(seeds_dir.glob("*.txt"))]
    docs, texts, urls = [], set(), set()
    for doc in [d for group in zip_longest(*per_corpus) for d in group if d is not None] + seeds:
        key = " ".join((doc.get("text") or "").split())
        if key in texts or (doc.get("url") and doc["url"] in urls):
            continue
        texts.add(key)
        if doc.get("url"):
            urls.add(doc["url"])
        docs.append({k: doc.get(k) for k in FIELDS if doc.get(k) is not None})
    if not docs:
        raise SystemExit(f"bench: no source documents under {shared_dir / 'corpora'} or {seeds_dir}")
    return docs


def perturb(doc: dict, copy: int, rng: random.Random) -> dict:
    """Copy ``copy`` of ``doc``: a new id and url, paragraphs after the lead shuffled, one paragraph's sentences rotated.

    Copy 0 is the document itself. The lead paragraph stays first (it holds the dateline).
    Copies only pad a corpus beyond the distinct documents available.
    """
    if copy == 0:
        return dict(doc)
    out = dict(doc)
    out["id"] = f"{doc.get('id')}-c{copy}"
    base = doc.get("url") or f"https://bench.invalid/seed/{doc.get('id')}"
    out["url"] = f"{base}?copy={copy}"
    paragraphs = [p for p in _PARAGRAPHS.split(doc.get("text") or "") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    if rest:
        i = rng.randrange(len(rest))
        spans = sentence_spans(rest[i])
        if len(spans) > 1:
            k = rng.randrange(1, len(spans))
            sentences = [rest[i][a:b] for a, b in spans]
            rest[i] = " ".join(sentences[k:] + sentences[:k])
    out["text"] = "\n\n".join(head + rest)
    return out


def build_corpus(n: int | None, out: Path, shared_dir: Path, seeds_dir: Path, seed: int = 7) -> tuple[Path, int, int]:
    """Write ``n`` documents (None: every distinct one) to ``out`` as JSONL; return (path, documents, distinct).

    The first documents are the distinct real ones; perturbed copies pad the corpus
    only when ``n`` asks for more. A complete corpus from an earlier run is reused.
    """
    sources = source_documents(shared_dir, seeds_dir)
    n = len(sources) if n is None else n
    distinct = min(n, len(sources))
    done = out.with_suffix(".ok")
    stamp = f"{n} {distinct}"
    if out.exists() and done.exists() and done.read_text().strip() == stamp:
        return out, n, distinct
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seen: set[str] = set()
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            doc = perturb(sources[i % len(sources)], i // len(sources), rng)
            if doc.get("url") in seen:  # a copy's url may collide with a real one
                doc["url"] = f"{doc['url']}{'&' if '?' in doc['url'] else '?'}n={i}"
            if doc.get("url"):
                seen.add(doc["url"])
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    done.write_text(stamp)
    return out, n, distinct


# --- memory -------------------------------------------------------------------------

def _role(cmdline: str) -> str:
    if "spawn_main" in cmdline or "distributed" in cmdline:
        return "worker"
    if "uvicorn" in cmdline or "prefect.server" in cmdline:
        return "prefect server"
    if "resource_tracker" in cmdline or cmdline.startswith("/usr/bin/time"):
        return "helper"
    return "flow"


class RssSampler:
    """Peak resident memory of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int | None = None, interval: float = 0.2):
        self.pid = pid or os.getpid()
        self.interval = interval
        self.peak = 0
        self.by_role: dict[str, int] = {}  # largest RSS seen per kind of process
        self._cpu: dict[int, tuple[str, float]] = {}  # pid -> (role, CPU seconds last seen)
        self._had_workers = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0
        total = 0
        seen: list[tuple[str, int]] = []
        for proc in procs:
            try:
                rss = proc.memory_info().rss
                role = _role(" ".join(proc.cmdline()))
                times = proc.cpu_times()
            except psutil.Error:
                continue
            seen.append((role, rss))
            self._cpu[proc.pid] = (role, times.user + times.system)
            total += rss
        # The flow process before the worker pool ends (batches) and after it (load, report).
        workers_now = any(role == "worker" for role, _ in seen)
        self._had_workers = self._had_workers or workers_now
        for role, rss in seen:
            if role == "flow" and self._had_workers:
                role = "flow (batches)" if workers_now else "flow (load)"
            self.by_role[role] = max(self.by_role.get(role, 0), rss)
        return total

    @property
    def cpu_by_role(self) -> dict[str, float]:
        """CPU seconds per kind of process, as last sampled (a process's final moments are missed)."""
        out: dict[str, float] = {}
        for role, seconds in self._cpu.values():
            out[role] = out.get(role, 0.0) + seconds
        return out

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


# --- plain functions ----------------------------------------------------------------

def plain_batch(spec, max_file_bytes: int, stage_dir: str) -> tuple[dict[str, float], dict[str, int]]:
    """One batch through every stage as plain functions, timed per stage (runs in a worker).

    The pipeline's own functions, with a lap of the clock as each stage ends.
    """
    t: dict[str, float] = {}
    clock, cpu = time.perf_counter(), time.process_time()

    def lap(name: str) -> None:
        # Wall and CPU time: on a busy machine the CPU time says what an idle core would do.
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        t[name], t["cpu_" + name] = now - clock, now_cpu - cpu
        clock, cpu = now, now_cpu

    raw, q_ingest = read_batch(spec, max_file_bytes)
    lap("ingest")
    cleaned = pipeline.clean_batch(raw, q_ingest, None)
    lap("clean")
    result = pipeline.batch_result(cleaned, pipeline.extract_batch(cleaned[1], lap))
    rows = write_batch(stage_dir, spec.number, result.frames())
    lap("stage")
    counts = {"documents": spec.documents, "articles": result.articles.height, "rows": sum(rows.values()), **rows}
    return t, counts


def measure_plain(corpus: Path, batch_size: int, workers: int, limit: int | None, db: Path) -> dict:
    """Run the plain-function pipeline over ``corpus`` (first ``limit`` batches' worth) and load it."""
    settings = get_settings()
    specs = plan_batches([str(corpus)], batch_size, settings.max_file_bytes)
    if limit:
        kept, total = [], 0
        for spec in specs:
            if total >= limit:
                break
            kept.append(spec)
            total += spec.documents
        specs = kept
    stage_dir = tempfile.mkdtemp(prefix="warta-bench-", dir=BENCH_DIR)
    seconds = dict.fromkeys(STAGES + tuple("cpu_" + s for s in STAGES), 0.0)
    totals: dict[str, int] = {}
    started = time.perf_counter()
    with RssSampler() as rss:
        with stage_pool(workers) as pool:
            pending: deque = deque()

            def collect() -> None:
                t, counts = pending.popleft().result() if pool else pending.popleft()
                for k, v in t.items():
                    seconds[k] += v
                for k, v in counts.items():
                    totals[k] = totals.get(k, 0) + v

            for spec in specs:
                pending.append(pool.submit(plain_batch, spec, settings.max_file_bytes, stage_dir) if pool
                               else plain_batch(spec, settings.max_file_bytes, stage_dir))
                while len(pending) > max(1, workers):
                    collect()
            while pending:
                collect()
        pipeline_wall = time.perf_counter() - started
        if db.exists():
            db.unlink()
        t0, c0 = time.perf_counter(), time.process_time()
        run = {"run_id": "bench-plain", "flow_run_id": None, "started_at": datetime.now(timezone.utc),
               "documents_in": totals.get("documents", 0)}
        loaded = load_run(db, stage_dir, run, assign_clusters)
        load_wall, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    shutil.rmtree(stage_dir, ignore_errors=True)
    docs = totals.get("documents", 0)
    return {
        "documents": docs,
        "articles": totals.get("articles", 0),
        "workers": workers,
        "stage_seconds": seconds,
        # Per core: documents over the time one worker spent in the stage.
        "stage_rate": {k: (docs / v if v else None) for k, v in seconds.items() if not k.startswith("cpu_")},
        "stage_cpu_rate": {k[4:]: (docs / v if v else None) for k, v in seconds.items() if k.startswith("cpu_")},
        "pipeline_wall": pipeline_wall,
        "pipeline_rate": docs / pipeline_wall if pipeline_wall else None,
        "load_seconds": load_wall,
        # The baseline of the overhead target: the stages only, without the load.
        "cpu_seconds": sum(v for k, v in seconds.items() if k.startswith("cpu_")),
        "load_cpu_seconds": load_cpu,
        "load_rows": totals.get("rows", 0),
        "load_rows_per_s": totals.get("rows", 0) / load_wall if load_wall else None,
        "articles_loaded": loaded.get("articles_loaded"),
        "wall": pipeline_wall + load_wall,
        "peak_rss_mb": rss.peak / 2**20,
    }


# --- the Prefect flow ---------------------------------------------------------------

def run_warta(corpus: Path, db: Path, env: dict) -> dict:
    """``warta run corpus --db db`` under ``/usr/bin/time -v``: wall time, peak RSS (tree and largest process)."""
    warta = str(Path(sys.executable).with_name("warta"))
    cmd = [warta, "run", str(corpus), "--db", str(db)]
    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    proc = subprocess.Popen(timer + cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with RssSampler(proc.pid) as rss:
        out, err = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"bench: warta run failed ({proc.returncode}):\n{err[-4000:]}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    # User + system time of warta and its reaped children (worker processes, the Prefect server).
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err)) or None
    return {
        "rss_by_role_mb": {k: v / 2**20 for k, v in rss.by_role.items()},
        "cpu_by_role_s": rss.cpu_by_role,
        "cpu_seconds": cpu,
        "wall": wall,
        "peak_rss_mb": rss.peak / 2**20,
        "max_process_rss_mb": int(match.group(1)) / 1024 if match else None,
        "summary": out.strip().splitlines()[-1] if out.strip() else "",
    }


def flow_task_seconds(db: Path) -> dict[str, float]:
    """Seconds spent in each task of the warehouse's first flow run, read from the Prefect API."""
    import duckdb

    # A busy machine can take longer than Prefect's default 20 s to start the ephemeral API.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT flow_run_id FROM runs ORDER BY started_at LIMIT 1").fetchone()
    finally:
        con.close()
    if not row or not row[0]:
        return {}
    import uuid

    seconds: dict[str, float] = {}
    with get_client(sync_client=True) as client:
        offset = 0
        while True:
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[uuid.UUID(row[0])])), limit=200, offset=offset)
            for tr in runs:
                took = tr.total_run_time.total_seconds() if tr.total_run_time else 0.0
                name = tr.task_key.split("-")[0] if not tr.name else tr.name.split(" [")[0].split("-")[0]
                seconds[name] = seconds.get(name, 0.0) + took
            if len(runs) < 200:
                break
            offset += 200
    return seconds


def measure_flow(corpus: Path, documents: int, batch_size: int, workers: int, db: Path) -> dict:
    """The flow end to end into a fresh warehouse, then the incremental re-run over the same corpus."""
    for path in (db, db.with_suffix(".duckdb.wal")):
        if path.exists():
            path.unlink()
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180", "WARTA_BATCH_SIZE": str(batch_size),
           "WARTA_WORKERS": str(workers), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    first = run_warta(corpus, db, env)
    second = run_warta(corpus, db, env)
    try:
        tasks = flow_task_seconds(db)
    except Exception as exc:  # the figures above stand without the per-task split
        print(f"bench: could not read task runs from the Prefect API: {exc}", file=sys.stderr)
        tasks = {}
    names = {"raw_articles": "ingest", "clean_articles": "clean", "actors, events, sources": "extract",
             "stage": "stage", "warehouse_load": "load"}
    stage_seconds = {names.get(k, k): v for k, v in tasks.items()}
    return {
        "first": first,
        "second": second,
        "e2e_rate": documents / first["wall"],
        "rerun_ratio": second["wall"] / first["wall"],
        "stage_seconds": stage_seconds,
        "stage_rate": {k: (documents / v if v else None) for k, v in stage_seconds.items()},
    }


# --- report -------------------------------------------------------------------------

def _f(value, digits: int = 0, suffix: str = "") -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{suffix}"


def render(result: dict) -> str:
    """The benchmark table (markdown)."""
    plain, flow = result.get("plain"), result.get("flow")
    lines = [
        f"Warta benchmark: {result['documents']:,} documents ({result.get('distinct', result['documents']):,} distinct "
        f"real articles), batch size {result['batch_size']}, "
        f"{result['workers']} worker process(es), {result['cores']} core(s), {result['date']}",
        "",
        "| stage | plain functions, articles/s per core (wall) | same, per CPU second | Prefect flow task, articles/s per core (wall) |",
        "|---|---:|---:|---:|",
    ]
    prate = plain["stage_rate"] if plain else {}
    crate = plain["stage_cpu_rate"] if plain else {}
    frate = flow["stage_rate"] if flow else {}
    extract = extract_cpu = None
    parts = ("sources", "actors", "events")
    if plain and all(plain["stage_seconds"].get(k) for k in parts):
        extract = plain["documents"] / sum(plain["stage_seconds"][k] for k in parts)
        extract_cpu = plain["documents"] / sum(plain["stage_seconds"]["cpu_" + k] for k in parts)
    rows = [(name, prate.get(name), crate.get(name), frate.get(name)) for name in ("ingest", "clean")]
    rows += [(name, prate.get(name), crate.get(name), None) for name in parts]
    rows += [("extract (sources + actors + events)", extract, extract_cpu, frate.get("extract")),
             ("stage (Parquet)", prate.get("stage"), crate.get("stage"), frate.get("stage"))]
    for name, p, c, f in rows:
        lines.append(f"| {name} | {_f(p)} | {_f(c)} | {_f(f)} |")
    if plain:
        lines.append(f"| load (DuckDB, whole run) | {_f(plain['documents'] / plain['load_seconds'])} | "
                     f"| {_f(frate.get('load'))} |")
    lines += ["", "| measure | value | target |", "|---|---:|---|"]
    if plain:
        lines += [
            f"| plain pipeline wall ({plain['documents']:,} docs, {plain['workers']} workers, no load) "
            f"| {_f(plain['pipeline_wall'], 1, ' s')} = {_f(plain['pipeline_rate'])} art/s | |",
            f"| DuckDB load | {_f(plain['load_rows'])} rows in {_f(plain['load_seconds'], 1, ' s')} "
            f"= {_f(plain['load_rows_per_s'])} rows/s | |",
            f"| peak RSS, plain run (all processes) | {_f(plain['peak_rss_mb'], 0, ' MB')} | |",
            f"| CPU time, plain pipeline (no load) | {_f(plain['cpu_seconds'], 1, ' s')} = "
            f"{_f(1000 * plain['cpu_seconds'] / plain['documents'], 1, ' ms')}/article | |",
        ]
    if flow:
        first, second = flow["first"], flow["second"]
        ok = lambda cond: "met" if cond else "NOT met"  # noqa: E731
        lines += [
            f"| end to end, `warta run` into a fresh warehouse | {_f(first['wall'], 1, ' s')} = "
            f"{_f(flow['e2e_rate'])} art/s | >= {TARGETS['e2e_articles_per_s']} art/s: {ok(flow['e2e_rate'] >= TARGETS['e2e_articles_per_s'])} |",
            f"| peak RSS, `warta run` (all processes) | {_f(first['peak_rss_mb'], 0, ' MB')} "
            f"(largest: " + ", ".join(f"{k} {_f(v, 0, ' MB')}" for k, v in sorted(first.get("rss_by_role_mb", {}).items())
                                       if k != "helper") + ") "
            f"| <= 2 GB: {ok(first['peak_rss_mb'] <= TARGETS['peak_rss_mb'])} |",
            f"| peak RSS of one worker process | {_f(first.get('rss_by_role_mb', {}).get('worker'), 0, ' MB')} "
            f"| <= {TARGETS['worker_rss_mb']} MB: {ok((first.get('rss_by_role_mb', {}).get('worker') or 0) <= TARGETS['worker_rss_mb'])} |",
            f"| second run, unchanged corpus | {_f(second['wall'], 1, ' s')} = "
            f"{_f(100 * flow['rerun_ratio'], 1, ' %')} of the first | <= 5 %: {ok(flow['rerun_ratio'] <= TARGETS['rerun_ratio'])} |",
        ]
        if first.get("cpu_seconds"):
            lines.append(f"| CPU time, `warta run` (all processes) | {_f(first['cpu_seconds'], 1, ' s')} = "
                         f"{_f(1000 * first['cpu_seconds'] / result['documents'], 1, ' ms')}/article | |")
            if first.get("cpu_by_role_s"):
                lines.append("| CPU time by process | " + ", ".join(
                    f"{k} {_f(v, 1, ' s')}" for k, v in sorted(first["cpu_by_role_s"].items()) if k != "helper") + " | |")
            # What the run would take with every core to itself: CPU time over the cores.
            idle = result["documents"] / (first["cpu_seconds"] / result["cores"])
            lines.append(f"| end to end if the {result['cores']} cores were idle (CPU time / cores) | "
                         f"{_f(idle)} art/s | >= {TARGETS['e2e_articles_per_s']} art/s: {ok(idle >= TARGETS['e2e_articles_per_s'])} |")
        if plain and plain["documents"] == result["documents"]:
            overhead = first["wall"] / plain["pipeline_wall"] - 1
            lines.append(f"| Prefect + load overhead over the plain pipeline, wall | {_f(100 * overhead, 1, ' %')} "
                         f"| <= 20 %: {ok(overhead <= TARGETS['overhead'])} |")
        if plain and first.get("cpu_seconds") and plain["documents"]:
            # Per article, so a plain pass over a sample compares with the flow over the whole corpus.
            cpu_overhead = (first["cpu_seconds"] / result["documents"]) / (plain["cpu_seconds"] / plain["documents"]) - 1
            lines.append(f"| Prefect + load overhead, CPU time per article (robust on a busy machine) | {_f(100 * cpu_overhead, 1, ' %')} "
                         f"| <= 20 %: {ok(cpu_overhead <= TARGETS['overhead'])} |")
        lines.append(f"| `warta run` summary | {first['summary']} | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, measure, print the table (and write JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, help="documents in the corpus (default: every distinct real article, "
                        "about 26,000; more adds perturbed copies)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 300 documents, batches of 100")
    parser.add_argument("--batch-size", type=int, help="documents per batch (default: Settings.batch_size)")
    parser.add_argument("--workers", type=int, help="worker processes (default: Settings.workers, 0 = one per core)")
    parser.add_argument("--plain-n", type=int, help="documents for the plain-function pass (default: all)")
    parser.add_argument("--skip-plain", action="store_true", help="skip the plain-function pass")
    parser.add_argument("--skip-flow", action="store_true", help="skip the Prefect flow runs")
    parser.add_argument("--out", type=Path, default=None, help="working folder (default bench/, git-ignored)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    settings = get_settings()
    n = 300 if args.quick else args.n
    batch_size = args.batch_size or (100 if args.quick else settings.batch_size)
    workers = resolve_workers(args.workers if args.workers is not None else settings.workers)
    global BENCH_DIR
    BENCH_DIR = args.out = args.out or BENCH_DIR
    args.out.mkdir(parents=True, exist_ok=True)
    corpus, n, distinct = build_corpus(n, args.out / f"corpus-{n or 'distinct'}.jsonl", settings.shared_dir,
                                       settings.seeds_dir)
    result = {"documents": n, "distinct": distinct, "batch_size": batch_size, "workers": workers,
              "cores": psutil.cpu_count(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    if not args.skip_plain:
        print(f"bench: plain functions over {args.plain_n or n} documents ...", file=sys.stderr, flush=True)
        result["plain"] = measure_plain(corpus, batch_size, workers, args.plain_n, args.out / "plain.duckdb")
        print(render(result), file=sys.stderr, flush=True)
    if not args.skip_flow:
        print(f"bench: warta run over {n} documents, twice ...", file=sys.stderr, flush=True)
        result["flow"] = measure_flow(corpus, n, batch_size, workers, args.out / "flow.duckdb")
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
