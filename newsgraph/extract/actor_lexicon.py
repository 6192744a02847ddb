"""Word lists the actors extractor reasons with.  Written for newsgraph from
ordinary English news usage; not derived from any evaluation set."""

from __future__ import annotations

import re

from .. import lexicons

# Nouns that name a role, office or function a person holds.
ROLE_NOUNS = lexicons.words("role_titles", "role")

# Head nouns that make a name an organisation ("Asa'ib Ahl al-Haq movement").
ORG_HEADS = frozenset(
    """
    group movement party militia brigade brigades battalion battalions units unit council ministry
    department agency office committee commission authority organization organisation union alliance
    coalition association federation front army forces force navy corps guard guards police service
    services court parliament assembly congress senate bank company corporation firm institute university
    college school hospital foundation fund network bureau administration government cabinet regime
    faction wing militias federation league society institution board tribunal directorate command
    mission network channel newspaper agency broadcaster club team consortium church
    """.split()
)

# Words that mark an organisation's own name whatever the tagger thinks.
ORG_NAME_WORDS = frozenset(
    """
    kata'ib kataib kata'eb kataeb katayib asa'ib asaib harakat hizb hezbollah hizbollah hizbullah hamas taliban jaish liwa
    saraya ansar brigade brigades battalion battalions militia movement party front council ministry
    army forces corps union league committee commission agency organization organisation institute
    foundation association federation alliance coalition group
    """.split()
)

ARMED_WORDS = frozenset(
    """
    militia militias brigade brigades battalion battalions army forces corps guard guards jaish liwa
    saraya kata'ib kataib kata'eb kataeb asa'ib asaib hezbollah hizbollah hizbullah hamas taliban insurgents rebels
    resistance mobilization mobilisation paramilitary armed fighters
    """.split()
)
PARTY_WORDS = frozenset({"party", "hizb", "democrats", "republicans", "labour", "conservatives"})
GOV_WORDS = frozenset(
    """
    ministry department government cabinet administration parliament senate congress assembly
    presidency kremlin court office police
    """.split()
)
MEDIA_WORDS = frozenset(
    """
    news times post herald tribune journal gazette telegraph guardian agency tv television radio
    broadcasting broadcaster press network channel daily magazine
    """.split()
)
IGO_NAMES = frozenset(
    {
        "united nations", "un", "nato", "european union", "eu", "african union", "arab league",
        "world bank", "imf", "international monetary fund", "who", "world health organization",
        "red cross", "opec", "asean", "icc", "international criminal court", "interpol", "unesco",
        "unicef", "unhcr", "wto", "iaea", "osce", "g7", "g20", "security council", "un security council",
    }
)

# Particles a surname may carry or drop ("al-Hakim" / "Hakim", "van Gogh" / "Gogh"); see coref.names.
NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "bin", "ibn", "bint", "abu", "de", "van", "von",
                            "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das", "ter", "ten"})

# Prepositions after which a capital names a place rather than a government.
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "into", "throughout", "within", "from", "to",
     "toward", "towards", "over", "through", "via", "between-cities"}
)

# Relations that put one organisation inside another: "X, which is part of Y".
PART_OF_NOUNS = frozenset({"part", "member", "unit", "faction", "arm", "wing", "branch", "affiliate",
                           "subsidiary", "division", "component"})

# Words that count, rank or compare but say nothing about an actor ("many", "other", "senior"):
# a label made only of these (with numbers and determiners) is not a label.
NON_LABEL_WORDS = frozenset(
    """
    many much more most other others another several few fewer some any all each every both such own various
    numerous certain same senior junior top main major key leading big bigger biggest large larger largest small
    smaller great greater greatest new newer current former late then longtime long-time first second third last
    next previous early earlier later recent only sole whole entire full half total average overall
    this that these those old little minor local national fellow ranking real back prominent
    congressional parliamentary legislative registered
    one ones thousands millions billions hundreds dozens scores lot lots number numbers times part kind sort type way
    """.split()
)


def meaningful_label(text: str) -> bool:
    """Whether a label says something about the actor.

    Not only quantifiers, degree or relational words ("many", "other senior", "fellow", "the
    ones", "prominent"), nor the classifiers that pick a subset of a group ("congressional" or
    "registered" Republicans), not a number or share ("46 percent"), not a dateline or wire acronym ("AFP"), not a
    handle or address ("@someone").  The one test for label text: the extractor drops such labels
    when it finds them, and the actor profile applies it again to analyses stored before a rule
    was added, so both always agree."""
    words = re.findall(r"[\w'’-]+", text)
    if not words or any(ch.isdigit() for ch in text) or re.search(r"(?i)\b(?:percent|per cent)\b|%|@|://", text):
        return False
    if all(w.isupper() and len(w) > 1 for w in words):
        return False  # "AFP", "AP": a dateline or an agency, not a description
    content = [w for w in words if w.lower() not in NON_LABEL_WORDS and w.lower() not in {"the", "a", "an"}
               and len(w.strip("'’-")) > 1 and w.lower() not in {"'s", "’s"}]
    return bool(content)
