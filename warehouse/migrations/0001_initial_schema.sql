-- Version 1: the tables of warehouse/ddl as first released. Nothing to change.
SELECT 1;
