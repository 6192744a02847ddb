"""Time expressions: detection, TIMEX3 normalization, tense, anchoring, no publication date.

Sentences are written for these tests (fictional news style).  Publication date
in most tests: Sunday 2021-04-04.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.times import find_times, fmt, nearest_year, parse_published, shift, value_precision
from newsgraph.model import Article, TimeExpr

PUB = "2021-04-04"  # a Sunday; ISO week 2021-W13


@pytest.fixture(scope="module")
def nlp():
    from newsgraph import nlp as loader

    return loader.load()


def times(nlp, text: str, published: str | None = PUB) -> list[TimeExpr]:
    return find_times(nlp(text), published)


def value_of(nlp, text: str, phrase: str, published: str | None = PUB) -> str | None:
    """The value of the expression whose text is ``phrase`` (fails if it was not found)."""
    found = times(nlp, text, published)
    for t in found:
        if t.text == phrase:
            return t.value
    raise AssertionError(f"{phrase!r} not found; got {[(t.text, t.value) for t in found]}")


# ---------------------------------------------------------------- calendar helpers


def test_fmt_granularities():
    d = date(2021, 4, 4)
    assert fmt(d, "day") == "2021-04-04"
    assert fmt(d, "week") == "2021-W13"
    assert fmt(d, "weekend") == "2021-W13-WE"
    assert fmt(d, "month") == "2021-04"
    assert fmt(d, "quarter") == "2021-Q2"
    assert fmt(d, "half") == "2021-H1"
    assert fmt(d, "year") == "2021"
    assert fmt(d, "decade") == "202"
    assert fmt(d, "century") == "20"


def test_shift_is_calendar_aware():
    assert shift(date(2020, 1, 31), "month", 1) == date(2020, 2, 29)
    assert shift(date(2021, 4, 4), "year", -1) == date(2020, 4, 4)
    assert shift(date(2021, 4, 4), "week", 1) == date(2021, 4, 11)


def test_nearest_year_respects_tense():
    base = date(2021, 4, 4)
    assert nearest_year(base, (12, 1), (12, 31), "past") == 2020
    assert nearest_year(base, (12, 1), (12, 31), "future") == 2021
    assert nearest_year(base, (1, 1), (1, 31), None) == 2021
    # a date two weeks ahead is still allowed in a past clause (slack for reported plans)
    assert nearest_year(base, (4, 15), (4, 15), "past") == 2021


def test_value_precision():
    assert value_precision("2021-04-03") == "day"
    assert value_precision("2021-04-03TMO") == "day"
    assert value_precision("2021-W14") == "week"
    assert value_precision("2021-04") == "month"
    assert value_precision("2021-Q2") == "year"
    assert value_precision("2021") == "year"
    assert value_precision("PRESENT_REF") == "unknown"
    assert value_precision(None) is None


def test_parse_published():
    assert parse_published("2021-04-04") == date(2021, 4, 4)
    assert parse_published("1998-02-13T14:26:00") == date(1998, 2, 13)
    assert parse_published(None) is None
    assert parse_published("yesterday") is None


# ---------------------------------------------------------------- absolute expressions


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The treaty was signed on March 3, 2015, in Geneva.", "March 3, 2015", "2015-03-03"),
        ("The treaty was signed on 3 March 2015 in Geneva.", "3 March 2015", "2015-03-03"),
        ("The regulator published the rules on 2019-11-30.", "2019-11-30", "2019-11-30"),
        ("The mine closed in June 2019 after a long strike.", "June 2019", "2019-06"),
        ("The port was built in 1998 by a state company.", "1998", "1998"),
        ("Inflation soared in the 1970s across the region.", "the 1970s", "197"),
        ("Inflation soared in the '70s across the region.", "the '70s", "197"),
        ("The town was founded in the 18th century.", "the 18th century", "17"),
        ("The ministry's budget for fiscal 2020 was cut.", "fiscal 2020", "2020"),
        ("Exports fell in the third quarter of 2019.", "the third quarter of 2019", "2019-Q3"),
        ("Exports fell in the first half of 2018.", "the first half of 2018", "2018-H1"),
        ("The island was hit by storms in the summer of 2017.", "the summer of 2017", "2017-SU"),
    ],
)
def test_absolute(nlp, text, phrase, value):
    assert value_of(nlp, text, phrase) == value


def test_absolute_dates_need_no_anchor(nlp):
    (t,) = [t for t in times(nlp, "The treaty was signed on March 3, 2015.") if t.text == "March 3, 2015"]
    assert t.anchor is None and t.resolved and t.type == "DATE"


# ---------------------------------------------------------------- relative to publication


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Talks that began last June stalled.", "last June", "2020-06"),
        ("Negotiators will meet next week in Oslo.", "next week", "2021-W14"),
        ("The minister said prices rose last week.", "last week", "2021-W12"),
        ("The envoy will visit the capital this month.", "this month", "2021-04"),
        ("Turnout was low last year.", "last year", "2020"),
        ("The ministry will publish figures next year.", "next year", "2022"),
        ("Police arrested two men yesterday.", "yesterday", "2021-04-03"),
        ("The court rules tomorrow on the appeal.", "tomorrow", "2021-04-05"),
        ("The border reopened today after a week.", "today", "2021-04-04"),
        ("The party won a by-election earlier this year.", "earlier this year", "2021"),
        ("The mayor resigned a year ago amid a scandal.", "a year ago", "2020"),
        ("The plant closed three months ago.", "three months ago", "2021-01"),
        ("The strike began five days ago.", "five days ago", "2021-03-30"),
        ("Drought hit farms last summer.", "last summer", "2020-SU"),
        ("The festival will return this summer.", "this summer", "2021-SU"),
        ("The bank reported losses in the first quarter.", "the first quarter", "2021-Q1"),
        ("Shares fell on Saturday, April 3.", "Saturday, April 3", "2021-04-03"),
    ],
)
def test_relative_to_publication(nlp, text, phrase, value):
    assert value_of(nlp, text, phrase) == value


def test_relative_expression_records_publication_anchor(nlp):
    (t,) = [t for t in times(nlp, "Talks that began last June stalled.") if t.text == "last June"]
    assert t.anchor == "publication" and t.resolved


# ---------------------------------------------------------------- tense


def test_bare_weekday_past_tense_is_previous(nlp):
    assert value_of(nlp, "The minister resigned on Friday after the vote.", "Friday") == "2021-04-02"


def test_bare_weekday_future_tense_is_next(nlp):
    assert value_of(nlp, "The minister will resign on Friday after the vote.", "Friday") == "2021-04-09"


def test_scheduled_present_and_is_to_are_future(nlp):
    assert value_of(nlp, "The two leaders meet Monday in Cairo.", "Monday") == "2021-04-05"
    assert value_of(nlp, "Trading is to resume Tuesday, the exchange said.", "Tuesday") == "2021-04-06"


def test_since_points_back(nlp):
    assert value_of(nlp, "The road has been closed since December.", "December") == "2020-12"


def test_reduced_relative_participle_is_past(nlp):
    text = "Profit fell in the year ended Sept. 30."
    found = {t.text: t for t in times(nlp, text)}
    assert found["Sept. 30"].value == "2020-09-30"
    assert (found["the year"].type, found["the year"].value) == ("DURATION", "P1Y")


def test_weekday_with_last_and_next(nlp):
    assert value_of(nlp, "Rebels attacked the base last Tuesday.", "last Tuesday") == "2021-03-30"
    assert value_of(nlp, "The parliament votes next Tuesday.", "next Tuesday") == "2021-04-06"


def test_bare_month_follows_tense(nlp):
    assert value_of(nlp, "The council met in December to approve the budget.", "December") == "2020-12"
    assert value_of(nlp, "The council will meet in December to approve the budget.", "December") == "2021-12"


def test_past_clause_month_two_months_ahead_is_last_year(nlp):
    assert value_of(nlp, "The envoys met in June to discuss the border.", "June") == "2020-06"


def test_one_day_as_indefinite_time(nlp):
    assert value_of(nlp, "One day, he will return to the valley.", "One day") == "FUTURE_REF"
    assert value_of(nlp, "The talks lasted one day.", "one day") == "P1D"


def test_abbreviations_keep_their_period_and_sun_is_a_paper(nlp):
    assert [t.text for t in times(nlp, "The court sat on Thurs. and Fri., the clerk told The Sun.")] == [
        "Thurs.", "Fri."]


def test_month_day_without_year_follows_tense(nlp):
    assert value_of(nlp, "The ceasefire collapsed on Nov. 12 after heavy shelling.", "Nov. 12") == "2020-11-12"
    assert value_of(nlp, "The summit will open on Nov. 12 in Lisbon.", "Nov. 12") == "2021-11-12"


# ---------------------------------------------------------------- times of day, refs, durations, sets


@pytest.mark.parametrize(
    ("text", "phrase", "value", "typ"),
    [
        ("The rally started Monday morning outside parliament.", "Monday morning", "2021-03-29TMO", "TIME"),
        ("The blast happened at 3 p.m. near the market.", "3 p.m.", "2021-04-04T15:00", "TIME"),
        ("The curfew begins tonight in the capital.", "tonight", "2021-04-04TNI", "TIME"),
        ("Police said the blast was heard last night.", "last night", "2021-04-03TNI", "TIME"),
        ("The port is currently closed to tankers.", "currently", "PRESENT_REF", "DATE"),
        ("The main challenge now is security.", "now", "PRESENT_REF", "DATE"),
        ("The envoy recently met rebel leaders.", "recently", "PAST_REF", "DATE"),
        ("The square was formerly a market.", "formerly", "PAST_REF", "DATE"),
        ("A deal is expected soon, officials said.", "soon", "FUTURE_REF", "DATE"),
        ("The siege lasted three years.", "three years", "P3Y", "DURATION"),
        ("The rebels held the town for six months.", "six months", "P6M", "DURATION"),
        ("Talks went on for 48 hours.", "48 hours", "PT48H", "DURATION"),
        ("He was given a two-year sentence.", "two-year", "P2Y", "DURATION"),
        ("Fighting continued for several days.", "several days", "PXD", "DURATION"),
        ("Refugees returned over the past two weeks.", "the past two weeks", "P2W", "DURATION"),
        ("The region faced many crises in the past years.", "the past years", "PXY", "DURATION"),
        ("Inspectors visit the site every Monday.", "every Monday", "XXXX-WXX-1", "SET"),
        ("The board meets annually in Vienna.", "annually", "P1Y", "SET"),
    ],
)
def test_kinds(nlp, text, phrase, value, typ):
    found = {t.text: t for t in times(nlp, text)}
    assert phrase in found, found
    assert (found[phrase].value, found[phrase].type) == (value, typ)


def test_spans_exclude_prepositions_and_possessives(nlp):
    found = [t.text for t in times(nlp, "In the past three months, last month's output fell on Friday.")]
    assert "the past three months" in found
    assert "last month" in found
    assert "Friday" in found


def test_not_time_expressions(nlp):
    text = "Theresa May said the miners may march to the capital. The quarterly report counts 1500 workers."
    assert [t.text for t in times(nlp, text)] == []


# ---------------------------------------------------------------- anchoring on the text


def test_two_days_after_hangs_on_the_previous_date(nlp):
    text = (
        "Lawmakers approved the bill on March 10, 2019, after a long debate. "
        "The vote came two days after the killing of a judge in the capital."
    )
    found = times(nlp, text)
    absolute = next(t for t in found if t.text == "March 10, 2019")
    rel = next(t for t in found if t.text == "two days after")
    assert rel.value == "2019-03-08"
    assert rel.anchor == absolute.id


def test_later_and_following_move_from_the_reference(nlp):
    text = (
        "The company was founded on May 3, 2010, in Leeds. Two days later, its founder quit. "
        "The board met the following week."
    )
    found = {t.text: t for t in times(nlp, text)}
    assert found["Two days later"].value == "2010-05-05"
    assert found["the following week"].value == "2010-W19"
    assert found["Two days later"].anchor == found["May 3, 2010"].id


def test_previous_weekday_counts_from_the_text_date(nlp):
    text = "The envoy arrived on March 10, 2019. He had left Cairo the previous Friday."
    found = {t.text: t for t in times(nlp, text)}
    assert found["the previous Friday"].value == "2019-03-08"
    assert found["the previous Friday"].anchor == found["March 10, 2019"].id


def test_duration_after_without_dated_narrative_stays_a_duration(nlp):
    found = times(nlp, "The law will take effect 90 days after the signing ceremony.")
    assert [(t.text, t.value, t.type) for t in found] == [("90 days", "P90D", "DURATION")]


def test_later_without_dated_narrative_is_only_a_length(nlp):
    found = times(nlp, "Two weeks later, the rebels retook the town.")
    assert [(t.text, t.value, t.type) for t in found] == [("Two weeks", "P2W", "DURATION")]


def test_half_of_this_year(nlp):
    assert value_of(nlp, "The report covers the first half of this year.", "the first half of this year") == "2021-H1"


def test_quarter_anaphora_and_year_earlier(nlp):
    text = ("Acme earned $5 million in the third quarter, up from $3 million a year earlier. "
            "Revenue in the quarter rose 4%.")
    found = {t.text: t.value for t in find_times(nlp(text), "2019-11-02")}
    assert found["the third quarter"] == "2019-Q3"
    assert found["a year earlier"] == "2018-Q3"
    assert found["the quarter"] == "2019-Q3"


# ---------------------------------------------------------------- no publication date


def test_without_publication_date_relative_is_unresolved(nlp):
    text = ("The minister resigned on Friday. The treaty was signed on March 3, 2015. "
            "The siege lasted three years. Talks begin next week.")
    found = {t.text: t for t in times(nlp, text, published=None)}
    for phrase in ("Friday", "next week"):
        assert found[phrase].value is None and found[phrase].resolved is False
    assert found["March 3, 2015"].value == "2015-03-03" and found["March 3, 2015"].resolved
    assert found["three years"].value == "P3Y" and found["three years"].resolved


def test_without_publication_date_anchor_on_text_still_resolves(nlp):
    text = ("The council passed the budget on March 9, 2019. "
            "The vote took place two days after the resignation of the treasurer.")
    found = {t.text: t for t in times(nlp, text, published=None)}
    assert found["two days after"].value == "2019-03-07"
    assert found["two days after"].anchor == found["March 9, 2019"].id


# ---------------------------------------------------------------- pipeline and seed article


def test_registered_extractor_runs_through_pipeline(nlp):
    from newsgraph.pipeline import analyze_doc

    text = "Rebels attacked the base last Tuesday."
    analysis = analyze_doc(nlp(text), Article(text=text, published=PUB), extractors=["times"])
    assert [(t.text, t.value) for t in analysis.times] == [("last Tuesday", "2021-03-30")]
    t = analysis.times[0]
    assert text[t.start:t.end] == t.text


def _shared() -> Path:
    env = os.environ.get("NEWSGRAPH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.skipif(not (_shared() / "examples" / "seed-article.gold.json").exists(),
                    reason="../shared/examples (seed article) not available")
def test_seed_article_gold_times(nlp):
    examples = _shared() / "examples"
    text = (examples / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((examples / "seed-article.gold.json").read_text(encoding="utf-8"))["times"]
    found = find_times(nlp(text), "2021-04-04")
    got = {(t.text, t.value) for t in found}
    missing = [g for g in gold if (g["text"], g["value"]) not in got]
    assert not missing, missing
    after = next(t for t in found if t.text == "two days after")
    assert after.anchor is not None and after.anchor != "publication"


TIMEX_VALUE = re.compile(
    r"^(\d{2,4}(-(\d{2}(-\d{2})?|W\d{2}(-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?(T(\d{2}:\d{2}|MO|AF|EV|NI|MI))?"
    r"|P(T?(\d+|X)(Y|M|W|D|H|S|Q|DE|CE|WE))+|PT?\d+[A-Z]\d+[A-Z]|XXXX-(WXX-\d|\d{2})|PRESENT_REF|PAST_REF|FUTURE_REF)$"
)

_WORDS = st.sampled_from(
    "the on in last next this week month year Friday June 5, 2020 two days after ago earlier later "
    "May may quarter third since recently now three years 1998 p.m. 7 at of a and following summer "
    "tomorrow yesterday 's - , . every daily fiscal 12 Dec. morning the past".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=25), st.sampled_from([PUB, "1999-12-31", None]))
def test_random_text_offsets_and_value_shapes(nlp, words, published):
    text = " ".join(words)
    for t in find_times(nlp(text), published):
        assert text[t.start:t.end] == t.text
        if t.value is None:
            assert not t.resolved
        else:
            assert TIMEX_VALUE.match(t.value), t.value
        if published is None and t.anchor == "publication":
            raise AssertionError(f"guessed against a missing publication date: {t}")


# ---------------------------------------------------------------- clock times and undated anchors


@pytest.mark.parametrize(
    ("text", "phrase", "clock"),
    [
        ("Near 1750 GMT, the port authority reopened the harbour.", "1750 GMT", "T17:50"),
        ("Polls in Freedonia close at 0900 ET after a long night.", "0900 ET", "T09:00"),
        ("The convoy crossed the bridge at 2130 local time.", "2130 local time", "T21:30"),
    ],
)
def test_24_hour_clock_with_zone_is_a_time_of_day_not_a_year(nlp, text, phrase, clock):
    found = times(nlp, text)
    hit = next(t for t in found if t.text == phrase)
    assert hit.type == "TIME" and hit.value is not None and hit.value.endswith(clock)
    assert not any(t.value and re.fullmatch(r"1[7-9]\d\d|20\d\d", t.value) for t in found)


def test_a_bare_four_digit_year_is_still_a_year(nlp):
    assert value_of(nlp, "The lighthouse was built in 1750 by the navy.", "1750") == "1750"


def test_week_of_an_undated_event_is_left_unresolved(nlp):
    found = times(nlp, "Shares slid in the week of the Brexit vote, traders said.")
    assert found, "the expression should still be detected"
    assert all(t.value is None and not t.resolved for t in found if "week" in t.text)
    # a week named by a date is still read
    assert value_of(nlp, "Shares slid in the week of June 5, traders said.", "June 5").endswith("06-05")
