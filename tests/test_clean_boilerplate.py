"""Line-level boilerplate removal (warta/clean/boilerplate.py)."""

from warta.clean.boilerplate import classify_lines, photo_credit


def kept(lines):
    v = classify_lines(lines)
    return [line for line, keep in zip(v.lines, v.keep) if keep]


STORY = [
    "Pemerintah Rusia dan junta militer Myanmar sepakat memperkuat kerja sama keamanan.",
    "Dalam kunjungan ke Moskow, Min Aung Hlaing bertemu dengan Nikolai Patrushev.",
]


def test_drops_ads_scroll_markers_and_gambas():
    lines = [STORY[0], "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", STORY[1], "[Gambas:Video CNN]"]
    assert kept(lines) == STORY


def test_read_also_line_with_headline_is_dropped():
    lines = [STORY[0], "Baca juga: Paus Fransiskus Memohon Pemimpin Militer Buka Koridor", STORY[1]]
    assert kept(lines) == STORY


def test_lone_marker_keeps_the_content_line_after_it():
    quote = ('Myanmar adalah mitra strategis kami yang telah teruji waktu. Kerja sama di bidang militer '
             'adalah bagian penting," terang Menteri Pertahanan Sergei Shoigu.')
    assert kept([STORY[0], "BACA JUGA:", quote, STORY[1]]) == [STORY[0], quote, STORY[1]]


def test_lone_marker_drops_a_headline_after_it():
    assert kept([STORY[0], "Baca Juga:", "Rusia Kirim Jet Tempur ke Myanmar", STORY[1]]) == STORY


def test_video_promos_are_dropped():
    lines = [STORY[0], "Simak juga Video 'Janji Mensos ke Prabowo: Tak Akan Korupsi':",
             'Tonton juga video "Prabowo Puji Jokowi" di sini:', "Saksikan Live DetikPagi :", STORY[1]]
    assert kept(lines) == STORY


def test_a_line_starting_with_terkait_is_content():
    line = "Terkait hal ini, Menteri Dalam Negeri Tito Karnavian mengungkapkan mandat dari Presiden."
    assert kept([STORY[0], line]) == [STORY[0], line]


def test_related_block_and_menus_after_tail_marker_are_dropped():
    lines = STORY + ["Berita terkait", "Tentara AS Ditahan di Rusia", "4 jam lalu",
                     "Rusia menuduh tentara AS terlibat pencurian.", "Baca Selengkapnya"]
    assert kept(lines) == STORY
    lines = STORY + ["Tags", "Artikel Pilihan", "Terkini", "Terpopuler", "Kabar Daerah", "x"]
    assert kept(lines) == STORY


def test_teasers_outside_a_tail_block_are_dropped():
    lines = STORY + ["Ukraina Tolak Akui Putin", "2 jam lalu", "Ukraina Tolak Akui Putin",
                     "Kementerian Luar Negeri Ukraina mengatakan tidak ada dasar hukum.", "Baca Selengkapnya"]
    assert kept(lines) == STORY


def test_closing_initials_are_cut_from_the_last_line():
    v = classify_lines([STORY[0], "Hanya satu negara, Belarus, yang menentangnya. (haninmazaya/arrahmah.com)", "(blq/dna)"])
    assert [ln for ln, k in zip(v.lines, v.keep) if k] == [STORY[0], "Hanya satu negara, Belarus, yang menentangnya."]


def test_editor_and_source_lines():
    v = classify_lines(STORY + ["Editor: Gracia Tanu Wijaya", "Sumber: Al Jazeera"])
    assert v.editor == "Gracia Tanu Wijaya"
    assert v.source_notes == ["Al Jazeera"]
    assert sum(v.keep) == 2
    v = classify_lines(STORY + ["Reporter: Desty Luthfiani Editor: Sunudyantoro"])
    assert v.editor == "Sunudyantoro"


def test_photo_captions_and_credits():
    assert photo_credit("Min Aung Hlaing memimpin parade militer di Naypyitaw. [REUTERS / Stringer]")[1] == "REUTERS / Stringer"
    assert photo_credit("Suasana di perbatasan Myanmar. Foto: AFP/MANAN VATSYAYANA")[1] == "AFP/MANAN VATSYAYANA"
    assert photo_credit("Warga menembus banjir di Bekasi. KOMPAS.com/FIRDA JANATI") is not None
    assert photo_credit("(Foto: dok. Cetaphil)") is not None


def test_sentence_ending_in_an_abbreviation_pair_is_not_a_caption():
    line = "Kemnaker melibatkan lembaga negara dalam program magang bergaji upah minimum (UMK/UMP)."
    assert photo_credit(line) is None
    assert kept([line]) == [line]


def test_subtitle_repeated_as_caption_is_dropped():
    deck = "Myanmar dan Rusia, dua rezim yang dikenal paling terisolasi di dunia saling bertemu bahas kerja sama."
    v = classify_lines([deck, deck + " /Reuters/Stringer."] + STORY)
    assert [ln for ln, k in zip(v.lines, v.keep) if k] == STORY
    assert v.photo_credits == ["Reuters/Stringer."]


def test_leading_bare_domain_is_dropped():
    v = classify_lines(["yoldash.net"] + STORY)
    assert sum(v.keep) == 2 and v.site_domain == "yoldash.net"


def test_syndication_and_byline_lines():
    v = classify_lines(STORY + [
        "Artikel ini telah tayang di Tribunnews.com dengan judul Judul Panjang, https://www.tribunnews.com/x",
        "Laporan Wartawan Tribunnews.com, Ibriza Fasti Ifhami",
        "Anggi Muliawati - detikNews",
        "(fmi)",
        "Follow Berita Okezone di Google News",
    ])
    assert [ln for ln, k in zip(v.lines, v.keep) if k] == STORY
    assert v.source_notes == ["Tribunnews.com"]


def test_unknown_syndication_target_is_not_a_source():
    v = classify_lines(STORY + ["Artikel ini telah tayang di situs kami sebelumnya."])
    assert v.source_notes == [] and sum(v.keep) == 2


def test_breadcrumbs_and_tag_lines():
    lines = ["Home > Berita > Internasional"] + STORY + ["Tag: banjir bekasi bpbd"]
    assert kept(lines) == STORY
    comparison = "Harga naik > 10 persen menurut BPS."
    assert kept([comparison]) == [comparison]


def test_label_runs_at_either_end_are_menus_but_results_lists_stay():
    lines = ["Jabodetabek", "Hukum", "Daerah"] + STORY + ["banjir bekasi", "bpbd"]
    assert kept(lines) == STORY
    results = ["Skor: 3,35", "Skor: 3,32", "Skor: 3,26"]
    assert kept(STORY + results) == STORY + results


def test_a_weak_marker_followed_by_story_is_a_subheading():
    story = ("Pemerintah menyatakan bahwa kebijakan baru ini akan mulai berlaku pada bulan depan dan "
             "diharapkan dapat menurunkan harga bahan pokok di seluruh daerah.")
    assert kept(STORY + ["Terbaru", story]) == STORY + ["Terbaru", story]
    assert kept(STORY + ["Terkini", "Judul Berita A", "Judul Berita B"]) == STORY


def test_lone_marker_with_a_list_of_links():
    lines = [STORY[0], "Baca Juga", "Cek Penerima Bansos PKH Desember 2024", "Mensos Tinjau Lumbung Sosial di NTT", STORY[1]]
    assert kept(lines) == STORY


def test_closing_agency_tag_is_a_source():
    v = classify_lines([STORY[0], "Pertemuan itu membahas bantuan kemanusiaan, kata dia. (Antara)", "(AFP)"])
    assert [ln for ln, k in zip(v.lines, v.keep) if k] == [STORY[0], "Pertemuan itu membahas bantuan kemanusiaan, kata dia."]
    assert v.source_notes == ["Antara", "AFP"]
    line = "Rapat dihadiri anggota Komisi I DPR (Fraksi PDIP)"
    assert kept([line]) == [line]


def test_editor_names():
    from warta.clean.boilerplate import EDITOR

    def name(text):
        m = EDITOR.search(text)
        return m.group("name") if m else None

    assert name("Pewarta: Yuni Arisandy\nEditor: Atman Ahdiat\nCOPYRIGHT © ANTARA") == "Atman Ahdiat"
    assert name("Penulis Firda Janati | Editor Ambaranie Nadia") == "Ambaranie Nadia"
    assert name("Pilihan Editor: Survei Terbaru Pilkada Jakarta, Siapa Unggul?") is None
    assert name("Editor senior majalah itu mengatakan bahwa") is None


def test_bracketed_initials_and_kontan_dateline():
    from warta.clean.metadata import parse_dateline

    v = classify_lines([STORY[0], "Isi kedua yang menutup berita. [ded]", "[sya]"])
    assert [ln for ln, k in zip(v.lines, v.keep) if k] == [STORY[0], "Isi kedua yang menutup berita."]
    line = "KONTAN.CO.ID - JAKARTA. Bank Indonesia menahan suku bunga."
    parsed = parse_dateline(line)
    assert (parsed.place, parsed.outlet_id, line[parsed.end:]) == ("JAKARTA", "kontan", "Bank Indonesia menahan suku bunga.")
