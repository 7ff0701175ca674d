"""A temporary Prefect API server for one ``warta run``, booted while the flow modules import.

With no ``PREFECT_API_URL`` Prefect starts a temporary server itself when the flow is
called: it first imports the whole server package into this process (about 6 s here)
and then waits for the server to boot (about 7 s). ``warta run`` instead launches the
same server command (uvicorn on Prefect's app factory, UI off, the same settings) as
soon as Prefect's settings are loaded, without importing the server package, and points
the flow at it once it answers. The boot then overlaps the imports of the flow modules:
a re-run over 100,000 unchanged documents went from 18.5 to 15.8 s.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext


class PrefectServerUnavailable(RuntimeError):
    """No Prefect server answers at the configured API URL."""


def require_server(url: str, then: str = "try again", timeout: float = 5.0) -> None:
    """Raise :class:`PrefectServerUnavailable`, saying what to do, when nothing answers at ``url``."""
    import httpx

    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=timeout)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise PrefectServerUnavailable(
            f"no Prefect server answers at {url} ({type(exc).__name__}). Start one with `make server` "
            f"(the UI on http://127.0.0.1:4200), or set PREFECT_API_URL to your server's API, then {then}."
        ) from exc


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryApi:
    """A Prefect API server subprocess on a free local port."""

    def __init__(self) -> None:
        import prefect
        from prefect.settings import get_current_settings

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        # The command and environment Prefect's own temporary server uses.
        env = {**os.environ, **get_current_settings().to_environment_variables(exclude_unset=True),
               "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env,
        )

    def wait_ready(self, timeout: float) -> None:
        """Block until the server answers its health check; raise RuntimeError if it does not."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the temporary Prefect server exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the temporary Prefect server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        """Terminate the server (killed if it does not stop within 5 s)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def needs_temporary_api() -> bool:
    """True when Prefect has no API configured and would start a temporary server itself."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    return not PREFECT_API_URL.value() and bool(PREFECT_SERVER_EPHEMERAL_ENABLED.value())


def drain_prefect_workers(timeout: float = 10.0) -> None:
    """Send Prefect's queued logs and events now, while the API that receives them is up.

    Prefect ships run logs and events from background workers. If the temporary server
    stops first, those workers retry the refused connection with backoff at interpreter
    exit: about a minute of waiting, then "Error logging to API". Prefect's own test
    harness drains them the same way before it stops its server.
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=timeout)
    EventsWorker.drain_all(timeout=timeout)


@contextmanager
def booting_api(timeout: float = 120.0) -> Iterator[Callable[[], AbstractContextManager]]:
    """Start a temporary API if one is needed; yield ``ready()``, which waits for it and
    returns a context manager that points Prefect at it (a no-op when a server is configured)."""
    if not needs_temporary_api():
        yield nullcontext
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    api = TemporaryApi()
    try:
        def ready() -> AbstractContextManager:
            api.wait_ready(timeout)
            return temporary_settings(updates={PREFECT_API_URL: api.url})

        yield ready
    finally:
        try:
            drain_prefect_workers()
        finally:
            api.stop()
