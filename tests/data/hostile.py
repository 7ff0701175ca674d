"""A folder of hostile inputs, built on demand (nothing large is kept in the repository).

``build(folder)`` writes the documents and returns what each one must become:
``{record_key: ("article" | "quarantine", reason fragment or body fragment)}``.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

BODY = (
    "JAKARTA - Menteri Luar Negeri Indonesia bertemu Duta Besar Jepang di Jakarta pada Senin (21/6/2021). "
    "Keduanya membahas kerja sama perdagangan, investasi dan pendidikan di kawasan Asia Tenggara."
)


def _jsonl(lines: list) -> str:
    return "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines)


def build(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the hostile inputs under ``folder``; return the expected outcome per record key."""
    folder.mkdir(parents=True, exist_ok=True)
    outside = folder.parent / f"{folder.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("rahasia: " + BODY, encoding="utf-8")
    f = folder
    expect: dict[str, tuple[str, str]] = {}

    def put(name: str, data: bytes | str, outcome: str, why: str) -> None:
        path = f / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[str(path)] = (outcome, why)

    put("empty.txt", b"", "quarantine", "empty file")
    put("blank.txt", " \n\t\r\n   \n", "quarantine", "empty file")
    put("invisible.txt", "\u200b\u200c\ufeff \u2060\n", "quarantine", "empty file")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "quarantine", "binary data (PNG image)")
    put("photo.txt", b"\xff\xd8\xff\xe0" + bytes(random.Random(1).randrange(256) for _ in range(3000)), "quarantine", "binary data (JPEG")
    put("noise.txt", bytes(random.Random(2).randrange(256) for _ in range(5000)), "quarantine", "binary data")
    # One stray byte in otherwise UTF-8 text: decoded as UTF-8, the stray byte marked.
    put("damaged_utf8.txt", ("Kafé dan “warung” " + BODY).encode("utf-8")[:40] + b"\xff" + ("Kafé " + BODY).encode("utf-8"),
        "article", "Kafé")
    put("cp1252.txt", ("Kafé “Sederhana” – " + BODY).encode("cp1252"), "article", "“Sederhana” –")
    # 0x81 is undefined in cp1252, so this can only be latin-1.
    put("latin1.txt", ("Café São Paulo " + BODY).encode("latin-1").replace(b"Paulo", b"Paulo\x81"), "article", "Café São Paulo")
    put("utf16le.txt", ("Berita UTF-16: " + BODY).encode("utf-16"), "article", "Berita UTF-16")
    put("utf16be.txt", b"\xfe\xff" + ("Berita UTF-16BE: " + BODY).encode("utf-16-be"), "article", "Berita UTF-16BE")
    put("controls.txt", "Menteri\u200b Luar\x07 Negeri\u00ad \u202eIndonesia\u202c\x1b " + BODY, "article", "Menteri Luar Negeri Indonesia")
    put("nothing.html", "<html><head><script>var x = 1;</script><style>p{}</style></head><body><div> </div></body></html>",
        "quarantine", "no readable body")
    put("page.html", f"<html><head><title>Judul berita</title></head><body><article><p>{BODY} Halaman HTML.</p></article></body></html>",
        "article", "Halaman HTML")
    put("sub/nested.txt", BODY + " Berita di subfolder.", "article", "subfolder")

    # JSONL: every line is one document.
    lines = [
        {"id": "ok", "text": BODY, "url": "https://contoh.id/a"},
        "{this is not json",
        {"id": "notext", "title": "Tanpa isi"},
        ["an", "array"],
        {"id": "ok", "text": BODY + " Salinan dengan id yang sama."},
        {"id": "future", "text": BODY + " Masa depan.", "published": "2999-01-01T10:00:00+07:00"},
        {"id": "old", "text": BODY + " Masa lalu.", "published": "1850-03-01T10:00:00+07:00"},
        {"id": "x'); DROP TABLE articles; --", "text": BODY + " Id yang jahat."},
        {"id": "nested", "text": BODY, "extra": "[" * 5},
        "[" * 100_000,
        {"id": "escape", "path": "../" + outside.name + "/secret.txt"},
        {"id": "absolute", "path": str(outside / "secret.txt")},
        {"id": "sibling", "path": ".docs/pointed.txt"},
        {"id": "missing", "path": "sub/none.txt"},
        {"id": "emptytext", "text": "   ", "html": None},
        "",
        {"id": "last", "text": BODY + " Baris terakhir tanpa newline."},
    ]
    (f / ".docs").mkdir()  # hidden: only reachable through the JSONL "path" field
    (f / ".docs" / "pointed.txt").write_text(BODY + " Ditunjuk oleh JSONL.", encoding="utf-8")
    path = f / "docs.jsonl"
    path.write_text(_jsonl(lines)[:-1], encoding="utf-8")  # the file ends without a newline
    j = str(path)
    expect.update({
        f"{j}:1": ("article", "Asia Tenggara"),
        f"{j}:2": ("quarantine", "malformed JSONL line"),
        f"{j}:3": ("quarantine", "no text or html"),
        f"{j}:4": ("quarantine", "not an object"),
        f"{j}:5": ("quarantine", "duplicate document id 'ok'"),
        f"{j}:6": ("quarantine", "in the future"),
        f"{j}:7": ("quarantine", "before 1900"),
        f"{j}:8": ("article", "Id yang jahat"),
        f"{j}:9": ("article", "Asia Tenggara"),  # same body as line 1 but no URL: a different article id
        f"{j}:10": ("quarantine", "malformed JSONL line"),
        f"{j}:11": ("quarantine", "escapes the JSONL file's folder"),
        f"{j}:12": ("quarantine", "escapes the JSONL file's folder"),
        f"{j}:13": ("article", "Ditunjuk oleh JSONL"),
        f"{j}:14": ("quarantine", "not a readable file"),
        f"{j}:15": ("quarantine", "no text or html"),
        f"{j}:17": ("article", "Baris terakhir"),
    })
    put("binary.jsonl", b"PK\x03\x04" + bytes(range(256)) * 8, "quarantine", "binary data")
    put("utf16.jsonl", json.dumps({"id": "u", "text": BODY}).encode("utf-16"), "quarantine", "must be UTF-8")

    # A manifest lists files next to it; escaping lines are refused.
    (f / "lists").mkdir()
    (f / "lists" / "listed.txt").write_text(BODY + " Dari manifest.", encoding="utf-8")
    manifest = f / "lists" / "inbox.manifest"
    manifest.write_text("# files to read\nlisted.txt\n../../" + outside.name + "/secret.txt\n/etc/hostname\nnone.txt\n")
    expect[str(f / "lists" / "listed.txt")] = ("article", "Dari manifest")
    expect[f"{manifest}:3"] = ("quarantine", "escapes the manifest's folder")
    expect[f"{manifest}:4"] = ("quarantine", "escapes the manifest's folder")
    expect[f"{manifest}:5"] = ("quarantine", "not found")

    # Links: loops, dangling, and ones that lead out of the folder.
    os.symlink("loop_a", f / "loop_b")
    os.symlink("loop_b", f / "loop_a")
    expect[str(f / "loop_a")] = ("quarantine", "symlink loop")
    expect[str(f / "loop_b")] = ("quarantine", "symlink loop")
    os.symlink(".", f / "sub" / "self")  # a folder loop: its files are read once
    os.symlink("gone.txt", f / "dangling.txt")
    expect[str(f / "dangling.txt")] = ("quarantine", "broken symlink")
    os.symlink(outside / "secret.txt", f / "secret_link.txt")
    expect[str(f / "secret_link.txt")] = ("quarantine", "outside the folder")
    os.symlink(outside, f / "outside_dir")
    expect[str(f / "outside_dir")] = ("quarantine", "outside the folder")
    os.mkfifo(f / "pipe.txt")
    expect[str(f / "pipe.txt")] = ("quarantine", "not a regular file")
    return expect
