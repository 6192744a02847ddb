"""Framing, word lookup: which lexicon entry a token is, and the nouns that stand for people and groups.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ... import lexicons
from .. import framing_lexicon as lex
from .switches import ADV_FROM_ADJ, COMPOUND_TAILS, POS_FALLBACK

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


def _title_case_sentence(tok: Token) -> bool:
    """The sentence of ``tok`` is set in title case (a headline): most of its longer words are capitalised."""
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.5 * len(words)


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
