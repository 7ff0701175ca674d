-- Nothing is lost: every document of the run is an article, quarantined, or unchanged.
SELECT run_id, documents_in, articles_loaded, quarantined, unchanged
FROM runs
WHERE run_id = $run_id
  AND documents_in IS DISTINCT FROM articles_loaded + quarantined + unchanged
