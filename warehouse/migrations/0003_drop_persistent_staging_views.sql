-- Version 3: loads of version 1-2 left persistent staged_* views pointing at deleted
-- Parquet files; staging views are temporary now.
DROP VIEW IF EXISTS staged_articles;
DROP VIEW IF EXISTS staged_citations;
DROP VIEW IF EXISTS staged_actors;
DROP VIEW IF EXISTS staged_mentions;
DROP VIEW IF EXISTS staged_events;
DROP VIEW IF EXISTS staged_quarantine;
DROP VIEW IF EXISTS staged_documents;
