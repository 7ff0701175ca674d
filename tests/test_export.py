"""`warta export`: tables and views to Parquet and CSV, read back with the same rows."""

from __future__ import annotations

import polars as pl
import pytest

from tests.conftest import SEEDS
from tests.test_views import load_seeds
from warehouse.db import session
from warehouse.export import UnknownRelationError, export_relation, output_format, output_path
from warta.cli import main

SEED = SEEDS / "000_f7cb3e3a9e2b932e.txt"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    db = folder / "warta.duckdb"
    load_seeds(db, folder / "stage", [SEED])
    return db


def _count(db, name: str) -> int:
    with session(db, read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]


@pytest.mark.parametrize("name", ["events", "event_clusters", "actors"])
def test_parquet_export_round_trips(warehouse, tmp_path, name):
    path, rows = export_relation(warehouse, name, tmp_path / f"{name}.parquet")
    frame = pl.read_parquet(path)
    assert rows == frame.height == _count(warehouse, name) > 0
    if name == "actors":  # list columns stay lists in Parquet
        assert frame.schema["aliases"] == pl.List(pl.String)


def test_csv_export_into_a_new_folder_names_the_file(warehouse, tmp_path):
    path, rows = export_relation(warehouse, "citation_network", f"{tmp_path}/out/", "csv")
    assert path == tmp_path / "out" / "citation_network.csv"
    frame = pl.read_csv(path)
    assert frame.height == rows == _count(warehouse, "citation_network")
    assert "outlet_id" in frame.columns and "cited_name" in frame.columns
    assert not list((tmp_path / "out").glob(".*partial"))


def test_unknown_names_are_refused_without_running_them(warehouse, tmp_path):
    with pytest.raises(UnknownRelationError, match="event_clusters"):
        export_relation(warehouse, "events; DROP TABLE events", tmp_path / "x.csv")
    assert _count(warehouse, "events") > 0
    assert not (tmp_path / "x.csv").exists()


def test_format_and_path_rules(tmp_path):
    assert output_format("a.csv", None) == "csv" and output_format("exports", None) == "parquet"
    assert output_format("a.parquet", "PARQUET") == "parquet" and output_format("out/", "csv") == "csv"
    for out, fmt in [("a.csv", "xlsx"), ("a.json", None), ("a.csv", "parquet"), ("x.json", "csv")]:
        with pytest.raises(ValueError):
            output_format(out, fmt)
    assert output_path("runs", tmp_path, "csv") == tmp_path / "runs.csv"
    # A name without a suffix is a folder, even before it exists.
    assert output_path("runs", tmp_path / "exports", "csv") == tmp_path / "exports" / "runs.csv"


def test_cli_export_refuses_a_suffix_it_cannot_write(warehouse, tmp_path, capsys):
    assert main(["export", "events", "--out", str(tmp_path / "x.json"), "--db", str(warehouse)]) == 1
    assert ".parquet or .csv" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
    assert main(["export", "events", "--out", str(tmp_path / "dir"), "--db", str(warehouse)]) == 0
    assert (tmp_path / "dir" / "events.parquet").is_file()


def test_cli_export_and_listing(warehouse, tmp_path, capsys):
    out = tmp_path / "dyads.csv"
    assert main(["export", "dyad_timeline", "--format", "csv", "--out", str(out), "--db", str(warehouse)]) == 0
    assert pl.read_csv(out).height == _count(warehouse, "dyad_timeline")
    capsys.readouterr()
    assert main(["export", "--db", str(warehouse)]) == 0
    names = capsys.readouterr().out.split()
    assert {"events", "event_clusters", "dyad_timeline", "runs"} <= set(names)
    assert not any(n.startswith("staged_") for n in names)
    assert main(["export", "nope", "--db", str(warehouse)]) == 1
    assert "choose one of" in capsys.readouterr().err
