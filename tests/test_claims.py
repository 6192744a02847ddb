"""Check-worthy claims: scoring, quantities, hedges and who asserts them.

The sentences are written for these tests (fictional, news style).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph import nlp
from newsgraph.extract import claims as cm
from newsgraph.model import Analysis, Article, Quote, Span
from newsgraph.pipeline import analyze


def _shared() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test the shipped default, whatever model the developer may have trained locally."""
    monkeypatch.setenv("NEWSGRAPH_CLAIMS_MODEL", "none")


def _span(text: str):
    return nlp.load()(text)[:]


def _score(text: str) -> float:
    return cm.score_span(_span(text))[0]


def _claims(text: str, quotes: list[Quote] | None = None):
    doc = nlp.load()(text)
    analysis = Analysis(pipeline_version="test", model=nlp.model_info(), article=Article(text=text))
    analysis.quotes = quotes or []
    return cm.extract_claims(doc, analysis)


# --------------------------------------------------------------------------- quantities


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "counted"),
    [
        ("Officials said 1,200 refugees crossed the border at Velmora last week.", 1200, "refugees", "refugees"),
        ("The ministry deployed 3,400 police officers in the capital.", 3400, "officers", "police officers"),
        ("Nearly forty-two villages in the valley lost power on Monday.", 42, "villages",
         "villages in the valley"),
        ("The council approved a $7.5 million budget for the harbour district.", 7.5e6, "USD", None),
        ("Turnout reached 64 percent of registered voters in the northern province.", 64, "percent",
         "registered voters"),
        ("Three hundred workers at the Ostrava plant went on strike.", 300, "workers", "workers at the Ostrava plant"),
        ("The blast killed 14 civilians in the market of Harlan on Friday.", 14, "civilians", "civilians"),
    ],
)
def test_quantities(sentence: str, value: float, unit: str, counted: str | None) -> None:
    quantities = cm.extract_quantities(_span(sentence))
    assert quantities, sentence
    q = quantities[0]
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    if counted is not None:
        assert q.counted == counted
    assert sentence[q.start : q.end] == q.text


def test_dates_are_not_quantities() -> None:
    quantities = cm.extract_quantities(_span("The treaty was signed on March 3, 2019 in Geneva."))
    assert quantities == []


@pytest.mark.parametrize(
    ("words", "value"),
    [(["2,500"], 2500), (["5", "billion"], 5e9), (["twenty-five"], 25), (["three", "hundred"], 300),
     (["1.5", "million"], 1.5e6), (["two", "thousand", "and", "twelve"], 2012)],
)
def test_parse_number(words: list[str], value: float) -> None:
    assert cm.parse_number(words) == pytest.approx(value)


# --------------------------------------------------------------------------- hedges


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("It is estimated that 4,000 families remain displaced in the region.", "It is estimated"),
        ("The minister reportedly met the rebel commander in Tarsa on Friday.", "reportedly"),
        ("The governor allegedly diverted funds from the flood relief programme.", "allegedly"),
        ("About 300 protesters gathered outside the parliament.", "About"),
        ("Some 2,000 troops were moved to the eastern border in May.", "Some"),
        ("An estimated 15,000 people attended the rally in Lindau.", "An estimated"),
    ],
)
def test_hedges(sentence: str, hedge: str) -> None:
    found = cm.find_hedge(_span(sentence))
    assert found is not None
    assert found.text == hedge
    assert sentence[found.start : found.end] == found.text


def test_some_without_number_is_not_a_hedge() -> None:
    assert cm.find_hedge(_span("Some lawmakers voted against the bill in 2018.")) is None


def test_unhedged_fact_has_no_hedge() -> None:
    assert cm.find_hedge(_span("Parliament passed the budget law on June 2, 2020 by 212 votes to 98.")) is None


# --------------------------------------------------------------------------- scoring


FACTS = [
    "Unemployment in the province rose to 11.4 percent in 2019, the highest rate in a decade.",
    "The senate voted 61 to 38 on Tuesday to ratify the fisheries treaty with Norway.",
    "Exports to Brazil fell by $2.3 billion last year after the tariff was imposed.",
    "General Haldor Vance ordered the withdrawal of 800 soldiers from the border town of Kesh in 2016.",
]

OPINIONS = [
    "I think we need a government that really listens to people.",
    "We must do better for our children.",
    "Will the minister finally tell the truth?",
    "Thank you very much.",
    "Let's be honest about what is at stake here.",
    "I believe this is the most important election of our lives.",
    "We will fight for every family in this country.",
]


@pytest.mark.parametrize("sentence", FACTS)
def test_factual_sentences_score_high(sentence: str) -> None:
    assert _score(sentence) >= cm.THRESHOLD


@pytest.mark.parametrize("sentence", OPINIONS)
def test_opinions_questions_and_promises_score_low(sentence: str) -> None:
    assert _score(sentence) < cm.THRESHOLD


def test_every_fact_outranks_every_opinion() -> None:
    assert min(_score(s) for s in FACTS) > max(_score(s) for s in OPINIONS)


def test_features_explain_the_score() -> None:
    span = _span("The senate voted 61 to 38 on Tuesday to ratify the fisheries treaty with Norway.")
    score, features = cm.score_span(span)
    assert {"quantity", "official_act", "past_tense", "named_entity"} <= set(features)
    assert score == pytest.approx(cm.rule_score(features))
    assert set(features) <= set(cm.WEIGHTS)


def test_modal_in_reported_speech_is_not_penalised_but_main_modal_is() -> None:
    reported = cm.sentence_features(_span("The mayor said in 2018 that he would raise the tax on fuel."))
    promise = cm.sentence_features(_span("The mayor will raise the tax on fuel."))
    assert "future_or_modal" not in reported
    assert "future_or_modal" in promise


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("Inflation in Corvia reached its highest level since 1981 last month.", "record"),
        ("The border post was closed for the first time since the war.", "superlative"),
        ("Hundreds of families fled the town of Ravel after the flood.", "vague_quantity"),
        ("According to the census office, the population of Tarvik grew last year.", "sourced"),
        ("I visited the factory with my father when I was young.", "first_person_experience"),
    ],
)
def test_feature_fires(sentence: str, feature: str) -> None:
    assert feature in cm.sentence_features(_span(sentence))


def test_judgment_superlative_without_time_scope_is_evaluative_not_record() -> None:
    features = cm.sentence_features(_span("She is the best mayor this city could ask for."))
    assert "record" not in features
    assert "superlative" not in features


# --------------------------------------------------------------------------- attribution


def _quote(text: str, content: str, speaker: str, entity: str | None) -> Quote:
    c0 = text.index(content)
    s0 = text.index(speaker)
    return Quote(
        id="Q1",
        kind="direct",
        content=[Span(start=c0, end=c0 + len(content), text=content)],
        speaker=Span(start=s0, end=s0 + len(speaker), text=speaker),
        speaker_entity=entity,
    )


ARTICLE = (
    "Police arrested 45 people in the port city of Marel on Sunday. "
    "\u201cThe ministry spent 12 million euros on the new bridge in 2021,\u201d opposition leader Dana Kors said."
)


def test_claim_inside_a_quote_belongs_to_the_speaker() -> None:
    content = "The ministry spent 12 million euros on the new bridge in 2021"
    quote = _quote(ARTICLE, content, "Dana Kors", "E7")
    claims = _claims(ARTICLE, [quote])
    quoted = [c for c in claims if c.quote == "Q1"]
    assert len(quoted) == 1
    assert quoted[0].speaker == "E7"
    assert quoted[0].text == content
    assert quoted[0].quantities[0].value == pytest.approx(12e6)
    assert quoted[0].quantities[0].unit == "EUR"
    outlet = [c for c in claims if c.quote is None]
    assert any(c.text.startswith("Police arrested 45 people") and c.speaker == "the outlet" for c in outlet)


def test_without_quotes_everything_is_the_outlets() -> None:
    claims = _claims(ARTICLE)
    assert claims
    assert all(c.speaker == "the outlet" and c.quote is None for c in claims)


def test_unattributed_belief_stays_with_the_outlet() -> None:
    text = "It is believed that 900 fighters remain in the hills near Sarov."
    content = "900 fighters remain in the hills near Sarov"
    c0 = text.index(content)
    quote = Quote(id="Q1", kind="belief", content=[Span(start=c0, end=c0 + len(content), text=content)])
    claims = _claims(text, [quote])
    assert len(claims) == 1
    assert claims[0].speaker == "the outlet"
    assert claims[0].quote is None
    assert claims[0].hedge is not None and claims[0].hedge.text == "It is believed"


def test_bare_attribution_frame_is_not_a_claim() -> None:
    text = (
        "\u201cThe army lost 300 vehicles in the spring offensive,\u201d said Mira Olsen, "
        "a senior analyst at the Nordic Defence Institute."
    )
    content = "The army lost 300 vehicles in the spring offensive"
    quote = _quote(text, content, "Mira Olsen, a senior analyst at the Nordic Defence Institute", "E2")
    c0 = text.index("said")
    quote.cue = Span(start=c0, end=c0 + 4, text="said")
    frame = nlp.load()(text)
    outside = frame.char_span(text.index("said"), len(text) - 1)
    # the same words score as a claim on their own; as a quote's frame they are attribution
    assert cm.score_span(outside)[0] >= cm.THRESHOLD
    claims = _claims(text, [quote])
    assert [c.text for c in claims] == [content]
    assert claims[0].speaker == "E2"


def test_a_line_break_ends_a_claim() -> None:
    text = "Cabinet backs budget\nThe cabinet approved a 3.2 billion euro budget for the railways on Monday."
    claims = _claims(text)
    assert claims
    assert all("\n" not in c.text for c in claims)
    assert any(c.text.startswith("The cabinet approved") for c in claims)


def test_reduced_passive_act_is_its_own_claim() -> None:
    text = "The convoy was hit on Tuesday near Darov in an air raid ordered by General Petrov."
    claims = _claims(text)
    clause = [c for c in claims if c.text == "an air raid ordered by General Petrov"]
    assert len(clause) == 1
    assert "official_act" in clause[0].features
    assert any(c.text.startswith("The convoy was hit") for c in claims)


def test_passive_without_named_agent_is_not_split_out() -> None:
    text = "The convoy was hit on Tuesday near Darov in an air raid ordered by the command."
    assert all(not c.text.startswith("an air raid") for c in _claims(text))


def test_claim_offsets_point_into_the_article() -> None:
    for claim in _claims(ARTICLE):
        assert ARTICLE[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0


# --------------------------------------------------------------------------- seed article


@pytest.mark.eval
def test_seed_article_top_claim_is_the_troop_estimate() -> None:
    path = _shared() / "examples" / "seed-article.txt"
    if not path.exists():
        pytest.skip(f"shared examples not available at {path}")
    analysis = analyze(path.read_text(encoding="utf-8"), published="2021-04-04")
    assert analysis.claims
    top = max(analysis.claims, key=lambda c: c.checkworthiness)
    assert "2,500 American troops in Iraq" in top.text
    assert top.hedge is not None and "estimated" in top.hedge.text.lower()
    assert top.speaker == "the outlet"
    assert top.quote is None
    quantity = next(q for q in top.quantities if q.value == 2500)
    assert quantity.unit == "troops"
    assert quantity.counted == "American troops in Iraq"


# --------------------------------------------------------------------------- optional trained model


def test_trained_model_is_used_when_present(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sklearn")
    from newsgraph.eval import claims as ev

    rows = [{"sentence_id": i, "label": 1, "text": s} for i, s in enumerate(FACTS)]
    rows += [{"sentence_id": 100 + i, "label": 0, "text": s} for i, s in enumerate(OPINIONS)]
    data = tmp_path / "labelled.json"
    data.write_text(json.dumps(rows), encoding="utf-8")
    out = ev.train(data, tmp_path / "model.pkl")
    assert out.exists()
    monkeypatch.setenv("NEWSGRAPH_CLAIMS_MODEL", str(out))
    span = _span(FACTS[0])
    score, features = cm.score_span(span)
    assert score != pytest.approx(cm.rule_score(features))  # the model, not the rules, scored it
    assert _score(FACTS[1]) > _score(OPINIONS[0])
    monkeypatch.setenv("NEWSGRAPH_CLAIMS_MODEL", "none")
    assert cm.score_span(span)[0] == pytest.approx(cm.rule_score(features))


def test_attribution_frame_with_adjuncts_is_not_a_claim():
    from newsgraph import analyze

    a = analyze("The brigade's commander, General Osman Taha, said in a video message that his forces "
                "would respect any truce.", published="2026-06-02")
    assert not any(c.text.rstrip().endswith("that") for c in a.claims)


# --------------------------------------------------------------------------- claimant names, furniture, tables


def test_claimant_is_named() -> None:
    from newsgraph.model import Entity

    content = "The ministry spent 12 million euros on the new bridge in 2021"
    quote = _quote(ARTICLE, content, "Dana Kors", "E7")
    doc = nlp.load()(ARTICLE)
    analysis = Analysis(pipeline_version="test", model=nlp.model_info(),
                        article=Article(text=ARTICLE, source="Marel Courier"))
    analysis.entities = [Entity(id="E7", name="Dana Kors", type="PERSON", kind="person")]
    analysis.quotes = [quote]
    claims = cm.extract_claims(doc, analysis)
    by_quote = {c.quote: c for c in claims}
    assert by_quote["Q1"].speaker == "E7" and by_quote["Q1"].speaker_name == "Dana Kors"
    assert by_quote[None].speaker == "the outlet" and by_quote[None].speaker_name == "Marel Courier"
    # no entity resolved: the speaker as the text names it, never a raw id
    quote.speaker_entity = None
    analysis.entities = []
    unresolved = [c for c in cm.extract_claims(doc, analysis) if c.quote == "Q1"]
    assert unresolved[0].speaker == "unknown" and unresolved[0].speaker_name == "Dana Kors"


def test_furniture_lines_are_not_claims() -> None:
    text = (
        "READ MORE: Police arrested 45 people in Marel after the 2021 bridge collapse\n"
        "By Jane Doe and John Roe, The Marel Courier\n"
        "Police arrested 45 people in the port city of Marel on Sunday."
    )
    claims = _claims(text)
    assert [c.text for c in claims] == ["Police arrested 45 people in the port city of Marel on Sunday."]


@pytest.mark.parametrize(
    "row",
    [
        "S&P/TSX 20,145.32 +112.40 +0.56%",
        "Dow Jones 38,904.04 up 0.4% Nasdaq 16,274.94 up 1.1%",
        "Maple Leafs 4, Canadiens 2, Bruins 3, Senators 1",
        "Gold $2,034.10 (-12.30) Oil $78.26 (+0.84) Loonie 74.12 cents US",
    ],
)
def test_market_and_sports_rows_are_demoted(row: str) -> None:
    score, features = cm.score_span(_span(row))
    assert "table" in features and score < cm.THRESHOLD


def test_a_sentence_of_figures_is_not_a_table() -> None:
    text = "The unemployment rate fell to 5.2 percent in March, from 5.6 percent in February and 6.1 percent in 2023."
    score, features = cm.score_span(_span(text))
    assert "table" not in features and score >= cm.THRESHOLD
