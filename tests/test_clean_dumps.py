"""Repairs of scraped text dumps (warta/clean/dumps.py) and what the cleaner makes of them.

The examples copy the marks of the CLICK-ID and IndoSum dumps (commas for paragraph
breaks, Mac Roman mojibake, tokenised punctuation, a cut dateline); the sentences are
written for the tests.
"""

from warta.clean.article import clean_document
from warta.clean.dumps import detokenise, repair_dump, split_comma_joins
from warta.text.decoding import repair_mac_roman
from warta.text.sentences import sentence_spans

COMMAS = (
    " - Satresnarkoba Polres Anambas mengamankan dua orang di Tanjungpinang, Kepulauan Riau.,Penangkapan keduanya "
    "merupakan hasil pengembangan kasus narkoba.,\"Keduanya diduga sebagai pemasok sabu,\" kata Zulmi kepada,, "
    "Selasa (10/9/2019).,,,Zulmi menjelaskan, awalnya personel mengamankan Indra di hotel Panorama.,Harga sabu "
    "itu Rp 1,5 juta per gram, kata Zulmi."
)


def test_mojibake_from_mac_roman_is_undone():
    assert repair_mac_roman("kata dia ‚Äúsaya‚Äù di Kecamatan¬† Tanjungpinang ‚Äì Caf√©") == (
        "kata dia “saya” di Kecamatan\u00a0 Tanjungpinang – Café")
    assert repair_mac_roman("“Étienne” dan Caf\u00e9") == "“Étienne” dan Caf\u00e9"  # real text stays


def test_comma_joined_paragraphs_come_apart():
    fixed = repair_dump(COMMAS)
    paragraphs = fixed.split("\n\n")
    assert paragraphs[0].startswith("Satresnarkoba")  # the cut dateline " - " is gone
    assert len(paragraphs) == 5
    assert paragraphs[2] == '"Keduanya diduga sebagai pemasok sabu," kata Zulmi kepada, Selasa (10/9/2019).'
    assert "Rp 1,5 juta" in paragraphs[4]


def test_joins_with_a_space_beside_the_comma_come_apart_too():
    text = ("Myanmar membantah tuduhan itu. ,Akan tetapi, upaya repatriasi gagal. ,Myanmar menyalahkan Bangladesh. "
            ",Sebagian ditanya soal nama pimpinan KPK., Yanti tidak tahu. Ia membeli buku, pena, dll., dan pulang.")
    paragraphs = split_comma_joins(text).split("\n\n")
    assert [p.split()[0] for p in paragraphs] == ["Myanmar", "Akan", "Myanmar", "Sebagian", "Yanti"]
    assert paragraphs[-1].endswith("pena, dll., dan pulang.")  # a list's "dll.," is no join


def test_sentences_are_recoverable_after_the_repair():
    body = clean_document({"format": "jsonl-text", "text": COMMAS})["body"]
    sentences = [body[s:e] for s, e in sentence_spans(body)]
    assert sentences[0].startswith("Satresnarkoba") and sentences[0].endswith("Kepulauan Riau.")
    assert any(s.startswith("Penangkapan keduanya") for s in sentences)


def test_ordinary_text_is_untouched():
    text = "Harga naik 1,5 persen.\n\nMenurut dia, harga akan turun. \"Kami menunggu,\" katanya."
    assert repair_dump(text) == text
    assert split_comma_joins("Dia datang.,Lalu pergi.") == "Dia datang.,Lalu pergi."  # one join is no dump


def test_tokenised_text_is_joined_up():
    text = ("Jakarta , CNN Indonesia - - Ketua MPR Zulkifli Hasan menyesalkan kisruh transportasi online . "
            "\" Tidak hanya tarif tapi apa saja harus diatur , \" ucap Zulkifli di Gedung DPR , Senin ( 27 / 3/ 2017 ) . "
            "Mudah - mudahan bentrokan - bentrokan tidak terjadi .")
    assert detokenise(text) == (
        "Jakarta, CNN Indonesia -- Ketua MPR Zulkifli Hasan menyesalkan kisruh transportasi online. "
        "\"Tidak hanya tarif tapi apa saja harus diatur,\" ucap Zulkifli di Gedung DPR, Senin (27/3/2017). "
        "Mudah-mudahan bentrokan-bentrokan tidak terjadi.")
    out = clean_document({"format": "jsonl-text", "text": text + "\n\nBaca_Juga\n\n( ard )"})
    assert out["dateline"] == "Jakarta" and out["outlet_id"] == "cnn-indonesia"
    assert out["published_at"] is not None  # "Senin (27/3/2017)" reads as a date again
    assert "Baca_Juga" not in out["body"] and "ard" not in out["body"]
