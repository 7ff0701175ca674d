"""Actor extraction: gazetteers, case rules, roles, resolution and the output frames."""

from __future__ import annotations

import polars as pl
import pytest

from warta.actors import actor_id, actor_mentions, get_gazetteer
from warta.actors.gazetteer import GazActor
from warta.text.sentences import sentence_index, sentence_spans


def run(*bodies: str, ids: list[str] | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    ids = ids or [f"{i:016x}" for i in range(len(bodies))]
    clean = pl.DataFrame({"article_id": ids, "title": [None] * len(bodies), "body": list(bodies)},
                         schema={"article_id": pl.Utf8, "title": pl.Utf8, "body": pl.Utf8})
    return actor_mentions(clean, use_ner=False)


def ids_of(mentions: pl.DataFrame, text: str) -> set[str]:
    return set(mentions.filter(pl.col("mention") == text)["actor_id"])


def actor_row(actors: pl.DataFrame, aid: str) -> dict:
    return actors.filter(pl.col("actor_id") == aid).row(0, named=True)


# ------------------------------------------------------------------ gazetteers
@pytest.mark.parametrize("text,iso3", [
    ("AS", "USA"), ("Amerika Serikat", "USA"), ("Tiongkok", "CHN"), ("Cina", "CHN"),
    ("China", "CHN"), ("Inggris", "GBR"), ("Burma", "MMR"), ("Palestina", "PSE"),
    ("Rusia", "RUS"), ("Korea Utara", "PRK"),
])
def test_country_names_carry_iso3(text: str, iso3: str) -> None:
    m, a = run(f"Pejabat dari {text} tiba kemarin.")
    row = m.row(0, named=True)
    assert (row["mention"], row["type"], row["actor_id"]) == (text, "COUNTRY", f"cty:{iso3}")
    assert actor_row(a, row["actor_id"])["country_code"] == iso3


def test_short_keys_match_only_in_their_case() -> None:
    m, _ = run("Ia datang as usual, lalu AS menjawab.")
    assert m["mention"].to_list() == ["AS"]


def test_min_is_a_name_only_inside_min_aung_hlaing() -> None:
    m, _ = run("Min Aung Hlaing bertemu warga. Min tidak disebut.")
    assert m["mention"].to_list() == ["Min Aung Hlaing"]


@pytest.mark.parametrize("city", ["Moskow", "Naypyitaw", "St Petersburg", "Jenewa", "Medan", "Malang"])
def test_city_alternate_names(city: str) -> None:
    m, _ = run(f"Delegasi tiba di {city} pada pagi hari.")
    assert m.row(0, named=True)["type"] == "LOC" and m["mention"].to_list() == [city]


@pytest.mark.parametrize("word", ["Dunia", "Guna", "Massa", "Kian", "Lima"])
def test_common_words_are_not_cities(word: str) -> None:
    m, _ = run(f"{word} bergerak cepat. Hal itu terjadi di {word} yang sama.")
    assert m.is_empty()


def test_one_automaton_built_once() -> None:
    assert get_gazetteer() is get_gazetteer()


# ------------------------------------------------------------------ roles
def test_title_and_country_give_role_sector_country_to_an_unknown_person() -> None:
    m, a = run("Menteri Pertahanan Rusia Ivan Petrovsky tiba di Jakarta.")
    row = m.filter(pl.col("type") == "PER").row(0, named=True)
    assert row["mention"] == "Ivan Petrovsky"
    assert row["role"] == "Menteri Pertahanan Rusia"
    actor = actor_row(a, row["actor_id"])
    assert (actor["actor_type"], actor["country_code"], actor["sector"]) == ("person", "RUS", "GOV")


@pytest.mark.parametrize("body,name,role,sector", [
    ("Laksamana Moe Aung bertolak ke Rusia.", "Moe Aung", "Laksamana", "MIL"),
    ("Jenderal Senior Than Htut memimpin parade.", "Than Htut", "Jenderal Senior", "MIL"),
    ("Ia bertemu Kolonel Jenderal Pavel Orlov di sana.", "Pavel Orlov", "Kolonel Jenderal", "MIL"),
    ("Penasihat keamanan nasional junta Laksamana Kyaw Lin hadir.", "Kyaw Lin",
     "Penasihat keamanan nasional junta Laksamana", "GOV"),
    ("Ia menyebut kepala intelijen militer Ye Win Oo.", "Ye Win Oo", "kepala intelijen militer", "SPY"),
])
def test_military_and_security_titles(body: str, name: str, role: str, sector: str) -> None:
    m, a = run(body)
    row = m.filter(pl.col("mention") == name).row(0, named=True)
    assert row["type"] == "PER" and row["role"] == role
    if not actor_row(a, row["actor_id"])["sector"]:
        pytest.fail("no sector")
    # Unknown persons take the sector of their title.
    if name in ("Than Htut", "Pavel Orlov", "Kyaw Lin"):
        assert actor_row(a, row["actor_id"])["sector"] == sector


def test_appositive_roles_after_and_before_the_name() -> None:
    m, a = run("Ia bertemu dengan Oleg Vasin, sekretaris Dewan Keamanan Rusia. "
               "Juru bicara Kremlin, Boris Lenko, membantah.")
    vasin = m.filter(pl.col("mention") == "Oleg Vasin").row(0, named=True)
    assert vasin["role"] == "sekretaris Dewan Keamanan Rusia"
    assert actor_row(a, vasin["actor_id"])["country_code"] == "RUS"
    lenko = m.filter(pl.col("mention") == "Boris Lenko").row(0, named=True)
    assert lenko["role"] == "Juru bicara Kremlin"
    assert actor_row(a, lenko["actor_id"])["sector"] == "GOV"


# ------------------------------------------------------------------ resolution
def test_surname_after_full_name_is_the_same_actor() -> None:
    m, _ = run("Ia bertemu Nikolai Patrushev. Patrushev lalu pergi. "
               "Menteri Luar Negeri Rusia Oleg Vasin hadir. Vasin tersenyum.")
    assert ids_of(m, "Patrushev") == ids_of(m, "Nikolai Patrushev")
    assert ids_of(m, "Vasin") == ids_of(m, "Oleg Vasin") and len(ids_of(m, "Vasin")) == 1


def test_a_three_letter_given_name_alone_is_the_same_person() -> None:
    m, _ = run("Menurut Bupati Tri Kurniadi, warga aman. Kemarin Tri melarang warga beribadah.")
    assert ids_of(m, "Tri") == ids_of(m, "Tri Kurniadi") and len(ids_of(m, "Tri")) == 1


def test_a_name_that_is_also_a_word_is_the_person_after_a_title_only() -> None:
    m, _ = run("Menurut Kapolres Lalu Muhammad, warga aman. Akibatnya, AKBP Lalu tertahan. "
               "Lalu polisi pergi.")
    assert ids_of(m, "Lalu") == ids_of(m, "Lalu Muhammad") and len(ids_of(m, "Lalu")) == 1
    assert m.filter(pl.col("mention") == "Lalu").height == 1


def test_ministry_short_and_long_forms_are_one_actor() -> None:
    m, _ = run("Kemenhan Rusia memberi medali. Kementerian Pertahanan Rusia juga hadir. "
               "Pejabat kementerian pertahanan Rusia tiba.")
    assert len(set(m["actor_id"])) == 1 and m.height == 3


def test_bare_ministry_follows_the_country_the_article_names() -> None:
    m, a = run("Kata Kementerian Pertahanan kemarin. Kementerian Pertahanan Rusia menambahkan.")
    assert len(set(m["actor_id"])) == 1
    assert actor_row(a, m["actor_id"][0])["country_code"] == "RUS"
    m2, a2 = run("Kementerian Dalam Negeri meminta pemerintah daerah bersiap.")
    assert actor_row(a2, m2["actor_id"][0])["country_code"] == "IDN"


def test_acronyms_are_learned_from_parenthesised_definitions() -> None:
    m, _ = run("Serangan oleh Front Pembebasan Rakyat Zanzibar (FPRZ) meningkat. "
               "FPRZ menyatakan siap berunding.")
    assert ids_of(m, "FPRZ") == ids_of(m, "Front Pembebasan Rakyat Zanzibar")
    assert len(ids_of(m, "FPRZ")) == 1


def test_acronym_with_english_name_maps_three_forms_to_one_actor() -> None:
    m, _ = run("Pasukan Pertahanan Rakyat (People's Defense Force/PDF) menyerang. PDF menang.")
    assert len(set(m["actor_id"])) == 1 and m.height == 4


def test_acronyms_defined_in_lower_case_name_a_group() -> None:
    m, _ = run("Ribuan awak mobil tangki (AMT) mogok sejak Senin. AMT menuntut kenaikan upah.")
    assert ids_of(m, "AMT") == ids_of(m, "awak mobil tangki") and len(ids_of(m, "AMT")) == 1
    # Every initial must count, and the words must name a body or a group of people.
    m, _ = run("Harga bahan bakar minyak (BBM) naik. Kami menolak kenaikan BBM.")
    assert m.filter(pl.col("type") == "ORG").is_empty()
    m, _ = run("Sopir yang tergabung dalam awak tangki (AMT) mogok.")
    assert ids_of(m, "awak tangki") == set()


def test_a_units_name_after_a_slash_belongs_to_the_organisation() -> None:
    clean = pl.DataFrame({"article_id": ["a"], "title": [None],
                          "body": ["Prajurit Kodam XVII/Cenderawasih berjaga. Massa berdemo di depan DPR/MPR."]})
    m, _ = actor_mentions(clean)
    assert "Kodam XVII/Cenderawasih" in set(m["mention"])
    assert {"DPR", "MPR"} <= set(m["mention"])  # two known bodies stay two


def test_initials_or_a_name_with_an_age_in_parentheses_are_a_person() -> None:
    m, _ = run("GAG (18), warga Desa Sukamaju, ditangkap karena membunuh Arma (56). GAG mengaku kesal.")
    people = m.filter(pl.col("type") == "PER")
    assert people["mention"].to_list() == ["GAG", "Arma", "GAG"]
    assert len(ids_of(m, "GAG")) == 1
    m, _ = run("Demo digelar Senin (12/9) di Jakarta.")
    assert m.filter(pl.col("type") == "PER").is_empty()


def test_washington_is_the_capital_unless_a_longer_name_holds_it() -> None:
    body = "Washington mengusir dua diplomat, lapor The Washington Post. Aktor Denzel Washington diam."
    m, _ = actor_mentions(pl.DataFrame({"article_id": ["a"], "title": [None], "body": [body]}))  # with the tagger
    assert m.select("mention", "type").rows() == [
        ("Washington", "LOC"), ("The Washington Post", "ORG"), ("Denzel Washington", "PER")]


def test_acronym_drops_leading_titles() -> None:
    m, _ = run("Ekonom Universitas Negeri Lampung (UNL) Budi Santoso menilai. UNL setuju.")
    assert ids_of(m, "UNL") == ids_of(m, "Universitas Negeri Lampung")


def test_descriptor_resolves_to_the_only_fitting_person() -> None:
    m, _ = run("Pemimpin junta Jenderal Senior Than Htut tiba di Moskow. "
               "Kunjungan pemimpin junta itu dikritik. Sang jenderal tersenyum.")
    person = ids_of(m, "Than Htut")
    assert ids_of(m, "pemimpin junta") == person and ids_of(m, "Sang jenderal") == person


def test_descriptor_stays_unresolved_when_ambiguous() -> None:
    m, _ = run("Jenderal Kyaw Lin dan Jenderal Than Htut bertemu. Sang jenderal pulang.")
    assert m.filter(pl.col("mention") == "Sang jenderal").is_empty()


def test_other_bearer_of_a_curated_surname_is_someone_else() -> None:
    m, _ = run("Pelapor PBB Francesca Albanese mengecam Israel.")
    per = m.filter(pl.col("type") == "PER").row(0, named=True)
    assert per["mention"] == "Francesca Albanese" and per["actor_name"] == "Francesca Albanese"


def test_a_curated_given_name_before_other_name_words_is_someone_else() -> None:
    m, _ = run("Menlu Retno Marsudi menghubungi istri almarhum, Retno Utami Yulianingsih. "
               "Retno mengatakan duka itu mendalam, Senin.")
    people = dict(m.filter(pl.col("type") == "PER").select("mention", "actor_name").iter_rows())
    assert people["Retno Utami Yulianingsih"] == "Retno Utami Yulianingsih"
    assert people["Retno Marsudi"] == "Retno Marsudi" and people["Retno"] == "Retno Marsudi"


def test_ids_are_stable_across_batches_and_order() -> None:
    b1 = "Min Aung Hlaing bertemu Ivan Petrovsky, Menteri Pertahanan Rusia."
    b2 = "Jenderal Senior Min Aung Hlaing tiba di Naypyitaw."
    m1, _ = run(b1, b2)
    m2, _ = run(b2, b1, ids=["0000000000000001", "0000000000000000"])
    assert ids_of(m1, "Min Aung Hlaing") == ids_of(m2, "Min Aung Hlaing")
    assert len(ids_of(m1, "Min Aung Hlaing")) == 1
    assert ids_of(m1, "Ivan Petrovsky") == ids_of(m2, "Ivan Petrovsky")


def test_actor_id_derives_from_the_canonical_name_only() -> None:
    a = GazActor("Ivan  Petrovsky", "person", "RUS", "GOV")
    b = GazActor("ivan petrovsky", "person", None, None, source="text")
    assert actor_id(a) == actor_id(b) and actor_id(a).startswith("per:")
    assert actor_id(GazActor("Rusia", "country", "RUS")) == "cty:RUS"


# ------------------------------------------------------------------ boundaries and frames
def test_navigation_lines_yield_no_actors() -> None:
    body = ("Presiden Joko Widodo tiba.\n\nBaca juga: Vladimir Putin Kunjungi Korea Utara\n\n"
            "Ia kembali esok.")
    m, _ = run(body)
    assert m["mention"].to_list() == ["Joko Widodo"]


def test_output_frames_follow_the_contract() -> None:
    body = ("Dalam kunjungan ke Moskow, Min Aung Hlaing bertemu dengan Nikolai Patrushev, "
            "sekretaris Dewan Keamanan Rusia.\n\nJuru bicara Kremlin, Dmitry Peskov, memastikan "
            "Presiden Vladimir Putin tidak akan bertemu Min Aung Hlaing.")
    m, a = run(body)
    assert m.columns[:8] == ["article_id", "actor_id", "mention", "start", "end", "sentence_id",
                             "type", "role"]
    assert set(a.columns) >= {"actor_id", "name", "actor_type", "country_code", "sector",
                              "aliases", "wikidata_id", "role"}
    spans = sentence_spans(body)
    for r in m.iter_rows(named=True):
        assert body[r["start"]:r["end"]] == r["mention"]
        assert r["sentence_id"] == sentence_index(spans, r["start"])
    assert a["actor_id"].is_unique().all()
    assert set(m["actor_id"]) == set(a["actor_id"])
    putin = actor_row(a, ids_of(m, "Vladimir Putin").pop())
    assert putin["wikidata_id"] == "Q7747" and putin["country_code"] == "RUS"


def test_frames_pass_the_pipeline_schemas() -> None:
    schemas = pytest.importorskip("schemas.actor_mentions")
    m, a = run("Min Aung Hlaing bertemu Sergei Shoigu di Moskow, Rusia.")
    schemas.ActorMentions.validate(m)
    schemas.Actors.validate(a)


def test_empty_batch_gives_empty_frames() -> None:
    m, a = run("")
    assert m.is_empty() and a.is_empty()
    assert "aliases" in a.columns


def test_aka_names_are_the_same_person() -> None:
    m, _ = run("KPK menangkap Wamenaker Immanuel Ebenezer atau Noel kemarin. Noel diperiksa.")
    assert len(ids_of(m, "Noel")) == 1 and ids_of(m, "Noel") == ids_of(m, "Immanuel Ebenezer")


def test_ordinary_words_after_a_title_are_not_persons() -> None:
    m, _ = run("Ia menjabat Menteri Sosial dan Politik di BEM. Menurut Standar Kebutuhan Barang, ...")
    assert m.filter(pl.col("type") == "PER").is_empty()


def test_a_sentence_opening_word_does_not_rename_a_curated_person() -> None:
    m, _ = run("Awalnya Prabowo menolak. Perseteruan Trump dan Musk memanas.")
    names = set(m.filter(pl.col("type") == "PER")["actor_name"])
    assert names == {"Prabowo Subianto", "Donald Trump", "Elon Musk"}


# ------------------------------------------------------------------ NER arbitration
def _ner(body: str, *spans: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Tagger-style spans for the given (text, type) pairs, located in ``body``."""
    return [(body.index(text), body.index(text) + len(text), t) for text, t in spans]


def _extract(body: str, *spans: tuple[str, str]) -> dict[str, tuple[str, str]]:
    from warta.actors.mentions import extract_article

    found = extract_article(body, get_gazetteer(), _ner(body, *spans))
    return {m.text: (m.type, m.actor.name) for m in found}


def test_gazetteer_keeps_countries_inside_short_tagged_spans() -> None:
    got = _extract("Hubungan Rusia-Myanmar membaik di wilayah Palestina.",
                   ("Rusia-Myanmar", "PER"), ("wilayah Palestina", "LOC"))
    assert got["Rusia"][0] == "COUNTRY" and got["Palestina"] == ("COUNTRY", "Palestina")
    assert "Rusia-Myanmar" not in got and "wilayah Palestina" not in got


def test_longer_tagged_organisation_wins_over_places_inside() -> None:
    body = "Mereka hadir di Komite Anti-Teroris Bersama Rusia-Myanmar pekan lalu."
    got = _extract(body, ("Komite Anti-Teroris Bersama Rusia-Myanmar", "ORG"))
    assert got == {"Komite Anti-Teroris Bersama Rusia-Myanmar":
                   ("ORG", "Komite Anti-Teroris Bersama Rusia-Myanmar")}


def test_tagged_span_starting_in_a_role_phrase_is_the_person_after_it() -> None:
    body = "Jaksa Agung Spanyol Alvaro Garcia Ortiz mengeluarkan dekrit."
    got = _extract(body, ("Spanyol Alvaro Garcia Ortiz", "LOC"))
    assert got["Alvaro Garcia Ortiz"][0] == "PER" and got["Spanyol"][0] == "COUNTRY"


def test_tagged_persons_after_place_words_are_places() -> None:
    body = "Pertempuran terjadi di negara bagian Karen dan Shan pekan ini."
    got = _extract(body, ("Karen", "PER"), ("Shan", "PER"))
    assert got["Karen"][0] == "LOC" and got["Shan"][0] == "LOC"


def test_curated_type_and_name_win_over_the_tagger() -> None:
    body = "Hamas menolak usulan itu, kata Presiden Peru Jose Jeri."
    got = _extract(body, ("Hamas", "PER"), ("Presiden Peru Jose Jeri", "PER"))
    assert got["Hamas"] == ("ORG", "Hamas")
    assert got["Jose Jeri"][0] == "PER" and got["Peru"][0] == "COUNTRY"


def test_acronym_of_a_programme_or_document_is_not_an_organisation() -> None:
    m, _ = run("Program Makan Bergizi Gratis (MBG) berjalan. Pemilih didata lewat Kartu Keluarga (KK).")
    assert m.filter(pl.col("type") == "ORG").is_empty()


def test_bare_council_needs_the_article_to_name_it() -> None:
    m, _ = run("Nikolai Patrushev dari Dewan Keamanan Rusia hadir. Ia bertemu Dewan Keamanan.")
    assert m.filter(pl.col("type") == "ORG")["actor_name"].to_list() == ["Dewan Keamanan Rusia"] * 2
    m2, _ = run("Resolusi itu dibahas Dewan Keamanan PBB. Dewan Keamanan menolak.")
    assert set(m2["actor_name"]) == {"Dewan Keamanan PBB"}
    m3, _ = run("Anggota Dewan Keamanan sekolah itu rapat.")
    assert m3.filter(pl.col("type") == "ORG").is_empty()


def test_tagged_organisation_may_contain_another_organisation() -> None:
    body = "Delegasi mengunjungi Universitas Militer Kementerian Pertahanan Rusia kemarin."
    got = _extract(body, ("Universitas Militer Kementerian Pertahanan Rusia", "ORG"))
    assert list(got) == ["Universitas Militer Kementerian Pertahanan Rusia"]
    # ... but a tagged span without a head of its own does not swallow a known body.
    got = _extract("Kata Kemenhan Rusia Baru kemarin.", ("Kemenhan Rusia Baru", "ORG"))
    assert got["Kemenhan Rusia"] == ("ORG", "Kementerian Pertahanan Rusia")


def test_names_opening_with_an_organisation_head_are_organisations() -> None:
    m, _ = run("Delegasi menghadiri pertemuan Komite Anti-Teroris Bersama Rusia-Myanmar di Rusia. "
               "Kantor Jaksa Agung Spanyol menyelidiki kasus itu.")
    orgs = m.filter(pl.col("type") == "ORG")["mention"].to_list()
    assert orgs == ["Komite Anti-Teroris Bersama Rusia-Myanmar", "Kantor Jaksa Agung Spanyol"]
    assert "Rusia" in m.filter(pl.col("type") == "COUNTRY")["mention"].to_list()


def test_shared_names_follow_the_country_of_the_article() -> None:
    m, a = run("Di AS, Partai Demokrat menolak usulan Trump. DPR AS bersidang. Kata DPR itu.")
    assert set(m.filter(pl.col("mention") == "Partai Demokrat")["actor_name"]) == {"Partai Demokrat AS"}
    assert set(m.filter(pl.col("mention") == "DPR")["actor_name"]) == {"Dewan Perwakilan Rakyat AS"}
    m2, _ = run("Partai Demokrat dan DPR membahas RUU di Jakarta.")
    assert set(m2.filter(pl.col("type") == "ORG")["actor_name"]) == {"Partai Demokrat",
                                                                     "Dewan Perwakilan Rakyat"}


def test_nationality_opening_a_tagged_name_is_a_country() -> None:
    body = "Ketua juru runding Kolombia Haendel Rodriguez menuduh negara produsen minyak."
    got = _extract(body, ("Kolombia Haendel Rodriguez", "LOC"))
    assert got["Kolombia"][0] == "COUNTRY" and got["Haendel Rodriguez"][0] == "PER"


def test_a_tagged_name_after_a_title_is_a_person() -> None:
    body = '"Tentu," kata Menteri Lingkungan Denmark, Magnus Heunicke.\nIa pergi.'
    got = _extract(body, ("Magnus Heunicke", "ORG"))
    assert got["Magnus Heunicke"][0] == "PER" and got["Denmark"][0] == "COUNTRY"


def test_tagged_persons_that_are_bodies_degrees_or_derived_words() -> None:
    body = "Kasat Lantas Polres Serang AKP Fery Pratama hadir. Gelar M.Ed diraih. Langkah Menteri Keuangannya dikritik."
    got = _extract(body, ("Polres Serang AKP", "PER"), ("Fery Pratama", "PER"), ("M.Ed", "PER"),
                   ("Keuangannya", "PER"))
    assert got["Polres Serang"][0] == "ORG" and got["Fery Pratama"][0] == "PER"
    assert "M.Ed" not in got and "Keuangannya" not in got


def test_place_in_a_role_gives_the_country_and_the_last_title_introduces_the_name() -> None:
    m, a = run("Gubernur Jawa Tengah Ahmad Luthfi hadir bersama Kapolsek Mallusetasi AKP Iriansyah.")
    luthfi = m.filter(pl.col("mention") == "Ahmad Luthfi").row(0, named=True)
    assert luthfi["role"] == "Gubernur Jawa Tengah"
    assert actor_row(a, luthfi["actor_id"])["country_code"] == "IDN"
    assert m.filter(pl.col("type") == "PER")["mention"].to_list() == ["Ahmad Luthfi", "Iriansyah"]


def test_offsets_survive_characters_that_change_length_when_lowered() -> None:
    body = "İİ Delegasi 🙂 dari Rusia tiba di Moskow — kata Vladimir Putin."
    m, _ = run(body)
    for r in m.iter_rows(named=True):
        assert body[r["start"]:r["end"]] == r["mention"]
    assert {"Rusia", "Moskow", "Vladimir Putin"} <= set(m["mention"])


def test_curated_lexicons_are_well_formed() -> None:
    import pycountry

    from warta.lexicon import load_yaml

    iso3 = {c.alpha_3 for c in pycountry.countries}
    sectors = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "SPY", "JUD", "LEG", "MED", "IGO", "NGO",
               "BUS", "CVL", "REL", "EDU"}
    names = set()
    for item in load_yaml("actors.yaml"):
        assert item["type"] in {"person", "organization", "group", "location"}, item
        assert item.get("country") in iso3 | {None}, item
        assert item.get("sector") in sectors | {None}, item
        assert item["name"] not in names, f"duplicate {item['name']}"
        names.add(item["name"])
    roles = load_yaml("roles.yaml")
    for t in roles["titles"]:
        assert t.get("sector") in sectors | {None}, t
    for d in roles["descriptors"]:
        assert d["matches"], d


def test_headed_organisation_stops_before_a_persons_name() -> None:
    from warta.actors import load_ner
    from warta.actors.mentions import extract_article

    if load_ner() is None:
        pytest.skip("the stop rule uses the NER's casing table")
    found = extract_article("Ketua Umum Partai Buruh Said Iqbal hadir. Kepala Departemen "
                            "Eksternal Maria Victoria Mayos bicara.", get_gazetteer(), [])
    orgs = [m.text for m in found if m.type == "ORG"]
    assert orgs == ["Partai Buruh", "Departemen Eksternal"]


def test_two_full_names_joined_by_atau_stay_two_people() -> None:
    m, _ = run("Hadiah diberikan kepada Menteri Budi Santoso atau Menteri Andi Wijaya.")
    assert len(set(m.filter(pl.col("type") == "PER")["actor_id"])) == 2
