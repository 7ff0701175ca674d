#!/bin/sh
# Install uv into a private folder (default .venv-uv) without touching the system Python.
#
# Stock Debian and Ubuntu Pythons refuse `pip install` into the system (PEP 668,
# "externally-managed-environment") and may lack ensurepip (no python3-venv). So:
# 1. a venv of its own holding uv, when the venv module can make one with pip;
# 2. else `pip install --target`, which PEP 668 allows because it leaves the system alone.
set -eu
dest=${1:-.venv-uv}
py=${PYTHON:-python3}
if "$py" -m venv "$dest" >/dev/null 2>&1 && "$dest/bin/python" -m pip --version >/dev/null 2>&1; then
    "$dest/bin/python" -m pip install --quiet --disable-pip-version-check uv
elif "$py" -m pip --version >/dev/null 2>&1; then
    rm -rf "$dest"
    "$py" -m pip install --quiet --disable-pip-version-check --target "$dest/lib" uv
    mkdir -p "$dest/bin"
    ln -sf ../lib/bin/uv "$dest/bin/uv"
else
    echo "bootstrap-uv: $py has neither venv nor pip; install uv (https://docs.astral.sh/uv/) or python3-venv, then run make again" >&2
    exit 1
fi
"$dest/bin/uv" --version
