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


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings (read once from the environment)."""
    return Settings()
