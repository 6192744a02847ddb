"""Framing cues: loaded language and persuasion techniques (SemEval-2020 task 11 labels).

Why rules and word lists rather than a hosted model: every flag must be checkable by a
reader, so each cue names the rule and the lexicon entry that fired (``explanation``),
the actor it is aimed at (``target``) and whose words they are (``voice``: the outlet's
own prose, or a quoted speaker's).  The lists live in :mod:`.framing_lexicon`.

What is found, and the span each cue covers (PTC-style spans are phrases, not words):

* ``Loaded_Language`` — judgement-laden adjectives/adverbs/verbs/nouns; an adjective
  takes its head noun and preceding intensifiers ("particularly gruesome torture").
* ``Name_Calling,Labeling`` — pejorative labels for people/groups ("neocon scum"), and
  pejorative adjectives before a person or group ("disgraced former director"); euphemistic
  or hostile descriptors of armed actors ("anti-terror group", "occupation forces").
* ``Doubt`` — "so-called X", "self-styled X", scare quotes around a short noun phrase,
  doubt-casting phrases and rhetorical questions in the outlet's voice.
* ``Slogans`` — quoted mottos after "slogan/motto/chant", "No to …" chains, hashtags,
  short exclamatory imperatives and formulaic chants ("Down with …").
* ``Repetition`` — the same loaded word or label used again in the article.
* ``Exaggeration,Minimisation`` — superlatives with "ever/in history", absolute phrases,
  minimisers ("nothing more than").
* ``Flag-Waving`` — appeals to the nation or in-group ("our country", "the American people").
* A few phrase rules for the rarer techniques (fear, black-and-white, causal
  oversimplification, bandwagon / reductio ad hitlerum, whataboutism, thought-terminating
  clichés).

Neutral reporting verbs (said, told, added, according to …) are never flagged.  When a
user has trained a local model (``newsgraph train framing``), its spans are added to the
rule spans; the rules alone are the shipped default.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .. import lexicons
from ..model import Analysis, FrameCue, Mention, Quote
from . import _framing_model, extractor
from . import framing_lexicon as lex
from .furniture import Furniture

VERSION = "4"

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
# Span and technique choices, each measured on PTC train and dev before it was kept on
# (docs/FRAMING.md); they stay switchable so the effect of each can be re-measured.
ADJ_ON_PERSON_IS_LABEL = True  # a loaded adjective on a person/group noun is Name_Calling
NOUN_LEFT = True  # a loaded noun takes its premodifiers
COMPOUND_TAILS = True  # hyphenated epithets by productive tail ("power-hungry")
LABEL_DET = True  # label spans take a directly preceding determiner
LABEL_OF_PP = True  # label nouns take a short "of" complement ("enemies of the people")
VERB_ADV = True  # loaded verbs take preceding intensifying adverbs
NOUN_OF_PP = 3  # a loaded noun takes a short "of" complement ("a cancer of lies")
ADV_FROM_ADJ = True  # "-ly" adverbs of loaded adjectives are loaded ("disastrously" from "disastrous")
ADJ_TAKES_NOUN = True
SCARE_QUOTE_BOTH = True
PRAISE_ONLY_ON_PEOPLE = True  # praise adjectives flag only as labels of people (lex.PRAISE_ADJ)
HYPERBOLE_IS_EXAGGERATION = True
SCARE_QUOTE_LABEL = "person"  # scare quotes around a person/group noun label it ("the 'moderates'")
# Version 3 (docs/FRAMING.md has the figures before and after each):
NOUN_LEFT_EVALUATIVE = True  # a loaded noun's premodifiers stop at a name, possessor or number ("Britain's hypocrisy")
COORD_SPAN = True  # coordinated adjectives are one phrase ("harmful and divisive views")
COORD_OTHER: tuple[str, ...] = ("NOUN",)  # ... and so are coordinated nouns ("slander and calumny"); verbs measured: no gain
COORD_NO_NAMES = True  # a coordination stops at a name or a quote mark
NOUN_OF_LEFT = True  # "a web of lies": the noun framing a loaded noun joins it
POS_FALLBACK = True  # tagger slips: headline-case loaded words read as PROPN, adjectives read as nouns
NEWLINE_CUT = True  # a loaded phrase does not run across a line break
TRIM_PUNCT = True  # loaded and label spans do not start or end with punctuation or quote marks
OPEN_QUOTES = "\"“‘«"
CLOSE_QUOTES = "\"”’»"

# Nouns that stand for people or groups: a pejorative adjective before them labels the actor.
PERSONISH = lex._words(
    """
    man, woman, men, women, people, person, leader, official, director, president, minister,
    senator, lawmaker, politician, group, groups, movement, party, organization, organisation,
    government, regime, administration, force, forces, army, militia, fighter, soldier, troop,
    activist, supporter, follower, member, spokesman, spokeswoman, commander, general, chief,
    candidate, judge, journalist, reporter, media, press, left, right, establishment, elite,
    class, crowd, mob, voter, citizen, protester, cleric, imam, preacher, priest, agent, operative,
    lobby, network, faction, wing, camp, ally, allies, friend, enemy, adversary, rival, opponent,
    critic, puppet, state, country, nation, power, superpower, empire, democrat, republican,
    liberal, conservative, progressive, celebrity, professor, academic, scientist, expert,
    researcher, analyst, pundit, host, anchor, commentator, bureaucrat, apparatchik, elites, voter,
    democrat, republican, liberal, conservative, muslim, christian, jew, immigrant, refugee, migrant,
    bishop, cardinal, pope, priest, clergy, police, cop, officer, spy, congressman, congresswoman,
    columnist, writer, author, student, teacher, thinker, billionaire, millionaire, donor, lobbyist,
    banker, ceo, boss, owner, dictator, king, queen, prince, ruler, lord, mayor, governor, chairman,
    secretary, ambassador, diplomat, envoy, advisor, adviser, aide, staff, staffer, prosecutor,
    lawyer, attorney, counsel, investigator, mob, gang, cult, clan, family, dynasty, guy, guys, folks,
    crowd, left, leftist, right, rightist, nationalist, globalist, socialist, communist, islamist,
    figure, character, individual, actor, player, accuser, accusers, witness, victim, hero, villain
    """
)

# More nouns for people and groups, and agent suffixes that make a noun name a person ("-ist", "-ian").
PERSONISH = PERSONISH | lex._words(
    """
    acolyte, acolytes, disciple, disciples, devotee, devotees, fan, fans, pal, pals, buddy, buddies, sidekick,
    crony, partisan, partisans, loyalist, loyalists, backer, backers, cheerleader, apologist, defender,
    champion, advocate, proponent, opponents, critics, believers, believer, faithful, flock, clergyman,
    clergymen, bishops, priests, cardinals, prelate, prelates, hierarchy, regime, rulers, leaders, officials,
    lawmakers, politicians, senators, ministers, generals, commanders, mullahs, mullah, ayatollah, clerics,
    elite, insiders, operatives, agents, spies, journalists, reporters, pundits, commentators, hosts,
    activists, protesters, demonstrators, mobs, gangs, kids, boys, girls, children, youths, youth,
    americans, europeans, muslims, christians, jews, catholics, immigrants, migrants, refugees, aliens,
    invaders, settlers, colonists, population, masses, public, electorate, base, constituents, voters,
    lawyer, lawyers, attorneys, judges, justices, bureaucrats, technocrats, mandarins, establishment,
    administration, cabinet, congress, parliament, senate, court, courts, agency, agencies, bureau,
    ministry, department, company, corporation, corporations, firm, giant, giants, outlet, outlets,
    newspaper, paper, network, networks, channel, media, press
    """
)

# Nouns for organised groups: a label on one of these is aimed at the group itself.
GROUP_NOUNS = lexicons.words("group_nouns", "organisation")

_QUOTED_RE = re.compile(r"([\"“‘])([^\"“”‘’\n]{1,60}?)([\"”’])(?![A-Za-z])")
_HASHTAG_RE = re.compile(r"(?<![\w#])#[A-Za-z][\w]{2,}")
_NO_TO_RE = re.compile(r"\b(?:No|Yes) to [^.;:!?\"“”‘’\n]{3,80}?(?=[.;:!?\"”’\n]|$)")


@dataclass
class _Cue:
    start: int
    end: int
    technique: str
    explanation: str
    head: int | None = None  # token index the cue is about (for target resolution)
    key: str | None = None  # normalized lexicon entry (for repetition and target propagation)
    target: str | None = None
    target_text: str | None = None
    word: int | None = None  # token index of the lexicon word that fired (the part a trimmed span keeps)


# --------------------------------------------------------------------------- helpers


def _cue_over(doc: Doc, first: int, last: int, technique: str, why: str, *, head: int | None = None,
              key: str | None = None, word: int | None = None, target_text: str | None = None) -> _Cue:
    """A cue over tokens ``first`` to ``last`` (inclusive): from the first's start to the last's end.

    One constructor for the token-range cues, so every rule measures a span's end the same way.
    """
    end = doc[last]
    return _Cue(doc[first].idx, end.idx + len(end), technique, why,
                head=head, key=key, target_text=target_text, word=word)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _in_list(tok: Token, words: frozenset[str]) -> str | None:
    """The entry of ``words`` that ``tok`` matches (lower form, lemma, or hyphen-less), else None."""
    for form in (tok.lower_, _lemma(tok)):
        if form in words:
            return form
    return None


def _is_reporting(tok: Token) -> bool:
    return _lemma(tok) in lex.REPORTING_VERBS or tok.lower_ in lex.REPORTING_VERBS


def _in_name(tok: Token) -> bool:
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")


def _extend_left(doc: Doc, i: int, words: frozenset[str]) -> int:
    """Take preceding intensifiers/loaded adverbs into the span."""
    while i > 0 and doc[i - 1].pos_ in ("ADV", "ADJ") and (
        doc[i - 1].lower_ in words or doc[i - 1].lower_ in lex.LOADED_ADV
    ):
        i -= 1
    return i


def _np_right(doc: Doc, i: int) -> int:
    """For a prenominal modifier at ``i``, the index of the noun it modifies, if contiguous; else i."""
    tok = doc[i]
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nmod", "advmod") and head.i > i and head.pos_ in ("NOUN", "PROPN"):
        between = doc[i + 1 : head.i]
        if len(between) <= 4 and all(
            t.head.i == head.i or t.head.i in range(i, head.i) or t.pos_ == "PUNCT" for t in between
        ):
            return head.i
    return i


def _with_det(doc: Doc, i: int) -> int:
    """Take a directly preceding determiner into a label span ("the despicable senators")."""
    if LABEL_DET and i > 0 and doc[i - 1].dep_ == "det" and doc[i - 1].head.i > i:
        return i - 1
    return i


def _title_case_sentence(tok: Token) -> bool:
    """The sentence of ``tok`` is set in title case (a headline): most of its longer words are capitalised."""
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.5 * len(words)


def _coordination(doc: Doc, tok: Token) -> tuple[Token, int, int]:
    """The first conjunct of the coordination ``tok`` belongs to (same POS), and the token range it spans."""
    first = tok
    while first.dep_ == "conj" and first.head.pos_ == tok.pos_ and first.head.i < first.i:
        if COORD_NO_NAMES and (first.head.ent_type_ or (first.head.text[:1].isupper() and not first.head.is_sent_start)):
            break
        first = first.head
    members = [first]
    stack = [first]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ == tok.pos_ and c.i > t.i and not (COORD_NO_NAMES and (c.ent_type_ or c.text[:1].isupper())):
                members.append(c)
                stack.append(c)
    if len(members) < 2 or max(m.i for m in members) - first.i > 8:
        return tok, tok.i, tok.i
    lo, hi = first.i, max(m.i for m in members)
    if COORD_NO_NAMES and any(t.text in OPEN_QUOTES + CLOSE_QUOTES or "\n" in t.text for t in doc[lo:hi]):
        return tok, tok.i, tok.i
    return first, lo, hi


def _referential(tok: Token) -> bool:
    """A premodifier that says which thing is meant rather than judging it (a name, possessor, number)."""
    return tok.dep_ in ("poss", "nummod", "case") or tok.pos_ == "PROPN" or bool(tok.ent_type_)


def _np_left(doc: Doc, i: int, det: bool = False, evaluative: bool = False) -> int:
    """Leftmost contiguous premodifier of the noun at ``i`` (amod/compound/nmod; determiners if ``det``).

    With ``evaluative`` the span stops at a referential premodifier (name, possessor, number).
    """
    deps = {"amod", "compound", "nmod", "nummod", "advmod", "punct", "poss", "case"}
    if det:
        deps |= {"det"}
    start = i
    for child in sorted((c for c in doc[i].lefts), key=lambda c: -c.i):
        if evaluative and any(_referential(t) for t in child.subtree):
            break
        if child.dep_ in deps and child.i == start - 1 or (child.dep_ in deps and child.right_edge.i == start - 1):
            start = child.left_edge.i
        else:
            break
    return start


# --------------------------------------------------------------------------- rules


def _hyphen_word(doc: Doc, i: int) -> tuple[str, int]:
    """The hyphenated word starting at token ``i`` ("anti-terror") and its last token index."""
    j = i
    while (
        j + 2 < len(doc)
        and doc[j + 1].text == "-"
        and not doc[j].whitespace_
        and not doc[j + 1].whitespace_
        and doc[j + 2].is_alpha
    ):
        j += 2
    return doc[i : j + 1].text.lower(), j


_POS_LISTS = (
    ("LOADED_ADJ", ("ADJ", "VERB")),
    ("LOADED_ADV", ("ADV",)),
    ("LOADED_NOUN", ("NOUN",)),
    ("LOADED_VERB", ("VERB",)),
)


def _loaded_entry(tok: Token, word: str) -> tuple[str, str] | None:
    """(entry, list name) when ``word`` (the token or its hyphenated compound) is a loaded word."""
    return _own_entry(tok, word)


def _own_entry(tok: Token, word: str) -> tuple[str, str] | None:
    if COMPOUND_TAILS and "-" in word and tok.pos_ in ("ADJ", "VERB", "NOUN"):
        head_part, _, tail = word.rpartition("-")
        if head_part and tail in lex.LOADED_COMPOUND_TAILS:
            return word, "LOADED_COMPOUND_TAILS"
    for name, tags in _POS_LISTS:
        words = getattr(lex, name)
        if tok.pos_ not in tags:
            continue
        if name == "LOADED_ADJ" and tok.pos_ == "VERB" and tok.tag_ not in ("VBN", "VBG"):
            continue
        for form in (word, _lemma(tok)) if word == tok.lower_ else (word,):
            if form in words:
                return form, name
    if ADV_FROM_ADJ and tok.pos_ == "ADV" and word == tok.lower_:
        stem = _adv_stem(word)
        if stem is not None:
            return word, "LOADED_ADJ+ly"
    if POS_FALLBACK:
        # The tagger's usual slips: a capitalised word in a headline or shouted text read as a proper noun
        # ("Disgraceful", "INSANE"), an adjective before a noun read as a noun ("brazen", "rogue").
        if tok.pos_ == "PROPN" and not tok.ent_type_:
            name = next((n for n, _tags in _POS_LISTS if word in getattr(lex, n)), None)
            if name is not None and (tok.is_upper or tok.is_sent_start or _title_case_sentence(tok)):
                return word, name
        if tok.pos_ == "NOUN" and tok.dep_ in ("amod", "compound") and word in lex.LOADED_ADJ:
            return word, "LOADED_ADJ"
    return None


def _adv_stem(word: str) -> str | None:
    """The loaded adjective a "-ly" adverb is built on ("cynically" -> "cynical", "angrily" -> "angry")."""
    if not word.endswith("ly") or len(word) < 6:
        return None
    base = word[:-2]
    for cand in (base, base[:-1] + "y" if base.endswith("i") else None, base + "le" if base.endswith("ab") or base.endswith("ib") else None,
                 base[:-2] if base.endswith("al") and word.endswith("ically") else None):
        if cand and cand in lex.LOADED_ADJ:
            return cand
    return None


def _passed_over(tok: Token) -> bool:
    """Tokens no word rule starts at: punctuation, reporting verbs, function words, a word of a name.

    Neutral reporting verbs are never loaded (module docstring), and a proper noun inside a
    name is the name, not a word choice.
    """
    if tok.is_punct or tok.is_space or _is_reporting(tok) or tok.pos_ in ("AUX", "DET", "PRON", "ADP"):
        return True
    return _in_name(tok) and tok.pos_ == "PROPN"


def _label_noun(doc: Doc, tok: Token, word: str, last: Token) -> _Cue | None:
    """Name_Calling: a label noun ("neocon scum", "occupiers") with its noun phrase and determiner.

    The span takes a short "of" complement ("enemies of the people") when ``LABEL_OF_PP``.
    """
    entry = None
    if last.pos_ in ("NOUN", "PROPN") or (last.pos_ == "ADJ" and last.dep_ not in ("amod",)):
        entry = word if word in lex.LABEL_NOUNS else (_lemma(last) if _lemma(last) in lex.LABEL_NOUNS else None)
    if not entry:
        return None
    start = _np_left(doc, tok.i, det=True)
    end_tok = last
    if LABEL_OF_PP:
        of = next((c for c in last.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == last.i + 1), None)
        if of is not None and of.right_edge.i - of.i <= 5:
            end_tok = of.right_edge
    why = f"label noun '{entry}' (framing_lexicon.LABEL_NOUNS)"
    return _cue_over(doc, start, end_tok.i, "Name_Calling,Labeling", why, head=last.i, key=entry)


def _label_adjective(doc: Doc, tok: Token, word: str, last: Token) -> _Cue | None:
    """Name_Calling: a pejorative adjective before a person or group ("disgraced former director").

    The span runs from the adjective (with preceding intensifiers and determiner) to the noun
    or name it modifies, which is also the cue's head (its target).
    """
    entry = word if word in lex.LABEL_ADJ else None
    if not (entry and last.dep_ in ("amod", "compound", "nmod") and last.head.i > last.i):
        return None
    head = last.head
    if not (head.pos_ == "PROPN" or head.ent_type_ in ACTOR_TYPES or _in_list(head, PERSONISH)):
        return None
    start = _with_det(doc, _extend_left(doc, tok.i, lex.INTENSIFIERS))
    why = f"pejorative label '{entry}' before '{head.text}' (framing_lexicon.LABEL_ADJ)"
    return _cue_over(doc, start, head.i, "Name_Calling,Labeling", why, head=head.i, key=entry)


def _interjection(doc: Doc, tok: Token) -> _Cue | None:
    """Loaded_Language: an emphasised emotive interjection ("Wow!"), with its exclamation mark."""
    if not (tok.pos_ == "INTJ" and tok.lower_ in lex.INTERJECTIONS and _emphatic(doc, tok)):
        return None
    end_i = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].text == "!" else tok.i
    why = f"emotive interjection '{tok.text}' (framing_lexicon.INTERJECTIONS)"
    return _cue_over(doc, tok.i, end_i, "Loaded_Language", why, key=tok.lower_)


def _modifier_span(doc: Doc, tok: Token, src: Token, last_i: int) -> tuple[int, int]:
    """Token range of a loaded adjective or adverb: its intensifiers, the noun it modifies, its coordination.

    An adverb with no noun takes the adjective or verb right after it that it modifies.
    """
    start = _extend_left(doc, tok.i, lex.INTENSIFIERS)
    end_i = _np_right(doc, last_i) if ADJ_TAKES_NOUN else last_i
    if COORD_SPAN and src.pos_ == "ADJ":
        first, lo, hi = _coordination(doc, src)
        if hi > lo:
            start = min(start, _extend_left(doc, lo, lex.INTENSIFIERS))
            end_i = max(end_i, hi)
            if ADJ_TAKES_NOUN and first.i != src.i:
                noun = _np_right(doc, first.i)
                if noun == hi + 1 or (noun > hi and noun - hi <= 2):
                    end_i = noun
    if end_i == last_i and src.pos_ == "ADV" and src.head.i == last_i + 1 and src.head.pos_ in ("ADJ", "VERB"):
        end_i = src.head.i
    return start, end_i


def _noun_span(doc: Doc, tok: Token, src: Token, last_i: int) -> tuple[int, int]:
    """Token range of a loaded noun: its evaluative premodifiers, a framing "X of" and a short "of" complement.

    ("Britain's hypocrisy" keeps only "hypocrisy"; "a web of lies", "a cancer of lies".)
    """
    start = _np_left(doc, tok.i, evaluative=NOUN_LEFT_EVALUATIVE)
    end_i = last_i
    prep = src.head
    if (NOUN_OF_LEFT and src.dep_ == "pobj" and prep.lower_ == "of" and prep.i == start - 1
            and prep.head.pos_ == "NOUN" and prep.head.i == prep.i - 1):
        start = _np_left(doc, prep.head.i, evaluative=NOUN_LEFT_EVALUATIVE)
    if NOUN_OF_PP:
        of = next((c for c in src.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == last_i + 1), None)
        if of is not None and of.right_edge.i - of.i <= NOUN_OF_PP:
            end_i = of.right_edge.i
    return start, end_i


def _loaded_span(doc: Doc, tok: Token, src: Token, source: str, last_i: int) -> tuple[int, int]:
    """Token range (start, end inclusive) of the phrase a loaded word at ``tok`` .. ``last_i`` heads.

    The span's shape depends on the word's part of speech (PTC spans are phrases, not words);
    a coordination (of the parts of speech in ``COORD_OTHER``) is taken last, over whatever
    shape the word gave.
    """
    start, end_i = tok.i, last_i
    if src.pos_ in ("ADJ", "ADV") or source == "LOADED_ADJ":
        start, end_i = _modifier_span(doc, tok, src, last_i)
    elif src.pos_ == "NOUN" and src.dep_ == "compound":
        end_i = _np_right(doc, last_i)
    elif src.pos_ == "NOUN" and NOUN_LEFT:
        start, end_i = _noun_span(doc, tok, src, last_i)
    elif src.pos_ == "VERB":
        start = _extend_left(doc, tok.i, lex.INTENSIFIERS) if VERB_ADV else start
        for child in src.rights:
            if child.dep_ == "prt" and child.i == end_i + 1:
                end_i = child.i
    if COORD_OTHER and src.pos_ in COORD_OTHER:
        _first, lo, hi = _coordination(doc, src)
        if hi > lo:
            start, end_i = min(start, lo), max(end_i, hi)
    return start, end_i


def _loaded_technique(
    doc: Doc, entry: str, source: str, start: int, end_i: int, last_i: int
) -> tuple[str, str, int] | None:
    """(technique, explanation, span start) of a loaded word's phrase, or None when it is not flagged.

    A loaded adjective whose phrase ends on a person or group labels them (Name_Calling, and
    the span takes the determiner); praise is flagged only as such a label, hyperbolic praise
    is Exaggeration, other praise not at all.
    """
    technique = "Loaded_Language"
    why = f"loaded word '{entry}' (framing_lexicon.{source})"
    head = doc[end_i]
    if (
        ADJ_ON_PERSON_IS_LABEL
        and source == "LOADED_ADJ"
        and end_i != last_i
        and (head.ent_type_ in ACTOR_TYPES or _in_list(head, PERSONISH) or _in_list(head, lex.LABEL_NOUNS))
    ):
        technique = "Name_Calling,Labeling"
        why = f"loaded adjective '{entry}' labels '{head.text}' (framing_lexicon.{source})"
        start = _with_det(doc, start)
    if PRAISE_ONLY_ON_PEOPLE and technique == "Loaded_Language" and entry in lex.PRAISE_ADJ | lex.HYPERBOLE_ADJ:
        if HYPERBOLE_IS_EXAGGERATION and entry in lex.HYPERBOLE_ADJ:
            technique = "Exaggeration,Minimisation"
            why = f"hyperbolic praise '{entry}' (framing_lexicon.HYPERBOLE_ADJ)"
        else:
            return None
    return technique, why, start


def _loaded_word(doc: Doc, tok: Token, last: Token, entry: str, source: str) -> _Cue | None:
    """The cue of a loaded word (``tok`` .. ``last``, a hyphenated word may span several tokens), or None."""
    start, end_i = _loaded_span(doc, tok, last, source, last.i)
    judged = _loaded_technique(doc, entry, source, start, end_i, last.i)
    if judged is None:
        return None
    technique, why, start = judged
    return _cue_over(doc, start, end_i, technique, why, head=end_i, key=entry, word=tok.i)


def _word_cue(doc: Doc, tok: Token) -> tuple[_Cue | None, int]:
    """The cue of the first word rule that fires at ``tok`` (or None), and the last token index it takes.

    The rules are tried in this order: label noun, pejorative adjective before a person or
    group, emotive interjection, loaded word.  The labels go first because they are the more
    specific reading: a label noun, or a label adjective on a person, is Name_Calling even
    where a loaded list has the word too, and only one rule fires per word.  When no rule
    fires nothing past ``tok`` is taken; a praise word that is not flagged still takes its
    word, like a flagged one.
    """
    word, last_i = _hyphen_word(doc, tok.i)
    last = doc[last_i]
    cue = _label_noun(doc, tok, word, last)
    if cue is not None:
        return cue, last_i
    cue = _label_adjective(doc, tok, word, last)
    if cue is not None:
        head = last.head  # the label takes the noun it is on, but not a name
        return cue, head.i if head.pos_ != "PROPN" else last_i
    cue = _interjection(doc, tok)
    if cue is not None:
        return cue, tok.i
    found = _loaded_entry(last if last_i != tok.i else tok, word)
    if found is None:
        return None, tok.i
    entry, source = found
    return _loaded_word(doc, tok, last, entry, source), last_i


def _loaded_and_labels(doc: Doc) -> list[_Cue]:
    """Loaded words and labels, in one left-to-right pass over the tokens.

    At each token the word rules run in a fixed order and the first that fires takes the token
    and the rest of its word or label (see :func:`_word_cue`); the tokens it took are not
    started at again, so one phrase gives one cue.  The cues come out in text order.
    """
    out: list[_Cue] = []
    skip_until = -1
    for tok in doc:
        if tok.i <= skip_until or _passed_over(tok):
            continue
        cue, skip_until = _word_cue(doc, tok)
        if cue is not None:
            out.append(cue)
    return out


def _phrase_index(doc: Doc) -> list[str]:
    return [t.lower_ for t in doc]


def _find_phrases(doc: Doc, phrases: Iterable[str]) -> list[tuple[int, int, str]]:
    """Token matches (start, end_exclusive, phrase) of multi-word lower-case phrases."""
    lowers = _phrase_index(doc)
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for p in phrases:
        parts = _tokenize(doc, p)
        if parts:
            by_first[parts[0]].append(parts)
    hits: list[tuple[int, int, str]] = []
    for i, low in enumerate(lowers):
        for parts in by_first.get(low, ()):
            n = len(parts)
            if lowers[i : i + n] == parts:
                hits.append((i, i + n, " ".join(parts)))
    return hits


_TOKENIZED: dict[str, list[str]] = {}


@lru_cache(maxsize=1)
def _blank_tokenizer():  # noqa: ANN202 - spaCy's English tokenizer (same rules as the pipeline's)
    import spacy

    return spacy.blank("en").tokenizer


def _tokenize(doc: Doc, phrase: str) -> list[str]:
    """Lower-case tokens of a lexicon phrase, split exactly as the parser splits text ("pandora 's")."""
    toks = _TOKENIZED.get(phrase)
    if toks is None:
        toks = [t.lower_ for t in _blank_tokenizer()(phrase) if not t.is_space]
        _TOKENIZED[phrase] = toks
    return toks


def _multiword(*lists: frozenset[str]) -> frozenset[str]:
    return frozenset(w for words in lists for w in words if " " in w)


def _phrase_rules(doc: Doc) -> list[_Cue]:
    out: list[_Cue] = []
    tables = (
        (lex.LOADED_PHRASES, "Loaded_Language", "LOADED_PHRASES", False),
        (lex.LABEL_PHRASES, "Name_Calling,Labeling", "LABEL_PHRASES", False),
        # multi-word entries of the word lists ("train wreck", "snake oil salesman")
        (_multiword(lex.LOADED_NOUN, lex.LOADED_VERB, lex.LOADED_ADJ), "Loaded_Language", "LOADED_NOUN", False),
        (_multiword(lex.LABEL_NOUNS), "Name_Calling,Labeling", "LABEL_NOUNS", False),
        (lex.DOUBT_PHRASES, "Doubt", "DOUBT_PHRASES", False),
        (lex.FLAG_WORDS, "Flag-Waving", "FLAG_WORDS", False),
        (lex.EXAGGERATION_PHRASES, "Exaggeration,Minimisation", "EXAGGERATION_PHRASES", True),
        (lex.THOUGHT_TERMINATING, "Thought-terminating_Cliches", "THOUGHT_TERMINATING", False),
        (lex.FEAR_PHRASES, "Appeal_to_fear-prejudice", "FEAR_PHRASES", True),
        (lex.BLACK_WHITE_PHRASES, "Black-and-White_Fallacy", "BLACK_WHITE_PHRASES", True),
        (lex.CAUSAL_PHRASES, "Causal_Oversimplification", "CAUSAL_PHRASES", True),
        (lex.BANDWAGON_PHRASES, "Bandwagon,Reductio_ad_hitlerum", "BANDWAGON_PHRASES", False),
        (lex.HITLER_WORDS, "Bandwagon,Reductio_ad_hitlerum", "HITLER_WORDS", False),
    )
    for phrases, technique, name, extend in tables:
        multi = [p for p in phrases if " " in p or "-" in p or "'" in p]
        single = {p for p in phrases if p not in multi}
        hits = _find_phrases(doc, multi)
        hits += [(t.i, t.i + 1, t.lower_) for t in doc if t.lower_ in single
                 and (name != "THOUGHT_TERMINATING" or _stands_alone(doc, t))]
        for s, e, phrase in hits:
            end = e - 1
            if extend:
                # take the rest of the noun phrase / predicate the phrase opens
                last = doc[end]
                if last.head.i > end and last.head.i - end <= 4:
                    end = last.head.i
                for t in doc[end + 1 : min(len(doc), end + 4)]:
                    if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.head.i <= end + 3:
                        end = t.i
                    else:
                        break
            out.append(
                _Cue(
                    doc[s].idx,
                    doc[end].idx + len(doc[end]),
                    technique,
                    f"phrase '{phrase}' (framing_lexicon.{name})",
                    head=doc[end].i,
                    key=phrase,
                )
            )
    return out


_DOUBT_QUALIFIERS = ("self-styled", "self-proclaimed", "supposed", "purported", "would-be")


def _doubt_qualifier(doc: Doc, tok: Token) -> tuple[str, int] | None:
    """(qualifier, index of the first token it qualifies) when a doubt qualifier starts at ``tok``.

    "so-called" comes tokenized three ways ("so - called", "so-called", "so called"); an
    unhyphenated "so called" is a qualifier only when "called" is not the sentence's verb.
    """
    if tok.lower_ == "so" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ == "called":
        return "so-called", tok.i + 3
    if tok.lower_ == "so-called":
        return "so-called", tok.i + 1
    if tok.lower_ == "so" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "called" and doc[tok.i + 1].dep_ != "ROOT":
        return "so called", tok.i + 2
    if tok.lower_ in _DOUBT_QUALIFIERS:
        return tok.lower_, tok.i + 1
    return None


def _doubted_np_end(doc: Doc, first: int) -> int | None:
    """Last token index of the noun phrase a qualifier casts doubt on (from ``first``), or None.

    The phrase runs over premodifiers and quote marks to its noun and takes a closing quote
    mark after it; a phrase that ends on punctuation is no noun phrase (None).
    """
    end = first
    while end + 1 < len(doc) and doc[end].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "NUM") and doc[end].dep_ in (
        "amod",
        "compound",
        "nmod",
        "punct",
        "nummod",
    ):
        if doc[end].is_punct and doc[end].text not in OPEN_QUOTES + CLOSE_QUOTES + "-":
            break
        end += 1
    while end < len(doc) - 1 and doc[end].text in OPEN_QUOTES:
        end += 1
    if doc[end].is_punct:
        return None
    if end + 1 < len(doc) and doc[end + 1].text in CLOSE_QUOTES:
        end += 1
    return end


def _doubt_qualifiers(doc: Doc) -> list[_Cue]:
    """Doubt: "so-called X", "self-styled X" and the like, over the qualifier and the phrase X.

    The cue's target text is X without its quote marks (the thing the outlet doubts).
    """
    out: list[_Cue] = []
    text = doc.text
    for tok in doc:
        found = _doubt_qualifier(doc, tok)
        if found is None or found[1] >= len(doc):
            continue
        entry, first = found
        end = _doubted_np_end(doc, first)
        if end is None:
            continue
        target_tok = doc[end] if not doc[end].is_punct else doc[end - 1]
        np_text = text[doc[first].idx : target_tok.idx + len(target_tok)].strip(OPEN_QUOTES + CLOSE_QUOTES + " ")
        why = f"'{entry}' casts doubt on '{np_text}' (doubt qualifier)"
        out.append(_cue_over(doc, tok.i, end, "Doubt", why, head=target_tok.i, key=entry, target_text=np_text))
    return out


def _scare_quoted(doc: Doc, m: re.Match[str], quoted_ranges: list[tuple[int, int]]) -> Span | None:
    """The span of a short quoted noun phrase used as a term by the outlet (scare quotes), or None.

    One to four words, not ending in punctuation nor starting with a digit, with a noun or
    adjective among them; not words a speaker is reported to have used (a partial quote) nor
    inside a longer quotation; and after a determiner, adjective, preposition, pronoun, number
    or possessor (a term inside a noun phrase, not a quoted utterance).
    """
    inner = m.group(2).strip()
    words = inner.split()
    if not (1 <= len(words) <= 4) or inner[-1:] in ".!?,;:" or inner[:1].isdigit():
        return None
    span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if span is None or not any(t.pos_ in ("NOUN", "ADJ") for t in span):
        return None
    if any(_is_reporting(t) and t.pos_ == "VERB" for t in span.root.ancestors) or any(
        s <= m.start() < e for s, e in quoted_ranges
    ):
        return None
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text in OPEN_QUOTES:
        prev = doc[span.start - 2] if span.start > 1 else None
    if prev is None or prev.pos_ not in ("DET", "ADJ", "ADP", "PRON", "NUM") and prev.dep_ != "poss":
        return None
    return span


def _scare_quote_techniques(span: Span) -> tuple[str, ...]:
    """The techniques scare quotes around ``span`` are reported as, in the order they are emitted.

    Around a person or group noun (``SCARE_QUOTE_LABEL``) they label it, and with
    ``SCARE_QUOTE_BOTH`` they are Doubt as well; otherwise they are Doubt.
    """
    root = span.root
    if SCARE_QUOTE_LABEL == "all" or (SCARE_QUOTE_LABEL == "person" and (
        _in_list(root, PERSONISH) or _in_list(root, lex.LABEL_NOUNS) or root.ent_type_ in ACTOR_TYPES
    )):
        return ("Doubt", "Name_Calling,Labeling") if SCARE_QUOTE_BOTH else ("Name_Calling,Labeling",)
    if SCARE_QUOTE_LABEL == "noun" and root.pos_ in ("NOUN", "PROPN"):
        return ("Name_Calling,Labeling",)
    return ("Doubt",)


def _scare_quotes(doc: Doc, quoted_ranges: list[tuple[int, int]]) -> list[_Cue]:
    """Scare quotes: a short quoted noun phrase used as a name, outside reported speech.

    The cue covers the quote marks; where it is both Doubt and a label, the Doubt cue comes
    first (as it always has: the order of records is part of the output).
    """
    out: list[_Cue] = []
    for m in _QUOTED_RE.finditer(doc.text):
        span = _scare_quoted(doc, m, quoted_ranges)
        if span is None:
            continue
        inner = m.group(2).strip()
        why = f"scare quotes around '{inner}' (short quoted term outside reported speech)"
        for technique in _scare_quote_techniques(span):
            out.append(_Cue(m.start(), m.end(), technique, why, head=span.root.i, key=inner.lower(), target_text=inner))
    return out


def _doubt(doc: Doc, quoted_ranges: list[tuple[int, int]]) -> list[_Cue]:
    """Doubt cues: qualifier phrases ("so-called X") first, then scare quotes, each in text order.

    The two rules are independent, but their order matters: where both give a Doubt cue over
    the same span, ``_dedupe`` keeps the first (its sorts are stable), so the order decides
    which explanation and target text survive.
    ``quoted_ranges`` keeps scare quotes off quoted speech.
    """
    return _doubt_qualifiers(doc) + _scare_quotes(doc, quoted_ranges)


def _slogans(doc: Doc) -> list[_Cue]:
    out: list[_Cue] = []
    text = doc.text
    # quoted motto after an introducing noun ("the slogan 'X'", "chanting 'X'")
    for tok in doc:
        if tok.lower_ not in lex.SLOGAN_INTRO and _lemma(tok) not in lex.SLOGAN_INTRO:
            continue
        window = text[tok.idx + len(tok) : tok.idx + len(tok) + 40]
        m = re.search(r"[\"“‘«]", window)
        if not m or re.search(r"[.!?]\s", window[: m.start()]):
            continue
        begin = tok.idx + len(tok) + m.end()
        close = re.compile(r"[\"”»]|’(?![A-Za-z])")
        cm = close.search(text, begin)
        if not cm or cm.start() - begin > 200 or cm.start() <= begin:
            continue
        end = cm.start()
        while end > begin and text[end - 1] in " .,;:":
            end -= 1
        out.append(
            _Cue(
                begin,
                end,
                "Slogans",
                f"quoted motto introduced by '{tok.text}' (framing_lexicon.SLOGAN_INTRO)",
                key=text[begin:end].lower(),
            )
        )
    # "No to X, No to Y" chains
    for m in _NO_TO_RE.finditer(text):
        seg_end = m.end()
        chain = re.compile(r"(?:,\s*|\s+and\s+|\s+)(?:No|Yes) to [^.;:!?\"“”‘’\n]{3,80}?(?=[.;:!?\"”’\n,]|\s+and\s+|$)")
        while (nxt := chain.match(text, seg_end)) is not None:
            seg_end = nxt.end()
        out.append(_Cue(m.start(), seg_end, "Slogans", "'No to …' chant formula", key=m.group(0).lower()))
    for m in _HASHTAG_RE.finditer(text):
        out.append(_Cue(m.start(), m.end(), "Slogans", "hashtag used as a slogan", key=m.group(0).lower()))
    # short exclamations and formulaic chants
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        words = [t for t in toks if not t.is_punct]
        s_text = sent.text.strip().strip(OPEN_QUOTES + CLOSE_QUOTES + " ").lower()
        opener = next((o for o in lex.SLOGAN_OPENERS if s_text.startswith(o + " ") or s_text == o), None)
        exclaim = toks[-1].text == "!" or (len(toks) > 1 and toks[-2].text == "!")
        imperative = words and words[0].tag_ == "VB" and words[0].dep_ == "ROOT"
        if 1 <= len(words) <= 7 and exclaim and (imperative or opener):
            why = f"short exclamation opening with '{opener}'" if opener else "short imperative exclamation"
        elif opener and len(words) <= 6 and (exclaim or s_text[:1] == s_text[:1].upper()):
            if opener in ("free", "stop", "no more") and not exclaim:
                continue
            why = f"formulaic chant '{opener} …' (framing_lexicon.SLOGAN_OPENERS)"
        else:
            continue
        first, last = words[0], words[-1]
        out.append(_Cue(first.idx, last.idx + len(last), "Slogans", why, key=s_text))
    return out


def _flag_waving(doc: Doc) -> list[_Cue]:
    out: list[_Cue] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        entry = _in_list(tok, lex.NATION_NOUNS)
        if not entry:
            continue
        left = [c for c in tok.lefts]
        owner = next((c for c in left if c.lower_ in ("our", "my") and c.dep_ == "poss"), None)
        nation = next(
            (c for c in left if c.ent_type_ == "NORP" or c.lower_ in ("american", "british", "russian", "national")),
            None,
        )
        if owner is None and not (nation is not None and tok.lower_ in ("people", "values", "way", "heroes", "patriots")):
            continue
        start = min(c.i for c in (owner or nation, *[c for c in left if c.dep_ in ("amod", "compound", "det")]))
        why = (
            f"in-group appeal '{(owner or nation).text} … {tok.text}' (framing_lexicon.NATION_NOUNS)"
        )
        out.append(_Cue(doc[start].idx, tok.idx + len(tok), "Flag-Waving", why, head=tok.i, key=entry))
    return out


def _exaggeration(doc: Doc) -> list[_Cue]:
    """Superlatives that claim an extreme ("the worst X ever", "the deadliest attack in history")."""
    out: list[_Cue] = []
    for tok in doc:
        if tok.tag_ != "JJS" and not (tok.lower_ == "most" and tok.head.pos_ == "ADJ"):
            continue
        if tok.lower_ in ("least", "latest", "last", "first", "next", "best") and tok.tag_ == "JJS":
            # temporal/ordinal superlatives are plain reporting; "best" is judged below with "ever"
            if tok.lower_ != "best":
                continue
        noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else (tok.head.head if tok.lower_ == "most" else None)
        if noun is None or noun.i < tok.i:
            continue
        sent = tok.sent
        tail = [t for t in sent if t.i > noun.i and t.i <= noun.i + 6]
        boost = next(
            (t for t in tail if t.lower_ in ("ever", "history", "world", "all", "imaginable", "possible")),
            None,
        )
        if boost is None and (tok.lower_ not in lex.EXAGGERATION_WORDS or tok.lower_ in MEASURE_SUPERLATIVES):
            continue  # "the two largest emitters": a ranking by a measure is a fact, not an exaggeration
        start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
        end = boost.i if boost is not None else noun.i
        if boost is not None and boost.lower_ == "all" and end + 1 < len(doc) and doc[end + 1].lower_ == "time":
            end += 1
        out.append(
            _Cue(
                doc[start].idx,
                doc[end].idx + len(doc[end]),
                "Exaggeration,Minimisation",
                f"superlative '{tok.text}'" + (f" with '{boost.text}'" if boost is not None else ""),
                head=noun.i,
                key=tok.lower_,
            )
        )
    return out


ABSOLUTE_ADVERBS = lex._words("totally, completely, absolutely, entirely, utterly, literally, thoroughly, wholly")


def _absolutes(doc: Doc) -> list[_Cue]:
    """Absolute intensifiers on a predicate ("completely destroyed", "utterly useless") overstate it."""
    out: list[_Cue] = []
    for tok in doc:
        head = tok.head
        if tok.lower_ in ABSOLUTE_ADVERBS and tok.dep_ == "advmod" and head.pos_ in ("ADJ", "VERB") and 0 < head.i - tok.i <= 2:
            out.append(
                _Cue(tok.idx, head.idx + len(head), "Exaggeration,Minimisation",
                     f"absolute intensifier '{tok.text} {head.text}'", head=head.i, key=tok.lower_)
            )
    return out


def _rhetorical_questions(doc: Doc, quoted_ranges: list[tuple[int, int]]) -> list[_Cue]:
    out: list[_Cue] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks or "?" not in sent.text[-3:]:
            continue
        if any(s <= toks[0].idx < e for s, e in quoted_ranges):
            continue
        words = [t for t in toks if not t.is_punct]
        if len(words) < 3 or len(words) > 30:
            continue
        if not any(t.lower_ in ("really", "why", "how", "seriously", "who", "isn't", "aren't", "doesn't") or t.lower_ == "n't" for t in words):
            continue
        first, last = toks[0], toks[-1]
        out.append(
            _Cue(first.idx, last.idx + len(last), "Doubt", "rhetorical question in the outlet's voice", head=sent.root.i)
        )
    return out


def _repetition(doc: Doc, cues: list[_Cue]) -> list[_Cue]:
    """Loaded words/labels used more than once: each use after the first is Repetition."""
    by_key: dict[str, list[_Cue]] = defaultdict(list)
    for c in cues:
        if c.technique in ("Loaded_Language", "Name_Calling,Labeling", "Slogans", "Flag-Waving") and c.key:
            by_key[c.key].append(c)
    out: list[_Cue] = []
    for key, group in by_key.items():
        uses = {(c.start, c.end): c for c in group}
        if len(uses) < 2:
            continue
        for n, ((s, e), c) in enumerate(sorted(uses.items())):
            if n == 0:
                continue  # the first use introduces the word; the repeats are the technique
            why = f"'{key}' used {len(uses)} times in the article (use {n + 1})"
            out.append(_Cue(s, e, "Repetition", why, head=c.head, key=key, target_text=c.target_text))
    return out


_EDGE_PUNCT = set(OPEN_QUOTES + CLOSE_QUOTES + ",;:.!?()[]'—– \n\t")


def _trim(doc: Doc, c: _Cue) -> _Cue:
    """Loaded-language and label spans neither start nor end with punctuation or quote marks."""
    text = doc.text
    if c.technique not in ("Loaded_Language", "Name_Calling,Labeling"):
        return c
    start, end = c.start, c.end
    if NEWLINE_CUT and "\n" in text[start:end]:  # a phrase does not run across a line break
        at = c.word if c.word is not None else c.head
        anchor = doc[at].idx if at is not None and start <= doc[at].idx < end else start
        left = text.rfind("\n", start, anchor)
        right = text.find("\n", anchor, end)
        start = left + 1 if left >= 0 else start
        end = right if right >= 0 else end
    while end - start > 1 and text[start] in _EDGE_PUNCT:
        start += 1
    while end - start > 1 and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    if end <= start or not text[start:end].strip():
        return c  # nothing sensible left: keep the span as the rule made it
    c.start, c.end = start, end
    if c.head is not None and not start <= doc[c.head].idx < end:
        c.head = c.word  # the target is sought from what the span still holds
    return c


# --------------------------------------------------------------------------- targets and voice


class _Targets:
    """Resolve the actor a cue is aimed at from the mentions the actors extractor found."""

    def __init__(self, doc: Doc, analysis: Analysis) -> None:
        self.doc = doc
        self.analysis = analysis
        self.by_token: dict[int, Mention] = {}
        mentions = [m for m in analysis.mentions if m.type in ACTOR_TYPES or m.form == "description"]
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                cur = self.by_token.get(t.i)
                if cur is None or (cur.end - cur.start) > (m.end - m.start):
                    self.by_token[t.i] = m
        self.labels: list[tuple[int, int, str]] = []
        for ent in analysis.entities:
            for lab in ent.labels:
                self.labels.append((lab.start, lab.end, ent.id))
        self.fallback = not analysis.mentions

    def _mention(self, tok: Token) -> tuple[str | None, str] | None:
        m = self.by_token.get(tok.i)
        if m is not None and m.entity:
            ent = self.analysis.entity(m.entity)
            return m.entity, ent.name if ent is not None else m.text
        if self.fallback and tok.ent_type_ in ACTOR_TYPES:
            ent = next(e for e in self.doc.ents if e.start <= tok.i < e.end)
            return None, ent.text
        return None

    def _named_group(self, tok: Token) -> tuple[str | None, str] | None:
        """A label on an unnamed group ("a prominent anti-terror group"): the group named next.

        Appositions first ("Kata'ib Hezbollah, another ... group"), else the first organisation
        named after the noun within the same or the next sentence (news leads name the group
        right after describing it).
        """
        for child in tok.children:
            if child.dep_ == "appos":
                hit = self._mention(child)
                if hit:
                    return hit
        if tok.dep_ == "appos":
            hit = self._mention(tok.head)
            if hit:
                return hit
        sent = tok.sent
        limit = sent.end
        if sent.end < len(self.doc):
            limit = self.doc[sent.end].sent.end
        for i in range(tok.i + 1, limit):
            m = self.by_token.get(i)
            if m is not None and m.entity and m.type == "ORG":
                ent = self.analysis.entity(m.entity)
                return m.entity, ent.name if ent is not None else m.text
        return None

    def _in_subtree(self, tok: Token, exclude: Token | None = None) -> tuple[str | None, str] | None:
        for child in tok.children:
            if child.i >= tok.i or child is exclude:
                continue
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                hit = self._mention(child) or self._in_subtree(child)
                if hit:
                    return hit
        return None

    def resolve(self, cue: _Cue) -> tuple[str | None, str | None]:
        for s, e, ent_id in self.labels:
            if s < cue.end and cue.start < e:
                ent = self.analysis.entity(ent_id)
                return ent_id, ent.name if ent else None
        if cue.head is None:
            return None, cue.target_text
        tok = self.doc[cue.head]
        seen = set()
        for _ in range(3):
            if tok.i in seen:
                break
            seen.add(tok.i)
            hit = self._mention(tok) if not cue.target_text else None
            if hit is None and tok.dep_ in ("compound", "appos") and tok.head.pos_ == "PROPN":
                # "commander Qassem Soleimani", "trenchmate Abu Mahdi": the name the noun titles
                hit = self._mention(tok.head)
            if hit is None and _in_list(tok, GROUP_NOUNS):
                hit = self._named_group(tok)
            if hit is None and cue.technique != "Doubt":
                hit = self._in_subtree(tok)
            if hit is None:
                for child in tok.children:
                    if child.dep_ == "appos":
                        hit = self._mention(child)
                        if hit:
                            break
            if hit is None and tok.dep_ == "appos":
                hit = self._mention(tok.head)
            if hit is None and tok.dep_ in ("attr", "acomp", "oprd"):
                subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    hit = self._mention(subj) or self._in_subtree(subj)
            if hit is None and tok.pos_ == "VERB":
                for child in tok.children:
                    obj = child
                    if child.dep_ in ("prep", "prt"):
                        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    elif child.dep_ not in ("dobj", "dative"):
                        continue
                    if obj is not None:
                        hit = self._mention(obj) or self._in_subtree(obj)
                        if hit:
                            break
            if hit is not None:
                return hit[0], hit[1]
            if tok.dep_ in ("amod", "compound", "advmod") and tok.head.i != tok.i:
                tok = tok.head
            else:
                break
        return None, cue.target_text


#: Superlatives of a measure (size, amount, age): "the largest emitters" ranks by a number, which
#: is reporting; only "ever", "in history" and the like make them a claim of an extreme.
MEASURE_SUPERLATIVES = lex._words(
    "largest, biggest, smallest, highest, lowest, oldest, youngest, richest, poorest, longest, shortest, "
    "fastest, slowest, heaviest, deadliest, busiest, most populous"
)
#: Nouns of sound: a sound adjective on one of them describes a sound ("a shrill voice", "a
#: deafening noise"), not a person or a position.
SOUND_NOUNS = lex._words(
    "voice, voices, sound, sounds, noise, noises, whistle, whistles, siren, sirens, alarm, alarms, tone, "
    "tones, pitch, cry, cries, scream, screams, shriek, shrieks, squeal, ring, note, notes, music, roar, "
    "blast, bang, explosion, explosions, horn, horns, bell, bells, engine, engines, laugh, laughter, whine"
)
#: Prepositions that make their noun phrase the circumstance of an event ("died in a car crash",
#: "hurt after the crash"): a figurative phrase there is meant literally.
EVENT_PREPS = frozenset({"in", "after", "from", "during", "following", "since", "before"})
HARM_VERBS = frozenset("kill die injure hurt wound maim perish crush trap strand burn drown".split())
_LITERAL_CHECKED = frozenset({"Loaded_Language", "Repetition", "Flag-Waving", "Exaggeration,Minimisation"})
_NAME_TYPES = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON", "GPE"})


def _emphatic(doc: Doc, tok: Token) -> bool:
    """An interjection is emotive when emphasised — "Wow!", "UGH" — not a conversational "gosh"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (nxt is not None and nxt.text.startswith("!")) or (tok.is_upper and len(tok) > 1)


def _stands_alone(doc: Doc, tok: Token) -> bool:
    """A one-word cliché ("Period.") is one only as its own sentence or tagged on after a comma or dash:
    "a period of growth" is a noun in a sentence."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    before = prev is None or prev.is_sent_end or prev.text in {".", "!", "?", ",", "—", "–", "-", ";", ":", "\n"} \
        or prev.is_space or tok.is_sent_start
    after = nxt is None or nxt.text in {".", "!", "?", "\n", ";"} or nxt.is_space
    return bool(before and after)


def _is_name(span: Span, word: Token, technique: str) -> bool:
    """The cue is (inside) a name ("Patriot" the coal company): a name is not a word choice."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return bool(words) and all(t.ent_type_ in _NAME_TYPES for t in words) \
        and any(t.pos_ == "PROPN" for t in words) and not all(t.is_upper for t in words)


def _is_compound_term(span: Span, word: Token, technique: str) -> bool:
    """A loaded noun modifying a plain noun names a kind of thing ("junk bonds", "disaster relief")."""
    head = word.head
    return (word.pos_ == "NOUN" and word.dep_ == "compound" and head.pos_ == "NOUN" and head.i > word.i
            and _in_list(head, lex.LOADED_NOUN) is None and _in_list(head, lex.LABEL_NOUNS) is None)


def _is_event_circumstance(span: Span, word: Token, technique: str) -> bool:
    """A figurative phrase as where someone came to harm ("killed in a car crash", "hurt in the wreck").

    Measured: any event preposition ("in a …", "after the …") took figurative phrases too (PTC dev
    Loaded_Language −0.02), so only the preposition of a verb of physical harm makes it literal.
    """
    root = span.root
    if technique != "Loaded_Language" or " " not in span.text.strip():
        return False
    if not (root.pos_ in ("NOUN", "PROPN") and root.dep_ == "pobj" and root.head.i < span.start):
        return False
    prep = root.head
    return prep.lower_ in EVENT_PREPS and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in HARM_VERBS


def _is_sense_description(span: Span, word: Token, technique: str) -> bool:
    """A sound adjective on a noun of sound ("a shrill voice") describes the sound."""
    return word.pos_ == "ADJ" and word.head.pos_ == "NOUN" and _in_list(word.head, SOUND_NOUNS) is not None


#: The literal-use shapes, each general rather than about one word (see :func:`_literal_use`).
LITERAL_RULES = (_is_name, _is_compound_term, _is_event_circumstance, _is_sense_description)


def _literal_use(doc: Doc, c: _Cue) -> str | None:
    """The rule that finds the lexicon word of a cue used in its literal sense, or None.

    A word list cannot tell "the debate was a car crash" from "killed in a car crash"; the
    parse around the word can: a name, a compound term, an event circumstance or a sense
    description (:data:`LITERAL_RULES`) is the literal use.
    """
    if c.technique not in _LITERAL_CHECKED:
        return None
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    word = doc[c.word] if c.word is not None else (doc[c.head] if c.head is not None else span.root)
    for rule in LITERAL_RULES:
        if rule(span, word, c.technique):
            return "compound" if rule is _is_compound_term else rule.__name__
    return None


def _quotation_ranges(text: str) -> list[tuple[int, int]]:
    """Inside of every quotation of four words or more (shorter ones are scare quotes: the outlet's)."""
    from .quotes import quoted_spans  # the one place quotation marks are paired

    out = []
    for q in quoted_spans(text):
        for a, b in q.pieces:
            if len(text[a:b].split()) >= 4:
                out.append((a, b))
    return out


def _voice(c: _Cue, quotes: list[Quote], quotations: list[tuple[int, int]]) -> tuple[Quote | None, bool]:
    """(the quote that holds the cue, whether the words are a speaker's).

    A cue inside a quote's content is that speaker's; so is a cue inside quotation marks that
    the quote extractor could not attribute — the outlet is quoting someone, not speaking.
    """
    quote = _quote_at(quotes, c.start, c.end)
    if quote is None:
        mid = (c.start + c.end) // 2
        quote = next((q for q in quotes if any(p.start <= mid < p.end for p in q.content)), None)
    if quote is not None:
        return quote, True
    return None, any(a <= c.start and c.end <= b for a, b in quotations)



def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    for q in quotes:
        for c in q.content:
            if c.start <= start and end <= c.end:
                return q
    return None


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Stretches between quotation marks (used to keep outlet-only rules off quoted speech)."""
    ranges = []
    for m in re.finditer(r"[\"“]([^\"“”]{20,}?)[\"”]", text):
        ranges.append((m.start(), m.end()))
    return ranges


# --------------------------------------------------------------------------- the extractor


def _dedupe(cues: list[_Cue]) -> list[_Cue]:
    """Drop exact duplicates and same-technique cues nested inside a longer one."""
    cues = sorted(cues, key=lambda c: (c.technique, c.start, -(c.end - c.start)))
    kept: list[_Cue] = []
    last: dict[str, _Cue] = {}
    for c in cues:
        prev = last.get(c.technique)
        if prev is not None and prev.start <= c.start and c.end <= prev.end:
            continue
        kept.append(c)
        last[c.technique] = c
    return sorted(kept, key=lambda c: (c.start, c.end, c.technique))




def find_cues(doc: Doc, analysis: Analysis) -> list[_Cue]:
    """All rule cues of ``doc`` (before targets and voice are attached)."""
    quoted = _quoted_ranges(doc.text)
    cues = _loaded_and_labels(doc)
    cues += _phrase_rules(doc)
    cues += _doubt(doc, quoted)
    cues += _slogans(doc)
    cues += _flag_waving(doc)
    cues += _exaggeration(doc)
    cues += _absolutes(doc)
    cues += _rhetorical_questions(doc, quoted)
    if TRIM_PUNCT:
        cues = [_trim(doc, c) for c in cues]
    cues = _dedupe(cues)
    furniture = Furniture(doc.text)
    if furniture:  # promo lines, bylines, credits: the page's words, not the article's
        cues = [c for c in cues if not furniture.overlaps(c.start, c.end)]
    literal = [_literal_use(doc, c) for c in cues]
    # a repeated term is Repetition even where its single uses are literal compounds (measured on
    # PTC dev: dropping those repeats cost Repetition F1 0.01); a repeated *name* is not
    repeated = _repetition(doc, [c for c, lit in zip(cues, literal, strict=True) if not lit or lit == "compound"])
    cues = [c for c, lit in zip(cues, literal, strict=True) if not lit] + repeated
    model = _framing_model.loaded_model()
    if model is not None:
        for technique, start, end, prob in model.predict_spans(doc):
            cues.append(_Cue(start, end, technique, f"local trained model (p={prob:.2f}, {_framing_model.default_model_path().name})"))
    return _dedupe(cues)


@extractor("frames", field="frames", version=VERSION, after=("actors", "quotes"))
def extract_frames(doc: Doc, analysis: Analysis) -> list[FrameCue]:
    """Framing cues with technique, target actor, explanation and voice."""
    cues = find_cues(doc, analysis)
    targets = _Targets(doc, analysis)
    for c in cues:
        c.target, c.target_text = targets.resolve(c)
    # a label or loaded entry aimed at an actor once keeps that target on its other uses
    known: dict[str, tuple[str, str | None]] = {}
    for c in cues:
        if c.key and c.target and c.key not in known:
            known[c.key] = (c.target, c.target_text)
    for c in cues:
        if c.key and not c.target and c.key in known and c.technique != "Doubt":
            c.target, c.target_text = known[c.key]
    out: list[FrameCue] = []
    text = doc.text
    quotations = _quotation_ranges(text)
    for n, c in enumerate(cues, 1):
        quote, spoken = _voice(c, analysis.quotes, quotations)
        out.append(
            FrameCue(
                id=f"F{n}",
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                technique=c.technique,
                target=c.target,
                target_text=c.target_text,
                explanation=c.explanation,
                voice="speaker" if spoken else "outlet",
                quote=quote.id if quote is not None else None,
            )
        )
    return out
