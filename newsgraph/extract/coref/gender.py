"""Grammatical gender of a person mention, from evidence a reader would use.

Why its own module: gender is what lets "she" skip past "Donald Trump" to "Hillary Clinton", and
it must come from evidence, never a guess.  Three sources, strongest first: an honorific
("Mrs.", "Mr."), pronouns already tied to the entity, and the given name looked up in the
``gender-guesser`` package's name registry (a maintained list; newsgraph ships no names of its
own).  Names the registry calls androgynous or does not know give no gender.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

Gender = Literal["female", "male"]

#: Honorifics that state a gender (lower case, without the period).
HONORIFIC_GENDER: dict[str, Gender] = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male", "monsieur": "male", "herr": "male",
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female", "madame": "female",
    "dame": "female", "lady": "female", "mme": "female", "mlle": "female",
}

PRONOUN_GENDER: dict[str, Gender] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}

#: Kinship nouns: "Marlow, her father" states the mention's gender as plainly as "Mr." does.
KINSHIP_GENDER: dict[str, Gender] = {
    "father": "male", "son": "male", "brother": "male", "husband": "male", "uncle": "male", "nephew": "male",
    "grandfather": "male", "grandson": "male", "stepfather": "male", "stepson": "male", "widower": "male",
    "mother": "female", "daughter": "female", "sister": "female", "wife": "female", "aunt": "female",
    "niece": "female", "grandmother": "female", "granddaughter": "female", "stepmother": "female",
    "stepdaughter": "female", "widow": "female",
}


def honorific_gender(title: str) -> Gender | None:
    """ "Mrs." -> female; titles that say nothing of gender ("Sen.", "President") -> None."""
    return HONORIFIC_GENDER.get(title.lower().strip().rstrip("."))


@lru_cache(maxsize=1)
def _detector() -> object:
    """The given-name registry (``gender-guesser``, a declared dependency), built once."""
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(first: str) -> Gender | None:
    """The gender the name registry gives a first name ("Hillary" -> female), or None."""
    first = first.strip().strip(".")
    if len(first) < 2 or not first.isalpha():
        return None  # an initial ("J.") says nothing
    answer = _detector().get_gender(first)  # type: ignore[attr-defined]
    if answer in ("male", "mostly_male"):
        return "male"
    if answer in ("female", "mostly_female"):
        return "female"
    return None
