"""Tests for warta.events: triggers, arguments, modes, dates, places, codes and clusters."""

import datetime as dt

import polars as pl
import pytest

from warta.events import EVENT_SCHEMA, assign_clusters, extract_events
from warta.events.lexicon import expand, find_triggers, get_lexicon, tokenize


def frames(docs):
    """Build clean/mentions/actors frames from (article_id, body, published, dateline, actors).

    ``actors`` is a list of (surface text, type, actor_id); every occurrence is a mention.
    """
    clean, mentions, actors = [], [], {}
    for aid, body, published, dateline, named in docs:
        clean.append({"article_id": aid, "title": None, "body": body, "published_at": published,
                      "published_precision": "day", "dateline": dateline, "outlet_id": None})
        for text, typ, actor_id in named:
            start = body.find(text)
            while start != -1:
                mentions.append({"article_id": aid, "actor_id": actor_id, "mention": text, "start": start,
                                 "end": start + len(text), "sentence_id": 0, "type": typ, "role": None})
                start = body.find(text, start + 1)
            actors[actor_id] = {"actor_id": actor_id, "name": text, "actor_type": typ.lower(),
                                "country_code": None, "sector": None, "aliases": []}
    clean_df = pl.DataFrame(clean, schema_overrides={"published_at": pl.Datetime("us", "UTC")})
    return clean_df, pl.DataFrame(mentions), pl.DataFrame(list(actors.values()))


def utc(y, m, d, h=3):
    return dt.datetime(y, m, d, h, tzinfo=dt.timezone.utc)


MAH = ("Min Aung Hlaing", "PER", "per:mah")
NP = ("Nikolai Patrushev", "PER", "per:np")
PUTIN = ("Vladimir Putin", "PER", "per:putin")
RUS = ("Rusia", "COUNTRY", "cty:RUS")
MMR = ("Myanmar", "COUNTRY", "cty:MMR")


def run(body, named, published=utc(2021, 6, 22), dateline=None, aid="a1"):
    clean, mentions, actors = frames([(aid, body, published, dateline, named)])
    return extract_events(clean, mentions, actors)


def test_meeting_with_actors_date_place_and_codes():
    ev = run("Min Aung Hlaing bertemu dengan Nikolai Patrushev di Moskow pada Senin (21/6/2021).", [MAH, NP])
    assert ev.height == 1
    e = ev.row(0, named=True)
    assert (e["event_type"], e["actor1_id"], e["actor2_id"]) == ("CONSULT", "per:mah", "per:np")
    assert e["event_date"] == dt.date(2021, 6, 21) and e["date_precision"] == "day"
    assert (e["location"], e["location_country"], e["location_source"]) == ("Moscow", "RUS", "sentence")
    assert e["latitude"] == pytest.approx(55.75, abs=0.1) and e["longitude"] == pytest.approx(37.6, abs=0.1)
    assert (e["cameo_root"], e["quad_class"]) == ("04", 1)
    assert not e["negated"] and not e["future"] and e["mode"] is None
    assert e["trigger"] == "bertemu" and e["sentence_id"] == 0 and 0 < e["confidence"] <= 1
    assert set(ev.columns) == set(EVENT_SCHEMA)


def test_denied_future_meeting_is_not_presented_as_happened():
    ev = run("Juru bicara Kremlin memastikan Presiden Vladimir Putin tidak akan bertemu Min Aung Hlaing.",
             [PUTIN, MAH])
    e = ev.row(0, named=True)
    assert (e["actor1_id"], e["actor2_id"]) == ("per:putin", "per:mah")
    assert e["negated"] and e["future"] and e["mode"] == "denied"


def test_planned_visit_and_future_date():
    ev = run("Min Aung Hlaing akan berkunjung ke Rusia pada 20 Juli mendatang.", [MAH, RUS],
             published=utc(2022, 7, 18))
    e = ev.row(0, named=True)
    assert e["event_type"] == "CONSULT" and e["mode"] == "planned" and e["future"]
    assert e["actor2_id"] == "cty:RUS" and e["event_date"] == dt.date(2022, 7, 20)


def test_visit_mode_and_weekday_date():
    ev = run("Min Aung Hlaing pada Minggu (21/4) dilaporkan bertolak ke St Petersburg, Rusia.",
             [MAH, RUS], published=utc(2024, 4, 22))
    e = ev.row(0, named=True)
    assert e["mode"] == "visit" and e["reported"]
    assert e["event_date"] == dt.date(2024, 4, 21)
    assert e["actor2_id"] == "cty:RUS"
    assert (e["location"], e["location_country"]) == ("Saint Petersburg", "RUS")


def test_date_after_article_becomes_future():
    ev = run("Min Aung Hlaing bertemu Nikolai Patrushev pada 30 Juni 2021.", [MAH, NP])
    e = ev.row(0, named=True)
    assert e["future"] and e["mode"] == "planned"


def test_passive_with_oleh():
    ev = run("Sanksi baru dijatuhkan oleh Amerika Serikat terhadap Rusia pekan ini.",
             [("Amerika Serikat", "COUNTRY", "cty:USA"), RUS])
    e = ev.row(0, named=True)
    assert (e["event_type"], e["actor1_id"], e["actor2_id"]) == ("SANCTION", "cty:USA", "cty:RUS")
    assert (e["cameo_root"], e["quad_class"]) == ("16", 4)


def test_symmetric_compound_subject_and_context():
    # What two parties agree to do is the content of the agreement, not an event of its own.
    ev = run("Rusia dan Myanmar sepakat memperkuat kerja sama militer.", [RUS, MMR])
    assert ev["event_type"].to_list() == ["AGREE"]
    e = ev.row(0, named=True)
    assert (e["actor1_id"], e["actor2_id"]) == ("cty:RUS", "cty:MMR") and e["context"] == "military"
    ev = run("Rusia dan Myanmar memperkuat kerja sama militer.", [RUS, MMR])
    e = ev.row(0, named=True)
    assert (e["event_type"], e["actor1_id"], e["actor2_id"], e["context"]) == ("COOPERATE", "cty:RUS", "cty:MMR", "military")


def test_compound_subject_of_one_sided_verb_gives_one_event_each():
    ev = run("Australia dan Selandia Baru telah menarik diri dari pertemuan itu.",
             [("Australia", "COUNTRY", "cty:AUS"), ("Selandia Baru", "COUNTRY", "cty:NZL")])
    assert ev["event_type"].to_list() == ["RETREAT", "RETREAT"]
    assert set(ev["actor1_id"]) == {"cty:AUS", "cty:NZL"}


def test_inverse_trigger_and_dateline_fallback():
    ev = run("Moe Aung menerima penghargaan dari Kementerian Pertahanan Rusia pada 28 Maret.",
             [("Moe Aung", "PER", "per:ma"), ("Kementerian Pertahanan Rusia", "ORG", "org:mod")],
             published=utc(2024, 4, 22), dateline="MOSKOW")
    e = ev.row(0, named=True)
    assert (e["event_type"], e["mode"]) == ("SUPPORT", "award")
    assert (e["actor1_id"], e["actor2_id"]) == ("org:mod", "per:ma")
    assert e["event_date"] == dt.date(2024, 3, 28)
    assert (e["location"], e["location_source"]) == ("Moscow", "dateline")


def test_chained_verb_shares_subject():
    ev = run("Min Aung Hlaing dan Nikolai Patrushev membahas keamanan regional dan sepakat menjaga hubungan.",
             [MAH, NP])
    agree = ev.filter(pl.col("event_type") == "AGREE").row(0, named=True)
    assert (agree["actor1_id"], agree["actor2_id"]) == ("per:mah", "per:np")



def test_a_time_clause_on_a_passive_verb_of_saying_is_done_by_who_said_it():
    ev = run("Hal itu disampaikan Nikolai Patrushev saat bertemu dengan Min Aung Hlaing di Moskow.", [NP, MAH])
    assert actor_pairs(ev) == [("CONSULT", "per:np", "per:mah")]
    # Not the agent of any passive: who is arrested while meeting is the one arrested.
    ev = run("Nikolai Patrushev ditangkap polisi saat bertemu dengan Min Aung Hlaing di Moskow.", [NP, MAH])
    assert ("CONSULT", "polisi", "per:mah") not in actor_pairs(ev)


def test_a_noun_trigger_in_a_time_clause_is_done_by_the_subject_of_the_clause_it_opens():
    ev = run("Usai pertemuan dengan Min Aung Hlaing, Nikolai Patrushev mengungkapkan rencana kerja baru.", [NP, MAH])
    assert actor_pairs(ev) == [("CONSULT", "per:np", "per:mah")]
    ev = run('"Situasinya aman," kata Nikolai Patrushev sebelum rapat kerja dengan Min Aung Hlaing di Moskow.',
             [NP, MAH])
    assert ("CONSULT", "per:np", "per:mah") in actor_pairs(ev)
    # Without a party named in the noun's phrase, the clause's subject is not taken: "Usai
    # pertempuran, X menguasai Y" does not make X the fighter of no one.
    ev = run("Usai pertemuan, Nikolai Patrushev mengungkapkan rencana kerja baru.", [NP])
    assert ("CONSULT", "per:np", None) not in actor_pairs(ev)

def test_relative_date_from_sentence_and_lead_date_for_later_sentences():
    body = ("Pemerintah Rusia dan Myanmar sepakat memperkuat kerja sama dalam pertemuan Moskow, Senin kemarin.\n\n"
            "Dalam kunjungan itu, Min Aung Hlaing bertemu dengan Nikolai Patrushev.")
    ev = run(body, [RUS, MMR, MAH, NP])
    consult = ev.filter(pl.col("actor1_id") == "per:mah").row(0, named=True)
    assert consult["event_date"] == dt.date(2021, 6, 21)
    assert ev.filter(pl.col("event_type") == "AGREE")["event_date"].to_list() == [dt.date(2021, 6, 21)]


def test_report_dates_are_not_event_dates():
    body = ("Pada 11 Juli, Min Aung Hlaing bertemu Nikolai Patrushev, kata kementerian itu, "
            "melansir TASS 13 Juli.")
    ev = run(body, [MAH, NP], published=utc(2022, 7, 13))
    assert ev["event_date"].to_list() == [dt.date(2022, 7, 11)]
    # A date brought in by "pada" after the citation is the reported event's own time.
    body = "Seperti dilansir TASS, pada 11 Juli, Min Aung Hlaing bertemu Nikolai Patrushev di Moskow."
    ev = run(body, [MAH, NP], published=utc(2022, 7, 13))
    assert ev["event_date"].to_list() == [dt.date(2022, 7, 11)]


def test_undated_lead_is_dated_by_the_recent_day_told_after_it():
    # The story's day comes in the next paragraph; the lead's event took place that day,
    # not on the day of publication.
    body = ("Min Aung Hlaing bertemu Nikolai Patrushev di Moskow.\n\n"
            "Pertemuan itu berlangsung tertutup pada Senin (20/6/2022), kata kementerian itu.")
    ev = run(body, [MAH, NP], published=utc(2022, 6, 22))
    assert ev.filter(pl.col("sentence_id") == 0)["event_date"].to_list() == [dt.date(2022, 6, 20)]
    # An older date told after it is background, not the lead's day.
    body = ("Min Aung Hlaing bertemu Nikolai Patrushev di Moskow.\n\n"
            "Keduanya terakhir bertemu pada 3 Maret 2022.")
    ev = run(body, [MAH, NP], published=utc(2022, 6, 22))
    assert ev.filter(pl.col("sentence_id") == 0)["event_date"].to_list() == [dt.date(2022, 6, 22)]


def test_a_title_chain_runs_into_the_person_it_names():
    # The parser hangs "Menteri" and "Rex Tillerson" separately on "kunjungan": the visitor is
    # the person the title names, not an unnamed minister.
    body = ("Pyongyang menguji mesin roket baru mereka, bertepatan dengan kunjungan Menteri Luar Negeri AS "
            "Rex Tillerson ke Korsel, Jepang dan China.")
    named = [("Rex Tillerson", "PER", "per:rex"), ("AS", "COUNTRY", "cty:USA"), ("Korsel", "COUNTRY", "cty:KOR"),
             ("Jepang", "COUNTRY", "cty:JPN"), ("China", "COUNTRY", "cty:CHN")]
    ev = run(body, named).filter(pl.col("event_type") == "CONSULT")
    assert sorted(zip(ev["actor1_id"], ev["actor2_id"])) == [
        ("per:rex", "cty:CHN"), ("per:rex", "cty:JPN"), ("per:rex", "cty:KOR")]


def test_a_promise_is_aimed_at_whom_the_promised_act_is_done_to():
    jokowi, kpk = ("Joko Widodo", "PER", "per:jkw"), ("KPK", "ORG", "org:kpk")
    ev = run("Pada saat kampanye, Presiden Joko Widodo berjanji untuk memperkuat KPK.", [jokowi, kpk])
    assert ev.filter(pl.col("event_type") == "AGREE").select("actor1_id", "actor2_id").rows() == [("per:jkw", "org:kpk")]
    # Two who agree agree with each other, not with what they agree to set up.
    dpr, kemenhaj = ("DPR", "ORG", "org:dpr"), ("Kementerian Haji", "ORG", "org:haji")
    ev = run("Pemerintah Indonesia dan DPR sepakat membentuk Kementerian Haji.", [("Pemerintah Indonesia", "ORG", "org:gov"), dpr, kemenhaj])
    pairs = ev.filter(pl.col("event_type") == "AGREE").select("actor1_id", "actor2_id").rows()
    assert pairs and all("org:haji" not in pair for pair in pairs)


def test_an_assessment_that_finds_fault_disapproves():
    polda = ("Polda Sulteng", "ORG", "org:polda")
    ev = run("Hakim Agus menilai langkah Polda Sulteng cacat prosedur.", [("Agus", "PER", "per:agus"), polda])
    assert ev.select("event_type", "actor1_id", "actor2_id").rows() == [("DISAPPROVE", "per:agus", "org:polda")]
    # Without a word of fault it is an assessment, not criticism ("salah satu" is "one of").
    ev = run("Hakim Agus menilai salah satu langkah Polda Sulteng perlu diatur.", [("Agus", "PER", "per:agus"), polda])
    assert ev.filter(pl.col("event_type") == "DISAPPROVE").height == 0


def test_a_dash_joins_a_ticket():
    named = [("Partai Demokrat", "ORG", "org:pd"), ("Prabowo Subianto", "PER", "per:pra"), ("Hatta Rajasa", "PER", "per:hat")]
    ev = run("Partai Demokrat mendukung pasangan Prabowo Subianto - Hatta Rajasa pada Pilpres 2014.", named)
    assert sorted(ev.select("actor1_id", "actor2_id").rows()) == [("org:pd", "per:hat"), ("org:pd", "per:pra")]


def test_who_undergoes_an_examination_is_examined():
    named = [("Polda Metro Jaya", "ORG", "org:pmj"), ("Roy Suryo", "PER", "per:roy")]
    body = "Polda Metro Jaya memanggil Roy Suryo pekan lalu.\n\nRoy Suryo menjalani pemeriksaan di Polda Metro Jaya."
    ev = run(body, named).filter((pl.col("event_type") == "ACCUSE") & (pl.col("sentence_id") == 1))
    assert ev.select("actor1_id", "actor2_id").rows() == [("org:pmj", "per:roy")]


def test_no_trigger_or_no_actor_gives_no_event():
    assert run("Cuaca di Jakarta cerah hari ini.", []).height == 0
    assert run("Pertemuan itu berlangsung lama.", []).height == 0
    empty = extract_events(pl.DataFrame(schema={"article_id": pl.Utf8, "body": pl.Utf8}), pl.DataFrame(), pl.DataFrame())
    assert empty.height == 0 and set(empty.columns) == set(EVENT_SCHEMA)


def test_event_ids_are_stable_and_unique():
    body = "Rusia dan Myanmar sepakat memperkuat kerja sama militer. Min Aung Hlaing bertemu Nikolai Patrushev."
    a = run(body, [RUS, MMR, MAH, NP])
    b = run(body, [RUS, MMR, MAH, NP])
    assert a["event_id"].to_list() == b["event_id"].to_list()
    assert a["event_id"].n_unique() == a.height


def test_clusters_join_reports_of_one_event():
    docs = [
        ("t1", "Min Aung Hlaing bertemu dengan Nikolai Patrushev di Moskow, Senin kemarin.", utc(2021, 6, 22), None, [MAH, NP]),
        ("t2", "Nikolai Patrushev telah bertemu dengan Min Aung Hlaing pada Senin (21/6/2021).", utc(2021, 6, 21), None, [MAH, NP]),
        ("t3", "Min Aung Hlaing bertemu Nikolai Patrushev pada 1 Mei 2022.", utc(2022, 5, 2), None, [MAH, NP]),
        ("t4", "Presiden Vladimir Putin tidak akan bertemu Min Aung Hlaing.", utc(2021, 6, 22), None, [PUTIN, MAH]),
    ]
    clean, mentions, actors = frames(docs)
    ev = assign_clusters(extract_events(clean, mentions, actors))
    by = dict(zip(ev["article_id"], ev["cluster_id"]))
    assert by["t1"] == by["t2"]
    assert by["t3"] != by["t1"] and by["t4"] != by["t1"]
    # Stable: the same events cluster to the same ids in any order.
    again = assign_clusters(extract_events(clean, mentions, actors).reverse())
    assert dict(zip(again["article_id"], again["cluster_id"])) == by


@pytest.mark.parametrize(
    "stem,pattern,form",
    [("kunjung", "meN-i", "mengunjungi"), ("temu", "ber", "bertemu"), ("temu", "per-an", "pertemuan"),
     ("temu", "meN-i", "menemui"), ("sepakat", "ke-an", "kesepakatan"), ("sepakat", "meN-i", "menyepakati"),
     ("serang", "meN", "menyerang"), ("tuduh", "meN", "menuduh"), ("runding", "ber", "berunding"),
     ("tandatangan", "meN-i", "menandatangani"), ("ancam", "meN", "mengancam"), ("kecam", "meN", "mengecam"),
     ("kritik", "meN", "mengkritik"), ("bahas", "meN", "membahas"), ("seru", "meN-kan", "menyerukan")],
)
def test_affix_expansion(stem, pattern, form):
    assert form in [f for f, _, _ in expand(stem, pattern)]


def test_expanded_forms_stem_back_with_sastrawi():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    for stem, pattern in [("kunjung", "ber"), ("temu", "per-an"), ("serang", "meN"), ("tuduh", "di"), ("sepakat", "ke-an")]:
        # The first form is the standard one; k- verbs also get a k-kept variant ("mengkritik").
        assert stemmer.stem(expand(stem, pattern)[0][0]) == stem


@pytest.mark.parametrize(
    "text,etype",
    [("bertemu", "CONSULT"), ("pertemuan", "CONSULT"), ("menemui", "CONSULT"), ("berkunjung", "CONSULT"),
     ("kunjungan", "CONSULT"), ("mengunjungi", "CONSULT"), ("bertolak ke", "CONSULT"), ("membahas", "CONSULT"),
     ("berunding", "CONSULT"), ("menghadiri pertemuan", "CONSULT"), ("sepakat", "AGREE"), ("kesepakatan", "AGREE"),
     ("menyepakati", "AGREE"), ("berkomitmen", "AGREE"), ("menandatangani", "AGREE"), ("meratifikasi", "AGREE"),
     ("memperkuat kerja sama", "COOPERATE"), ("kerja sama militer", "COOPERATE"), ("kerja sama teknis", "COOPERATE"),
     ("latihan bersama", "COOPERATE"), ("menjual senjata", "AID"), ("memasok senjata", "AID"),
     ("bantuan kepada", "AID"), ("memberikan pelatihan", "AID"), ("memberikan beasiswa", "AID"),
     ("menganugerahkan penghargaan", "SUPPORT"), ("menjatuhkan sanksi", "SANCTION"), ("divonis", "SANCTION"),
     ("menuduh", "ACCUSE"), ("menetapkan tersangka", "ACCUSE"), ("diperiksa", "ACCUSE"), ("menggugat", "ACCUSE"),
     ("mengecam", "DISAPPROVE"), ("menyayangkan", "DISAPPROVE"), ("membantah", "REJECT"), ("mangkir", "REJECT"),
     ("mengimbau", "REQUEST"), ("mendesak", "REQUEST"), ("ditangkap", "COERCE"), ("diamankan", "COERCE"),
     ("penggerebekan", "COERCE"), ("dianiaya", "ASSAULT"), ("penembakan", "ASSAULT"), ("unjuk rasa", "PROTEST"),
     ("berunjuk rasa", "PROTEST"), ("mogok", "PROTEST"), ("mendukung", "SUPPORT"), ("dikerahkan", "MOBILIZE"),
     ("membebaskan", "CONCEDE"), ("dipulangkan", "RETREAT"),
     ("mengkritik", "DISAPPROVE"), ("prihatin", "DISAPPROVE"), ("menentang", "DISAPPROVE"), ("menolak", "REJECT"),
     ("meminta bantuan", "REQUEST"), ("memohon", "REQUEST"), ("menyerukan", "REQUEST"), ("mengancam", "THREATEN"),
     ("menyerang", "ASSAULT"), ("serangan", "ASSAULT"), ("menewaskan", "ASSAULT"), ("bentrokan", "ASSAULT"),
     ("mengerahkan pasukan", "MOBILIZE"), ("parade militer", "MOBILIZE"), ("menarik diri", "RETREAT"),
     ("demonstrasi", "PROTEST"), ("protes", "PROTEST")],
)
def test_issue_lexicon_coverage(text, etype):
    found = find_triggers(tokenize(f"X {text} Y"), get_lexicon())
    assert [m.form.trigger.type for m in found] == [etype]


def test_companion_word_required():
    assert find_triggers(tokenize("Mereka menjual rumah itu."), get_lexicon()) == []
    assert [m.form.trigger.type for m in find_triggers(tokenize("Rusia menjual 10 jet tempur."))] == ["AID"]


def test_reflexive_and_interview_forms_are_not_triggers():
    lex = get_lexicon()
    assert find_triggers(tokenize("Massa membubarkan diri setelah sore."), lex) == []
    assert find_triggers(tokenize("kata Rini saat ditemui di Senayan"), lex) == []
    assert [m.form.trigger.type for m in find_triggers(tokenize("Australia menarik diri."), lex)] == ["RETREAT"]


def test_annulled_decisions_concede_and_settings_are_no_events():
    lex = get_lexicon()

    def types(text):
        return [m.form.trigger.type for m in find_triggers(tokenize(text), lex)]

    # Annulling a decision retracts it (as revoking a sanction does); a cancelled meeting is refused.
    assert types("KPU membatalkan keputusan itu.") == ["CONCEDE"]
    assert types("Mahkamah Agung membatalkan putusan itu.") == ["CONCEDE"]
    assert types("Trump membatalkan pertemuan itu.") == ["REJECT", "CONSULT"]
    # Standing guard and a trial are circumstances, not a deployment or an accusation.
    assert types("Polisi yang berjaga di lokasi.") == []
    assert types("Ia bersaksi dalam persidangan kasus itu.") == []


def test_patient_noun_possessor_is_the_target():
    ev = run("Polisi Rusia mengusut pembunuhan Nikolai Patrushev di Moskow.", [NP])
    e = ev.filter(pl.col("event_type") == "ASSAULT").row(0, named=True)
    assert e["actor2_id"] == "per:np" and e["actor1_id"] is None


def test_law_year_is_not_an_event_date():
    ev = run("Jaksa Agung mendakwa Nikolai Patrushev dengan UU Nomor 20 Tahun 2001.", [NP],
             published=utc(2025, 10, 21))
    assert ev["event_date"].to_list() == [dt.date(2025, 10, 21)]


def test_purpose_support_and_adjective_request_are_not_events():
    assert run("Nikolai Patrushev membangun pabrik untuk mendukung transisi energi.", [NP]).height == 0
    assert run("Nikolai Patrushev menyebut kebutuhan paling mendesak adalah air.", [NP]).height == 0
    ev = run("Nikolai Patrushev mendukung Min Aung Hlaing.", [NP, MAH])
    assert ev.select("event_type", "actor1_id", "actor2_id").rows() == [("SUPPORT", "per:np", "per:mah")]


def test_bare_noun_far_from_actor_codes_nothing():
    body = "Nikolai Patrushev memandang bahwa politik bukan sekedar rasionalitas dan kesepakatan."
    assert run(body, [NP]).height == 0


def test_leading_source_clause_is_not_the_subject():
    ev = run("Mengutip media Ukraina, UNN, kelompok penculik itu meminta tebusan.",
             [("UNN", "ORG", "org:unn")])
    assert ev.height == 0


def test_users_extend_the_trigger_lexicon(tmp_path, monkeypatch):
    from warta.settings import get_settings

    (tmp_path / "triggers.yaml").write_text(
        "triggers:\n  - type: CONSULT\n    mode: visit\n    verbs: [sowan ke]\n", encoding="utf-8")
    monkeypatch.setenv("WARTA_USER_LEXICON_DIR", str(tmp_path))
    get_settings.cache_clear()
    get_lexicon.cache_clear()
    try:
        found = find_triggers(tokenize("Menteri itu sowan ke Moskow"), get_lexicon())
        assert [(m.form.trigger.type, m.form.trigger.mode) for m in found] == [("CONSULT", "visit")]
        assert find_triggers(tokenize("X bertemu Y"), get_lexicon())  # shipped entries stay
    finally:
        monkeypatch.delenv("WARTA_USER_LEXICON_DIR")
        get_settings.cache_clear()
        get_lexicon.cache_clear()


def test_long_list_of_targets_with_titles():
    body = ("Kemenhan Rusia memberikan penghargaan kepada Min Aung Hlaing, Soe Win, sekretaris Dewan Administrasi "
            "Negara dan kepala intelijen Ye Win Oo, menteri transportasi Mya Tun Oo, serta Tun Aung.")
    named = [("Kemenhan Rusia", "ORG", "org:mod"), MAH, ("Soe Win", "PER", "per:sw"),
             ("Dewan Administrasi Negara", "ORG", "org:sac"), ("Ye Win Oo", "PER", "per:ywo"),
             ("Mya Tun Oo", "PER", "per:mto"), ("Tun Aung", "PER", "per:ta")]
    ev = run(body, named)
    assert set(ev["actor1_id"]) == {"org:mod"}
    assert set(ev["actor2_id"]) == {"per:mah", "per:sw", "per:ywo", "per:mto", "per:ta"}


def test_clusters_need_the_same_pair_when_both_have_two_actors():
    docs = [
        ("p1", "Min Aung Hlaing menyerang Nikolai Patrushev pada Senin (21/6/2021).", utc(2021, 6, 22), None, [MAH, NP]),
        ("p2", "Min Aung Hlaing menyerang Vladimir Putin pada Senin (21/6/2021).", utc(2021, 6, 22), None, [MAH, PUTIN]),
        ("p3", "Min Aung Hlaing melakukan serangan pada Senin (21/6/2021).", utc(2021, 6, 22), None, [MAH]),
    ]
    clean, mentions, actors = frames(docs)
    ev = assign_clusters(extract_events(clean, mentions, actors))
    by = dict(zip(ev["article_id"], ev["cluster_id"]))
    # p1 and p2 are different attacks; the one-actor report p3 may belong to either, so it links them.
    assert by["p3"] == by["p1"] == by["p2"]
    two = assign_clusters(extract_events(*frames(docs[:2])))
    assert two["cluster_id"].n_unique() == 2


def test_speaker_is_not_the_actor_of_a_new_clause():
    body = "Nikolai Patrushev menjelaskan, kunjungan itu dilakukan untuk memeriksa kebun binatang."
    assert run(body, [NP]).height == 0
    # ... but a speaker who is also the actor keeps the event.
    ev = run("Nikolai Patrushev mengatakan menentang sanksi terhadap Myanmar.", [NP, MMR])
    assert ("DISAPPROVE", "per:np") in ev.select("event_type", "actor1_id").rows()
    ev = run("Nikolai Patrushev menyatakan, dirinya tidak pernah meminta bantuan Myanmar.", [NP, MMR])
    assert ev.select("event_type", "actor1_id", "negated").rows() == [("REQUEST", "per:np", True)]


def test_sports_sentences_code_nothing_but_names_are_not_sports_words():
    assert run("Rusia menyerang Myanmar dalam laga di stadion Moskow.", [RUS, MMR]).height == 0
    ev = run("Rusia mengecam Liga Nasional untuk Demokrasi.", [RUS, ("Liga Nasional untuk Demokrasi", "ORG", "org:nld")])
    assert ev["event_type"].to_list() == ["DISAPPROVE"]


def test_pronoun_and_unnamed_group_subjects():
    body = "Min Aung Hlaing tiba di Moskow. Dia kemudian bertemu Nikolai Patrushev."
    ev = run(body, [MAH, NP])
    assert ev.select("event_type", "actor1_id", "actor2_id").rows() == [("CONSULT", "per:mah", "per:np")]
    ev = run("Aktivis hak asasi manusia menuduh Rusia melegitimasi kudeta.", [RUS])
    e = ev.row(0, named=True)
    assert (e["event_type"], e["actor1_id"], e["actor1_name"], e["actor2_id"]) == ("ACCUSE", None, "aktivis", "cty:RUS")


def test_endanger_and_adjectival_uses_are_not_events():
    lex = get_lexicon()
    assert find_triggers(tokenize("tindakan itu mengancam keselamatan pengguna jalan"), lex) == []
    assert find_triggers(tokenize("BPBD mencatat kebutuhan mendesak warga"), lex) == []
    assert find_triggers(tokenize("TAS dikenal aktif berdiskusi"), lex) == []
    assert [m.form.trigger.type for m in find_triggers(tokenize("Korea Utara mengancam Jepang"), lex)] == ["THREATEN"]


def test_a_planned_visit_on_a_bare_weekday_is_dated_forward():
    # Tuesday 12 March 2024: "dijadwalkan ... pada Kamis" is Thursday the 14th, not the 7th.
    jokowi = ("Joko Widodo", "PER", "per:jw")
    ev = run("Presiden Joko Widodo dijadwalkan bertemu Nikolai Patrushev pada Kamis.", [jokowi, NP],
             published=utc(2024, 3, 12))
    e = ev.row(0, named=True)
    assert (e["event_date"], e["mode"]) == (dt.date(2024, 3, 14), "planned")
    # The same weekday in a clause that happened stays in the past.
    ev = run("Presiden Joko Widodo bertemu Nikolai Patrushev pada Kamis.", [jokowi, NP], published=utc(2024, 3, 12))
    assert ev.row(0, named=True)["event_date"] == dt.date(2024, 3, 7)


RI = ("Indonesia", "COUNTRY", "cty:IDN")
JOKOWI = ("Joko Widodo", "PER", "per:jw")
LEE = ("Lee Hsien Loong", "PER", "per:lhl")
KPK = ("KPK", "ORG", "org:kpk")


def actor_pairs(ev: pl.DataFrame) -> list[tuple]:
    """(type, actor1, actor2) of each event in row order; an unnamed actor by its name."""
    return [(r["event_type"], r["actor1_id"] or r["actor1_name"], r["actor2_id"] or r["actor2_name"])
            for r in ev.iter_rows(named=True)]


def pairs(ev: pl.DataFrame) -> list[tuple]:
    return sorted(actor_pairs(ev))


def test_agent_nouns_count_only_as_what_someone_becomes():
    junta = ("junta Myanmar", "ORG", "org:jm")
    assert pairs(run("Rusia menjadi pemasok senjata bagi junta Myanmar.", [RUS, junta])) == [("AID", "cty:RUS", "org:jm")]
    assert run("Pemasok utama senjata junta Myanmar adalah Rusia.", [RUS, junta]).height == 0


def test_inverse_frames_and_the_content_of_a_request():
    ev = run("Palestina menerima bantuan dari Indonesia pada Senin.", [("Palestina", "COUNTRY", "cty:PSE"), RI])
    assert pairs(ev) == [("AID", "cty:IDN", "cty:PSE")]
    # What is asked for is not an event of its own: only the request is coded.
    ev = run("KPK meminta polisi menangkap Nikolai Patrushev.", [KPK, NP])
    assert [r["event_type"] for r in ev.iter_rows(named=True)] == ["REQUEST"]


def test_office_holders_places_and_unnamed_groups():
    ev = run("Retno dihubungi Menlu Belanda di Jakarta.", [("Retno", "PER", "per:r"), ("Belanda", "COUNTRY", "cty:NLD"),
                                                        ("Jakarta", "LOC", "loc:jkt")])
    assert pairs(ev) == [("CONSULT", "Menlu Belanda", "per:r")]  # the office, not the country; no place
    ev = run("Polisi menangkap Nikolai Patrushev di Moskow.", [NP])
    assert pairs(ev) == [("COERCE", "polisi", "per:np")]
    assert ev.row(0, named=True)["actor1_id"] is None  # a group has a name but no actor id


def test_an_undated_article_gives_no_year_to_a_bare_weekday_date():
    body = "Min Aung Hlaing bertemu dengan Nikolai Patrushev di Moskow pada Rabu (9/8)."
    e = run(body, [MAH, NP], published=None).row(0, named=True)
    assert e["event_date"] is None  # 9 August was a Wednesday in 2017 and in 2023
    e = run(body.replace("(9/8)", "(9/8/2017)"), [MAH, NP], published=None).row(0, named=True)
    assert e["event_date"] == dt.date(2017, 8, 9)


def test_relatives_are_not_the_one_named():
    ev = run("Polisi menangkap istri Nikolai Patrushev di Moskow.", [NP])
    assert pairs(ev) == [("COERCE", "polisi", "istri Nikolai Patrushev")]
    assert pairs(run("Ayah Nikolai Patrushev menuntut polisi.", [NP])) == [("REQUEST", "Ayah Nikolai Patrushev", "polisi")]
    ev = run("Ayah Nikolai Patrushev, Retno menuntut polisi.", [NP, ("Retno", "PER", "per:r")])
    assert pairs(ev) == [("REQUEST", "per:r", "polisi")]  # the relative named after the comma


def test_references_across_sentences():
    body = ("Presiden Joko Widodo bertemu Perdana Menteri Lee Hsien Loong di Singapura.\n\n"
            "Keduanya sepakat memperkuat kerja sama.\n\nIa juga mengunjungi Malaysia.")
    ev = run(body, [JOKOWI, LEE, ("Malaysia", "COUNTRY", "cty:MYS")])
    assert ("AGREE", "per:jw", "per:lhl") in pairs(ev)
    assert ("CONSULT", "per:lhl", "cty:MYS") in pairs(ev) or ("CONSULT", "per:jw", "cty:MYS") in pairs(ev)
    body = '"Kami sudah memeriksa Nikolai Patrushev," kata juru bicara KPK Febri Diansyah.'
    ev = run(body, [NP, KPK, ("Febri Diansyah", "PER", "per:fd")])
    assert ("ACCUSE", "org:kpk", "per:np") in pairs(ev)  # "kami" of a KPK spokesman is the KPK


def test_an_actorless_trigger_takes_the_actors_of_the_event_told_before():
    body = ("Ribuan mahasiswa berunjuk rasa di depan Gedung DPR pada Senin.\n\n"
            "Aksi unjuk rasa itu berlangsung hingga sore.")
    ev = run(body, [("DPR", "ORG", "org:dpr")])
    protests = ev.filter(pl.col("event_type") == "PROTEST")
    assert protests["sentence_id"].to_list() == [0, 1]
    assert protests["actor1_name"].to_list() == ["mahasiswa", "mahasiswa"]


def test_an_unnamed_group_keeps_its_modifiers_and_the_country_it_belongs_to():
    ev = run("Tentara Rusia menangkap Nikolai Patrushev.", [RUS, NP])
    assert pairs(ev) == [("COERCE", "tentara Rusia", "per:np")]
    assert pairs(run("Mahasiswa menuntut pemerintah pusat.", [])) == [("REQUEST", "mahasiswa", "pemerintah pusat")]
    ev = run("Aparat kepolisian menangkap Nikolai Patrushev.", [NP])
    assert pairs(ev) == [("COERCE", "aparat kepolisian", "per:np")]
    # A place after a preposition is where it happened, not whose group it is.
    ev = run("Polisi di Moskow menangkap Nikolai Patrushev.", [NP, ("Moskow", "LOC", "loc:msk")])
    assert pairs(ev) == [("COERCE", "polisi", "per:np")]


def test_kedua_with_a_title_refers_to_two_people_and_kedua_negara_to_two_countries():
    retno, safadi = ("Retno Marsudi", "PER", "per:rm"), ("Ayman Safadi", "PER", "per:as")
    jordan = ("Yordania", "COUNTRY", "cty:JOR")
    body = ("Retno Marsudi bertemu Ayman Safadi di Amman pada Senin. "
            "Indonesia dan Yordania menandatangani perjanjian itu. "
            "Kedua Menlu sepakat meningkatkan kerja sama. Kedua negara sepakat memperluas perdagangan.")
    ev = run(body, [retno, safadi, RI, jordan])
    agree = {r["sentence_id"]: {r["actor1_id"], r["actor2_id"]} for r in ev.iter_rows(named=True)
             if r["event_type"] == "AGREE"}
    assert agree[2] == {"per:rm", "per:as"}  # the two ministers, not the latest pair (two countries)
    assert agree[3] == {"cty:IDN", "cty:JOR"}


def test_the_clitic_of_a_passive_verb_is_its_agent_unless_it_nominalises():
    retno = ("Retno Marsudi", "PER", "per:rm")
    ev = run("Retno Marsudi tiba di Moskow. Nikolai Patrushev dihubunginya pada Senin.", [retno, NP])
    assert pairs(ev) == [("CONSULT", "per:rm", "per:np")]
    # On an active verb the clitic is the object: the person named before, other than the subject.
    ev = run("Retno Marsudi tiba di Moskow. Nikolai Patrushev kemudian meneleponnya pada Senin.", [retno, NP])
    assert pairs(ev) == [("CONSULT", "per:np", "per:rm")]
    # "setelah ditangkapnya Nikolai Patrushev": the arrest of, by no one named.
    ev = run("Retno Marsudi tiba di Dhaka. Polisi berjaga setelah ditangkapnya Nikolai Patrushev.", [retno, NP])
    assert ("COERCE", "per:rm", "per:np") not in pairs(ev)


def test_a_sentence_opening_with_a_subordinate_clause_keeps_its_subject():
    # Parsers read "Retno" as one more name of the clause's object ("Menlu Yordania, Ayman
    # Safadi, Retno"); it is the subject of "menyampaikan", and so of "bertemu".
    named = [("Retno", "PER", "per:rm"), ("Ayman Safadi", "PER", "per:as"), ("Yordania", "COUNTRY", "cty:JOR")]
    ev = run("Ketika bertemu Menlu Yordania, Ayman Safadi, Retno menyampaikan alasan kunjungannya.", named)
    assert pairs(ev) == [("CONSULT", "per:rm", "per:as")]
    # The same after a fronted phrase: "Menurut Lavrov, Rusia dan Indonesia sepakat ...".
    named = [("Lavrov", "PER", "per:l"), RUS, RI]
    ev = run("Menurut Lavrov, Rusia dan Indonesia sepakat mengedepankan hukum internasional dalam mengatasi masalah "
             "tersebut.", named)
    assert pairs(ev) == [("AGREE", "cty:RUS", "cty:IDN")]


def test_a_foreign_capital_in_an_actor_place_stands_for_its_government():
    tehran = ("Teheran", "LOC", "loc:thr")
    ev = run("Teheran mengecam keras Rusia pada Senin.", [tehran, RUS])
    assert pairs(ev) == [("DISAPPROVE", "loc:thr", "cty:RUS")]
    # The home capital is a city, and a place after "di" is where it happened.
    # (with no one criticising, there is no event: plover.yaml, parties: source)
    assert run("Jakarta mengecam keras Rusia pada Senin.", [("Jakarta", "LOC", "loc:jkt"), RUS]).height == 0
    ev = run("Rusia mengecam Myanmar di Teheran.", [tehran, RUS, MMR])
    assert pairs(ev) == [("DISAPPROVE", "cty:RUS", "cty:MMR")]


def test_the_dateline_says_where_the_story_was_filed_and_no_one_in_it_acts():
    kompas = ("KOMPAS.com", "ORG", "org:kompas")
    ev = run("MOSKOW, KOMPAS.com - Rusia mengecam Myanmar pada Senin.", [kompas, RUS, MMR])
    assert pairs(ev) == [("DISAPPROVE", "cty:RUS", "cty:MMR")]
    # Offsets are unchanged: the sentence still starts where the story does.
    assert run("MOSKOW - Rusia mengecam Myanmar.", [RUS, MMR]).row(0, named=True)["sentence_id"] == 0


def test_a_protest_is_aimed_at_the_institution_whose_building_it_goes_to():
    ev = run("Ratusan mahasiswa menggelar unjuk rasa di depan Gedung KPK pada Jumat.", [KPK])
    assert pairs(ev) == [("PROTEST", "mahasiswa", "org:kpk")]
    # A place that is no one's building is where it happened, not whom it is aimed at.
    ev = run("Ratusan mahasiswa menggelar unjuk rasa di Moskow pada Jumat.", [("Moskow", "LOC", "loc:msk")])
    assert pairs(ev) == [("PROTEST", "mahasiswa", None)]


def test_whom_the_speaker_told_is_not_the_speakers_side():
    # "kami" is the speaker's side; the outlet or person told comes after "kepada".
    ev = run('"Kami mengecam keras Rusia atas serangan itu. Itu sudah jelas," ujar Nikolai Patrushev kepada KPK.',
             [NP, RUS, KPK])
    assert pairs(ev) == [("DISAPPROVE", "per:np", "cty:RUS")]


def test_a_ter_passive_has_its_patient_as_subject():
    ev = run("Bupati Jombang Nyono Suharli Wihandoko tertangkap tangan KPK di Jakarta pada Sabtu.",
             [("Nyono Suharli Wihandoko", "PER", "per:nsw"), KPK])
    assert pairs(ev) == [("COERCE", "org:kpk", "per:nsw")]


def test_a_hope_addressed_to_someone_is_a_request_and_a_hope_alone_is_not():
    ev = run("KPK berharap Rusia segera menghentikan serangan itu.", [KPK, RUS])
    assert ("REQUEST", "org:kpk", "cty:RUS") in pairs(ev)
    assert run("KPK berharap bisa menyelesaikan kasus itu tahun ini.", [KPK]).height == 0


def test_antara_a_few_words_after_a_noun_trigger_names_both_parties():
    ev = run("Selanjutnya, kerja sama bidang pendidikan antara Nikolai Patrushev dan Min Aung Hlaing.", [NP, MAH])
    assert pairs(ev) == [("COOPERATE", "per:np", "per:mah")]


def test_an_agentless_report_of_what_was_just_done_to_the_same_one_keeps_its_agent():
    body = ("KPK menahan Nikolai Patrushev di Jakarta pada Senin. "
            "Nikolai Patrushev kemudian ditahan di rumah tahanan selama 20 hari.")
    assert actor_pairs(run(body, [KPK, NP])) == [("COERCE", "org:kpk", "per:np")] * 2
    # Someone else attacked without an agent is not given one (a step of the law is: it is
    # taken by the body handling the case, test_an_agentless_step_of_the_law_...).
    body = "Rusia menyerang Nikolai Patrushev di Jakarta pada Senin. Min Aung Hlaing juga diserang di Moskow."
    assert actor_pairs(run(body, [RUS, NP, MAH])) == [("ASSAULT", "cty:RUS", "per:np"), ("ASSAULT", None, "per:mah")]


def test_suspects_named_with_a_count_between_and_travel_bans():
    ev = run("KPK menetapkan dua orang tersangka, yakni Nikolai Patrushev dan Min Aung Hlaing.", [KPK, NP, MAH])
    assert {r["event_type"] for r in ev.iter_rows(named=True)} == {"ACCUSE"}
    ev = run("KPK mencegah Nikolai Patrushev bepergian ke luar negeri.", [KPK, NP])
    assert actor_pairs(ev) == [("COERCE", "org:kpk", "per:np")]
    assert run("KPK menetapkan jadwal sidang Nikolai Patrushev.", [KPK, NP]).height == 0
    assert run("KPK mencegah kebakaran hutan di Riau.", [KPK]).height == 0


def test_what_a_speaker_says_someone_must_do_is_the_speakers_demand():
    ev = run('"Rusia harus membuka akses media," kata Nikolai Patrushev di Jakarta.', [NP, RUS])
    assert actor_pairs(ev) == [("REQUEST", "per:np", "cty:RUS")]
    # No speaker, or the speaker's own side: no demand.
    assert run("Rusia harus membuka akses media.", [RUS]).height == 0
    assert run('"Kami harus bekerja keras," kata Nikolai Patrushev di Jakarta.', [NP]).height == 0


def test_an_ambassador_is_the_office_holder_not_the_country():
    ev = run("Duta Besar Rusia bertemu Nikolai Patrushev di Jakarta.", [RUS, NP])
    assert actor_pairs(ev) == [("CONSULT", "Duta Besar Rusia", "per:np")]


def test_a_base_form_used_as_a_noun_takes_the_arguments_of_its_light_verb():
    ev = run("Protes itu dipimpin oleh Nikolai Patrushev.", [NP])
    assert actor_pairs(ev) == [("PROTEST", "per:np", None)]


def test_a_quotation_that_goes_on_keeps_the_speaker_named_before():
    body = ('"Rusia siap membantu," kata Nikolai Patrushev. Min Aung Hlaing juga hadir di Moskow. '
            '"Saya bertemu dengan Vladimir Putin," lanjutnya.')
    ev = run(body, [NP, MAH, PUTIN, RUS])
    assert ("CONSULT", "per:np", "per:putin") in actor_pairs(ev)
    assert not any(p[1] == "per:mah" for p in actor_pairs(ev))


def test_a_subject_typed_as_a_place_no_place_list_knows_is_an_actor():
    ev = run("Hambali bertemu dengan Nikolai Patrushev di Jakarta.", [("Hambali", "LOC", "loc:h"), NP])
    assert actor_pairs(ev) == [("CONSULT", "loc:h", "per:np")]
    # A known city is no one, and a meeting needs both sides.
    assert run("Bandung bertemu dengan Nikolai Patrushev di Jakarta.", [("Bandung", "LOC", "loc:b"), NP]).height == 0


def test_countries_of_a_region_are_a_group_and_alone_they_refer_back():
    asia = ("Asia Tenggara", "LOC", "loc:sea")
    ev = run("Rusia meminta negara-negara Asia Tenggara mematuhi putusan itu.", [RUS, asia])
    assert actor_pairs(ev) == [("REQUEST", "cty:RUS", "negara-negara Asia Tenggara")]
    ev = run("Rusia mendorong negara-negara terkait khususnya Myanmar mematuhi putusan itu.", [RUS, MMR])
    assert actor_pairs(ev) == [("REQUEST", "cty:RUS", "cty:MMR")]


def test_who_a_criticism_comes_from_and_who_receives_it():
    ev = run("Langkah Rusia itu menuai kecaman keras dari Myanmar.", [RUS, MMR])
    assert actor_pairs(ev) == [("DISAPPROVE", "cty:MMR", "cty:RUS")]
    # "dari" after an expulsion is where from, not who expels.
    ev = run("Myanmar memerintahkan pengusiran Nikolai Patrushev dari Rusia.", [MMR, NP, RUS])
    assert ("SANCTION", "cty:RUS", "per:np") not in actor_pairs(ev)


def test_who_gets_or_receives_a_noun_trigger_is_its_target():
    ev = run("Myanmar telah mendapat sanksi Rusia sejak tahun 2006.", [MMR, RUS])
    assert actor_pairs(ev) == [("SANCTION", "cty:RUS", "cty:MMR")]
    ev = run("Nikolai Patrushev juga mendapatkan apresiasi Presiden Vladimir Putin.", [NP, PUTIN])
    assert actor_pairs(ev) == [("SUPPORT", "per:putin", "per:np")]
    # Who receives criticism does not criticise.
    ev = run("Nikolai Patrushev tidak jarang menerima kritikan saat menjabat.", [NP])
    assert [e for e in actor_pairs(ev) if e[0] == "DISAPPROVE" and e[1] == "per:np"] == []


def test_coordinated_passives_share_their_agent():
    ev = run("Nikolai Patrushev ditangkap dan ditahan oleh KPK di Jakarta.", [NP, KPK])
    assert actor_pairs(ev) == [("COERCE", "org:kpk", "per:np")]


def test_confidence_ranks_complete_verb_events_above_half_ones_and_nouns():
    from warta.events.codes import confidence

    full = confidence(0.8, True, True, "sentence", False)
    assert full > confidence(0.8, True, True, "sentence", False, noun=True)
    assert full > confidence(0.8, True, False, "sentence", False) == confidence(0.8, False, True, "sentence", False)
    assert 0 < confidence(0.8, False, True, None, True, noun=True) < full <= 1


def test_the_clitic_of_a_noun_trigger_names_its_possessor():
    ev = run("Nikolai Patrushev menyebut kunjungannya ke Myanmar sangat penting.", [NP, MMR])
    assert actor_pairs(ev) == [("CONSULT", "per:np", "cty:MMR")]
    # An arrest's clitic names the one arrested, not who arrested.
    ev = run("Nikolai Patrushev marah. Penangkapannya oleh polisi terjadi di Moskow.", [NP])
    assert actor_pairs(ev) == [("COERCE", "polisi", "per:np")]


def test_a_noun_of_coercion_or_a_threat_needs_both_sides():
    # "penangkapannya" with no one arresting is a mention of the arrest (plover.yaml: noun_parties).
    assert run("Nikolai Patrushev marah. Polisi membenarkan penangkapannya di Moskow.", [NP]).height == 0
    assert run("Nikolai Patrushev mengancam akan mundur dari jabatannya.", [NP]).height == 0
    ev = run("Nikolai Patrushev mengancam Min Aung Hlaing.", [NP, MAH])
    assert actor_pairs(ev) == [("THREATEN", "per:np", "per:mah")]


def test_a_bare_phrase_before_the_verb_cut_off_by_a_comma_is_its_subject():
    body = "Nikolai Patrushev bertemu Vladimir Putin di Moskow. Kedua pejabat itu, sebelumnya sudah membahas isu tersebut."
    ev = run(body, [NP, PUTIN])
    assert actor_pairs(ev) == [("CONSULT", "per:np", "per:putin")] * 2


def test_protesters_are_actors_not_protest_events():
    ev = run("Beberapa demonstran tampak diamankan polisi di Jakarta.", [])
    assert actor_pairs(ev) == [("COERCE", "polisi", "demonstran")]


def test_an_unnamed_group_illustrated_by_names_is_those_named():
    egypt, turkey = ("Mesir", "COUNTRY", "cty:EGY"), ("Turki", "COUNTRY", "cty:TUR")
    for body in ("Rusia meminta negara-negara Islam seperti Mesir dan Turki menghentikan serangan.",
                 "Rusia meminta sejumlah negara, yakni Mesir dan Turki, menghentikan serangan."):
        assert actor_pairs(run(body, [RUS, egypt, turkey])) == [("REQUEST", "cty:RUS", "cty:EGY"),
                                                                 ("REQUEST", "cty:RUS", "cty:TUR")]


def test_a_pronoun_refers_to_the_last_subject_before_an_object_named_after_it():
    body = "Nikolai Patrushev tidak pernah bertemu Vladimir Putin. Ia hanya menelepon Min Aung Hlaing."
    assert actor_pairs(run(body, [NP, PUTIN, MAH]))[-1] == ("CONSULT", "per:np", "per:mah")


def test_the_person_in_apposition_to_a_title_chain_is_the_actor():
    ev = run("Sementara itu, Pimpinan Umum Posmetro Medan, Nikolai Patrushev meminta polisi bekerja profesional.",
             [("Posmetro", "PER", "per:pm"), NP])
    assert actor_pairs(ev) == [("REQUEST", "per:np", "polisi")]


def test_the_staff_of_a_named_organisation_act_for_it():
    ev = run("Penyidik KPK sudah memeriksa Nikolai Patrushev pada Senin.", [KPK, NP])
    assert actor_pairs(ev) == [("ACCUSE", "org:kpk", "per:np")]


def test_skipping_a_summons_refuses_whoever_summoned():
    # The summons itself is the KPK's request of the one who skips it; its investigators
    # ("penyidik KPK") act for the KPK.
    ev = run("Nikolai Patrushev mangkir dari panggilan penyidik KPK pada Senin.", [NP, KPK])
    assert actor_pairs(ev) == [("REJECT", "per:np", "org:kpk"), ("REQUEST", "org:kpk", "per:np")]


def test_calling_on_someone_is_a_visit():
    for verb in ("bertamu ke tempat", "menyambangi", "membesuk"):
        ev = run(f"Nikolai Patrushev {verb} Vladimir Putin di Moskow.", [NP, PUTIN])
        assert actor_pairs(ev) == [("CONSULT", "per:np", "per:putin")], verb
        assert ev.row(0, named=True)["mode"] == "visit"


def test_a_visit_to_an_office_is_a_visit_to_its_holder():
    ev = run("Nikolai Patrushev mendatangi kantor PM Myanmar pada Senin.", [NP, MMR])
    assert actor_pairs(ev) == [("CONSULT", "per:np", "PM Myanmar")]


def test_speech_tags_name_the_speaker_and_adjectives_do_not():
    ev = run('"Rusia harus membuka akses media," tegas Nikolai Patrushev di Jakarta.', [NP, RUS])
    assert actor_pairs(ev) == [("REQUEST", "per:np", "cty:RUS")]
    ev = run("Rusia harus bertindak secara tegas Nikolai Patrushev soal itu.", [NP, RUS])
    assert ev.height == 0


def test_a_clash_is_an_attack_each_way_and_a_meeting_is_one_event():
    israel, hamas = ("Israel", "COUNTRY", "cty:ISR"), ("Hamas", "ORG", "org:hamas")
    for body in ("Israel dan Hamas terlibat pertikaian bersenjata sejak 2008.", "Israel dan Hamas bentrok di Gaza."):
        assert sorted(actor_pairs(run(body, [israel, hamas]))) == [("ASSAULT", "cty:ISR", "org:hamas"),
                                                                   ("ASSAULT", "org:hamas", "cty:ISR")]
    assert actor_pairs(run("Israel dan Hamas bertemu di Gaza.", [israel, hamas])) == [("CONSULT", "cty:ISR", "org:hamas")]


def test_an_actorless_mention_tells_the_first_pair_of_the_event_told_before_again():
    israel, hamas = ("Israel", "COUNTRY", "cty:ISR"), ("Hamas", "ORG", "org:hamas")
    ev = run("Israel dan Hamas bentrok di Gaza pada Senin. Pertikaian itu berlangsung dua hari.", [israel, hamas])
    later = sorted(p for p, r in zip(actor_pairs(ev), ev.iter_rows(named=True)) if r["sentence_id"] == 1)
    assert later == [("ASSAULT", "cty:ISR", "org:hamas"), ("ASSAULT", "org:hamas", "cty:ISR")]  # a clash each way
    # Two ministers meeting three are not six meetings told again.
    body = ("Nikolai Patrushev dan Min Aung Hlaing bertemu dengan Vladimir Putin, Recep Erdogan dan Xi Jinping. "
            "Pertemuan itu berlangsung tertutup.")
    named = [NP, MAH, PUTIN, ("Recep Erdogan", "PER", "per:re"), ("Xi Jinping", "PER", "per:xi")]
    ev = run(body, named)
    later = [p for p, r in zip(actor_pairs(ev), ev.iter_rows(named=True)) if r["sentence_id"] == 1]
    assert later == [("CONSULT", "per:np", "per:putin")]


def test_an_actorless_mention_does_not_tell_a_one_sided_event_again():
    workers = ("Serikat Pekerja Pertamina", "ORG", "org:spp")
    ev = run("Serikat Pekerja Pertamina menggelar aksi mogok di Jakarta pada Senin. "
             "Aksi mogok itu akan melibatkan 11 depot di sejumlah daerah.", [workers])
    assert [(p, r["sentence_id"]) for p, r in zip(actor_pairs(ev), ev.iter_rows(named=True))] == [
        (("PROTEST", "org:spp", None), 0)]


def test_borrowed_actors_lower_the_confidence():
    from warta.events.codes import confidence

    assert confidence(0.8, True, True, "sentence", False, borrowed=True) < confidence(0.8, True, True, "sentence", False)
    israel, hamas = ("Israel", "COUNTRY", "cty:ISR"), ("Hamas", "ORG", "org:hamas")
    ev = run("Israel dan Hamas bentrok di Gaza pada Senin. Pertikaian itu berlangsung dua hari.", [israel, hamas])
    first, later = (max(r["confidence"] for r in ev.iter_rows(named=True) if r["sentence_id"] == s) for s in (0, 1))
    assert later < first


def test_a_trigger_in_a_conditional_clause_is_no_event():
    assert run("Rusia siap membalas jika Myanmar melakukan serangan terhadap mereka.", [RUS, MMR]).height == 0
    # The condition ends at the comma: what follows it happened.
    ev = run("Jika perlu, Rusia menyerang Myanmar pada Senin.", [RUS, MMR])
    assert actor_pairs(ev) == [("ASSAULT", "cty:RUS", "cty:MMR")]


def test_what_a_condition_says_will_follow_is_no_event():
    iran = ("Iran", "COUNTRY", "cty:IRN")
    text = "Seandainya jadi diberlakukan, kebijakan Rusia akan melarang warga Iran dan Myanmar masuk."
    assert run(text, [RUS, iran, MMR]).height == 0
    # Without the condition it is a planned event.
    ev = run("Kebijakan Rusia akan melarang warga Iran masuk.", [RUS, iran])
    assert actor_pairs(ev) == [("COERCE", "cty:RUS", "warga Iran")]


def test_an_object_that_names_no_actor_is_the_thing_of_whoever_put_it_forward():
    court = ("Mahkamah Agung", "ORG", "org:ma")
    kontras = ("Kontras", "ORG", "org:kontras")
    ev = run("Mahkamah Agung menolak permohonan kasasi yang diajukan Kontras.", [court, kontras])
    assert actor_pairs(ev) == [("REJECT", "org:ma", "org:kontras")]
    # A purpose clause is not whose the thing is.
    ev = run("Mahkamah Agung menolak permohonan kasasi untuk diajukan Kontras.", [court, kontras])
    assert actor_pairs(ev) == [("REJECT", "org:ma", None)]


def test_a_body_and_the_country_it_is_named_after_are_one_side():
    army = ("Angkatan Bersenjata Myanmar", "ORG", "org:tatmadaw")
    assert run("Angkatan Bersenjata Myanmar dan Myanmar terlibat pertikaian.", [army, MMR]).height == 0


def test_a_request_for_an_outcome_is_of_the_subject_of_its_clause():
    for body in ("Nikolai Patrushev mengajak agar Rusia dan Myanmar bisa solid.",
                 "Untuk itu, Nikolai Patrushev meminta supaya Rusia menghentikan serangan."):
        pairs = actor_pairs(run(body, [NP, RUS, MMR]))
        assert pairs[0] == ("REQUEST", "per:np", "cty:RUS"), body
    # A passive clause's subject is what is asked for, not who is asked.
    ev = run("Nikolai Patrushev meminta agar Vladimir Putin dibebaskan.", [NP, PUTIN])
    assert ("REQUEST", "per:np", "per:putin") not in actor_pairs(ev)
    # A request named by a noun: who is to act is asked.
    ev = run("Permintaan agar Vladimir Putin mundur disampaikan oleh Nikolai Patrushev.", [NP, PUTIN])
    assert actor_pairs(ev) == [("REQUEST", "per:np", "per:putin")]


def test_a_name_after_a_comma_is_no_apposition_of_a_demonstrative():
    ev = run("Untuk itu, Nikolai Patrushev mengajak Min Aung Hlaing berunding.", [NP, MAH])
    assert actor_pairs(ev)[0] == ("REQUEST", "per:np", "per:mah")


def test_a_noun_trigger_naming_the_kind_of_a_document_takes_the_documents_arguments():
    ev = run("KPK mengirimkan surat panggilan untuk Nikolai Patrushev ke rumahnya.", [KPK, NP])
    assert actor_pairs(ev) == [("REQUEST", "org:kpk", "per:np")]


def test_a_title_closed_by_a_demonstrative_is_the_person_named_before():
    body = ("Nikolai Patrushev tiba di Moskow pada Senin. "
            "Menlu 55 tahun itu kemudian bertemu Vladimir Putin di Kremlin.")
    assert actor_pairs(run(body, [NP, PUTIN])) == [("CONSULT", "per:np", "per:putin")]
    # Without the demonstrative the title names an office, not the person before.
    body = "Nikolai Patrushev tiba di Moskow pada Senin. Menlu Rusia kemudian bertemu Vladimir Putin."
    assert actor_pairs(run(body, [NP, PUTIN, RUS]))[0][1] != "per:np"
    # "ini" closes one too, and a party or body named inside it is where the person belongs.
    pkb = ("PKB", "ORG", "org:pkb")
    body = "Nikolai Patrushev tiba di Moskow pada Senin. Politikus PKB ini kemudian bertemu Vladimir Putin."
    assert actor_pairs(run(body, [NP, PUTIN, pkb])) == [("CONSULT", "per:np", "per:putin")]


def test_a_noun_trigger_only_talked_about_does_not_tell_the_event_again():
    told = "Mahasiswa menuntut Vladimir Putin mundur pada Senin. "
    for later in ("Tak semua mahasiswa memahami tuntutan tersebut.", "Ia ditanya mengenai tuntutan itu."):
        ev = run(told + later, [PUTIN])
        assert [r["sentence_id"] for r in ev.iter_rows(named=True)] == [0], later
    # The subject of a sentence about the event still tells it again.
    ev = run(told + "Tuntutan itu disampaikan di depan gedung.", [PUTIN])
    assert [r["sentence_id"] for r in ev.iter_rows(named=True)] == [0, 1]


def test_a_mention_naming_a_partner_that_is_no_actor_does_not_tell_the_event_again():
    told = "Vladimir Putin bertemu Nikolai Patrushev di Moskow. "
    ev = run(told + "Komunikasi dengan berbagai pihak terus dilakukan.", [PUTIN, NP])
    assert [r["sentence_id"] for r in ev.iter_rows(named=True)] == [0]
    # A means after "dengan" is no partner: the mention tells the meeting again.
    ev = run(told + "Pertemuan dengan menggunakan penerjemah itu berlangsung dua jam.", [PUTIN, NP])
    assert [r["sentence_id"] for r in ev.iter_rows(named=True)] == [0, 1]


def test_a_group_that_names_its_organisation_acts_as_it():
    aliance = ("Aliansi Rakyat Bergerak", "ORG", "org:arb")
    ev = run("Ratusan mahasiswa yang tergabung dalam Aliansi Rakyat Bergerak berdemonstrasi di depan KPK.",
             [aliance, KPK])
    assert actor_pairs(ev)[0][1] == "org:arb"
    # An organisation the tagger missed is named by its capitalised words.
    ev = run("Ratusan mahasiswa yang mengatasnamakan Komite Peduli Hukum menggelar aksi unjuk rasa di depan KPK.",
             [KPK])
    assert actor_pairs(ev)[0][1] == "Komite Peduli Hukum"


def test_the_same_side_telling_its_event_again_aims_it_where_it_was():
    body = "Rusia menyerang Myanmar pada Senin. Serangan Rusia itu berlangsung dua hari."
    ev = run(body, [RUS, MMR])
    assert actor_pairs(ev) == [("ASSAULT", "cty:RUS", "cty:MMR")] * 2
    # Another side's event is not given the target.
    body = "Rusia menyerang Myanmar pada Senin. Serangan Nikolai Patrushev itu berlangsung dua hari."
    assert actor_pairs(run(body, [RUS, MMR, NP]))[1] == ("ASSAULT", "per:np", None)


def test_a_protest_is_aimed_at_whom_the_protesters_make_their_demand_of():
    ev = run("Ratusan mahasiswa berunjuk rasa menuntut Vladimir Putin mundur.", [PUTIN])
    assert sorted(actor_pairs(ev)) == [("PROTEST", "mahasiswa", "per:putin"), ("REQUEST", "mahasiswa", "per:putin")]
    # Two demands of two people: two protests, each with its own id.
    ev = run("Ratusan mahasiswa berunjuk rasa menuntut Vladimir Putin dan Nikolai Patrushev mundur.", [PUTIN, NP])
    protests = ev.filter(pl.col("event_type") == "PROTEST")
    assert sorted(protests["actor2_id"].to_list()) == ["per:np", "per:putin"]
    assert ev["event_id"].n_unique() == ev.height


def test_crime_news_verbs_of_arrest_killing_and_complaint():
    cases = [("Polisi mencokok Nikolai Patrushev di Moskow.", "COERCE"),
             ("Nikolai Patrushev akhirnya terciduk polisi di Moskow.", "COERCE"),
             ("Nikolai Patrushev menghabisi Min Aung Hlaing di Moskow.", "ASSAULT"),
             ("Nikolai Patrushev mengadukan Min Aung Hlaing ke polisi.", "ACCUSE")]
    for body, etype in cases:
        assert [p[0] for p in actor_pairs(run(body, [NP, MAH]))] == [etype], body


def test_forces_deployed_with_no_agent_named_are_the_ones_mobilising():
    army = ("Pasukan Rusia", "ORG", "org:ru-army")
    assert actor_pairs(run("Pasukan Rusia telah dikerahkan ke perbatasan.", [army])) == [("MOBILIZE", "org:ru-army", None)]
    # With an agent, the agent mobilises.
    ev = run("Pasukan Rusia dikerahkan oleh Vladimir Putin ke perbatasan.", [army, PUTIN])
    assert actor_pairs(ev)[0][1] == "per:putin"
    # Those involved in a joint effort take part in it; with no partner named, no event.
    assert run("Pasukan Rusia dilibatkan dalam pembangunan jalan.", [army]).height == 0


def test_what_an_actor_could_do_is_no_event():
    assert run("Kami pasti bisa menghabisi Rusia dalam beberapa jam, kata Nikolai Patrushev.", [RUS, NP]).height == 0
    assert actor_pairs(run("Nikolai Patrushev menyerang Rusia pada Senin.", [RUS, NP])) == [("ASSAULT", "per:np", "cty:RUS")]


def test_a_reporters_call_is_no_consultation():
    for body in ("Ada tersangka baru, kata Nikolai Patrushev saat dihubungi Kompas.",
                 "Dihubungi terpisah, Nikolai Patrushev menjelaskan bahwa Rusia siap."):
        assert "CONSULT" not in [p[0] for p in actor_pairs(run(body, [NP, RUS, ("Kompas", "ORG", "org:kompas")]))], body
    ev = run("Nikolai Patrushev dihubungi oleh Vladimir Putin pada Senin.", [NP, PUTIN])
    assert [p[0] for p in actor_pairs(ev)] == ["CONSULT"]


def test_talking_to_the_press_is_an_interview_not_a_consultation():
    okezone = ("Okezone", "ORG", "org:okezone")
    assert run("Nikolai Patrushev berbincang dengan Okezone pada Senin.", [okezone, NP]).height == 0
    ev = run("Nikolai Patrushev berbincang dengan Vladimir Putin pada Senin.", [PUTIN, NP])
    assert actor_pairs(ev) == [("CONSULT", "per:np", "per:putin")]


def test_an_event_is_coded_only_with_the_parties_its_type_needs():
    # A meeting needs two sides, a request someone who asks; an arrest may be told from the
    # side of the one arrested alone (plover.yaml: parties).
    assert run("Nikolai Patrushev melakukan pertemuan di Moskow.", [NP]).height == 0
    assert run("Vladimir Putin diminta datang ke Moskow.", [PUTIN]).height == 0
    assert actor_pairs(run("Vladimir Putin ditangkap di Moskow.", [PUTIN])) == [("COERCE", None, "per:putin")]


def test_securing_a_place_or_a_thing_is_no_arrest():
    assert run("Nikolai Patrushev mengamankan jalannya jajak pendapat di Moskow.", [NP]).height == 0
    assert run("Polisi juga mengamankan sebuah kayu alu di lokasi.", []).height == 0
    assert actor_pairs(run("Polisi mengamankan Nikolai Patrushev di Moskow.", [NP])) == [("COERCE", "polisi", "per:np")]


def test_a_bare_agent_after_a_passive_verb_is_its_agent():
    # Parsers hang "polisi" on a misread "terciduk" as a compound; it is still the agent.
    assert actor_pairs(run("Nikolai Patrushev akhirnya terciduk polisi di Moskow.", [NP])) == [
        ("COERCE", "polisi", "per:np")]
    # A di- light verb's bare object is who did what its noun names.
    ev = run("Serangan itu dilakukan Nikolai Patrushev terhadap Min Aung Hlaing di Moskow.", [NP, MAH])
    assert actor_pairs(ev) == [("ASSAULT", "per:np", "per:mah")]


def test_a_trigger_describing_another_of_its_type_is_the_same_event():
    pertamina = ("Pertamina", "ORG", "org:pertamina")
    ev = run("Ribuan awak tangki Pertamina menggelar aksi mogok nasional sejak Senin.", [pertamina])
    assert len(actor_pairs(ev)) == 1 and actor_pairs(ev)[0][0] == "PROTEST"


def test_a_possessive_pronoun_does_not_make_its_phrase_the_group_referred_to():
    body = ("Rusia dan Myanmar bertemu di Moskow pada Senin. "
            "Para militan bertempur dengan anak-anak mereka di Mosul.")
    pairs = actor_pairs(run(body, [RUS, MMR]))
    assert [p for p in pairs if p[0] == "ASSAULT" and p[2] in ("cty:RUS", "cty:MMR")] == []
    assert ("CONSULT", "cty:RUS", "cty:MMR") in pairs


def test_a_person_after_a_comma_in_a_relatives_phrase_is_the_relative():
    kpk = ("KPK", "ORG", "org:kpk")
    ev = run("Putri Ketua Dewan Perwakilan Rakyat (DPR) Vladimir Putin, Min Aung Hlaing dipastikan mangkir "
             "dari panggilan penyidik KPK.", [PUTIN, MAH, kpk, ("DPR", "ORG", "org:dpr")])
    assert ("REJECT", "per:mah", "org:kpk") in actor_pairs(ev)
    assert all(p[1] != "per:putin" for p in actor_pairs(ev))


def test_naming_suspects_across_a_list_and_working_in_synergy():
    kpk = ("KPK", "ORG", "org:kpk")
    ev = run("KPK menetapkan Nikolai Patrushev beserta asisten pribadinya, Min Aung Hlaing, sebagai tersangka.",
             [kpk, NP, MAH])
    assert ("ACCUSE", "org:kpk", "per:np") in actor_pairs(ev)
    # A long title chain between the verb and "sebagai tersangka".
    ev = run("KPK resmi menetapkan eks Dirut Pertamina Energy Trading Ltd (Petral) Nikolai Patrushev (NP) "
             "sebagai tersangka.", [kpk, NP])
    assert ("ACCUSE", "org:kpk", "per:np") in actor_pairs(ev)
    ev = run("Rusia telah bersinergi dengan Myanmar dalam penanganan teroris.", [RUS, MMR])
    assert actor_pairs(ev) == [("COOPERATE", "cty:RUS", "cty:MMR")]


def test_an_actor_together_with_another_is_two_actors():
    ev = run("Nikolai Patrushev bersama Min Aung Hlaing menyerang Rusia.", [NP, MAH, RUS])
    assert sorted(actor_pairs(ev)) == [("ASSAULT", "per:mah", "cty:RUS"), ("ASSAULT", "per:np", "cty:RUS")]


def test_a_protest_against_something_is_aimed_at_its_owner_and_is_one_event():
    for body in ("Puluhan ribu demonstran berunjuk rasa menentang kebijakan Vladimir Putin, Selasa.",
                 "Ribuan mahasiswa turun aksi menolak kebijakan Vladimir Putin di Moskow."):
        pairs = actor_pairs(run(body, [PUTIN]))
        assert len(pairs) == 1 and pairs[0][0] == "PROTEST" and pairs[0][2] == "per:putin", body
    # A possessor follows its noun: the policy's owner is not who protests.
    ev = run("Ratusan warga menggelar aksi unjuk rasa memprotes kebijakan Vladimir Putin.", [PUTIN])
    assert actor_pairs(ev)[0][1] == "warga"


def test_whoever_claims_responsibility_for_an_attack_is_its_attacker():
    ev = run("Kelompok Min Aung Hlaing mengklaim bertanggung jawab atas serangan terhadap Rusia di Moskow.", [MAH, RUS])
    assert actor_pairs(ev) == [("ASSAULT", "per:mah", "cty:RUS")]
    # The attack told before, claimed in the next sentence, keeps its target.
    ev = run("Kilang minyak Rusia diserang drone pada Sabtu. Setelah serangan itu, Min Aung Hlaing mengklaim "
             "bertanggung jawab.", [MAH, RUS])
    assert ("ASSAULT", "per:mah", "cty:RUS") in actor_pairs(ev)


def test_a_party_backing_a_candidate_supports_them_and_a_lobby_is_a_request():
    pdip = ("PDIP", "ORG", "org:pdip")
    dedi = ("Dedi Mulyadi", "PER", "per:dedi")
    kemenkeu = ("Kemenkeu", "ORG", "org:kemenkeu")
    assert actor_pairs(run("PDIP mengusung Dedi Mulyadi.", [pdip, dedi])) == [("SUPPORT", "org:pdip", "per:dedi")]
    assert run("Mobil PDIP itu mengusung mesin bensin.", [pdip]).height == 0  # names no one backed
    ev = run("PDIP akan melobi Kemenkeu untuk menambah dana.", [pdip, kemenkeu])
    assert actor_pairs(ev) == [("REQUEST", "org:pdip", "org:kemenkeu")]


def test_who_steps_up_or_goes_on_with_an_action_does_it():
    syria = ("Suriah", "COUNTRY", "cty:SYR")
    ev = run("Rusia meningkatkan serangan terhadap Suriah sejak Juni.", [RUS, syria])
    assert actor_pairs(ev) == [("ASSAULT", "cty:RUS", "cty:SYR")]
    ev = run("Rusia melanjutkan kerja sama militer dengan Myanmar.", [RUS, MMR])
    assert ("COOPERATE", "cty:RUS", "cty:MMR") in actor_pairs(ev)


def test_an_order_of_an_action_is_that_action_by_whoever_orders_it():
    cuba = ("Kuba", "COUNTRY", "cty:CUB")
    ev = run("Rusia memerintahkan pengusiran diplomat Kuba.", [RUS, cuba])
    assert [t for t, _, _ in actor_pairs(ev)] == ["SANCTION"]
    assert actor_pairs(ev)[0][1] == "cty:RUS"
    # An order of people, not of an action, stays a request.
    ev = run("Rusia memerintahkan Myanmar menarik pasukan.", [RUS, MMR])
    assert ("REQUEST", "cty:RUS", "cty:MMR") in actor_pairs(ev)


def test_a_passive_phrase_holding_the_entrys_own_word_is_who_it_was_done_to():
    kpk = ("KPK", "ORG", "org:kpk")
    imr, miu = ("Imam Nahrawi", "PER", "per:imr"), ("Miftahul Ulum", "PER", "per:miu")
    body = ("KPK menetapkan Imam Nahrawi sebagai tersangka. "
            "Dalam penyidikan itu ditetapkan dua orang tersangka yaitu Imam Nahrawi dan Miftahul Ulum.")
    ev = run(body, [kpk, imr, miu])
    later = [(t, a, b) for (t, a, b), r in zip(actor_pairs(ev), ev.iter_rows(named=True)) if r["sentence_id"] == 1]
    assert later and all(a == "org:kpk" for _, a, _ in later)  # not the suspects as accusers


def test_a_threat_is_aimed_at_whom_it_says_will_be_done_to():
    tillerson, un = ("Rex Tillerson", "PER", "per:rt"), ("PBB", "ORG", "org:un")
    ev = run("Rex Tillerson mengancam akan menarik diri dari PBB karena agenda bias.", [tillerson, un])
    assert actor_pairs(ev) == [("THREATEN", "per:rt", "org:un")]
    ev = run("Rusia mengancam akan menyerang Myanmar.", [RUS, MMR])
    assert actor_pairs(ev) == [("THREATEN", "cty:RUS", "cty:MMR")]


def test_what_is_deployed_is_the_deployers_own_not_a_target():
    gallant = ("RSS Gallant", "ORG", "org:gallant")
    sg = ("Singapura", "COUNTRY", "cty:SGP")
    ev = run("Singapura telah mengerahkan kapal perang RSS Gallant.", [sg, gallant])
    assert actor_pairs(ev) == [("MOBILIZE", "cty:SGP", None)]
    ev = run("Rusia mengerahkan pasukan ke Myanmar.", [RUS, MMR])
    assert actor_pairs(ev) == [("MOBILIZE", "cty:RUS", "cty:MMR")]


def test_an_insult_and_a_sharp_reaction_disapprove():
    usa = ("Amerika Serikat", "COUNTRY", "cty:USA")
    endang = ("Endang", "PER", "per:endang")
    kamal = ("Kamal", "PER", "per:kamal")
    ev = run("Rusia langsung bereaksi keras terhadap aksi Amerika Serikat.", [RUS, usa])
    assert actor_pairs(ev) == [("DISAPPROVE", "cty:RUS", "cty:USA")]
    assert actor_pairs(run("Endang menghina Kamal di depan karyawan.", [endang, kamal])) == [
        ("DISAPPROVE", "per:endang", "per:kamal")]


def test_telling_someone_to_do_something_is_a_request():
    kivlan = ("Kivlan Zen", "PER", "per:kivlan")
    helmi = ("Helmi", "PER", "per:helmi")
    ev = run("Kivlan Zen menyuruh Helmi mencarikan senjata api.", [kivlan, helmi])
    assert actor_pairs(ev) == [("REQUEST", "per:kivlan", "per:helmi")]


def test_suspecting_probing_a_summons_and_a_denial():
    kpk = ("KPK", "ORG", "org:kpk")
    satori = ("Satori", "PER", "per:satori")
    un = ("PBB", "ORG", "org:un")
    assert actor_pairs(run("KPK menduga Satori menerima suap dari perkara ini.", [kpk, satori])) == [
        ("ACCUSE", "org:kpk", "per:satori")]
    assert actor_pairs(run("Penyidik KPK mendalami peran Satori dalam kasus itu.", [kpk, satori])) == [
        ("ACCUSE", "org:kpk", "per:satori")]
    # A suspicion about no one is no accusation.
    assert run("KPK menduga hujan turun besok.", [kpk]).height == 0
    assert actor_pairs(run("Pemanggilan KPK terhadap Satori merupakan yang kedua.", [kpk, satori])) == [
        ("REQUEST", "org:kpk", "per:satori")]
    assert ("REJECT", "cty:MMR", "org:un") in actor_pairs(run("Myanmar menyangkal tuduhan PBB.", [MMR, un]))


def test_an_apology_without_the_prefix_concedes_and_asks_for_nothing():
    lalu = ("Lalu Muhammad", "PER", "per:lalu")
    subagyo = ("Subagyo", "PER", "per:subagyo")
    ev = run("Setelah cekcok, Lalu Muhammad sudah minta maaf kepada Subagyo.", [lalu, subagyo])
    assert actor_pairs(ev) == [("CONCEDE", "per:lalu", "per:subagyo")]


def test_caught_is_an_arrest_but_not_on_camera():
    lidya = ("Lidya", "PER", "per:lidya")
    george = ("George", "PER", "per:george")
    assert actor_pairs(run("Kasus terungkap setelah pelaku Lidya tertangkap di Palembang.", [lidya])) == [
        ("COERCE", None, "per:lidya")]
    assert run("Seperti yang tertangkap kamera, George terlihat memegang hidungnya.", [george]).height == 0


def test_a_title_with_the_place_of_its_post_closed_by_itu_is_the_person_named_before():
    retno = ("Retno Marsudi", "PER", "per:retno")
    ri = ("RI", "COUNTRY", "cty:IDN")
    nld = ("Belanda", "COUNTRY", "cty:NLD")
    sameh = ("Sameh Shoukry", "PER", "per:sameh")
    ev = run("Menteri Luar Negeri Retno Marsudi tiba di Kairo. Eks duta besar RI di Belanda itu "
             "akan segera menghubungi Sameh Shoukry.", [retno, ri, nld, sameh])
    assert actor_pairs(ev) == [("CONSULT", "per:retno", "per:sameh")]


def test_thanks_respect_and_prayers_for_someone_are_support():
    pks = ("PKS", "ORG", "org:pks")
    pdip = ("PDIP", "ORG", "org:pdip")
    assert actor_pairs(run("PKS menghargai sikap PDIP.", [pks, pdip])) == [("SUPPORT", "org:pks", "org:pdip")]
    ev = run("PKS menyampaikan terima kasih kepada PDIP atas dukungannya.", [pks, pdip])
    assert ("SUPPORT", "org:pks", "org:pdip") in actor_pairs(ev)
    assert actor_pairs(run("PKS mendoakan PDIP.", [pks, pdip])) == [("SUPPORT", "org:pks", "org:pdip")]
    # Thanks said to no one named code nothing.
    assert run("Terima kasih, kata PKS.", [pks]).height == 0
    # Spoken bare forms; withdrawing support is no support.
    ev = run('"Kita hargai keputusan PDIP," kata PKS.', [pks, pdip])
    assert ("SUPPORT", "org:pks", "org:pdip") in actor_pairs(ev)
    ev = run("PKS mencabut dukungan terhadap PDIP.", [pks, pdip])
    assert [p for p in actor_pairs(ev) if p[0] == "SUPPORT"] == []


def test_what_a_speaker_says_someone_broke_is_their_accusation():
    pgi = ("PGI", "ORG", "org:pgi")
    tri = ("Tri", "PER", "per:tri")
    assert actor_pairs(run("PGI menyatakan Tri telah melanggar aturan pendirian rumah ibadat.", [pgi, tri])) == [
        ("ACCUSE", "org:pgi", "per:tri")]
    assert actor_pairs(run('"Tri melanggar aturan," kata PGI.', [pgi, tri])) == [("ACCUSE", "org:pgi", "per:tri")]
    # Without a speaker the narrator accuses no one.
    assert run("Tri melanggar aturan pendirian rumah ibadat.", [tri]).height == 0


def test_who_answers_a_summons_or_meets_a_demand_is_the_one_asked():
    firza = ("Firza Husein", "PER", "per:firza")
    polda = ("Polda Metro Jaya", "ORG", "org:polda")
    ev = run("Firza Husein kembali memenuhi panggilan penyidik Polda Metro Jaya hari ini.", [firza, polda])
    assert actor_pairs(ev) == [("REQUEST", "org:polda", "per:firza")]
    pemda = ("Pemkab Solok", "ORG", "org:pemda")
    buruh = ("KSPI", "ORG", "org:kspi")
    ev = run("Pemkab Solok akhirnya menuruti tuntutan KSPI.", [pemda, buruh])
    assert actor_pairs(ev) == [("REQUEST", "org:kspi", "org:pemda")]


def test_disappointment_with_someone_named_is_disapproval():
    pdip = ("PDIP", "ORG", "org:pdip")
    nasdem = ("NasDem", "ORG", "org:nasdem")
    ev = run("Soemitro menyampaikan kekecewaannya terhadap sikap NasDem.", [("Soemitro", "PER", "per:s"), nasdem])
    assert actor_pairs(ev) == [("DISAPPROVE", "per:s", "org:nasdem")]
    assert actor_pairs(run("Jokowi menyesali sikap PDIP yang lamban.", [("Jokowi", "PER", "per:j"), pdip])) == [
        ("DISAPPROVE", "per:j", "org:pdip")]
    assert run("Soemitro menyampaikan kekecewaannya.", [("Soemitro", "PER", "per:s")]).height == 0  # no one named


def test_a_phrase_that_gives_a_name_stands_for_the_one_named():
    riky = ("Riky Saputra", "PER", "per:riky")
    erwin = ("Erwin", "PER", "per:erwin")
    ev = run("Polisi menangkap pelaku pembunuhan Riky Saputra (31) bernama Erwin (45) di Palembang.", [riky, erwin])
    assert ("COERCE", "polisi", "per:erwin") in actor_pairs(ev)
    assert ("COERCE", "polisi", "per:riky") not in actor_pairs(ev)
    lm, rudi = ("LM", "PER", "per:lm"), ("Rudianto", "PER", "per:rudi")
    ev = run("Akhirnya AKBP LM memanggil karyawan hotel bernama Rudianto.", [lm, rudi])
    assert actor_pairs(ev) == [("REQUEST", "per:lm", "per:rudi")]


def test_a_named_actor_the_parser_hung_on_a_noun_trigger_as_a_compound_is_its_possessor():
    tni, dpr = ("TNI", "ORG", "org:tni"), ("DPR", "ORG", "org:dpr")
    ev = run("Pernyataan Wiranto tersebut menanggapi permintaan TNI kepada DPR untuk dilibatkan dalam pemberantasan "
             "terorisme.", [("Wiranto", "PER", "per:w"), tni, dpr])
    assert actor_pairs(ev) == [("REQUEST", "org:tni", "org:dpr")]
    # An unnamed group there is not enough to tell a request again ("tuntutan jaksa").
    assert run("Vonis itu lebih ringan dari tuntutan jaksa yakni dua tahun penjara.", []).height == 0


def test_a_person_named_in_the_phrase_of_a_deed_noun_is_whom_it_was_done_to():
    wiranto = ("Wiranto", "PER", "per:wiranto")
    ev = run("Keduanya dihukum karena istri mereka mem-posting soal penusukan Menko Polhukam Wiranto di media sosial.",
             [wiranto])
    assert actor_pairs(ev) == [("ASSAULT", None, "per:wiranto")]
    # An organisation there is whose order it was, not who was held.
    kejari = ("Kejaksaan Negeri Majalengka", "ORG", "org:kejari")
    ev = run("Dasar penahanan adalah surat Perintah Penahanan Kepala Kejaksaan Negeri Majalengka.", [kejari])
    assert ("COERCE", None, "org:kejari") not in actor_pairs(ev)


def test_reporting_someone_to_the_police_needs_no_other_word_for_the_police():
    sm, dkm = ("SM", "PER", "per:sm"), ("Dewan Kerukunan Masjid", "ORG", "org:dkm")
    ev = run("SM sebelumnya juga telah dipolisikan oleh Dewan Kerukunan Masjid.", [sm, dkm])
    assert actor_pairs(ev) == [("ACCUSE", "org:dkm", "per:sm")]
    # "melaporkan" alone is any report; only with the police or a prosecutor is it an accusation.
    assert run("Dewan Kerukunan Masjid melaporkan SM ke media.", [sm, dkm]).height == 0
    # Reporting to the police with the bare verb: who reports accuses before the police.
    ev = run("Dewan Kerukunan Masjid sudah melapor ke polisi.", [sm, dkm])
    assert actor_pairs(ev) == [("ACCUSE", "org:dkm", "polisi")]
    assert run("Dewan Kerukunan Masjid melapor ke media.", [sm, dkm]).height == 0


def test_a_name_right_after_an_active_verb_the_parser_left_without_object_is_its_object():
    kpk, miryam = ("KPK", "ORG", "org:kpk"), ("Miryam", "PER", "per:miryam")
    ev = run("KPK menjerat Miryam dengan pasal 22 tentang Undang-Undang Pemberantasan Korupsi.", [kpk, miryam])
    assert actor_pairs(ev) == [("ACCUSE", "org:kpk", "per:miryam")]
    # Not for a passive, whose next name is its agent or nothing of the kind.
    ev = run("Miryam dijerat KPK dengan pasal 22.", [kpk, miryam])
    assert ("ACCUSE", "per:miryam", "org:kpk") not in actor_pairs(ev)


def test_an_act_placed_inside_a_body_is_aimed_at_it():
    kpk, pu = ("KPK", "ORG", "org:kpk"), ("Kementerian PU", "ORG", "org:pu")
    ev = run("Pada pertemuan itu, KPK mengimbau pelaporan gratifikasi di lingkungan Kementerian PU agar dapat "
             "disampaikan lengkap.", [kpk, pu])
    assert actor_pairs(ev) == [("REQUEST", "org:kpk", "org:pu")]
    # A place after "di" is where, not whom.
    ev = run("KPK mengimbau pelaporan gratifikasi di Jakarta.", [kpk, ("Jakarta", "LOC", "loc:jkt")])
    assert actor_pairs(ev) == [("REQUEST", "org:kpk", None)]


def test_breaking_off_relations_is_a_sanction_but_not_a_layoff():
    sau, qat = ("Arab Saudi", "COUNTRY", "cty:SAU"), ("Qatar", "COUNTRY", "cty:QAT")
    ev = run("Arab Saudi memutuskan hubungan dengan Qatar pada Senin.", [sau, qat])
    assert actor_pairs(ev) == [("SANCTION", "cty:SAU", "cty:QAT")]
    pt = ("PT Maju", "ORG", "org:maju")
    assert run("PT Maju memutuskan hubungan kerja dengan 300 buruh.", [pt]).height == 0


def test_an_actorless_verb_tells_the_last_event_again_only_when_it_is_near():
    boh, zhang = ("Boh Soon Ho", "PER", "per:boh"), ("Zhang Huaxiang", "PER", "per:zhang")
    first = "Boh Soon Ho menyerang Zhang Huaxiang di Singapura pada 2016. "
    filler = "Sidang itu dihadiri banyak wartawan. Hakim menunda sidang hingga pekan depan. "
    sg = ("Singapura", "COUNTRY", "cty:SGP")
    near = run(first + "Menurut polisi Singapura, apartemen itu diserang pada malam hari.", [boh, zhang, sg])
    assert ("ASSAULT", "per:boh", "per:zhang") in [p for p, r in zip(actor_pairs(near), near.iter_rows(named=True))
                                                   if r["sentence_id"] == 1]
    # In a roundup the next story's "kilang minyak Aramco diserang" is not Boh's attack ...
    sau = ("Arab Saudi", "COUNTRY", "cty:SAU")
    far = run(first + filler + "Arab Saudi mengaku bangga dengan sistem pertahanan mereka, setelah kilang minyak "
              "Aramco diserang pada akhir pekan lalu.", [boh, zhang, sau])
    assert [r["sentence_id"] for r in far.iter_rows(named=True)] == [0]
    # ... while the attack named again as a noun still is.
    noun = run(first + filler + "Serangan itu menewaskan korban.", [boh, zhang])
    assert 3 in noun["sentence_id"].to_list()


def test_a_building_named_for_a_body_the_article_names_stands_for_that_body():
    dpr, building = ("DPR", "ORG", "org:dpr"), ("Gedung DPR", "LOC", "loc:gedung-dpr")
    ev = run("DPR mengesahkan revisi UU KPK pada Selasa. Ribuan mahasiswa berunjuk rasa di depan Gedung DPR.",
             [dpr, building])
    assert ("PROTEST", "mahasiswa", "org:dpr") in actor_pairs(ev)
    # A building of a body the article never names stays a place.
    ev = run("Ribuan mahasiswa berunjuk rasa di depan Gedung Sate.", [("Gedung Sate", "LOC", "loc:sate")])
    assert actor_pairs(ev) == [("PROTEST", "mahasiswa", None)]


def test_an_agentless_step_of_the_law_is_taken_by_the_body_handling_the_case():
    kpk = ("KPK", "ORG", "org:kpk")
    polda = ("Polda Metro Jaya", "ORG", "org:polda")
    humas = ("Divisi Humas Mabes Polri", "ORG", "org:humas")
    miryam = ("Miryam S Haryani", "PER", "per:miryam")
    body = "KPK mengumumkan perkembangan kasus itu pada Senin. Miryam S Haryani dijerat dengan Pasal 22 UU Tipikor."
    assert ("ACCUSE", "org:kpk", "per:miryam") in actor_pairs(run(body, [kpk, miryam]))
    # The last body named before the step; a name before an unnamed "polisi"; never a spokesman's unit.
    body = ("Penyidik Polda Metro Jaya menerima laporan itu. Divisi Humas Mabes Polri membenarkannya. "
            "Polisi lalu memeriksa saksi. Miryam S Haryani ditahan sejak Selasa.")
    assert ("COERCE", "org:polda", "per:miryam") in actor_pairs(run(body, [polda, humas, miryam]))
    # An agent the parse missed ("oleh ...") is not replaced by the body named before.
    body = "KPK menyelidiki kasus itu. Miryam S Haryani ditangkap di bandara oleh petugas imigrasi."
    assert not any(p[1] == "org:kpk" for p in actor_pairs(run(body, [kpk, miryam])) if p[0] == "COERCE")
    # No body named: no agent made up.
    assert actor_pairs(run("Miryam S Haryani ditahan sejak Selasa.", [miryam])) == [("COERCE", None, "per:miryam")]


def test_who_becomes_a_suspect_or_is_charged_is_accused_by_the_body_handling_the_case():
    kpk = ("KPK", "ORG", "org:kpk")
    noel = ("Immanuel Ebenezer", "PER", "per:noel")
    for clause in ("Immanuel Ebenezer menjadi tersangka korupsi", "Immanuel Ebenezer disangkakan melanggar Pasal 12",
                   "Immanuel Ebenezer disangka melanggar Pasal 12", "Immanuel Ebenezer dijadikan tersangka"):
        ev = run(f"KPK menggelar operasi di Jakarta pekan lalu. {clause}.", [kpk, noel])
        assert actor_pairs(ev) == [("ACCUSE", "org:kpk", "per:noel")], clause



def test_an_allegation_naming_no_one_is_made_by_the_body_handling_the_case():
    kpk = ("KPK", "ORG", "org:kpk")
    bambang = ("Bambang Irianto", "PER", "per:bambang")
    naim = ("Bahrun Naim", "PER", "per:naim")
    body = "KPK menggelar konferensi pers pada Selasa. Bambang Irianto diduga menerima suap dari Kernel Oil."
    assert actor_pairs(run(body, [kpk, bambang])) == [("ACCUSE", "org:kpk", "per:bambang")]
    # Never who the parse hangs on it: "teroris yang diduga jaringan Bahrun Naim" accuses no Naim.
    body = "KPK menggelar konferensi pers pada Selasa. Dua teroris yang diduga jaringan Bahrun Naim melompati pagar."
    assert not [p for p in actor_pairs(run(body, [kpk, naim])) if p[0] == "ACCUSE"]
    # A guess at a cause accuses no one; nor does an allegation with no body handling a case.
    body = "KPK menggelar konferensi pers pada Selasa. Bambang Irianto diduga karena sakit tidak hadir."
    assert not [p for p in actor_pairs(run(body, [kpk, bambang])) if p[0] == "ACCUSE"]
    assert actor_pairs(run("Bambang Irianto diduga menerima suap dari Kernel Oil.", [bambang])) == []
    # A sentence that opens with "Diduga" hedges a clause: no one is accused.
    body = "KPK menetapkan Bambang Irianto sebagai tersangka. Diduga, Bambang Irianto menerima uang dari Kernel Oil."
    assert [p for p in actor_pairs(run(body, [kpk, bambang])) if p[0] == "ACCUSE"] == [("ACCUSE", "org:kpk", "per:bambang")]
    # Naming a suspect as a noun is the same body's accusation.
    body = "KPK menggelar konferensi pers pada Selasa. Penetapan tersangka terhadap Bambang Irianto dilakukan Jumat."
    assert actor_pairs(run(body, [kpk, bambang])) == [("ACCUSE", "org:kpk", "per:bambang")]

def test_we_of_a_speaker_named_before_with_a_post_is_their_organisation():
    wadi = [("Wadi Atmawijaya", "PER", "per:wadi"), ("Wadi", "PER", "per:wadi")]
    union = ("FBTPBI", "ORG", "org:fbtpbi")
    pertamina = ("Pertamina", "ORG", "org:pertamina")
    body = ('"Aksi ini berlangsung hingga 26 Juni," kata Wadi Atmawijaya, Humas FBTPBI, Minggu (18/6). '
            '"Kami juga menuntut Pertamina mengubah sistem kerja," kata Wadi.')
    assert ("REQUEST", "org:fbtpbi", "org:pertamina") in actor_pairs(run(body, [*wadi, union, pertamina]))
    # What the speaker did after the tag ("ujar Wadi, usai bertemu dengan FBTPBI") is no post.
    body = ('"Aksi ini berlangsung hingga 26 Juni," kata Wadi Atmawijaya, usai bertemu dengan FBTPBI. '
            '"Kami juga menuntut Pertamina mengubah sistem kerja," kata Wadi.')
    assert ("REQUEST", "per:wadi", "org:pertamina") in actor_pairs(run(body, [*wadi, union, pertamina]))


def test_they_in_what_a_body_says_is_that_body():
    hamas = ("Hamas", "ORG", "org:hamas")
    idf = ("tentara Israel", "ORG", "org:idf")
    egypt = ("Mesir", "COUNTRY", "cty:EGY")
    qatar = ("Qatar", "COUNTRY", "cty:QAT")
    body = ("Mesir dan Qatar menawarkan perundingan kepada Hamas pada Senin. "
            "Kini, Hamas mengklaim mereka menahan dua tentara Israel.")
    assert actor_pairs(run(body, [hamas, idf, egypt, qatar]))[-1] == ("COERCE", "org:hamas", "org:idf")


def test_staff_of_a_unit_act_for_the_body_named_after_the_unit():
    polda = ("Polda Jatim", "ORG", "org:polda")
    vk = ("Veronica Koman", "PER", "per:vk")
    ev = run("Penyidik Ditreskrimsus Polda Jatim menetapkan Veronica Koman sebagai tersangka.", [polda, vk])
    assert actor_pairs(ev) == [("ACCUSE", "org:polda", "per:vk")]


def test_what_someone_wants_done_is_no_event_of_its_own():
    polisi = ("Polres Belawan", "ORG", "org:polres")
    ationg = ("Ationg", "PER", "per:ationg")
    ev = run("Harapannya agar Polres Belawan segera menangkap Ationg dan menutup lokasi judi itu.", [polisi, ationg])
    assert ev.height == 0
    # A time clause inside says what happened.
    ev = run("Ationg ditembak di kaki agar tidak kabur saat ditangkap Polres Belawan.", [polisi, ationg])
    assert "COERCE" in {p[0] for p in actor_pairs(ev)}


def test_what_ought_to_be_done_is_no_event():
    kpk = ("KPK", "ORG", "org:kpk")
    jokowi = ("Joko Widodo", "PER", "per:jokowi")
    assert run("Menurut dia, KPK harus meminta izin Presiden Joko Widodo terlebih dulu.", [kpk, jokowi]).height == 0
    assert actor_pairs(run("KPK meminta izin Presiden Joko Widodo.", [kpk, jokowi])) == [("REQUEST", "org:kpk", "per:jokowi")]


def test_a_request_noun_without_whom_it_is_made_of_is_only_mentioned():
    saudi = ("pemerintah Arab Saudi", "ORG", "org:ksa")
    kemenag = ("Kementerian Agama", "ORG", "org:kemenag")
    assert run("Langkah ini merupakan permintaan langsung dari pemerintah Arab Saudi.", [saudi]).height == 0
    assert run("Kebijakan itu mengacu pada Instruksi Presiden Nomor 6 Tahun 2025.", []).height == 0
    ev = run("Permintaan pemerintah Arab Saudi kepada Kementerian Agama disampaikan Senin.", [saudi, kemenag])
    assert actor_pairs(ev) == [("REQUEST", "org:ksa", "org:kemenag")]


def test_the_possessor_of_a_patient_noun_of_the_lexicon_is_the_one_it_is_done_to():
    kpk = ("KPK", "ORG", "org:kpk")
    fy = ("Fredrich Yunadi", "PER", "per:fy")
    ev = run("KPK hingga kini masih melengkapi berkas pemeriksaan Fredrich Yunadi terkait kasus tersebut.", [kpk, fy])
    assert actor_pairs(ev) == [("ACCUSE", "org:kpk", "per:fy")]


def test_a_bare_role_noun_refers_back_to_the_person_named_in_that_role():
    body = ("Polisi menangkap Nikolai Patrushev, tersangka pembunuhan itu, di Moskow. "
            "Tersangka kemudian ditahan polisi di Moskow.")
    clean, mentions, actors = frames([("a1", body, utc(2021, 6, 22), None, [NP])])
    mentions = mentions.with_columns(role=pl.lit("tersangka"))
    ev = extract_events(clean, mentions, actors)
    held = ev.filter(pl.col("trigger") == "ditahan")
    assert held["actor2_id"].to_list() == ["per:np"]
    # Counted or followed by a name, the role noun is not the one named before.
    body = "Polisi menangkap Nikolai Patrushev, tersangka pembunuhan itu. Dua tersangka lain ditahan polisi."
    clean, mentions, actors = frames([("a1", body, utc(2021, 6, 22), None, [NP])])
    ev = extract_events(clean, mentions.with_columns(role=pl.lit("tersangka")), actors)
    assert "per:np" not in ev.filter(pl.col("trigger") == "ditahan")["actor2_id"].to_list()


def test_who_denies_an_accusation_is_the_one_it_accuses():
    ev = run("Rusia telah membantah tuduhan Myanmar terkait serangan itu.", [RUS, MMR])
    assert ("ACCUSE", "cty:MMR", "cty:RUS") in actor_pairs(ev)
    assert ("REJECT", "cty:RUS", "cty:MMR") in actor_pairs(ev)
    # Only an accusation: a refused meeting is not aimed at who refuses it.
    ev = run("Rusia menolak pertemuan Myanmar.", [RUS, MMR])
    assert ("CONSULT", "cty:MMR", "cty:RUS") not in actor_pairs(ev)
    # A court that rejects a suit is not the one the suit accuses.
    ptun = ("PTUN", "ORG", "org:ptun")
    ev = run("PTUN menolak gugatan Myanmar terkait pencabutan izin.", [ptun, MMR])
    assert ("ACCUSE", "cty:MMR", "org:ptun") not in actor_pairs(ev)


def test_members_listed_after_a_reference_are_who_it_stands_for():
    body = ("Polisi menangkap dua pelaku yang mengeroyok Vladimir Putin. "
            "Kedua pelaku yakni Nikolai Patrushev (37) dan Min Aung Hlaing (31) ditangkap polisi di Moskow.")
    ev = run(body, [PUTIN, NP, MAH])
    held = ev.filter(pl.col("sentence_id") == 1)
    assert sorted(held["actor2_id"].to_list()) == ["per:mah", "per:np"]


def test_common_unnamed_groups_are_whom_a_request_is_made_of():
    djarot = ("Djarot Saiful Hidayat", "PER", "per:djarot")
    ev = run("Djarot Saiful Hidayat meminta semua kader agar mengupayakan kemenangan di Pilpres.", [djarot])
    assert ("REQUEST", "per:djarot", "kader") in actor_pairs(ev)
    ev = run("Djarot Saiful Hidayat mendorong agar partai politik terus melakukan pembenahan internal.", [djarot])
    assert ("REQUEST", "per:djarot", "partai politik") in actor_pairs(ev)
    ev = run("Polisi menangkap komplotan begal di Medan.", [])
    assert ("COERCE", "polisi", "komplotan") in actor_pairs(ev)
    ev = run("Geng motor menyerang Djarot Saiful Hidayat di Medan.", [djarot])
    assert ("ASSAULT", "geng motor", "per:djarot") in actor_pairs(ev)


def test_meetings_held_as_a_closed_session_a_call_or_courtesy_talk():
    ev = run("Vladimir Putin melakukan rapat tertutup dengan Nikolai Patrushev di Moskow.", [PUTIN, NP])
    assert ("CONSULT", "per:putin", "per:np") in actor_pairs(ev)
    ev = run("Vladimir Putin bertelepon dengan Min Aung Hlaing pada Senin.", [PUTIN, MAH])
    assert ("CONSULT", "per:putin", "per:mah") in actor_pairs(ev)
    ev = run("Vladimir Putin kemudian melanjutkan ramah tamah dengan Min Aung Hlaing.", [PUTIN, MAH])
    assert ("CONSULT", "per:putin", "per:mah") in actor_pairs(ev)


def test_stepping_down_from_office_is_a_concession_not_a_withdrawal():
    ev = run("Nikolai Patrushev menyatakan mundur dari jabatannya sebagai menteri.", [NP])
    assert [e[0] for e in actor_pairs(ev)] == ["CONCEDE"]
    ev = run("Rusia menarik pasukan dari Suriah.", [RUS, ("Suriah", "COUNTRY", "cty:SYR")])
    assert ("RETREAT", "cty:RUS", "cty:SYR") in actor_pairs(ev)
