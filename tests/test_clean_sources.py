"""Cited sources, photo credits and publishers (warta/clean/sources.py)."""

from warta.clean.sources import citations_of, cited_in, sources_of_credit


def ids(text):
    return [s for _, _, s in cited_in(text)]


def test_agencies_named_in_attribution_are_cited():
    text = ("Putin tidak akan bertemu Min Aung Hlaing, seperti dilaporkan Interfax dikutip dari "
            "Channel News Asia. MRTV yang dikelola negara Myanmar melaporkan perjalanan itu, lansir AFP.")
    assert ids(text) == ["interfax", "cna", "mrtv", "afp"]


def test_antara_as_a_word_is_not_a_source():
    assert ids("Hubungan pertahanan antara kedua negara. Antara lain disepakati latihan bersama.") == []
    assert ids("Jakarta (ANTARA) - Menteri") == ["antara"]
    assert ids("menurut laporan kantor berita Antara dari Jakarta") == ["antara"]
    assert ids("kata Puan, dilansirAntara, Jumat (16/5/2025).") == ["antara"]


def test_initials_are_not_associated_press():
    assert ids("KPK menetapkan AP sebagai tersangka.") == []
    assert ids("seperti dilaporkan Associated Press") == ["ap"]


def test_longest_name_wins():
    assert ids("kata dia kepada CNN Indonesia.") == ["cnn-indonesia"]


def test_photo_credits_name_all_known_sources():
    assert sources_of_credit("AFP/MANAN VATSYAYANA") == ["afp"]
    assert sources_of_credit("REUTERS / Stringer") == ["reuters"]
    assert sources_of_credit("ANTARA/REUTERS/Maxim Shemetov/aa") == ["antara", "reuters"]
    assert sources_of_credit("dok. Cetaphil") == []


def test_citation_rows_roles_and_dedupe():
    rows = citations_of("a" * 16, "Menurut AFP, ... kata AFP lagi.", "tempo", ["REUTERS / Stringer"], ["Al Jazeera"])
    got = {(r["source_id"], r["role"]) for r in rows}
    assert got == {("tempo", "publisher"), ("afp", "cited"), ("reuters", "photo"), ("al-jazeera", "cited")}
    afp = next(r for r in rows if r["source_id"] == "afp")
    assert afp["kind"] == "news_agency" and afp["country_code"] == "FRA" and afp["domain"] == "afp.com"


def test_a_photo_credit_alone_does_not_cite():
    rows = citations_of("a" * 16, "Isi berita tanpa sumber.", None, ["Reuters/Stringer."], [])
    assert {(r["source_id"], r["role"]) for r in rows} == {("reuters", "photo")}


def test_the_publisher_is_not_cited_by_itself():
    rows = citations_of("a" * 16, "seperti dikutip Pikiranrakyat-Depok.com dari Al Jazeera", "pikiran-rakyat-depok", [], [])
    assert {(r["source_id"], r["role"]) for r in rows} == {("pikiran-rakyat-depok", "publisher"), ("al-jazeera", "cited")}


def test_unknown_source_note_is_kept_as_other():
    rows = citations_of("a" * 16, "Isi.", None, [], ["Kementerian Luar Negeri"])
    assert rows[0]["source_id"] == "kementerian-luar-negeri" and rows[0]["kind"] == "other"
