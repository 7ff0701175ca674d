"""The crawl -> etl flow: every fetched page loaded, failures recorded, the served deployment, the CLI."""

from __future__ import annotations

import pytest

from flows.serve import DEFAULT_CRON, build_crawl_deployment, configured_crawl, crawl_parameters
from tests.crawl_site import SITEMAP_NEWS_DATE, NewsSite
from tests.serving import serving
from warehouse.db import session
from warta.cli import main
from warta.settings import get_settings

# Quick failures: the slow page times out at once, one retry, short backoff.
FAST = {"WARTA_CRAWL_TIMEOUT_SECONDS": "0.5", "WARTA_CRAWL_RETRIES": "1", "WARTA_CRAWL_BACKOFF_SECONDS": "0.05",
        "WARTA_CRAWL_DELAY_SECONDS": "0.02"}


@pytest.fixture
def fast_settings(monkeypatch):
    for key, value in FAST.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


@pytest.fixture
def site():
    news = NewsSite(slow_seconds=1.0)
    news.start()
    yield news
    news.stop()


def _rows(db, sql: str) -> list[tuple]:
    with session(db, read_only=True) as con:
        return con.execute(sql).fetchall()


def _artifact(key: str):
    """The newest Prefect artifact under ``key``."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                                           sort=ArtifactSort.CREATED_DESC, limit=1)
    return artifact


def test_crawl_flow_loads_every_fetched_page_and_records_every_failure(prefect_harness, fast_settings, site, tmp_path):
    from flows.crawl import crawl_flow

    db, archive = tmp_path / "warta.duckdb", tmp_path / "archive"
    result = crawl_flow(feeds=[site.url("/feed.xml")], sitemaps=[site.url("/sitemap.xml")], db=str(db),
                        archive_dir=str(archive))
    assert result["counts"]["fetched"] == 11 and result["etl"]["articles_loaded"] == 11
    fetched = {u for u, in _rows(db, "SELECT coalesce(final_url, url) FROM fetches WHERE kind = 'article' AND outcome = 'fetched'")}
    assert {u for u, in _rows(db, "SELECT url FROM articles")} == fetched
    # Every listed URL is an article or a ledger row that says why not.
    not_loaded = _rows(db, "SELECT url, outcome, reason FROM fetches WHERE kind = 'article' AND outcome <> 'fetched'")
    assert len(not_loaded) == 6 and all(reason for _, _, reason in not_loaded)
    # The page without a date is dated by its fetch; the one its sitemap dates, by the sitemap.
    [(published, precision, fetched_at)] = _rows(db, "SELECT a.published_at, a.published_precision, f.checked_at FROM articles a "
                                                     f"JOIN fetches f ON f.url = a.url WHERE a.url = '{site.url('/news/tanpa-tanggal')}'")
    assert published == fetched_at and precision == "minute"
    [(listed,)] = _rows(db, f"SELECT published_at FROM articles WHERE url = '{site.url('/news/tanpa-tanggal-2')}'")
    assert listed == SITEMAP_NEWS_DATE
    [(body,)] = _rows(db, f"SELECT body FROM articles WHERE url = '{site.url('/news/menlu-jepang')}'")
    assert "“Kami sepakat" in body
    assert _rows(db, "SELECT count(*) FROM events")[0][0] > 0
    assert "11 fetched" in result["headline"] and "3 failed" in result["headline"] and "loaded: 11 articles" in result["headline"]
    report = _artifact("warta-crawl-report")
    assert result["crawl_id"] in report.data and "| failed | 3 |" in report.data
    assert "| skipped: disallowed by robots.txt | 1 |" in report.data and "| skipped: off-site | 1 |" in report.data
    failures = _artifact("warta-crawl-failures")
    assert site.url("/hilang") in str(failures.data) and "HTTP 404" in str(failures.data)

    again = crawl_flow(feeds=[site.url("/feed.xml")], sitemaps=[site.url("/sitemap.xml")], db=str(db),
                       archive_dir=str(archive))
    assert again["counts"].get("fetched", 0) == 0 and again["etl"] is None  # nothing new: no load
    assert _rows(db, "SELECT count(*) FROM runs")[0][0] == 1

    # The archive alone rebuilds the articles in another warehouse, without a single request.
    from flows.etl import etl_flow

    hits, fresh = len(site.hits), tmp_path / "fresh.duckdb"
    rebuilt = etl_flow()(paths=[str(archive)], db=str(fresh))
    assert rebuilt["documents_in"] == 11 and rebuilt["articles_loaded"] == 11 and len(site.hits) == hits
    assert _rows(fresh, "SELECT article_id, url, published_at FROM articles ORDER BY 1") == \
        _rows(db, "SELECT article_id, url, published_at FROM articles ORDER BY 1")


def test_a_crawl_that_was_not_loaded_is_loaded_by_the_next(prefect_harness, fast_settings, site, tmp_path):
    from flows.crawl import crawl_flow

    db, archive = tmp_path / "warta.duckdb", tmp_path / "archive"
    pages = [site.url("/news/banjir-bekasi"), site.url("/news/pemilu")]
    first = crawl_flow(urls=pages, db=str(db), archive_dir=str(archive), load=False)
    assert first["counts"]["fetched"] == 2 and first["etl"] is None
    assert _rows(db, "SELECT count(*) FROM articles")[0][0] == 0
    second = crawl_flow(urls=pages, db=str(db), archive_dir=str(archive))
    assert second["counts"].get("fetched", 0) == 0  # not fetched again ...
    assert second["etl"]["articles_loaded"] == 2  # ... but loaded from the archive
    assert {u for u, in _rows(db, "SELECT url FROM articles")} == set(pages)


def test_crawl_command_checks_its_input_before_starting(tmp_path, capsys):
    assert main(["crawl", "--db", str(tmp_path / "w.duckdb")]) == 2
    assert "nothing to crawl" in capsys.readouterr().err
    assert main(["crawl", "--urls", "https://contoh.id/a", "--since", "kemarin"]) == 2
    assert "--since" in capsys.readouterr().err
    assert main(["crawl", "--feeds", str(tmp_path / "tidak-ada.txt")]) == 2
    assert "tidak-ada.txt" in capsys.readouterr().err
    (tmp_path / "feeds.txt").write_text("# feeds\nftp://contoh.id/feed\n")
    assert main(["crawl", "--feeds", str(tmp_path / "feeds.txt")]) == 2
    assert "not an http(s) URL" in capsys.readouterr().err
    assert main(["crawl", "--outlets", "tidak-ada"]) == 2
    assert "unknown outlet" in capsys.readouterr().err


def test_serve_adds_the_crawl_when_settings_name_what_to_crawl(monkeypatch, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://contoh.id/feed\n")
    assert configured_crawl(get_settings()) is None
    monkeypatch.setenv("WARTA_CRAWL_FEEDS", str(feeds))
    monkeypatch.setenv("WARTA_CRAWL_OUTLETS", "tempo")
    get_settings.cache_clear()
    try:
        params = configured_crawl(get_settings(), tmp_path / "w.duckdb")
    finally:
        get_settings.cache_clear()
    assert params["feeds"] == [str(feeds.resolve())] and params["outlets"] == "tempo"
    deployment = build_crawl_deployment("web", DEFAULT_CRON, params)
    assert deployment.flow_name == "crawl" and deployment.entrypoint == "flows.crawl.crawl_flow"
    assert deployment.schedules[0].schedule.cron == DEFAULT_CRON
    assert crawl_parameters(urls=["https://contoh.id/a"], since="2d", limit=None)["since"] == "2d"


def test_served_crawl_deployment_fetches_and_loads_when_triggered(prefect_harness, site, tmp_path):
    from prefect.deployments import run_deployment

    db, archive = tmp_path / "warta.duckdb", tmp_path / "archive"
    (tmp_path / "feeds.txt").write_text(f"# the test site\n{site.url('/feed.xml')}\n")
    args = ["crawl", "--feeds", "feeds.txt", "--serve", "--name", "test-crawl", "--cron", "0 0 1 1 *",
            "--db", str(db), "--archive", str(archive)]
    with serving(args, "crawl/test-crawl", tmp_path, FAST) as log:
        run = run_deployment("crawl/test-crawl", timeout=300, poll_interval=1)
        assert run.state.is_completed(), (run.state, log.read_text(errors="replace")[-3000:])
        fetched = _rows(db, "SELECT count(*) FROM fetches WHERE kind = 'article' AND outcome = 'fetched'")[0][0]
        assert fetched == 8  # the pages of the feed (the sitemap is not in this crawl)
        assert _rows(db, "SELECT count(*) FROM articles")[0][0] == fetched
        [(status, runs)] = _rows(db, "SELECT min(status), count(*) FROM runs")
        assert (status, runs) == ("COMPLETED", 1)
