"""Labels that say something about an actor, judged on the parse (``_Labels.clean_labels``)."""

from __future__ import annotations

import pytest

from newsgraph.extract.actor_lexicon import meaningful_label
from newsgraph.pipeline import analyze


def labels_of(text: str) -> dict[str, list[tuple[str, str]]]:
    a = analyze(text)
    return {e.name: [(lab.text, lab.form) for lab in e.labels] for e in a.entities}


def all_label_texts(text: str) -> set[str]:
    return {t for labs in labels_of(text).values() for t, _ in labs}


def test_a_tweet_embeds_handle_and_date_are_no_labels() -> None:
    texts = all_label_texts("— Maren Holt (@marenholt) March 3, 2016\n\nMaren Holt, March, has said nothing.")
    assert not {t for t in texts if "@" in t or "March" in t}, texts


def test_called_without_so_names_and_does_not_label() -> None:
    labs = labels_of("A man called Tomas Brenner attended the hearing. The so-called people's army rejected it.")
    assert not [t for ls in labs.values() for t, f in ls if f == "so_called" and not t.lower().startswith("so")]


def test_a_degree_adjective_is_no_label_and_a_predicate_noun_is() -> None:
    labs = labels_of("The real Tomas Brenner is a novice politician, his fellow councillors said.")
    texts = [t for t, _ in labs.get("Tomas Brenner", [])]
    assert "real" not in texts
    assert "a novice politician" in texts


@pytest.mark.parametrize("junk", ["fellow", "the ones", "all times", "Thousands", "’s", "@marenholt", "real"])
def test_words_that_describe_nobody(junk: str) -> None:
    assert not meaningful_label(junk)


@pytest.mark.parametrize("label", ["a liar", "hardline", "the developer", "a disgusting fraud"])
def test_words_that_describe_someone(label: str) -> None:
    assert meaningful_label(label)


def test_a_hyphenated_word_stays_whole_and_a_prefix_is_no_label() -> None:
    labs = labels_of("Tomas Brenner spoke in Leeford on Monday. Tomas Brenner is a co-founder of the movement. "
                     "Critics condemned the anti-Veldish rhetoric of the campaign.")
    texts = {t for ls in labs.values() for t, _ in ls}
    assert "a co-founder" in texts and "founder" not in texts and "co-founder" not in texts
    assert "anti" not in texts


def test_a_nickname_must_not_open_its_sentence() -> None:
    labs = labels_of("Susan Marlow spoke in Leeford on Monday.\n\n"
                     "Rival Susan Marlow had mocked the complaint, saying the debate was fair.")
    assert "Rival" not in [t for t, _ in labs.get("Susan Marlow", [])]
