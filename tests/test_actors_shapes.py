"""Name shapes and annotation conventions of the actor stage (shapes.py, conventions.py).

The tagger's spans are given by hand, so these tests do not depend on the trained model.
"""

from __future__ import annotations

import pytest

from warta.actors import extract_article, get_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _spans(body: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Tagger spans for the first occurrence of each (text, type)."""
    out = []
    for text, t in names:
        s = body.index(text)
        out.append((s, s + len(text), t))
    return out


def _found(body: str, gaz, *names: tuple[str, str], dateline: str | None = None) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in extract_article(body, gaz, _spans(body, *names), dateline=dateline)}


def test_legal_forms_close_a_company_name(gaz):
    body = "Pemerintah menyerahkan bandara itu kepada PT Angkasa Pura II (Persero) pada 2012."
    found = _found(body, gaz, ("PT Angkasa Pura II", "ORG"), ("Persero", "ORG"))
    assert ("PT Angkasa Pura II (Persero)", "ORG") in found
    assert not any(text == "Persero" for text, _ in found)
    body = "Saham PT Jasa Marga ( Persero ) Tbk naik."
    assert ("PT Jasa Marga ( Persero ) Tbk", "ORG") in _found(body, gaz, ("PT Jasa Marga", "ORG"))


def test_an_organisation_tail_makes_an_organisation(gaz):
    body = "Pemain itu pindah ke Sriwijaya FC musim lalu."
    assert ("Sriwijaya FC", "ORG") in _found(body, gaz, ("Sriwijaya FC", "LOC"))


def test_coordinated_names_are_split_unless_a_head_opens_them(gaz):
    body = "Sementara itu Stoke dan Liverpool bermain imbang."
    found = _found(body, gaz, ("Stoke dan Liverpool", "ORG"))
    assert {("Stoke", "ORG"), ("Liverpool", "ORG")} <= found
    body = "Ia melapor ke Kementerian Pekerjaan Umum dan Perumahan Rakyat kemarin."
    found = _found(body, gaz, ("Kementerian Pekerjaan Umum dan Perumahan Rakyat", "ORG"))
    assert ("Kementerian Pekerjaan Umum dan Perumahan Rakyat", "ORG") in found


def test_competitions_and_product_codes_are_not_actors(gaz):
    body = "Laga Liga Champions itu disiarkan, dan Lenovo memperkenalkan W510 di pasar."
    found = _found(body, gaz, ("Liga Champions", "ORG"), ("Lenovo", "ORG"), ("W510", "ORG"))
    assert ("Lenovo", "ORG") in found
    assert not any(text in ("Liga Champions", "W510") for text, _ in found)


def test_known_organisations_are_organisations_and_initials_stay_in_names(gaz):
    body = "Pengemudi ojek daring Gojek mengantar Presiden ketiga BJ Habibie ke bandara."
    found = _found(body, gaz, ("Gojek", "PER"), ("BJ Habibie", "PER"))
    assert ("Gojek", "ORG") in found and ("BJ Habibie", "PER") in found


def test_initials_stand_for_persons(gaz):
    body = "Polisi menangkap pria berinisial DRN di rumahnya. Gubernur Nurdin Basirun (NBA) diperiksa."
    found = _found(body, gaz, ("Nurdin Basirun", "PER"))
    assert {("DRN", "PER"), ("NBA", "PER"), ("Nurdin Basirun", "PER")} <= found


def test_initials_written_in_title_case_and_their_later_uses_are_the_person(gaz):
    body = "Polisi menarik bocah berinisial Dp dari kelas. Kami lihat Dp diseret. DpX dan Dp-1 bukan dia."
    mentions = extract_article(body, gaz, [])
    spans = [(m.start, m.end) for m in mentions if m.text == "Dp" and m.type == "PER"]
    first, later = body.index("Dp dari"), body.index("Dp diseret")
    assert spans == [(first, first + 2), (later, later + 2)]  # not inside "DpX" or "Dp-1"
    assert len({m.actor.name for m in mentions if m.text == "Dp"}) == 1


def test_a_cue_outweighs_the_type_a_tagger_gave_the_initials_everywhere_in_the_article(gaz):
    body = "Dari keterangan GAG, polisi mengamankan pelaku berinisial GAG. GAG diserahkan keluarganya."
    first, later = body.index("GAG"), body.rindex("GAG")
    spans = [(first, first + 3, "ORG"), (later, later + 3, "ORG")]  # the tagger's guess, twice
    mentions = extract_article(body, gaz, spans)
    assert [(m.text, m.type) for m in mentions if m.text == "GAG"] == [("GAG", "PER")] * 3


def test_a_name_between_commas_after_a_title_and_its_bodies_is_a_person(gaz):
    body = "Dikonfirmasi terpisah, Ketua DPRD Banten, Fahmi Hakim, menyatakan DPRD mendukung."
    found = _found(body, gaz, ("DPRD Banten", "ORG"), ("Fahmi Hakim", "LOC"))
    assert ("Fahmi Hakim", "PER") in found
    # A place said as one after a title's place stays a place.
    body = "Kepala Dusun Prebutan, Desa Kemejing, menuntut ganti rugi."
    assert ("Desa Kemejing", "LOC") in _found(body, gaz, ("Prebutan", "LOC"), ("Desa Kemejing", "LOC"))


def test_annotation_conventions(gaz):
    body = ("Warga desa Kutuk berunjuk rasa di Gedung DPR, lalu anggota DPRD Jawa Barat menemui mereka. "
            "Videonya diunggah di YouTube. Mereka menolak revisi UU KPK.")
    found = _found(body, gaz, ("Kutuk", "LOC"), ("DPRD", "ORG"), ("YouTube", "ORG"), ("KPK", "ORG"))
    assert {("desa Kutuk", "LOC"), ("Gedung DPR", "LOC"), ("DPRD Jawa Barat", "ORG")} <= found
    assert not any(text in ("YouTube", "KPK", "Jawa Barat") for text, _ in found)


def test_the_dateline_place_is_a_place_in_the_head_of_the_body(gaz):
    body = "MOSKOW - Presiden Rusia Vladimir Putin menerima tamunya."
    mentions = extract_article(body, gaz, [], dateline="MOSKOW")
    first = min(mentions, key=lambda m: m.start)
    assert (first.start, first.end, first.type, first.actor.name) == (0, 6, "LOC", "Moscow")
    # Not in the body's head: nothing to point at.
    assert all(m.text != "MOSKOW" for m in extract_article(body[9:], gaz, [], dateline="MOSKOW"))
    # After an outlet's credit, and in a later paragraph of the head ("Jakarta, Indonesia --").
    body = "TEMPO.CO, Semarang - Banjir rob merendam pelabuhan."
    found = [(m.start, m.end, m.type) for m in extract_article(body, gaz, [], dateline="Semarang")]
    assert (10, 18, "LOC") in found
    body = "Junta Myanmar meminta bantuan.\n\nMoskow, Rusia --\n\nJunta militer semakin dekat ke Rusia."
    found = [(m.start, m.end) for m in extract_article(body, gaz, [], dateline="Moskow")]
    assert (32, 38) in found


def test_a_tagged_place_with_an_age_in_parentheses_is_a_person(gaz):
    body = "Pelaku, Stephen Paddock (64), menembak dari lantai 32. Polisi menyebut Paddock bekerja sendiri."
    found = _found(body, gaz, ("Stephen Paddock", "LOC"))
    assert ("Stephen Paddock", "PER") in found and ("Paddock", "PER") in found
    # A place with a number in parentheses that is no age stays a place.
    body = "Warga Desa Kemejing (RT 05) mengungsi ke Sleman."
    assert ("Desa Kemejing", "LOC") in _found(body, gaz, ("Desa Kemejing", "LOC"))


def test_what_follows_an_article_number_of_a_law_is_no_name(gaz):
    body = "Pelaku RD dijerat Pasal 82 Ayat (2) Undang-Undang Perlindungan Anak oleh Polres Karawang."
    found = _found(body, gaz, ("Ayat", "PER"), ("Polres Karawang", "ORG"))
    assert not any(text == "Ayat" for text, _ in found)
    assert ("Polres Karawang", "ORG") in found


def test_an_acronym_that_spells_the_taggers_reading_makes_it_the_organisation(gaz):
    # The tagger stops short of the defined name, or reads a body as a place; the initials
    # the article defines settle the name, and every bare use of the acronym is that body.
    body = ("Djarot menganggap kinerja Pasukan Penanganan Prasarana dan Sarana Umum (PPSU) masih "
            "bagus. Prasetyo menuding PPSU malas.")
    mentions = extract_article(body, gaz, _spans(body, ("Pasukan Penanganan Prasarana", "ORG")))
    orgs = {(m.text, m.actor.name) for m in mentions if m.type == "ORG"}
    long = "Pasukan Penanganan Prasarana dan Sarana Umum"
    assert orgs == {(long, long), ("PPSU", long)}
    body = "Ahad lalu, Tri melarang Gereja Batak Karo Protestan (GBKP) menggelar ibadah. Warga menolak GBKP."
    mentions = extract_article(body, gaz, _spans(body, ("Gereja Batak Karo Protestan", "LOC")))
    orgs = {(m.text, m.actor.name) for m in mentions if m.type == "ORG"}
    assert orgs == {("Gereja Batak Karo Protestan",) * 2, ("GBKP", "Gereja Batak Karo Protestan")}
    # Initials that do not spell the words leave the tagger's reading alone.
    body = "Banding itu dikabulkan oleh Pengadilan Arbitrase untuk Olahraga (CAS) pekan lalu."
    found = _found(body, gaz, ("Pengadilan Arbitrase", "ORG"))
    assert ("Pengadilan Arbitrase", "ORG") in found and not any("Olahraga" in text for text, _ in found)
    body = "Warga Daerah Istimewa Yogyakarta (DIY) mengungsi."
    assert ("Daerah Istimewa Yogyakarta", "LOC") in _found(body, gaz, ("Daerah Istimewa Yogyakarta", "LOC"))


def test_a_numbered_commission_of_a_legislature_is_a_body_of_its_own(gaz):
    body = "Agus menghadiri rapat dengan Komisi I DPR RI di Senayan. Ketua Komisi III DPR menolak. Komisi V setuju."
    orgs = {(m.text, m.actor.name) for m in extract_article(body, gaz, _spans(body, ("Komisi V", "ORG"))) if m.type == "ORG"}
    assert ("Komisi I DPR RI", "Komisi I DPR") in orgs and ("Komisi III DPR", "Komisi III DPR") in orgs
    assert not any(text in ("DPR RI", "DPR") for text, _ in orgs)
    assert ("Komisi V", "Komisi V") in orgs  # alone, as the tagger read it


def test_a_unit_read_apart_from_the_body_after_it_is_that_bodys_unit(gaz):
    body = "Penyidik Direktorat Reserse Kriminal Umum Polda Metro Jaya memeriksa Helmi."
    found = _found(body, gaz, ("Direktorat Reserse Kriminal Umum", "ORG"), ("Polda Metro Jaya", "ORG"))
    assert ("Direktorat Reserse Kriminal Umum Polda Metro Jaya", "ORG") in found
    assert ("Polda Metro Jaya", "ORG") not in found
    # Two bodies side by side that are no unit and its body stay two.
    body = "Polda Metro Jaya bersama KPK memeriksa Helmi."
    assert ("Polda Metro Jaya", "ORG") in _found(body, gaz, ("Polda Metro Jaya", "ORG"))
