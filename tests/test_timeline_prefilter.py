"""The SQL year pre-filter of the timeline keeps every value the exact overlap test keeps."""

from __future__ import annotations

import itertools

from newsgraph.timeline import date_range, overlaps, year_bounds

VALUES = ["2019", "2019-12", "2019-12-31", "2020-01-01", "2020-W01", "2019-W52", "2020-W53", "2021-W01",
          "2019-WI", "2020-SU", "2020-Q4", "199", "19", "2020-06-15T10:30", "2020-12-31TNI", "2018", "2022-01"]
RANGES = [("2020", "2020"), ("2020-01-01", None), (None, "2019-12-31"), ("2019-06", "2020-01"),
          ("2021-01-01", "2021-01-03"), ("1995", "1996"), (None, None)]


def passes(v: str, lo: str | None, hi: str | None) -> bool:
    short = len(v) < 4
    return (lo is None or v >= lo or short) and (hi is None or v < hi or short)


def test_prefilter_is_a_superset_of_the_overlap_test() -> None:
    checked = 0
    for v, (start, end) in itertools.product(VALUES, RANGES):
        if date_range(v) is None:
            continue
        if overlaps(v, start, end):
            checked += 1
            assert passes(v, *year_bounds(start, end)), (v, start, end)
    assert checked > 20


def test_prefilter_drops_far_years() -> None:
    lo, hi = year_bounds("2020", "2020")
    assert not passes("2015-03-01", lo, hi) and not passes("2030", lo, hi)


def test_year_and_month_bounds_are_whole_periods() -> None:
    assert not overlaps("2019-05-02", "1995", "1996")
    assert overlaps("1996-12-31", "1995", "1996") and overlaps("1995-01-01", "1995", "1996")
    assert overlaps("2020-06-30", "2020-06", "2020-06") and not overlaps("2020-07-01", "2020-06", "2020-06")
    assert overlaps("2020", "2020-06", None)


def test_the_sql_prefilter_keeps_every_overlapping_value() -> None:
    """The conditions the timeline query runs (queries._year_prefilter), on a real table: every
    value the overlap test keeps passes them, and far years do not ("19" and "199" included)."""
    from sqlalchemy import Column, MetaData, String, Table, create_engine, insert, select

    from newsgraph.queries import _year_prefilter

    t = Table("v", MetaData(), Column("value", String))
    engine = create_engine("sqlite://")
    t.metadata.create_all(engine)
    extra = ["1850", "2", "20", "201", "202", "203", "18"]
    with engine.begin() as conn:
        conn.execute(insert(t), [{"value": v} for v in VALUES + extra])
        for start, end in RANGES:
            kept = set(conn.execute(select(t.c.value).where(*_year_prefilter(t.c.value, start, end))).scalars())
            for v in VALUES + extra:
                if date_range(v) is not None and overlaps(v, start, end):
                    assert v in kept, (v, start, end)
            if (start, end) == ("2020", "2020"):
                assert not kept & {"1850", "2015-03-01", "18", "203", "199"}, kept
