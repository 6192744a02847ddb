"""Running the event extractor on one fictional sentence, for the events test modules: an
analysis published 2024-03-10 with the given time expressions, and a TimeExpr at a phrase."""

from __future__ import annotations

from typing import Any

from newsgraph import nlp
from newsgraph.extract.events import extract_events
from newsgraph.model import Analysis, Article, Event, TimeExpr


def run(parse: Any, text: str, times: tuple[TimeExpr, ...] = ()) -> list[Event]:
    analysis = Analysis(pipeline_version="test", model=nlp.model_info(),
                        article=Article(text=text, published="2024-03-10"))
    analysis.times = list(times)
    return extract_events(parse(text), analysis)


def texpr(text: str, phrase: str, value: str, kind: str = "DATE") -> TimeExpr:
    start = text.index(phrase)
    return TimeExpr(id="T1", start=start, end=start + len(phrase), text=phrase, value=value,
                    type=kind)  # type: ignore[arg-type]
