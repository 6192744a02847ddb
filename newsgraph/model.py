"""Record types: the contract between every layer of newsgraph.

Every fact carries ``start``/``end`` character offsets into ``Article.text`` so a
reader can always get back to the exact characters it came from.  Sources build
``Article``; extractors build the other records; the store, the API and the
exports only read them.  Changing a field here is a schema change: bump
``SCHEMA_VERSION`` (and regenerate ``docs/schema.json`` with
``newsgraph schema > docs/schema.json``).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.2"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A run of characters of the article: ``text == article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


def normalize_for_hash(text: str) -> str:
    """Unicode NFKC, whitespace collapsed, stripped: what identifies an article."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def article_id_for(text: str) -> str:
    """Stable article id: the first 16 hex digits of SHA-256 of the normalized text."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()[:16]


class Article(Record):
    """One news article as a source delivered it."""

    id: str = ""
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="Outlet or site name.")
    published: str | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")
    author: str | None = None
    origin: str | None = Field(None, description="Where it was read from: a path, URL or WARC record id.")
    meta: dict[str, str] = Field(default_factory=dict)

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            self.id = article_id_for(self.text)


EntityType = Literal[
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "OTHER"
]


class Mention(Span):
    """A stretch of text that names or refers to an actor."""

    id: str
    entity: str | None = Field(None, description="Id of the Entity this mention belongs to.")
    type: EntityType = "OTHER"
    form: Literal["name", "surname", "acronym", "demonym", "capital", "pronoun", "description"] = "name"
    sieve: str | None = Field(
        None, description="The coreference pass that linked this mention to its entity (null: it founded it)."
    )
    ambiguous: bool = Field(False, description="True when more than one antecedent fitted and none was preferred.")


class Role(Record):
    """A role or affiliation the article states for an entity."""

    role: str
    org: str | None = None
    org_entity: str | None = None
    evidence: Span


class Label(Span):
    """A descriptive label the article attaches to an entity ("anti-terror group")."""

    form: Literal["apposition", "premodifier", "predicate", "descriptor", "scare_quote", "so_called", "designation"]
    by: str | None = Field(
        None,
        description="Form 'designation': entity id of the actor the article says applies the label ('which "
        "Washington lists as a terrorist organisation'); for a label inside a quotation, the quoted speaker's "
        "entity id (the speaker's word, not the outlet's); null when the outlet itself applies it.",
    )


class Entity(Record):
    """An actor as this article establishes it: its mentions clustered into one."""

    id: str
    name: str
    type: EntityType
    kind: str = Field(
        "other",
        description="person, organisation, country, city, armed_group, party, media, "
        "international_organisation, government, group, other",
    )
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 code (the CAMEO country code).")
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    labels: list[Label] = Field(default_factory=list)
    part_of: list[str] = Field(default_factory=list, description="Entity ids this one is part of.")
    mentions: list[str] = Field(default_factory=list, description="Mention ids, in text order.")
    gender: Literal["female", "male"] | None = Field(None, description="People only; null when the text does not say.")
    gender_evidence: list[str] = Field(
        default_factory=list, description="Why: 'honorific:Mrs.', 'pronoun:she', 'given_name:Amal'."
    )


class Quote(Record):
    """A statement, its exact words and who made it."""

    id: str
    kind: Literal["direct", "indirect", "mixed", "belief"]
    content: list[Span]
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker: Span | None = Field(None, description="The speaker as the text names it.")
    speaker_entity: str | None = Field(None, description="Resolved Entity id, or null when unsure.")
    speaker_name: str | None = Field(
        None, description="The speaker's fullest name in the article (through pronouns, surnames), or null."
    )
    channel: str | None = None
    date: str | None = None
    negated: bool = Field(False, description="'did not say', 'denied saying': the speaker is not reported as saying it.")
    hedged: bool = Field(False, description="'reportedly said', 'is said to have': the attribution itself is uncertain.")
    speaker_role: str | None = Field(None, description="The speaker's role in the article, at the time of the quote.")
    speaker_org: str | None = Field(None, description="The organisation of that role.")


class TimeExpr(Span):
    """A time expression normalized to a TIMEX3-style value."""

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str | None = Field(None, description="TIMEX3 value, or null when it cannot be resolved.")
    anchor: str | None = Field(None, description="'publication', a TimeExpr id, or null (absolute).")
    resolved: bool = True


class Participant(Span):
    entity: str | None = None


class Location(Span):
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Event(Record):
    """Who did what to whom, when and where: one PLOVER 2.0 event."""

    id: str
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    trigger: Span
    sentence: Span
    actor: Participant | None = None
    recipient: Participant | None = None
    date: str | None = None
    date_precision: Literal["day", "week", "month", "year", "unknown"] | None = None
    time: str | None = Field(None, description="Id of the TimeExpr that dates the event.")
    location: Location | None = None
    status: Literal["occurred", "planned", "hypothetical", "negated", "asserted"] = "occurred"
    quote: str | None = Field(None, description="Id of the Quote that asserts it (status 'asserted').")
    confidence: float = 1.0
    speaker: str | None = Field(None, description="Entity id of who claims it (status 'asserted'), if known.")
    relation: Literal["reported", "background"] | None = Field(
        None, description="'reported': dated within days of publication (the news); 'background': history recalled.")


class Quantity(Span):
    value: float
    unit: str | None = None
    counted: str | None = Field(None, description="What is counted: 'American troops in Iraq'.")


class Claim(Span):
    """A check-worthy factual statement."""

    id: str
    checkworthiness: float = Field(ge=0.0, le=1.0)
    features: list[str] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    hedge: Span | None = None
    speaker: str = Field("the outlet", description="Entity id of the speaker, or 'the outlet'.")
    speaker_name: str | None = Field(
        None, description="Who asserts it, by name: the quoted speaker's name, else the outlet's (article.source)."
    )
    quote: str | None = None


class FrameCue(Span):
    """A span of loaded language or a persuasion technique (SemEval-2020 task 11 labels)."""

    id: str
    technique: str
    target: str | None = Field(None, description="Entity id of the actor the cue is aimed at.")
    target_text: str | None = None
    explanation: str
    voice: Literal["outlet", "speaker"] = "outlet"
    quote: str | None = None


class ModelInfo(Record):
    name: str
    version: str
    package: str
    spacy_version: str


class LayerError(Record):
    """An extractor that raised on this article: its layer is empty, the rest of the analysis stands."""

    extractor: str
    field: str
    error: str


class Analysis(Record):
    """Everything newsgraph found in one article."""

    schema_version: str = SCHEMA_VERSION
    pipeline_version: str
    model: ModelInfo
    article: Article
    mentions: list[Mention] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    frames: list[FrameCue] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    errors: list[LayerError] = Field(
        default_factory=list, description="Extractors that failed on this article; the other layers are kept."
    )

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)


def json_schema() -> dict:
    """The JSON Schema of the analysis output, generated from the types above."""
    schema = Analysis.model_json_schema()
    schema["$id"] = f"https://newsgraph.invalid/schema/analysis-{SCHEMA_VERSION}.json"
    return schema


if __name__ == "__main__":  # pragma: no cover - regenerates docs/schema.json
    print(json.dumps(json_schema(), indent=2))
