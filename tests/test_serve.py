"""`warta serve`: the deployment's schedule and parameters, and a served deployment that runs when triggered."""

from __future__ import annotations

import pytest

from flows.serve import DEFAULT_CRON, build_deployment, check_cron, inbox_parameters
from tests.conftest import SEEDS
from tests.serving import serving
from warehouse.db import session
from warta.cli import main

SEED = SEEDS / "000_f7cb3e3a9e2b932e.txt"


def test_deployment_is_hourly_over_the_inbox_by_default(tmp_path):
    deployment = build_deployment("inbox", inbox=tmp_path / "inbox", db=tmp_path / "w.duckdb")
    assert deployment.name == "inbox" and deployment.flow_name == "etl"
    [schedule] = deployment.schedules
    assert schedule.schedule.cron == DEFAULT_CRON == "0 * * * *"
    assert deployment.parameters == {"paths": [str((tmp_path / "inbox").resolve())],
                                     "db": str((tmp_path / "w.duckdb").resolve()), "incremental": True}
    assert deployment.entrypoint == "flows.etl.etl"  # found whatever folder serve runs in


def test_schedule_flags_are_checked():
    assert check_cron("*/15 * * * *", "Asia/Jakarta").timezone == "Asia/Jakarta"
    with pytest.raises(ValueError, match="invalid schedule"):
        check_cron("every hour")
    with pytest.raises(ValueError, match="invalid schedule"):
        check_cron("0 * * * *", "Jawa/Barat")
    assert inbox_parameters("in", "w.duckdb", full=True)["incremental"] is False


def test_serve_without_a_server_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # nothing listens on the discard port
    assert main(["serve", "--inbox", str(tmp_path / "inbox")]) == 2
    err = capsys.readouterr().err
    assert "make server" in err and "PREFECT_API_URL" in err
    assert main(["serve", "--cron", "hourly"]) == 2
    assert "invalid schedule" in capsys.readouterr().err


def test_served_deployment_runs_when_triggered(prefect_harness, tmp_path):
    from prefect.deployments import run_deployment

    inbox, db = tmp_path / "inbox", tmp_path / "warta.duckdb"  # serve creates the inbox
    args = ["serve", "--name", "test-serve", "--cron", "0 0 1 1 *", "--inbox", str(inbox), "--db", str(db)]
    with serving(args, "etl/test-serve", tmp_path) as log:
        assert inbox.is_dir()
        (inbox / SEED.name).write_bytes(SEED.read_bytes())  # a new file dropped in the inbox
        run = run_deployment("etl/test-serve", timeout=300, poll_interval=1)
        assert run.state.is_completed(), (run.state, log.read_text(errors="replace")[-2000:])
        with session(db, read_only=True) as con:
            runs = con.execute("SELECT status, flow_run_id, documents_in, articles_loaded FROM runs").fetchall()
            articles = con.execute("SELECT source_file FROM articles").fetchall()
        assert runs == [("COMPLETED", str(run.id), 1, 1)]
        assert articles == [(str(inbox / SEED.name),)]
