"""Orchestration only: the Prefect ``etl`` flow and what runs it.

* ``etl``: the flow and its tasks, thin wrappers around ``warta`` stage functions
  (one task per stage per batch, never per article);
* ``crawl``, ``crawl_report``: the ``crawl`` flow (fetch, archive, then ``etl`` on the new
  pages) and its report;
* ``runner``: where batch tasks run (thread pool plus worker processes, or Dask);
* ``handoff``: batch frames passed between tasks as Arrow files, not through the flow;
* ``serve``: the scheduled deployments (``etl`` over an inbox, ``crawl`` over feeds);
* ``report``: the run's quality report and tables as Prefect artifacts;
* ``prefect_api``: the temporary Prefect API of a one-off ``warta run``.

Business logic lives in ``warta/``; nothing here is needed to run a stage.
"""
