"""The ledger of processed documents: a re-run reads nothing it has seen unchanged."""

from __future__ import annotations

import json

from warta.ingest import plan_batches, read_batch
from warta.ingest.ledger import new_documents, seen_inputs, skip_unchanged


def test_rerun_skips_unchanged_pieces_without_reading_them(tmp_path):

    corpus = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": f"Dokumen nomor {i} tentang Jakarta."}) for i in range(6)]
    corpus.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Presiden Prabowo Subianto bertemu Menteri Luar Negeri Rusia.", encoding="utf-8")

    def ledger() -> dict[str, str]:
        known = {}
        for spec in plan_batches([str(tmp_path)], 4, 10**6):
            raw, _ = read_batch(spec, 10**6)
            raw, _ = new_documents(raw, None)
            known.update(zip(raw["record_key"], raw["raw_hash"]))
        return known

    seen = seen_inputs(ledger())
    specs = plan_batches([str(tmp_path)], 4, 10**6)
    skipped = [skip_unchanged(spec, seen, 10**6) for spec in specs]
    assert sum(n for _, n in skipped) == 7 and all(not s.pieces for s, _ in skipped)
    assert skip_unchanged(specs[0], set(), 10**6) == (specs[0], 0)

    # One changed line keeps its piece (and only its piece); the clean stage sorts out the rest.
    lines[5] = json.dumps({"id": "d5", "text": "Dokumen nomor 5, diubah."})
    corpus.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    specs = plan_batches([str(tmp_path)], 4, 10**6)
    kept = [skip_unchanged(spec, seen, 10**6) for spec in specs]
    remaining = [p for s, _ in kept for p in s.pieces]
    assert len(remaining) == 1 and remaining[0].kind == "jsonl" and remaining[0].start > 0
    raw, _ = read_batch(next(s for s, _ in kept if s.pieces), 10**6)
    assert "d5" in raw["doc_id"].to_list()
    assert sum(n for _, n in kept) + sum(s.documents for s, _ in kept) == 7
