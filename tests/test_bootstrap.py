"""`make` bootstraps uv without touching the system Python (PEP 668 "externally managed" systems)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

# python3 as on stock Debian/Ubuntu: no ensurepip for venvs, pip refuses to install into the
# system, and no uv module. `pip install --target` is allowed there, as it is on those systems.
STUB = """#!/bin/sh
case "$*" in
  "-m venv "*) echo "ensurepip is not available" >&2; exit 1 ;;
  *"-m uv"*) echo "No module named uv" >&2; exit 1 ;;
  *"-m pip install"*"--target"*) exec "{real}" "$@" ;;
  *"-m pip install"*) echo "error: externally-managed-environment" >&2; exit 1 ;;
  *) exec "{real}" "$@" ;;
esac
"""


def _python_with_pip() -> str | None:
    for candidate in (getattr(sys, "_base_executable", None), shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-m", "pip", "--version"], capture_output=True).returncode == 0:
            return candidate
    return None


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


@pytest.fixture
def debian_like_path(tmp_path: Path) -> dict:
    real = _python_with_pip()
    if real is None:
        pytest.skip("no Python with pip here to stand in for the system Python")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    stub = bindir / "python3"
    stub.write_text(STUB.format(real=real))
    stub.chmod(0o755)
    # PATH holds the stub and the basic tools, but no uv.
    system = [d for d in ("/usr/local/sbin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")
              if Path(d).is_dir() and not (Path(d) / "uv").exists()]
    return {**os.environ, "PATH": os.pathsep.join([str(bindir), *system])}


def test_the_makefile_bootstraps_uv_when_none_is_installed(debian_like_path):
    if shutil.which("make", path=debian_like_path["PATH"]) is None:
        pytest.skip("make is not installed")
    plan = subprocess.run(["make", "-n", "-B", "setup"], cwd=PROJECT, env=debian_like_path, capture_output=True,
                          text=True, timeout=60)
    assert plan.returncode == 0, plan.stderr
    assert "scripts/bootstrap-uv.sh .venv-uv" in plan.stdout
    assert ".venv-uv/bin/uv sync --frozen" in plan.stdout
    assert "pip install" not in plan.stdout


def test_bootstrap_installs_uv_privately_where_pip_is_externally_managed(debian_like_path, tmp_path):
    if not _pypi_reachable():
        pytest.skip("PyPI is not reachable from here")
    dest = tmp_path / "uv-boot"
    out = subprocess.run([str(PROJECT / "scripts" / "bootstrap-uv.sh"), str(dest)], env=debian_like_path,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("uv ")
    version = subprocess.run([str(dest / "bin" / "uv"), "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("uv ")
