"""Analyst views: each returns rows on the seeds and agrees with the tables it summarises."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.conftest import SEEDS
from warehouse.db import VIEWS_DIR, session, sql_files
from warehouse.loader import load_run
from warehouse.staging import write_batch
from warta import pipeline
from warta.events import assign_clusters
from warta.ingest import raw_articles

VIEWS = ["event_details", "dyad_timeline", "actor_cooccurrence", "citation_network", "event_clusters", "actor_articles"]


def load_seeds(db, stage_dir, paths=(SEEDS,)) -> None:
    """The plain-function pipeline (no Prefect) over ``paths`` into warehouse ``db``."""
    documents = 0
    for number, (raw, quarantine) in enumerate(raw_articles([str(p) for p in paths], 2000, 20_000_000)):
        write_batch(stage_dir, number, pipeline.process_batch(raw, quarantine).frames())
        documents += raw.height + quarantine.height
    run = {"run_id": "views-test", "started_at": datetime.now(timezone.utc), "documents_in": documents, "unchanged": 0}
    load_run(db, stage_dir, run, assign_clusters)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views")
    db = folder / "warta.duckdb"
    load_seeds(db, folder / "stage")
    return db


def one(con, sql: str):
    return con.execute(sql).fetchall()[0][0]


def test_one_view_per_file_each_created_or_replaced():
    files = sql_files(VIEWS_DIR)
    assert len(files) == len(VIEWS)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.count("CREATE OR REPLACE VIEW") == 1, path.name
        assert text.lstrip().startswith("--"), f"{path.name} starts with a comment saying what it is for"


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_returns_rows_on_the_seeds(seeded, view):
    with session(seeded, read_only=True) as con:
        assert one(con, f"SELECT count(*) FROM {view}") > 0


def test_views_survive_reapplying_the_schema(seeded):
    with session(seeded) as con:  # a writable session applies DDL and views again
        names = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert set(VIEWS) <= names


def test_event_details_keeps_every_event_with_readable_actors(seeded):
    with session(seeded, read_only=True) as con:
        assert one(con, "SELECT count(*) FROM event_details") == one(con, "SELECT count(*) FROM events")
        missing = one(con, "SELECT count(*) FROM event_details WHERE actor1_id IS NOT NULL AND actor1_name IS NULL")
        assert missing == 0


def test_dyad_timeline_counts_every_dated_event_once(seeded):
    with session(seeded, read_only=True) as con:
        dated = one(con, "SELECT count(*) FROM events WHERE event_date IS NOT NULL")
        assert one(con, "SELECT sum(events) FROM dyad_timeline") == dated
        by_quad = one(con, "SELECT sum(verbal_cooperation + material_cooperation + verbal_conflict + material_conflict) "
                           "FROM dyad_timeline")
        assert by_quad == one(con, "SELECT count(*) FROM events WHERE event_date IS NOT NULL AND quad_class BETWEEN 1 AND 4")
        assert one(con, "SELECT count(*) FROM dyad_timeline WHERE day(month) <> 1") == 0
        # The seeds are about Myanmar and Russia: that dyad is on the timeline.
        assert one(con, "SELECT count(*) FROM dyad_timeline WHERE actor1_country = 'MMR' AND actor2_country = 'RUS'") > 0


def test_actor_cooccurrence_lists_each_pair_once_with_consistent_counts(seeded):
    with session(seeded, read_only=True) as con:
        assert one(con, "SELECT count(*) FROM actor_cooccurrence WHERE actor1_id >= actor2_id") == 0
        assert one(con, "SELECT count(*) - count(DISTINCT (actor1_id, actor2_id)) FROM actor_cooccurrence") == 0
        articles = one(con, "SELECT count(*) FROM articles")
        assert one(con, f"SELECT count(*) FROM actor_cooccurrence WHERE articles < 1 OR articles > {articles}") == 0
        # Recount one pair from the mentions table.
        a, b, n = con.execute("SELECT actor1_id, actor2_id, articles FROM actor_cooccurrence "
                              "ORDER BY articles DESC, actor1_id, actor2_id LIMIT 1").fetchall()[0]
        recount = one(con, f"SELECT count(*) FROM (SELECT article_id FROM actor_mentions WHERE actor_id = '{a}' "
                           f"INTERSECT SELECT article_id FROM actor_mentions WHERE actor_id = '{b}')")
        assert n == recount


def test_citation_network_pairs_outlets_with_what_they_cite(seeded):
    with session(seeded, read_only=True) as con:
        assert one(con, "SELECT count(*) FROM citation_network WHERE role = 'publisher'") == 0
        cited = one(con, "SELECT count(*) FROM article_sources WHERE role <> 'publisher'")
        assert one(con, "SELECT sum(articles) FROM citation_network") == cited
        assert one(con, "SELECT count(*) FROM citation_network WHERE outlet_id IS NOT NULL AND cited_name IS NOT NULL") > 0


def test_event_clusters_count_articles_and_sources_like_gdelt(seeded):
    with session(seeded, read_only=True) as con:
        clusters = one(con, "SELECT count(DISTINCT cluster_id) FROM events WHERE cluster_id IS NOT NULL")
        assert one(con, "SELECT count(*) FROM event_clusters") == clusters
        assert one(con, "SELECT sum(num_events) FROM event_clusters") == one(
            con, "SELECT count(*) FROM events WHERE cluster_id IS NOT NULL")
        assert one(con, "SELECT count(*) FROM event_clusters WHERE num_sources < 1 OR num_sources > num_articles") == 0
        cid, n = con.execute("SELECT cluster_id, num_articles FROM event_clusters ORDER BY num_articles DESC, cluster_id "
                             "LIMIT 1").fetchall()[0]
        assert n == one(con, f"SELECT count(DISTINCT article_id) FROM events WHERE cluster_id = '{cid}'")
        assert one(con, "SELECT count(*) FROM event_clusters WHERE first_date > last_date") == 0


def test_actor_articles_accounts_for_every_mention(seeded):
    with session(seeded, read_only=True) as con:
        assert one(con, "SELECT sum(mentions) FROM actor_articles") == one(con, "SELECT count(*) FROM actor_mentions")
        assert one(con, "SELECT count(*) FROM actor_articles WHERE len(forms) = 0") == 0
        # An actor in an event of an article is mentioned in it, so its events show up here.
        assert one(con, "SELECT sum(events) FROM actor_articles") > 0


def test_views_work_on_an_empty_warehouse(db_path):
    with session(db_path) as con:  # a new file: DDL and views only
        for view in VIEWS:
            assert one(con, f"SELECT count(*) FROM {view}") == 0, view
