"""Text tools every stage shares, one module each.

* ``sentences``: the one sentence splitter; a ``sentence_id`` is an index into its spans.
* ``dates``: Indonesian date expressions ("Senin (21/6)", "Maret lalu") resolved against an anchor day.
* ``decoding``: bytes to text (encodings, mojibake, invisible characters), the first thing ingest does.
"""
