"""A hand-built, fictional analysed article for tests, the benchmark and demo screenshots.

Built record by record (not by the extractors) so that UI and API tests check the
UI and the API, not extractor accuracy.  Offsets are computed from the text, so
the records always point at the right characters.  The text deliberately holds
markup (``<script>``), HTML entities, a right-to-left name and a long paragraph.
"""

from __future__ import annotations

from ..model import (
    Analysis,
    Article,
    Claim,
    Entity,
    Event,
    FrameCue,
    Label,
    Mention,
    ModelInfo,
    Participant,
    Quantity,
    Quote,
    Role,
    Span,
    TimeExpr,
)

SAMPLE_TEXT = (
    "Dock workers in Port Aldren walked off the job on Monday after the city council postponed a vote "
    "on their pay deal.\n"
    "“We have waited eleven months for an answer, and the council keeps moving the goalposts,” said "
    "Mara Quill, a spokeswoman for the Aldren Dockers Union.\n"
    "Mayor Tomas Brenn told reporters the council would “return to the table next week.”\n"
    "The union says more than 1,200 members joined the strike, a reckless stunt according to the mayor.\n"
    "A banner at the gate read <script>alert(1)</script> & “fair pay &amp; safe docks”, and visiting "
    "organiser נועה לוי said the strike “speaks for every port on this coast.”\n"
    + " ".join(["Shipping agents said the backlog of containers grew through the day."] * 12)
)

MODEL = ModelInfo(name="hand-built", version="0", package="none", spacy_version="0")


def span(text: str, needle: str, nth: int = 0, start_at: int = 0) -> Span:
    """The ``nth`` occurrence of ``needle`` in ``text`` as a Span (ValueError if absent)."""
    pos = start_at - 1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return Span(start=pos, end=pos + len(needle), text=needle)


def sample_analysis(
    text: str = SAMPLE_TEXT,
    *,
    title: str = "Dock workers strike as Port Aldren council delays pay vote",
    source: str = "Aldren Gazette",
    published: str = "2024-03-12",
) -> Analysis:
    """The sample article with entities, quotes, events, times, a claim and a framing cue."""
    art = Article(text=text, title=title, source=source, published=published)

    def s(needle: str, nth: int = 0) -> Span:
        return span(text, needle, nth)

    def mention(mid: str, ent: str, needle: str, typ: str, form: str = "name", nth: int = 0) -> Mention:
        sp = s(needle, nth)
        return Mention(id=mid, entity=ent, type=typ, form=form, start=sp.start, end=sp.end, text=sp.text)

    mentions = [
        mention("M1", "E1", "Port Aldren", "GPE"),
        mention("M2", "E2", "Mara Quill", "PERSON"),
        mention("M3", "E3", "Aldren Dockers Union", "ORG"),
        mention("M4", "E4", "Tomas Brenn", "PERSON"),
        mention("M5", "E5", "נועה לוי", "PERSON"),
        mention("M6", "E6", "the council", "ORG", "description", nth=0),
        mention("M7", "E6", "the council", "ORG", "description", nth=1),
    ]
    spokes = s("a spokeswoman for the Aldren Dockers Union")
    mayor = s("Mayor")
    entities = [
        Entity(id="E1", name="Port Aldren", type="GPE", kind="city", mentions=["M1"]),
        Entity(
            id="E2",
            name="Mara Quill",
            type="PERSON",
            kind="person",
            aliases=["Quill"],
            roles=[Role(role="spokeswoman", org="Aldren Dockers Union", org_entity="E3", evidence=spokes)],
            mentions=["M2"],
        ),
        Entity(id="E3", name="Aldren Dockers Union", type="ORG", kind="organisation", mentions=["M3"]),
        Entity(
            id="E4",
            name="Tomas Brenn",
            type="PERSON",
            kind="person",
            roles=[Role(role="mayor", org="Port Aldren", org_entity="E1", evidence=mayor)],
            labels=[Label(form="premodifier", **mayor.model_dump())],
            mentions=["M4"],
        ),
        Entity(
            id="E5",
            name="נועה לוי",
            type="PERSON",
            kind="person",
            roles=[Role(role="organiser", evidence=s("visiting organiser"))],
            mentions=["M5"],
        ),
        Entity(
            id="E6", name="Port Aldren city council", type="ORG", kind="government", mentions=["M6", "M7"]
        ),
    ]
    q1 = s("We have waited eleven months for an answer, and the council keeps moving the goalposts,")
    q2 = s("return to the table next week.")
    q3 = s("speaks for every port on this coast.")
    quotes = [
        Quote(
            id="Q1",
            kind="direct",
            content=[q1],
            cue=s("said"),
            cue_lemma="say",
            speaker=s("Mara Quill"),
            speaker_entity="E2",
            speaker_role="spokeswoman",
            speaker_org="Aldren Dockers Union",
            date=published,
        ),
        Quote(
            id="Q2",
            kind="mixed",
            content=[s("the council would"), q2],
            cue=s("told"),
            cue_lemma="tell",
            speaker=s("Tomas Brenn"),
            speaker_entity="E4",
            speaker_role="mayor",
            date=published,
        ),
        Quote(
            id="Q3",
            kind="direct",
            content=[q3],
            cue=s("said", 1),
            cue_lemma="say",
            speaker=s("נועה לוי"),
            speaker_entity="E5",
            date=published,
        ),
    ]
    sent1 = s(text.split("\n")[0])
    strike = s("walked off the job")
    postponed = s("postponed")
    monday = s("Monday")
    def who(entity: str, needle: str, nth: int = 0) -> Participant:
        return Participant(entity=entity, **s(needle, nth).model_dump())

    events = [
        Event(id="V1", type="PROTEST", mode="strike", trigger=strike, sentence=sent1,
              actor=who("E3", "Dock workers"), recipient=who("E6", "the city council"),
              date="2024-03-11", date_precision="day", time="T1", location=None),
        Event(id="V2", type="REJECT", trigger=postponed, sentence=sent1,
              actor=who("E6", "the city council"), recipient=who("E3", "their pay deal"),
              date="2024-03-11", date_precision="day"),
        Event(id="V3", type="CONSULT", trigger=s("return to the table"), sentence=s(text.split("\n")[2]),
              actor=who("E6", "the council", 1), recipient=who("E3", "the table"),
              date="2024-03-18", date_precision="week", status="planned", quote="Q2"),
    ]
    times = [
        TimeExpr(id="T1", type="DATE", value="2024-03-11", anchor="publication", **monday.model_dump()),
        TimeExpr(id="T2", type="DATE", value="2024-W12", anchor="publication", **s("next week").model_dump()),
        TimeExpr(id="T3", type="DURATION", value="P11M", anchor=None, **s("eleven months").model_dump()),
    ]
    claim_sp = s("The union says more than 1,200 members joined the strike")
    claims = [
        Claim(
            id="C1",
            checkworthiness=0.81,
            features=["number"],
            speaker="E3",
            quantities=[Quantity(value=1200, counted="members", **s("more than 1,200").model_dump())],
            **claim_sp.model_dump(),
        )
    ]
    frames = [
        FrameCue(
            id="F1",
            technique="Name_Calling,Labeling",
            target="E3",
            target_text="the union",
            explanation="A dismissive label for the strike.",
            **s("a reckless stunt").model_dump(),
        ),
    ]
    return Analysis(
        pipeline_version="hand-built",
        model=MODEL,
        article=art,
        mentions=mentions,
        entities=entities,
        quotes=quotes,
        times=times,
        events=events,
        claims=claims,
        frames=frames,
    )


XSS_TEXT = (
    "Protesters in Velm carried signs reading <script>alert(1)</script> and <img src=x onerror=alert(2)>.\n"
    "“We will not be silenced &amp; we will not leave,” said Ilse Varga, a march organiser."
)


def xss_analysis() -> Analysis:
    """A short article whose text is markup: it must render as text."""
    text = XSS_TEXT
    art = Article(
        text=text,
        title="<b>Velm</b> march & <script>alert(3)</script>",
        source="<i>Velm Post</i>",
        published="2024-03-13",
    )

    def s(needle: str, nth: int = 0) -> Span:
        return span(text, needle, nth)

    m = s("Ilse Varga")
    return Analysis(
        pipeline_version="hand-built",
        model=MODEL,
        article=art,
        mentions=[Mention(id="M1", entity="E1", type="PERSON", **m.model_dump())],
        entities=[Entity(id="E1", name="Ilse Varga", type="PERSON", kind="person", mentions=["M1"])],
        quotes=[
            Quote(
                id="Q1",
                kind="direct",
                content=[s("We will not be silenced &amp; we will not leave,")],
                cue=s("said"),
                cue_lemma="say",
                speaker=m,
                speaker_entity="E1",
            )
        ],
        claims=[Claim(id="C1", checkworthiness=0.4, **s("<script>alert(1)</script>").model_dump())],
    )
