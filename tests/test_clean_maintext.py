"""Choosing the main text between trafilatura's precision and recall modes (warta/clean/maintext.py)."""

from warta.clean.maintext import choose_main_text

LEDE = ("VIVA.co.id - Otoritas Thailand menghabiskan waktu hampir empat hari sebelum memastikan kasus pertama "
        "MERS di negara itu, sebuah keterlambatan yang dinilai berisiko.")
STORY = [
    "Dilansir dari Reuters, Kementerian Kesehatan Thailand mengatakan seorang pengusaha dari Oman positif MERS.",
    "Menteri Kesehatan Publik Rajata Rajatanavin menyebut 59 orang telah melakukan kontak dengan pengusaha itu.",
    "Sebanyak 59 orang yang diawasi termasuk sebagian penumpang yang satu pesawat dengan pengusaha Oman tersebut.",
    "Tiga dari 59 orang itu sudah dikarantina di rumah sakit, sementara lainnya diawasi di rumah masing-masing.",
]


def test_a_lead_that_precision_mode_dropped_comes_back():
    recall = ["Thailand Butuh Empat Hari Sebelum Pastikan ada MERS", "Jum'at, 19 Juni 2015 | 13:12 WIB",
              "Staf laboratorium memeriksa sampel di Bangkok. (REUTERS/Chaiwat Subprasom)", LEDE] + STORY
    assert choose_main_text("\n".join(STORY), "\n".join(recall)) == "\n".join([LEDE] + STORY)


def test_a_deck_without_a_dateline_does_not_come_back():
    deck = ("There are more devices, platforms and services to choose from than ever before, and here is how "
            "to figure out what is best for your play habits and your wallet.")
    assert choose_main_text("\n".join(STORY), "\n".join([deck] + STORY)) == "\n".join(STORY)


def test_a_failed_precise_text_gives_way_to_recall():
    recall = "\n".join([LEDE] + STORY * 3)
    assert choose_main_text("Baca juga berita lainnya di sini.", recall) == recall


def test_teasers_that_recall_mode_shows_in_a_list_go():
    teaser = "Harga emas batangan produksi PT Aneka Tambang Tbk turun Rp5.000 menjadi Rp1.905.000 per gram."
    other = "Menteri Keuangan menyampaikan realisasi penerimaan pajak hingga April 2025 mencapai Rp557,1 triliun."
    precise = "\n".join([teaser, LEDE] + STORY + [other])
    recall = "\n".join([LEDE] + STORY + [
        f"- Harga Emas Antam Hari Ini Turun Rp5.000 per Gram Rabu, 21 Mei 2025 14:10 WIB {teaser}",
        f"- Sri Mulyani Ungkap Realisasi Penerimaan Pajak Rabu, 21 Mei 2025 13:55 WIB {other}",
    ])
    assert choose_main_text(precise, recall) == "\n".join([LEDE] + STORY)
