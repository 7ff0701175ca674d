"""Block-level boilerplate (warta/clean/blocks.py) through classify_lines.

The furniture below is written after what the issue saw on real pages and dumps (tempo's
"- 35 detik lalu ..." rows, okezone's "BERITA LAINNYA" rows with times, republika's "FOTO
TERKAIT:", a "related questions" widget of "Question? answer." items between "-" lines);
the stories are invented.
"""

from warta.clean.blocks import teaser_row
from warta.clean.boilerplate import classify_lines

TITLE = "Kemenhub Kaji Ulang Tarif Ojek Online, Aplikator Diminta Transparan"
STORY = [
    "JAKARTA - Kementerian Perhubungan mengkaji ulang skema tarif ojek online menyusul protes pengemudi di sejumlah kota.",
    "Direktur Jenderal Perhubungan Darat Aan Suhanan mengatakan pemerintah ingin skema tarif yang adil bagi pengemudi.",
    '"Kami minta aplikator membuka struktur biayanya secara transparan," kata Aan di Jakarta, Rabu (21/5/2025).',
    "Kemenhub menargetkan revisi aturan tarif ojek online rampung sebelum akhir Juni 2025.",
]


def kept(lines, title=TITLE):
    v = classify_lines(lines, title)
    return [line for line, keep in zip(v.lines, v.keep) if keep]


def test_bullet_rows_with_relative_times_go():
    rows = ["- 35 detik lalu Kapolri Mutasi 12 Kapolda, Ini Daftar Lengkapnya",
            "- 4 menit lalu Harga Cabai Rawit di Pasar Induk Kramat Jati Tembus Rp90 Ribu",
            "- 9 menit lalu Timnas Indonesia U-23 Tiba di Jakarta Usai Piala AFF"]
    assert kept(STORY + rows) == STORY
    assert kept(STORY[:2] + rows + STORY[2:]) == STORY


def test_rows_with_headline_clock_time_and_teaser_go():
    rows = [
        ("- Harga Emas Antam Hari Ini Turun Rp5.000 per Gram Rabu, 21 Mei 2025 14:10 WIB Harga emas batangan "
         "produksi PT Aneka Tambang Tbk turun Rp5.000 menjadi Rp1.905.000 per gram."),
        ("- IHSG Ditutup Menguat ke Level 7.150 Jelang Libur Panjang 21/5/2025 13:40 Indeks Harga Saham Gabungan "
         "ditutup menguat 0,8 persen."),
    ]
    assert kept(STORY + ["BERITA LAINNYA"] + rows) == STORY
    assert kept(STORY + rows) == STORY  # without the heading too


def test_headline_and_date_pairs_go_with_their_teasers():
    block = ["Harga Emas Antam Hari Ini Turun Rp5.000 per Gram", "Rabu, 21 Mei 2025 14:10 WIB",
             "Harga emas batangan produksi PT Aneka Tambang Tbk turun Rp5.000 per gram.",
             "Sri Mulyani Ungkap Realisasi Penerimaan Pajak hingga April 2025", "Rabu, 21 Mei 2025 13:55 WIB",
             "Menteri Keuangan menyampaikan realisasi penerimaan pajak mencapai Rp557,1 triliun."]
    assert kept(STORY + block) == STORY


def test_the_story_own_dates_are_not_teasers():
    lines = [
        "Pemain sepakbola Dejan Stankovic lahir di Kota Beograd, Yugoslavia, pada 11 September 1978.",
        "Almarhum Prof. BJ Habibie meninggal Rabu, 11 September 2019 di RSPAD Gatot Soebroto dalam usia 83 tahun.",
        "Dirangkum detikcom, Jumat (17/10/2025), rentetan demonstrasi Gen Z di Peru telah berlangsung sejak September.",
        "Senin, 12 Mei 2025 pukul 10.00 WIB, polisi tiba di lokasi dan memasang garis polisi.",
        "Selasa, 13 Mei 2025 pukul 08.00 WIB, tersangka ditangkap di rumahnya di Bekasi.",
    ]
    assert kept(lines) == lines
    assert all(teaser_row(line) is None for line in lines)


def test_published_and_updated_lines_are_not_a_list():
    lines = ["Kemenhub Kaji Ulang Tarif Ojek Online", "Rabu, 21 Mei 2025 14:32 WIB",
             "Diperbarui Rabu, 21 Mei 2025 15:00 WIB"] + STORY
    assert kept(lines)[-len(STORY):] == STORY


def test_sections_to_the_end():
    for marker in ("FOTO TERKAIT:", "BERITA LAINNYA", "Artikel Pilihan", "Pertanyaan terkait", "0 Komentar"):
        tail = [marker, "Suasana Manasik Haji Akbar di Asrama Haji Pondok Gede",
                "Petugas Haji Ikuti Pelatihan Terpadu di Jakarta"]
        assert kept(STORY + tail) == STORY, marker


def test_a_table_row_byline_goes_and_names_the_editor():
    v = classify_lines(STORY + ["| Redaktur | Muhammad Hafil |"], TITLE)
    assert [line for line, k in zip(v.lines, v.keep) if k] == STORY
    assert v.editor == "Muhammad Hafil"


WIDGET = [
    "-",
    "Apa itu ojek online? Ojek online adalah layanan ojek yang dipesan lewat aplikasi di ponsel.",
    "-",
    "Siapa Nadiem Makarim? Nadiem Makarim adalah pendiri Gojek dan mantan Menteri Pendidikan.",
    "-",
    "Kapan Gojek didirikan? Gojek didirikan pada 2010 sebagai layanan panggilan ojek.",
    "-",
    "Berapa tarif ojek online di Jakarta? Tarif batas bawah ojek online di Jakarta Rp2.550 per kilometer.",
    "-",
    "Bagaimana cara menjadi mitra Grab? Calon mitra mendaftar lewat aplikasi Grab Driver.",
    "-",
    "Mengapa pengemudi ojol berdemo? Pengemudi menuntut potongan aplikasi paling tinggi 10 persen.",
    "-",
]


def test_a_related_questions_widget_between_separators_goes():
    assert kept(STORY + WIDGET) == STORY
    assert kept(STORY[:2] + WIDGET + STORY[2:]) == STORY


def test_question_widget_without_separators_at_the_end_goes():
    widget = [line for line in WIDGET if line != "-"]
    assert kept(STORY + widget) == STORY


def test_an_interview_keeps_its_questions():
    interview = [
        "Bagaimana tanggapan Anda soal protes pengemudi ojek online?",
        "Kami mendengar semua masukan pengemudi dan akan membahasnya bersama aplikator dalam waktu dekat.",
        "Apakah tarif ojek online akan naik?",
        "Kenaikan tarif belum diputuskan; kami masih menghitung biaya jasa bersama asosiasi pengemudi.",
    ]
    assert kept(STORY + interview) == STORY + interview


def test_story_sections_between_separators_stay():
    section = ("Turbulent polling across the early voting states has created a murky picture of the top tier, "
               "and as much as the front-runner still leads nationally, his rivals have closed the gap in Iowa "
               "and New Hampshire over the past month while the others struggle to raise money.")
    lines = STORY + ["___", "WHO IS THE FRONT-RUNNER?", section, "___", "HOW WILL OBAMA PLAY?", section, "___"]
    assert kept(lines) == STORY + ["WHO IS THE FRONT-RUNNER?", section, "HOW WILL OBAMA PLAY?", section]


def test_a_list_of_other_headlines_between_furniture_goes():
    lines = STORY + ["Baca juga: Ribuan Pengemudi Ojol Demo di Patung Kuda",
                     "Timnas Indonesia Menang 2-0 atas Filipina", "Harga Beras Naik Jelang Ramadhan",
                     "Baca juga: Pertamina Pastikan Stok BBM Aman"]
    assert kept(lines) == STORY


def test_data_lines_at_the_end_of_a_story_stay():
    lines = STORY + ["Baca juga: Ribuan Pengemudi Ojol Demo di Patung Kuda", "VIP : Rp600.000",
                     "Reguler : Rp300.000", "Baca juga: Pertamina Pastikan Stok BBM Aman"]
    assert kept(lines) == STORY + ["VIP : Rp600.000", "Reguler : Rp300.000"]
