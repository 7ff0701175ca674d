"""A ``warta serve`` (or ``warta crawl --serve``) process for tests: started in its own
process group against the test's Prefect server, and stopped with everything it ran."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def wait_for_deployment(name: str, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    """Wait until the serving process has registered deployment ``name``."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            assert proc.poll() is None, f"warta serve exited early: {log.read_text(errors='replace')[-2000:]}"
            try:
                client.read_deployment_by_name(name)
                return
            except ObjectNotFound:
                time.sleep(1)
    raise AssertionError(f"deployment {name} never appeared")


@contextmanager
def serving(args: list[str], deployment: str, cwd: Path, env: dict[str, str] | None = None) -> Iterator[Path]:
    """Run ``warta <args>`` until deployment ``deployment`` is served; yield its log file."""
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, **(env or {}), "PREFECT_API_URL": PREFECT_API_URL.value(),
           "PREFECT_RUNNER_POLL_FREQUENCY": "1", "PREFECT_LOGGING_LEVEL": "WARNING"}
    log = cwd / "serve.log"  # a file, not a pipe: a full pipe would stall the server
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "warta.cli", *args], cwd=cwd, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_deployment(deployment, proc, log)
        yield log
    finally:
        # Only the serve process we started and its flow-run children; SIGTERM shuts the runner down gracefully.
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
