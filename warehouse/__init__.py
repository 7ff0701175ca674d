"""The DuckDB warehouse: schema, load, checks and reads.

* ``ddl/*.sql`` tables, ``views/*.sql`` views, ``load/*.sql`` the load statements,
  ``assertions/*.sql`` the checks after a load: one object or statement per file,
  applied idempotently;
* ``migrations/``: numbered schema changes of existing warehouses;
* ``db``: connections (locks, retries, read-only and sandboxed sessions), schema setup;
* ``staging``: a run's Parquet partitions; ``loader``: the one-transaction load;
* ``assertions``: runs the post-load checks and fails the load if one fails;
* ``ledger``: the processed-documents ledger; ``export``: tables and views to files.
"""
