"""The one settings object: paths and thresholds, overridable with WARTA_* variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


class Settings(BaseSettings):
    """Paths and thresholds. Every field can be set as ``WARTA_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="WARTA_", extra="ignore")

    db: Path = PROJECT_DIR / "warehouse" / "warta.duckdb"
    seeds_dir: Path = PROJECT_DIR / "seeds"
    inbox_dir: Path = PROJECT_DIR / "inbox"
    lexicon_dir: Path = PACKAGE_DIR / "lexicons"
    # A user folder whose YAML/TSV files extend the shipped lexicons.
    user_lexicon_dir: Path | None = None
    model_dir: Path = PACKAGE_DIR / "models"
    shared_dir: Path = PROJECT_DIR.parent / "shared"

    batch_size: int = 2000
    max_file_bytes: int = 20_000_000
    min_body_chars: int = 40
    # Longer bodies are not news articles, and extraction cost grows faster than their length.
    max_body_chars: int = 200_000
    near_duplicate_threshold: float = 0.85

    duckdb_memory_limit: str = "1GB"
    lock_retries: int = 5
    lock_backoff_seconds: float = 0.5

    # Where runs stage their Parquet partitions before the load (None: the system temp folder).
    stage_root: Path | None = None
    # Dask scheduler address for the batch tasks; "local" or "local:N" starts a LocalCluster; None: this machine.
    dask_address: str | None = None
    # Worker processes for the CPU-bound stages of a local run (0: one per core, 1: in the flow process).
    workers: int = 0
    lake_dir: Path | None = None

    # Crawling (warta/crawl, docs/crawling.md). WARC files of fetched pages go to archive_dir.
    archive_dir: Path = PROJECT_DIR / "archive"
    # Name the project, and add a contact (URL or e-mail) so site owners can reach you.
    crawl_user_agent: str = "Warta/0.1 (Indonesian news event research crawler)"
    crawl_delay_seconds: float = 1.0  # between request starts to one host (robots.txt Crawl-delay may raise it)
    crawl_host_concurrency: int = 1  # requests in flight per host
    crawl_concurrency: int = 16  # requests in flight in all
    crawl_timeout_seconds: float = 20.0
    crawl_retries: int = 2  # further attempts after a 429, a 5xx, a timeout or a network error
    crawl_backoff_seconds: float = 2.0  # first retry wait; doubles per attempt unless Retry-After says otherwise
    crawl_max_retry_after_seconds: float = 120.0  # a longer Retry-After gives up on the URL for this run
    crawl_max_bytes: int = 5_000_000  # per response, after decompression
    crawl_max_redirects: int = 5
    # An article fetched less than this long ago is not requested again (feeds and sitemaps always are).
    crawl_revisit_hours: float = 24.0
    crawl_warc_max_bytes: int = 1_000_000_000  # a WARC file is closed and a new one begun past this size
    # What `warta serve` crawls on its schedule, when any is set (files of URLs, or outlet slugs / "all").
    crawl_feeds: Path | None = None
    crawl_sitemaps: Path | None = None
    crawl_urls: Path | None = None
    crawl_outlets: str | None = None
    crawl_cron: str = "0 * * * *"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (read once from the environment)."""
    return Settings()
