"""The cleaning stage's frame API on real seed files, HTML pages and edge cases."""

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from warta.clean import CLEAN_SCHEMA, article_citations, clean_articles
from warta.clean.sources import CITATION_SCHEMA

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = sorted((PROJECT / "seeds").glob("*.txt"))
HTML = PROJECT / "tests" / "golden" / "clean" / "html"


def raw_row(doc_id, fmt="txt", text=None, html=None, url=None, title=None, published=None):
    return {"doc_id": doc_id, "source_file": f"{doc_id}.src", "url": url, "format": fmt, "text": text,
            "html": html, "title_hint": title, "published_hint": published, "raw_hash": "0" * 64}


@pytest.fixture(scope="module")
def seeds_clean():
    raw = pl.DataFrame([raw_row(p.stem, text=p.read_text(encoding="utf-8")) for p in SEEDS])
    return clean_articles(raw)


def test_one_row_per_input_with_the_contract_columns(seeds_clean):
    assert seeds_clean.height == len(SEEDS)
    assert dict(seeds_clean.schema) == CLEAN_SCHEMA
    assert seeds_clean["clean_error"].null_count() == len(SEEDS)
    assert seeds_clean["article_id"].str.contains(r"^[0-9a-f]{16}$").all()
    assert seeds_clean["content_hash"].str.contains(r"^[0-9a-f]{64}$").all()
    assert (seeds_clean["language"] == "id").all()


def test_seed_metadata(seeds_clean):
    rows = {r["doc_id"][:3]: r for r in seeds_clean.iter_rows(named=True)}
    assert rows["000"]["title"] == "Myanmar dan Rusia Sepakat Perkuat Kerja Sama Keamanan"
    assert rows["000"]["published_at"] == dt.datetime(2021, 6, 22, 3, 0, tzinfo=dt.timezone.utc)
    assert rows["000"]["published_precision"] == "minute"
    assert rows["001"]["title"] is None and rows["001"]["dateline"] == "MOSKOW"
    assert rows["001"]["published_precision"] == "inferred"
    assert rows["002"]["editor"] == "Gracia Tanu Wijaya"
    assert rows["004"]["outlet_id"] == "cnn-indonesia" and rows["004"]["dateline"] == "Jakarta"
    assert rows["004"]["published_at"].date() == dt.date(2024, 4, 21)


def test_body_keeps_story_and_loses_furniture(seeds_clean):
    bodies = {r["doc_id"][:3]: r["body"] for r in seeds_clean.iter_rows(named=True)}
    # The dateline stays in the body as printed (its place is a place mention there).
    assert bodies["001"].startswith("MOSKOW (Arrahmah.com) – Pemimpin junta Myanmar")
    assert "Myanmar adalah mitra strategis kami" in bodies["003"]  # the line after a lone "BACA JUGA:"
    assert "BACA JUGA" not in bodies["003"]
    for body in bodies.values():
        for junk in ("Baca", "Selengkapnya", "jam lalu", "ADVERTISEMENT", "Gambas", "Stringer", "Tags", "(blq/dna)"):
            assert junk not in body
        assert "\n\n" in body and "\n\n\n" not in body


def test_citations_frame(seeds_clean):
    cites = article_citations(seeds_clean)
    assert dict(cites.schema) == CITATION_SCHEMA
    assert cites.select("article_id", "source_id", "role").is_duplicated().sum() == 0
    roles = {(r["source_id"], r["role"]) for r in cites.iter_rows(named=True)}
    assert {("tempo", "publisher"), ("interfax", "cited"), ("cna", "cited"), ("mrtv", "cited"),
            ("reuters", "photo"), ("afp", "cited"), ("tass", "cited"), ("al-jazeera", "cited")} <= roles
    assert ("reuters", "cited") not in roles


def test_html_page_title_date_outlet():
    page = (HTML / "antara_rusia_myanmar.html").read_text(encoding="utf-8")
    out = clean_articles(pl.DataFrame([raw_row("a", "html", html=page, url="https://www.antaranews.com/berita/1/x")]))
    row = out.row(0, named=True)
    assert row["title"] == "Rusia dan Myanmar sepakat perkuat kerja sama pertahanan"
    assert row["outlet_id"] == "antara" and row["dateline"] == "Moskow"
    assert row["published_at"] == dt.datetime(2022, 7, 13, 7, 25, tzinfo=dt.timezone.utc)
    assert "Baca juga" not in row["body"] and "Pewarta" not in row["body"]
    assert row["editor"] == "Atman Ahdiat"


def test_container_hints_and_url_id():
    text = "Presiden menegaskan pentingnya pengendalian inflasi dalam menjaga stabilitas ekonomi nasional.\nSCROLL TO CONTINUE WITH CONTENT\nIa mengapresiasi kinerja kabinet."
    url = "https://WWW.detik.com/berita/d-1/judul?utm_source=x"
    out = clean_articles(pl.DataFrame([raw_row("1", "jsonl-text", text=text, url=url, title="Judul Berita Ini",
                                               published="2025-10-21T20:43:00+07:00")]))
    row = out.row(0, named=True)
    assert row["title"] == "Judul Berita Ini" and row["outlet_id"] == "detik"
    assert row["published_at"] == dt.datetime(2025, 10, 21, 13, 43, tzinfo=dt.timezone.utc)
    same = clean_articles(pl.DataFrame([raw_row("2", "jsonl-text", text=text, url="https://detik.com/berita/d-1/judul/")]))
    assert same["article_id"][0] == row["article_id"]


def test_bad_documents_get_a_reason_not_an_exception():
    raw = pl.DataFrame([raw_row("empty", text=""), raw_row("junk", text="ADVERTISEMENT\nBaca juga: X"),
                        raw_row("nohtml", "html", html="<html><body></body></html>"), raw_row("none", text=None)])
    out = clean_articles(raw)
    assert out.height == 4
    assert out["clean_error"].null_count() == 0
    assert article_citations(out).height == 0


def test_empty_batch():
    raw = pl.DataFrame([], schema={k: pl.String for k in raw_row("x")})
    out = clean_articles(raw)
    assert out.height == 0 and dict(out.schema) == CLEAN_SCHEMA
    assert article_citations(out).height == 0


def test_copies_point_to_the_earliest_original():
    base = [f"Paragraf nomor {i} tentang kerja sama pertahanan Rusia dan Myanmar yang dibahas para menteri." for i in range(8)]
    # A copy with one word changed, as syndicated copies often are.
    edited = base[:7] + [base[7].replace("menteri.", "pejabat tinggi.")]
    other = [f"Berita lain sama sekali nomor {i} tentang harga beras di pasar tradisional Jakarta." for i in range(8)]
    raw = pl.DataFrame([
        raw_row("orig", "jsonl-text", text="\n".join(base), url="https://a.example/1", published="2024-01-01T10:00:00+07:00"),
        raw_row("copy", "jsonl-text", text="\n".join(base), url="https://b.example/2", published="2024-01-02T10:00:00+07:00"),
        raw_row("near", "jsonl-text", text="\n".join(edited), url="https://c.example/3", published="2024-01-03T10:00:00+07:00"),
        raw_row("other", "jsonl-text", text="\n".join(other), url="https://d.example/4", published="2024-01-01T09:00:00+07:00"),
    ])
    out = clean_articles(raw)
    ids = out["article_id"].to_list()
    assert out["duplicate_of"].to_list() == [None, ids[0], ids[0], None]
    assert out["content_hash"][0] == out["content_hash"][1] != out["content_hash"][2]


KOMPAS_DUMP = """Banjir Rendam Ratusan Rumah di Bekasi, Warga Mengungsi
Kompas.com - 28/01/2025, 18:40 WIB
Penulis Firda Janati | Editor Ambaranie Nadia
Lihat Foto
Warga menembus banjir di Perumahan Pondok Gede Permai, Bekasi, Selasa (28/1/2025). KOMPAS.com/FIRDA JANATI
BEKASI, KOMPAS.com - Banjir merendam sekitar 400 rumah di Perumahan Pondok Gede Permai, Kota Bekasi.
Ketinggian air di sejumlah titik mencapai 1,5 meter. Warga mulai mengungsi ke masjid sejak dini hari.
Baca juga: Hujan Deras, Ini Daftar Wilayah Jakarta yang Tergenang
"Air naik cepat sekali," kata Suryani, salah seorang warga.
Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/x. Pastikan kamu sudah install aplikasi WhatsApp ya.
Tag
banjir bekasi
"""


def test_text_dump_of_a_kompas_page():
    row = clean_articles(pl.DataFrame([raw_row("k", text=KOMPAS_DUMP)])).row(0, named=True)
    assert row["title"] == "Banjir Rendam Ratusan Rumah di Bekasi, Warga Mengungsi"
    assert row["published_at"] == dt.datetime(2025, 1, 28, 11, 40, tzinfo=dt.timezone.utc)
    assert (row["outlet_id"], row["dateline"], row["editor"]) == ("kompas", "BEKASI", "Ambaranie Nadia")
    assert row["body"].split("\n\n") == [
        "BEKASI, KOMPAS.com - Banjir merendam sekitar 400 rumah di Perumahan Pondok Gede Permai, Kota Bekasi.",
        "Ketinggian air di sejumlah titik mencapai 1,5 meter. Warga mulai mengungsi ke masjid sejak dini hari.",
        '"Air naik cepat sekali," kata Suryani, salah seorang warga.',
    ]


def test_a_leading_site_name_is_not_the_title():
    text = ("CNN Indonesia\nGempa Guncang Filipina Selatan\nJumat, 17 Nov 2023 15:05 WIB\n"
            "Jakarta, CNN Indonesia -- Gempa bermagnitudo 6,2 mengguncang Pulau Mindanao pada Jumat (17/11).\n"
            "Pusat gempa berada di laut pada kedalaman 60 kilometer.\n")
    row = clean_articles(pl.DataFrame([raw_row("c", text=text)])).row(0, named=True)
    assert (row["title"], row["outlet_id"], row["dateline"]) == ("Gempa Guncang Filipina Selatan", "cnn-indonesia", "Jakarta")
    assert row["body"].startswith("Jakarta, CNN Indonesia -- Gempa bermagnitudo 6,2")


def test_short_html_page_falls_back_to_its_paragraphs():
    page = ("<html><head><title>Judul Pendek - Kompas.com</title></head><body><p>JAKARTA, KOMPAS.com - "
            "Presiden meresmikan jembatan baru di Jakarta pada Senin (3/3/2025).</p></body></html>")
    row = clean_articles(pl.DataFrame([raw_row("p", "html", html=page)])).row(0, named=True)
    assert row["clean_error"] is None
    assert (row["title"], row["outlet_id"], row["dateline"]) == ("Judul Pendek", "kompas", "JAKARTA")
    assert row["body"] == "JAKARTA, KOMPAS.com - Presiden meresmikan jembatan baru di Jakarta pada Senin (3/3/2025)."
    assert row["published_at"].date() == dt.date(2025, 3, 3)


def test_visible_headline_wins_over_a_reworded_seo_title():
    page = ("<html><head><title>Harga Cabai Naik, Mendagri Minta Pemda Gelar Operasi Pasar - detikNews</title>"
            '<meta property="og:title" content="Harga Cabai Naik, Mendagri Minta Pemda Gelar Operasi Pasar"></head>'
            "<body><h1>detikNews</h1><h1>Mendagri Minta Pemda Gelar Operasi Pasar Cabai</h1>"
            "<p>Jakarta - Menteri Dalam Negeri meminta pemerintah daerah menggelar operasi pasar cabai.</p>"
            "<p>Harga cabai rawit di sejumlah daerah naik hingga dua kali lipat dalam sepekan terakhir.</p></body></html>")
    row = clean_articles(pl.DataFrame([raw_row("t", "html", html=page)])).row(0, named=True)
    assert row["title"] == "Mendagri Minta Pemda Gelar Operasi Pasar Cabai"


def test_overlong_body_is_refused_with_a_reason(monkeypatch):
    from warta.settings import get_settings

    monkeypatch.setattr(get_settings(), "max_body_chars", 500)
    text = "Presiden Joko Widodo meresmikan jembatan baru di Jakarta pada Senin. " * 20
    raw = pl.DataFrame({"doc_id": ["long"], "source_file": ["long.txt"], "url": [None], "format": ["txt"],
                        "text": [text], "html": [None], "title_hint": [None], "published_hint": [None],
                        "raw_hash": ["0" * 64]}, schema_overrides={"url": pl.String, "html": pl.String,
                        "title_hint": pl.String, "published_hint": pl.String})
    out = clean_articles(raw)
    assert out["clean_error"][0].startswith("body longer than max_body_chars")


def test_a_saved_page_keeps_its_own_url():
    from warta.clean.ids import article_id

    page = (HTML / "detik_inflasi.html").read_text(encoding="utf-8")
    canonical = "https://news.detik.com/berita/d-8180001/mendagri-minta-pemda-pantau-harga-cabai-jelang-akhir-tahun"
    og_only = page.replace('<link rel="canonical"', '<link rel="alternate"').replace(
        "<head>", '<head><meta property="og:url" content="https://example.id/berita/1">', 1)
    raw = pl.DataFrame([raw_row("canonical", "html", html=page), raw_row("og", "html", html=og_only),
                        raw_row("given", "html", html=page, url="https://given.example/a")])
    rows = {r["doc_id"]: r for r in clean_articles(raw).iter_rows(named=True)}
    assert rows["canonical"]["url"] == canonical
    assert rows["canonical"]["article_id"] == article_id(canonical, "")
    assert rows["og"]["url"] == "https://example.id/berita/1"
    assert rows["given"]["url"] == "https://given.example/a"  # the container's URL wins
