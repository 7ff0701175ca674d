"""A ``warta run``-like process for crash and concurrency tests: load a staged run into a warehouse.

    python tests/data/load_runner.py DB STAGE_DIR RUN_ID --documents N [--pause S --marker FILE] [--retries N --backoff S]

It publishes ``STAGE_DIR`` with the real loader, in one transaction, reclustering
every event with the real clustering. With ``--pause`` it touches ``--marker``
once every table has been written inside the transaction, then sleeps there
before COMMIT: the moment a crash hurts most. Exit status 3 means the warehouse
stayed locked (the message names the holder), like ``warta run``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from warehouse.db import WarehouseLockedError  # noqa: E402
from warehouse.loader import load_run  # noqa: E402


def main() -> int:
    """Load the staged run; print its counts as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("stage")
    parser.add_argument("run_id")
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--marker")
    parser.add_argument("--documents", type=int, required=True, help="documents behind the staged run")
    parser.add_argument("--retries", type=int, default=5)
    parser.add_argument("--backoff", type=float, default=0.2)
    args = parser.parse_args()

    def clusters_after_a_pause(events):
        if args.marker:
            Path(args.marker).write_text("inside the load transaction")
        from warta.events import assign_clusters  # imported here: the process starts faster

        time.sleep(args.pause)
        return assign_clusters(events)

    run = {"run_id": args.run_id, "started_at": datetime.now(timezone.utc), "documents_in": args.documents}
    try:
        counts = load_run(args.db, args.stage, run, clusters_after_a_pause, args.retries, args.backoff)
    except WarehouseLockedError as exc:
        print(f"warta: {exc}", file=sys.stderr)
        return 3
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
