"""Quote extraction: one test per form of attribution, on sentences written for these tests.

The seed-article checks at the end need ../shared (skipped when it is absent).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import nlp
from newsgraph.extract.quotes import find_quotes, quoted_spans
from newsgraph.model import Article, Quote
from newsgraph.pipeline import analyze_doc


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def quotes_of(parse, text: str) -> list[Quote]:
    doc = parse(text)
    found = find_quotes(doc)
    for q in found:  # every span points back at the exact characters
        for s in [*q.content, q.cue, q.speaker]:
            if s is not None:
                assert text[s.start : s.end] == s.text
    return found


def content(q: Quote) -> str:
    return " | ".join(s.text for s in q.content)


def only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [content(q) for q in quotes]
    return quotes[0]


# --------------------------------------------------------------------------- direct forms


def test_quote_then_speaker(parse):
    q = only(quotes_of(parse, "“We will not back down,” Maria Lind said."))
    assert q.kind == "direct"
    assert content(q) == "We will not back down"
    assert q.speaker.text == "Maria Lind"
    assert q.cue_lemma == "say"


def test_speaker_colon_quote(parse):
    q = only(quotes_of(parse, "Maria Lind said: “We will not back down.”"))
    assert q.kind == "direct"
    assert content(q) == "We will not back down"
    assert q.speaker.text == "Maria Lind"


def test_quote_interrupted_by_cue_is_one_quote_in_two_pieces(parse):
    q = only(quotes_of(parse, "“We will not back down,” Maria Lind said, “and we will win this fight in court.”"))
    assert [s.text for s in q.content] == ["We will not back down", "and we will win this fight in court"]
    assert q.speaker.text == "Maria Lind"


def test_inverted_cue_with_apposition(parse):
    q = only(quotes_of(parse, "“The harvest is lost,” said Piet Aalders, a farmer from the delta region."))
    assert content(q) == "The harvest is lost"
    assert q.speaker.text == "Piet Aalders"


def test_multi_sentence_quote(parse):
    text = "“The river rose overnight. We had no time to move the cattle,” the farmer said."
    q = only(quotes_of(parse, text))
    assert content(q) == "The river rose overnight. We had no time to move the cattle"
    assert q.speaker.text == "the farmer"


def test_quote_continued_after_the_cue(parse):
    text = "“The dam held,” the engineer said. “Nobody expected it to survive a flood of that size.”"
    q = only(quotes_of(parse, text))
    assert [s.text for s in q.content] == ["The dam held", "Nobody expected it to survive a flood of that size"]


def test_multi_paragraph_quote(parse):
    text = (
        "“The first part of our plan is to repair the harbour walls.\n\n"
        "“The second part is to rebuild the fish market before the summer,” the minister said."
    )
    q = only(quotes_of(parse, text))
    assert [s.text for s in q.content] == [
        "The first part of our plan is to repair the harbour walls",
        "The second part is to rebuild the fish market before the summer",
    ]
    assert q.speaker.text == "the minister"


def test_straight_marks(parse):
    q = only(quotes_of(parse, 'Maria Lind said: "We will not back down."'))
    assert content(q) == "We will not back down"


def test_typewriter_double_apostrophes(parse):
    q = only(quotes_of(parse, "''We will not back down,'' Maria Lind said."))
    assert content(q) == "We will not back down"


def test_nested_single_marks_stay_inside(parse):
    q = only(quotes_of(parse, "“They chanted ‘no more war’ outside the gates all night,” the witness said."))
    assert content(q) == "They chanted ‘no more war’ outside the gates all night"
    assert q.speaker.text == "the witness"


def test_cue_inside_a_quotation_is_not_a_second_speaker(parse):
    q = only(quotes_of(parse, "“I think we will win the cup this year,” the coach said."))
    assert q.speaker.text == "the coach"


# --------------------------------------------------------------------------- unbalanced marks


def test_unclosed_inner_single_mark(parse):
    text = "The minister said, “We will adopt the motto ‘Never again, never alone.” Then the crowd left."
    q = only(quotes_of(parse, text))
    assert q.speaker.text == "The minister"
    assert content(q).startswith("We will adopt the motto")
    assert "crowd" not in content(q)


def test_unclosed_double_mark_stops_at_its_paragraph_and_its_cue(parse):
    text = "“We will never surrender, the commander said.\nThe next day, the troops moved north."
    found = quotes_of(parse, text)
    assert all("troops" not in content(q) for q in found)
    q = only(found)
    assert content(q) == "We will never surrender"
    assert q.speaker.text == "the commander"


@pytest.mark.parametrize(
    "text",
    [
        'He said "this is wrong.',
        "“",
        "”",
        '"',
        "She said: “",
        "“A ‘b “c” d’ e”” f “",
        "''\n\n``\n''",
        "“One.\n\n“Two.\n\n“Three,” he said",
    ],
)
def test_unbalanced_marks_never_crash(parse, text):
    quotes_of(parse, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .,\n\"'`“”‘’«»", max_size=60))
def test_quoted_spans_ranges_are_inside_the_text(text):
    for q in quoted_spans(text):
        for a, b in q.pieces:
            assert 0 <= a < b <= len(text)


_PIECES = st.sampled_from(
    ["“", "”", '"', "‘", "’", "''", "``", "\n", "\n\n", " ", ",", ".", ":", "―", "she said", "said Anna Berg",
     "according to the council", "We will win", "the plan failed", "PRESTON:", "He believes", "it"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=25).map(" ".join))
def test_extractor_never_crashes_and_spans_point_into_the_text(text):
    quotes_of(nlp.load(), text)


# --------------------------------------------------------------------------- indirect, mixed, belief


def test_said_that(parse):
    q = only(quotes_of(parse, "The mayor said that the budget was balanced for the first time in a decade."))
    assert q.kind == "indirect"
    assert content(q) == "the budget was balanced for the first time in a decade"
    assert q.speaker.text == "The mayor"


def test_said_without_that(parse):
    q = only(quotes_of(parse, "The mayor said the budget was balanced."))
    assert q.kind == "indirect"
    assert content(q) == "the budget was balanced"


def test_told_reporters(parse):
    q = only(quotes_of(parse, "The governor told reporters that the bridge would reopen in May."))
    assert q.kind == "indirect"
    assert q.channel == "told reporters"
    assert content(q) == "the bridge would reopen in May"
    assert q.speaker.text == "The governor"


def test_according_to(parse):
    q = only(quotes_of(parse, "According to the fire department, the blaze started in a kitchen."))
    assert q.cue_lemma == "according to"
    assert q.speaker.text == "the fire department"
    assert content(q) == "the blaze started in a kitchen"


def test_wrote_in_a_post(parse):
    q = only(quotes_of(parse, "Tomas Berg wrote in a post on Twitter that the vote had been rigged."))
    assert q.cue_lemma == "write"
    assert q.channel == "Twitter/X post"
    assert content(q) == "the vote had been rigged"


def test_dismissed_as_quote_is_mixed(parse):
    q = only(quotes_of(parse, "The union dismissed the offer as “an insult to every nurse.”"))
    assert q.kind == "mixed"
    assert content(q) == "an insult to every nurse"
    assert q.speaker.text == "The union"


def test_paraphrase_with_quoted_words_is_mixed(parse):
    q = only(quotes_of(parse, "The senator said the new law was “a gift to the oil companies” and would fail."))
    assert q.kind == "mixed"
    assert "the new law was" in content(q)


def test_parenthetical_cue(parse):
    q = only(quotes_of(parse, "The plan, the minister said, will cost 40 million euros."))
    assert [s.text for s in q.content] == ["The plan", "will cost 40 million euros"]


def test_participle_shares_the_speaker(parse):
    found = quotes_of(parse, "The mayor said the budget was balanced, adding that taxes would not rise.")
    assert {content(q) for q in found} == {"the budget was balanced", "taxes would not rise"}
    assert all(q.speaker.text == "The mayor" for q in found)


def test_belief_and_intention_are_their_own_kind(parse):
    q = only(quotes_of(parse, "Maria Lind believes the economy will recover next year."))
    assert q.kind == "belief"
    q = only(quotes_of(parse, "The coach hopes to win the title."))
    assert q.kind == "belief"


def test_attribution_inside_a_statement_stays_inside(parse):
    q = only(quotes_of(parse, "The mayor said she hopes the bridge will reopen before the summer."))
    assert q.kind == "indirect"
    assert content(q) == "she hopes the bridge will reopen before the summer"


def test_reporting_noun_with_owner(parse):
    q = only(quotes_of(parse, "Smith's claim that the vote was rigged drew criticism from the courts."))
    assert q.speaker.text == "Smith"
    assert content(q) == "the vote was rigged"


def test_it_as_speaker_of_an_organisation(parse):
    found = quotes_of(parse, "The water board published its report on Monday. It said the river was safe again.")
    q = only(found)
    assert q.speaker.text == "It"
    assert content(q) == "the river was safe again"


def test_agentless_estimate_is_not_a_quote(parse):
    assert quotes_of(parse, "It is estimated that 3,000 people live on the island.") == []


def test_scare_quote_alone_is_not_a_quote(parse):
    assert quotes_of(parse, "The so-called “peace dividend” never arrived.") == []


def test_transcript_label(parse):
    q = only(quotes_of(parse, "PRESTON: We have never seen a storm like this one in the region."))
    assert q.speaker.text == "PRESTON"
    assert content(q) == "We have never seen a storm like this one in the region"


def test_question_quote_split_from_its_cue(parse):
    q = only(quotes_of(parse, "“Are you winning?” she said, but the crowd had already left the square."))
    assert content(q) == "Are you winning?"
    assert q.speaker.text == "she"


def test_short_continuation_joins_the_quote(parse):
    q = only(quotes_of(parse, "“The roads are closed,” the officer said. “Go home.”"))
    assert [s.text for s in q.content] == ["The roads are closed", "Go home"]


def test_dash_byline(parse):
    q = only(quotes_of(parse, "“We want clean water in every village of this district.” ― Amara Okafor"))
    assert q.speaker.text == "Amara Okafor"
    assert q.kind == "direct"


def test_transcript_inside_marks_one_quote_per_speaker(parse):
    text = (
        '"WALLACE: Let us start with the storm that hit the coast on Sunday night.\n'
        '"PRESTON: It was the worst we have seen in a generation.'
    )
    found = quotes_of(parse, text)
    assert [(q.speaker.text, q.kind) for q in found] == [("WALLACE", "direct"), ("PRESTON", "direct")]
    assert content(found[1]) == "It was the worst we have seen in a generation"


def test_headline_source(parse):
    q = only(quotes_of(parse, "Governor: Storm Damage Will Take Years to Repair\nThe storm hit on Sunday."))
    assert q.speaker.text == "Governor"
    assert q.kind == "indirect"


# --------------------------------------------------------------------------- speakers across sentences


def test_speaker_in_previous_sentence(parse):
    text = (
        "Anna Kovac, the mayor, addressed the crowd and said she was hopeful.\n"
        "“We will rebuild every house in this valley before winter comes.”"
    )
    found = quotes_of(parse, text)
    direct = [q for q in found if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker.text == "Anna Kovac"


def test_speaker_in_next_sentence(parse):
    text = "“We will rebuild every house in the valley before the winter comes.” Anna Kovac said so on Monday."
    q = only(quotes_of(parse, text))
    assert q.kind == "direct"
    assert q.speaker.text == "Anna Kovac"


def test_pronoun_speaker_name(parse):
    found = quotes_of(parse, "Maria Lind met voters in the town hall. She said the factory would stay open.")
    q = only(found)
    assert q.speaker.text == "She"
    assert q.speaker_name == "Maria Lind"


def test_description_speaker_name(parse):
    text = "Veteran diplomat Karl Weiss arrived on Tuesday. The veteran diplomat said the talks had failed."
    q = only(quotes_of(parse, text))
    assert q.speaker_name == "Karl Weiss"


def test_entity_resolution_through_the_pipeline(parse):
    text = (
        "Interior minister Sofia Brandt visited the flooded town on Tuesday. "
        "“The water came too fast for anyone to escape,” Brandt said. "
        "She said the army would send engineers to repair the dikes."
    )
    analysis = analyze_doc(parse(text), Article(text=text, published="2024-03-07"), extractors=["quotes"])
    assert len(analysis.quotes) == 2
    if not analysis.entities:
        pytest.skip("the actors extractor produced no entities")
    ids = {q.speaker_entity for q in analysis.quotes}
    assert len(ids) == 1 and None not in ids
    assert analysis.entity(ids.pop()).name == "Sofia Brandt"


def test_weekday_date_without_times(parse):
    from newsgraph.extract.quotes import _last_weekday

    assert _last_weekday("2021-04-04", 5) == "2021-04-03"  # Saturday before a Sunday
    assert _last_weekday("2021-04-03", 5) == "2021-04-03"


def test_spacy_component():
    from newsgraph.nlp import _load_one, model_info

    model = _load_one(model_info().package)
    model.add_pipe("newsgraph_quotes")
    doc = model("“The harvest is lost,” said Piet Aalders, a farmer from the delta region.")
    assert [content(q) for q in doc._.quotes] == ["The harvest is lost"]
    assert doc._.quotes[0].speaker.text == "Piet Aalders"
    assert doc._.newsgraph.quotes == doc._.quotes


# --------------------------------------------------------------------------- the seed article


def _shared() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


SEED = _shared() / "examples" / "seed-article.txt"
SEED_GOLD = _shared() / "examples" / "seed-article.gold.json"
needs_seed = pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/examples is absent")


@pytest.fixture(scope="module")
def seed(parse):
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    analysis = analyze_doc(parse(text), Article(text=text, published="2021-04-04"), extractors=["quotes"])
    return text, gold, analysis


def _find(analysis, g) -> Quote | None:
    for q in analysis.quotes:
        c = content(q)
        if g["content_starts"] in c and g["content_ends"] in c:
            return q
    return None


def _speaker_name(analysis, q: Quote) -> str | None:
    ent = analysis.entity(q.speaker_entity)
    return ent.name if ent is not None else None


@needs_seed
def test_seed_every_required_quote_with_its_resolved_speaker(seed):
    _, gold, analysis = seed
    for g in gold["quotes"]:
        if g.get("optional"):
            continue
        q = _find(analysis, g)
        assert q is not None, g["content_starts"]
        assert q.speaker_name == g["speaker"], (g["content_starts"], q.speaker_name)
        if analysis.entities:
            assert _speaker_name(analysis, q) == g["speaker"], g["content_starts"]


@needs_seed
def test_seed_no_wrong_speaker(seed):
    _, gold, analysis = seed
    for q in analysis.quotes:
        for g in gold["quotes"]:
            if g["content_starts"] in content(q) and q.speaker_entity is not None:
                assert _speaker_name(analysis, q) == g["speaker"]


@needs_seed
def test_seed_estimate_is_not_a_quote(seed):
    text, gold, analysis = seed
    for nq in gold["not_quotes"]:
        if nq.get("optional"):
            continue
        start = text.index(nq["text"])
        end = start + len(nq["text"])
        for q in analysis.quotes:
            assert all(s.end <= start or s.start >= end for s in q.content), nq["text"]


@needs_seed
def test_seed_kinds_cues_and_channel(seed):
    _, gold, analysis = seed
    for g in gold["quotes"]:
        if g.get("optional"):
            continue
        q = _find(analysis, g)
        assert q is not None
        assert q.kind == g["kind"], g["content_starts"]
        assert q.cue is not None and q.cue.text.startswith(g["cue"].split()[0])
    twitter = _find(analysis, next(g for g in gold["quotes"] if g.get("channel")))
    assert twitter is not None and twitter.channel and "Twitter" in twitter.channel


# --------------------------------------------------------------------------- attribution hygiene


def test_furniture_is_never_a_speaker_cue_or_quote(parse):
    text = (
        "READ MORE: Man says toaster pastry dispute was a misunderstanding\n"
        "Authorities described the scene as chaotic.\n"
        "WATCH BELOW\n"
        "“We will rebuild the bridge by spring,” Mayor Karen Doyle said on Tuesday.\n"
        "By Jane Doe and John Roe, The Daily Planet\n"
        "“It is over,” Doyle added."
    )
    found = quotes_of(parse, text)
    for q in found:
        assert q.speaker is None or q.speaker.text not in ("READ MORE", "WATCH", "WATCH BELOW", "Man")
        assert "misunderstanding" not in content(q)
        assert q.cue is None or q.cue.start > text.index("\n")
    assert any(q.speaker and q.speaker.text == "Mayor Karen Doyle" for q in found)
    assert not any(q.speaker and "Jane Doe" in q.speaker.text for q in found)


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("Minister Dana Holt did not say the budget would be cut.", True),
        ("Holt denied saying that taxes would rise.", True),
        ("She has never said that the plan was dead.", True),
        ("Officials haven't said the mine is closing.", True),
        ("The mayor refused to say whether the bridge would reopen.", True),
        ("Holt denied that taxes would rise.", False),
        ("Holt said that she did not expect the budget to be cut.", False),
    ],
)
def test_negated_attribution(parse, sentence, negated):
    found = quotes_of(parse, sentence)
    assert found, sentence
    assert found[0].negated is negated


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        ("The senator reportedly said the deal was dead.", True),
        ("The chief allegedly told staff that the files were lost.", True),
        ("Rossi is said to have told aides that she would resign.", True),
        ("The minister is reported to have warned that the mine would close.", True),
        ("The senator said the deal was dead.", False),
        ("The senator said the deal had reportedly collapsed.", False),
    ],
)
def test_hedged_attribution(parse, sentence, hedged):
    found = quotes_of(parse, sentence)
    assert found, sentence
    assert found[0].hedged is hedged


def test_speaker_role_and_org_at_the_time_of_the_quote(parse):
    text = (
        "Health Minister Ana Ruiz said the clinics would reopen in May. "
        "The clinics closed last year after a fire."
    )
    analysis = analyze_doc(parse(text), Article(text=text, published="2024-03-07"), extractors=["quotes"])
    q = analysis.quotes[0]
    assert q.speaker_name == "Ana Ruiz"
    assert q.speaker_role == "Health Minister"
