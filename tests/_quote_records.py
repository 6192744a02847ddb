"""Hand-built analyses with people, genders and quotes, for the store-level quote tests."""

from __future__ import annotations

from newsgraph.model import Analysis, Article, Entity, ModelInfo, Quote, Span

MODEL = ModelInfo(name="hand", version="0", package="test", spacy_version="none")


def quote(qid: str, text: str, words: str, speaker: str, entity: str | None, name: str | None,
          negated: bool = False) -> Quote:
    """A direct quote of ``words`` (which must occur in ``text``) said by ``speaker``."""
    a = text.index(words)
    s = text.index(speaker)
    return Quote(
        id=qid, kind="direct", content=[Span(start=a, end=a + len(words), text=words)],
        speaker=Span(start=s, end=s + len(speaker), text=speaker), speaker_entity=entity, speaker_name=name,
        negated=negated,
    )


def person(eid: str, name: str, gender: str | None) -> Entity:
    return Entity(id=eid, name=name, type="PERSON", kind="person", gender=gender,
                  gender_evidence=[f"test:{gender}"] if gender else [])


def analysis(text: str, source: str, published: str, entities: list[Entity], quotes: list[Quote]) -> Analysis:
    return Analysis(
        pipeline_version="test", model=MODEL,
        article=Article(text=text, source=source, published=published),
        entities=entities, quotes=quotes,
    )
