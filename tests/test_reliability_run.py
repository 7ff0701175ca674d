"""The whole flow on hostile input: nothing lost, accounting in ``runs`` and in the run's report artifact."""

from __future__ import annotations

import pytest

from flows.etl import etl
from tests.data.hostile import build
from warehouse.db import session


def _report_markdown(flow_run_id: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]),
            key=ArtifactFilterKey(any_=["warta-quality-report"]),
        ))
    assert artifacts, "the run published no quality report"
    return artifacts[0].data


@pytest.fixture(scope="module")
def hostile_run(prefect_harness, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-run")
    expect = build(root / "inbox")
    db = root / "w.duckdb"
    # One batch runs in-process (several would spawn worker processes, seconds each);
    # test_reliability_input and test_reliability_crash cover splitting across batches.
    first = etl(paths=[str(root / "inbox")], db=str(db))
    second = etl(paths=[str(root / "inbox")], db=str(db))
    return expect, db, first, second


def test_every_hostile_document_is_an_article_or_a_named_quarantine_row(hostile_run):
    expect, db, _, _ = hostile_run
    with session(db, read_only=True) as con:
        articles = dict(con.execute("SELECT source_file, body FROM articles").fetchall())
        quarantined: dict[str, list[str]] = {}
        for key, reason in con.execute("SELECT record_key, reason FROM quarantine WHERE kind = 'document'").fetchall():
            quarantined.setdefault(key, []).append(reason)
        assert con.execute("SELECT count(*) FROM articles WHERE doc_id = 'x''); DROP TABLE articles; --'").fetchone()[0] == 1
    lost = [k for k in expect if k not in articles and k not in quarantined]
    assert lost == []
    for key, (outcome, fragment) in expect.items():
        if outcome == "article":
            assert key in articles and fragment in articles[key], key
        else:
            assert key not in articles and any(fragment in r for r in quarantined[key]), (key, quarantined.get(key))


def test_runs_and_the_report_account_for_every_document(hostile_run):
    expect, db, first, second = hostile_run
    with session(db, read_only=True) as con:
        runs = con.execute(
            "SELECT run_id, status, documents_in, articles_loaded, quarantined, unchanged, flow_run_id "
            "FROM runs ORDER BY started_at").fetchall()
        # A document quarantined again keeps one row, stamped with the latest run.
        in_quarantine = con.execute(
            "SELECT count(DISTINCT record_key) FROM quarantine WHERE kind = 'document' AND run_id = ?",
            [second["run_id"]]).fetchone()[0]
    assert [r[0] for r in runs] == [first["run_id"], second["run_id"]]
    for run_id, status, documents_in, loaded, quarantined, unchanged, _ in runs:
        assert status == "COMPLETED"
        assert documents_in == len(expect) == loaded + quarantined + unchanged, run_id
    assert runs[0][3] == sum(1 for o, _ in expect.values() if o == "article") and in_quarantine == runs[1][4]
    # The second run changes nothing: every article (and every document the cleaner refused) is unchanged.
    assert runs[1][3] == 0 and runs[1][5] >= runs[0][3]
    for run in runs:
        report = _report_markdown(run[6])
        assert f"| documents in | {len(expect)} |" in report
        assert "loaded + quarantined + unchanged: **yes**" in report
