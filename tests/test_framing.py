"""Framing cues on sentences written for these tests (fictional, news style), plus the seed article.

The unit tests call the extractor on a hand-built ``Analysis`` where voice/targets depend on
quotes or actors, so they test the framing rules themselves; the pipeline tests run the
registered extractors end to end and skip when the actors/quotes extractors are missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph import nlp
from newsgraph.extract import REGISTRY, discover
from newsgraph.extract.framing import extract_frames, find_cues
from newsgraph.model import Analysis, Article, FrameCue, Quote, Span

REPORTING = ("said", "told", "added", "according", "stated", "explained", "noted")


@pytest.fixture(autouse=True)
def _no_local_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Test the shipped rules, never a model the developer trained on their machine."""
    monkeypatch.setenv("NEWSGRAPH_FRAMING_MODEL", str(tmp_path / "absent.pkl"))


def _frames(text: str, quotes: list[Quote] | None = None) -> list[FrameCue]:
    doc = nlp.load()(text)
    analysis = Analysis(pipeline_version="test", model=nlp.model_info(), article=Article(text=text))
    analysis.quotes = quotes or []
    return extract_frames(doc, analysis)


def _covering(frames: list[FrameCue], text: str, needle: str) -> list[FrameCue]:
    start = text.index(needle)
    end = start + len(needle)
    return [f for f in frames if f.start < end and start < f.end]


def test_offsets_are_exact_and_techniques_valid() -> None:
    text = (
        "The corrupt regime unleashed a vicious campaign against the so-called reformers. "
        "Critics called it a shameful, reckless betrayal."
    )
    frames = _frames(text)
    assert frames
    from newsgraph.eval.framing import TECHNIQUES

    for f in frames:
        assert text[f.start : f.end] == f.text
        assert f.technique in TECHNIQUES
        assert f.explanation


def test_loaded_word_inside_quote_belongs_to_speaker() -> None:
    text = (
        'Opposition leader Maria Keller said: "This reckless plan will hurt every family in '
        'the country." The ministry did not respond on Friday.'
    )
    q_start = text.index("This reckless")
    q_end = text.index('country."') + len("country.")
    speaker_start = text.index("Maria Keller")
    quote = Quote(
        id="Q1",
        kind="direct",
        content=[Span(start=q_start, end=q_end, text=text[q_start:q_end])],
        speaker=Span(start=speaker_start, end=speaker_start + 12, text="Maria Keller"),
        speaker_entity="E1",
    )
    frames = _frames(text, [quote])
    hits = [f for f in _covering(frames, text, "reckless") if f.technique == "Loaded_Language"]
    assert hits, frames
    assert all(f.voice == "speaker" and f.quote == "Q1" for f in hits)
    # the same word in the outlet's own sentence is the outlet's voice
    outlet_text = "The reckless plan will hurt every family in the country, the paper wrote."
    outlet = [f for f in _covering(_frames(outlet_text), outlet_text, "reckless")]
    assert outlet and all(f.voice == "outlet" and f.quote is None for f in outlet)


def test_no_loaded_language_on_reporting_verbs() -> None:
    text = (
        "The finance minister said on Tuesday that the budget would be published in May. "
        "A spokesman told reporters the figures were still being checked, and added that the "
        "cabinet would meet again next week, according to officials who explained the timetable "
        "and noted that parliament had stated its own schedule."
    )
    frames = _frames(text)
    for f in frames:
        assert not any(w in f.text.lower().split() for w in REPORTING), f


def test_so_called_is_doubt_on_the_following_phrase() -> None:
    text = "Delegates met in Geneva for the so-called peace summit, which ended without a statement."
    hits = [f for f in _frames(text) if f.technique == "Doubt"]
    assert hits, "so-called should raise Doubt"
    cue = hits[0]
    assert cue.text.startswith("so-called")
    assert cue.target_text == "peace summit"


def test_scare_quotes_around_a_term_are_doubt() -> None:
    text = 'The "experts" behind the report have never visited the region they describe.'
    hits = [f for f in _frames(text) if f.technique == "Doubt"]
    assert any("experts" in f.text for f in hits), hits


def test_partial_quote_after_reporting_verb_is_not_a_scare_quote() -> None:
    text = 'The minister said the two countries would hold a "strategic dialogue" next month.'
    assert not [f for f in _frames(text) if f.technique == "Doubt"]


def test_slogans() -> None:
    text = (
        'Thousands marched through the capital chanting "Hands off our hospitals" on Sunday. '
        "Their banners read No to War, No to Sanctions and No to Hunger. "
        "Organisers shared the hashtag #SaveOurWards online."
    )
    slogans = [f.text for f in _frames(text) if f.technique == "Slogans"]
    assert "Hands off our hospitals" in slogans
    assert any(s.startswith("No to War") and s.endswith("No to Hunger") for s in slogans), slogans
    assert "#SaveOurWards" in slogans


def test_repetition_of_a_loaded_label() -> None:
    text = (
        "The thugs arrived before dawn. Residents said the thugs broke windows on every street. "
        "By noon the thugs had gone."
    )
    reps = [f for f in _frames(text) if f.technique == "Repetition"]
    assert len(reps) >= 2
    assert all(f.text.endswith("thugs") for f in reps)
    single = "The thugs arrived before dawn and left at noon."
    assert not [f for f in _frames(single) if f.technique == "Repetition"]


def test_flag_waving_and_exaggeration() -> None:
    text = (
        "We will defend our great nation against anyone who threatens it. "
        "It is the worst economic crisis in history, the union leader wrote."
    )
    frames = _frames(text)
    assert any(f.technique == "Flag-Waving" and "our great nation" in f.text for f in frames)
    assert any(f.technique == "Exaggeration,Minimisation" and "worst" in f.text for f in frames)


def test_adjective_takes_its_noun_into_the_span() -> None:
    text = "Residents described a particularly gruesome attack on the village market."
    hits = [f for f in _frames(text) if f.technique == "Loaded_Language"]
    assert any(f.text == "particularly gruesome attack" for f in hits), hits


def test_neutral_news_has_few_cues() -> None:
    text = (
        "The city council approved the new transport budget on Monday by nine votes to four. "
        "The plan funds two bus routes and repairs to the northern bridge, officials said. "
        "Work is expected to begin in March and last about a year."
    )
    assert find_cues(nlp.load()(text), Analysis(pipeline_version="t", model=nlp.model_info(),
                                                 article=Article(text=text))) == []


def _pipeline_ready() -> bool:
    discover()
    return "actors" in REGISTRY and "quotes" in REGISTRY


@pytest.mark.skipif(not _pipeline_ready(), reason="actors/quotes extractors not registered")
def test_label_targets_the_named_actor() -> None:
    from newsgraph import analyze

    text = (
        "The disgraced senator Tom Harlow arrived at the court in Springfield on Monday. "
        "Harlow denies all charges."
    )
    analysis = analyze(text)
    hits = [f for f in analysis.frames if f.technique == "Name_Calling,Labeling" and "disgraced" in f.text]
    assert hits, analysis.frames
    ent = analysis.entity(hits[0].target)
    assert ent is not None and "Harlow" in ent.name


def _shared() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.eval
@pytest.mark.skipif(not _pipeline_ready(), reason="actors/quotes extractors not registered")
def test_seed_article_gold_framing() -> None:
    seed = _shared() / "examples"
    if not (seed / "seed-article.txt").exists():
        pytest.skip(f"seed article not available under {seed}")
    from newsgraph import analyze

    text = (seed / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((seed / "seed-article.gold.json").read_text(encoding="utf-8"))["framing"]
    analysis = analyze(text, published="2021-04-04")
    for item in gold:
        if item.get("optional"):
            continue
        start = text.index(item["text"])
        end = start + len(item["text"])
        found = [
            f
            for f in analysis.frames
            if f.start < end and start < f.end and f.technique.split(",")[0] in item["technique"]
        ]
        assert found, f"no cue with technique {item['technique']} on {item['text']!r}"
        if item.get("target"):
            names = {n.strip().lower() for n in item["target"].split(";")}
            targets = {(f.target_text or "").lower() for f in found}
            for f in found:
                ent = analysis.entity(f.target)
                if ent is not None:
                    targets.add(ent.name.lower())
            assert names & targets, f"{item['text']!r}: targets {targets} miss {names}"
    # reporting verbs never carry loaded language
    for f in analysis.frames:
        if f.technique == "Loaded_Language":
            assert not any(w in f.text.lower().split() for w in REPORTING), f


def test_adverb_built_on_loaded_adjective_is_loaded() -> None:
    """"-ly" adverbs of a listed loaded adjective are loaded too; a plain "-ly" adverb is not."""
    text = "The ministry sleazily mishandled the harvest report, which was published quarterly."
    frames = _frames(text)
    hit = _covering(frames, text, "sleazily")
    assert any(f.technique == "Loaded_Language" and "LOADED_ADJ+ly" in f.explanation for f in hit), frames
    assert not _covering(frames, text, "quarterly")


def test_intensity_and_contempt_adjectives() -> None:
    """Second-batch entries: intensity ("sheer") and contempt ("pig-headed") adjectives."""
    text = "The sheer arrogance of the pig-headed committee stunned the farmers of Elmwick."
    frames = _frames(text)
    assert any(f.technique == "Loaded_Language" for f in _covering(frames, text, "sheer"))
    assert _covering(frames, text, "pig-headed")
    assert not _covering(frames, text, "farmers of Elmwick")


def test_scare_quotes_around_a_people_noun_label_them() -> None:
    """Scare quotes around a word for people ("the 'experts'") label them; around a thing they cast doubt."""
    text = "The so-called review was led by the \u201cexperts\u201d of the ministry, who praised the new \u201cbridge\u201d plan."
    frames = _frames(text)
    assert any(f.technique == "Name_Calling,Labeling" for f in _covering(frames, text, "experts")), frames
    assert not any(f.technique == "Name_Calling,Labeling" for f in _covering(frames, text, "bridge")), frames


def test_loaded_adjective_on_followers_labels_them() -> None:
    """A loaded adjective on a word for followers ("obsequious acolytes") labels those people."""
    text = "The governor arrived in Tarnford with his obsequious acolytes in tow."
    frames = _frames(text)
    hit = _covering(frames, text, "obsequious acolytes")
    assert any(f.technique == "Name_Calling,Labeling" for f in hit), frames


def test_praise_is_loaded_only_on_people_and_hyperbole_exaggerates() -> None:
    """Plain admiration of a thing is not flagged; on people it labels them; hyperbolic praise overstates."""
    text = "The heroic soldiers of Dunmore saved a beautiful, noble old bridge. It was a tremendous result."
    frames = _frames(text)
    assert any(f.technique == "Name_Calling,Labeling" for f in _covering(frames, text, "heroic soldiers")), frames
    assert not any(f.technique == "Loaded_Language" for f in _covering(frames, text, "noble")), frames
    assert any(f.technique == "Exaggeration,Minimisation" for f in _covering(frames, text, "tremendous")), frames


def test_loaded_noun_takes_short_of_complement() -> None:
    """A loaded noun with a short "of" complement is flagged as one phrase ("a cesspool of favours")."""
    text = "Critics say the planning office has become a cesspool of favours for developers."
    frames = _frames(text)
    hit = [f for f in frames if f.technique == "Loaded_Language" and "cesspool" in f.text]
    assert hit and "of favours" in hit[0].text, frames


def _loaded(frames: list[FrameCue]) -> list[str]:
    return [f.text for f in frames if f.technique == "Loaded_Language"]


def test_coordinated_adjectives_are_one_loaded_phrase() -> None:
    """"harmful and divisive views": the coordination is one evaluative phrase, with its noun."""
    text = "The mayor of Pellham repeated his harmful and divisive views at the harbour meeting."
    frames = _frames(text)
    assert "harmful and divisive views" in _loaded(frames), frames


def test_coordination_stops_at_a_quote_mark() -> None:
    text = "The minister called it a \u201cpublicity stunt\u201d and her refusal to attend a disgrace."
    frames = _frames(text)
    assert not any("stunt\u201d and" in t for t in _loaded(frames)), frames


def test_loaded_noun_premodifiers_stop_at_a_possessor() -> None:
    """The loaded word is judged, not the name before it: "Tarnford's hypocrisy" flags "hypocrisy"."""
    text = "Observers in the valley were not surprised by Tarnford\u2019s hypocrisy on the water deal."
    frames = _frames(text)
    hit = [f for f in frames if f.technique == "Loaded_Language" and "hypocrisy" in f.text]
    assert hit and hit[0].text == "hypocrisy", frames


def test_frame_noun_joins_a_loaded_noun() -> None:
    """"a web of lies": the noun that frames the loaded noun belongs to the phrase."""
    text = "The inquiry found that the councillor had built a tapestry of lies about the grant."
    frames = _frames(text)
    assert any(t.endswith("tapestry of lies") for t in _loaded(frames)), frames


def test_headline_case_loaded_word_is_found_despite_the_tagger() -> None:
    """A title-case headline word the tagger reads as a proper noun is still a loaded word."""
    text = "Harbour Board Unleashes Disgraceful Attack On Fishermen\n\nThe board voted on Tuesday."
    frames = _frames(text)
    assert any("Disgraceful" in t for t in _loaded(frames)), frames


def test_loaded_spans_do_not_cross_line_breaks_or_end_in_punctuation() -> None:
    text = "The ferry plan failed, miserably\n\nPortlow harbour reopened on Monday. It was a \u201cdisgraceful farce.\u201d"
    frames = _frames(text)
    for f in frames:
        if f.technique in ("Loaded_Language", "Name_Calling,Labeling"):
            assert "\n" not in f.text, f
            assert f.text[0].isalnum() and f.text[-1].isalnum(), f
    assert any("miserably" in t for t in _loaded(frames)), frames


# --------------------------------------------------------------------------- literal uses, voice, furniture


@pytest.mark.parametrize(
    ("text", "literal", "loaded"),
    [
        ("Two teenagers were killed in a car crash on Highway 7. The debate was a car crash for the senator.",
         "car crash on", "a car crash for"),
        ("Funds that invest in junk bonds hold about $32 billion. The minister said the report is junk.",
         "junk bonds", "is junk"),
        ("She answered in a shrill voice. The senator's shrill attacks on the judge went on.",
         "shrill voice", "shrill attacks"),
        ("The dry period lasted three months. We will not back down. Period.", "dry period", "Period."),
        ("Unlike Patriot, the new owner has few investors. He called them traitors and scum.", "Patriot", "scum"),
    ],
)
def test_literal_uses_are_not_loaded(text, literal, loaded):
    frames = _frames(text)
    a = text.index(literal)  # the literal use comes first, the loaded use of the same word last
    assert not [f for f in frames if f.start < a + len(literal) and a < f.end], frames
    b = text.rindex(loaded)
    assert [f for f in frames if f.start < b + len(loaded) and b < f.end], frames


def test_conversational_interjection_is_not_loaded_but_emphatic_one_is():
    text = "Gosh, I do not know, the farmer said. Wow! The price tripled overnight."
    frames = _frames(text)
    assert not _covering(frames, text, "Gosh")
    assert _covering(frames, text, "Wow")


def test_ranking_by_a_measure_is_not_exaggeration():
    text = "The United States and China are the two largest emitters. It was the worst disaster ever."
    frames = _frames(text)
    assert not _covering(frames, text, "largest emitters")
    assert any(f.technique == "Exaggeration,Minimisation" for f in _covering(frames, text, "worst disaster ever"))


def test_loaded_word_in_an_unattributed_quotation_is_a_speakers():
    text = ("The plan drew fire on Monday. “This is an outrageous, reckless scheme that nobody asked for.” "
            "Critics called it a “disgrace”.")
    frames = _frames(text)  # no quote records: the quotation marks alone tell whose words they are
    inside = _covering(frames, text, "reckless")
    assert inside and all(f.voice == "speaker" and f.quote is None for f in inside)
    scare = _covering(frames, text, "disgrace")
    assert all(f.voice == "outlet" for f in scare)  # a one-word scare quote is the outlet's framing


def test_furniture_lines_hold_no_cues():
    text = "WATCH: Senator unleashes disgraceful rant\nThe senator gave a disgraceful speech."
    frames = _frames(text)
    assert frames and all(f.start > text.index("\n") for f in frames)
