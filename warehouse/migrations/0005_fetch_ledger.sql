-- Version 5: the fetch ledger of `warta crawl` (table fetches). It is a new table, which
-- ddl/10_fetches.sql creates in old and new warehouses alike; this version records that
-- the warehouse has it, so an older Warta refuses to write to it.
SELECT 1;
