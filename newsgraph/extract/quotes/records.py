"""Phase 4: statements as :class:`~newsgraph.model.Quote` records.

The content is trimmed, the speaker resolved to an actor of the article
(:mod:`newsgraph.extract.speakers`), and the attributes are read around the statement:
channel, date, negation ("did not say"), hedging ("reportedly said"), the speaker's role.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import Analysis, Quote
from ...model import Span as TextSpan
from ..docindex import SentenceIndex
from ..speakers import Resolution, SpeakerResolver
from .frames import _char_range, _lemma, _subtree_minus
from .join import _overlap, _Statement
from .lexical import _SAYING_FORMS, CHANNELS, HEARSAY_PASSIVES, HEDGE_ADVERBS, NEGATING_HEADS, WEEKDAYS
from .marks import _trim


def _channel(text: str, sent: Span | None, content: list[tuple[int, int]]) -> str | None:
    if sent is None:
        return None
    chunks = []
    pos = sent.start_char
    for a, b in sorted(content):
        if a > pos:
            chunks.append(text[pos:a])
        pos = max(pos, b)
    if pos < sent.end_char:
        chunks.append(text[pos : sent.end_char])
    window = " ".join(chunks).lower()
    for keys, label in CHANNELS:
        if any(k in window for k in keys):
            return label
    return None


def _cue_scope(cue: Token) -> list[tuple[int, int]]:
    """Where a date can modify the act of saying: the cue's subtree minus its noun arguments.

    "dismissed the talks, which are scheduled for next week" — "next week" dates the
    talks, not the statement.
    """
    excluded = set()
    for child in cue.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "ccomp", "attr", "oprd"):
            excluded |= {t.i for t in child.subtree}
    return _subtree_minus(cue, excluded)


def _date(
    analysis: Analysis, sent: Span | None, content: list[tuple[int, int]], cue: Token | None = None
) -> str | None:
    """The date the sentence gives the statement, outside its content.

    With the times extractor's output, its value; without it, only the one safe case
    is resolved here: a bare weekday, which in a report is the latest such day on or
    before the publication date ("said on Saturday" in a Sunday paper).
    """
    if sent is None:
        return None
    if analysis.times:
        allowed = _cue_scope(cue) if cue is not None else None
        for t in analysis.times:
            if not (t.start >= sent.start_char and t.end <= sent.end_char and t.value):
                continue
            if not t.value[:4].isdigit() or any(_overlap((t.start, t.end), c) for c in content):
                continue
            if allowed is not None and not any(a <= t.start < b for a, b in allowed):
                continue
            return t.value
        return None
    published = analysis.article.published
    if not published:
        return None
    for tok in sent:
        low = tok.lower_
        if low in WEEKDAYS and not any(c[0] <= tok.idx < c[1] for c in content):
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and (nxt.like_num or nxt.ent_type_ == "DATE" and nxt.is_alpha):
                return None  # "Saturday, April 3": an explicit date the times extractor should read
            return _last_weekday(published, WEEKDAYS.index(low))
    return None


def _last_weekday(published: str, weekday: int) -> str | None:
    import datetime as dt

    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    delta = (day.weekday() - weekday) % 7
    return (day - dt.timedelta(days=delta)).isoformat()


def _negated(cue: Token, content: list[tuple[int, int]], text: str) -> bool:
    """True when the text reports that the speaker did *not* say it.

    "did not say", "haven't said", "never said" (a negation on the cue); "denied saying",
    "denied having said", "refused to say" (the cue under a verb of denial).  "denied that
    …" is a statement of its own (a denial), so it stays unnegated.
    """
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    head = cue.head
    if head != cue and _lemma(head) in NEGATING_HEADS and cue.dep_ in ("xcomp", "ccomp", "dobj", "pcomp"):
        return True
    if _lemma(cue) in NEGATING_HEADS and content:
        # the cue is the denial and its content is the saying: "denied [having said] …", "refused [to say] …"
        words = [w for w in text[content[0][0] : content[0][0] + 30].lower().split() if w not in ("to", "having")]
        if words and words[0] in _SAYING_FORMS:
            return True
    return False


def _hedged(cue: Token) -> bool:
    """True when the attribution itself is hearsay: "reportedly said", "is said to have told"."""
    tokens = [cue] + ([cue.head] if cue.dep_ in ("xcomp", "ccomp", "conj") and cue.head != cue else [])
    for tok in tokens:
        if any(c.lower_ in HEDGE_ADVERBS for c in tok.children if c.dep_ in ("advmod", "npadvmod")):
            return True
    head = cue.head
    if cue.dep_ == "xcomp" and _lemma(head) in HEARSAY_PASSIVES and any(c.dep_ == "auxpass" for c in head.children):
        return True
    if _lemma(cue) in HEARSAY_PASSIVES and any(c.dep_ == "auxpass" for c in cue.children):
        return any(c.dep_ == "xcomp" for c in cue.children)
    return False


def _role_at(analysis: Analysis | None, entity_id: str | None, at: int) -> tuple[str | None, str | None]:
    """The speaker entity's role nearest to character ``at`` (the quote), with its organisation.

    A person's role can change within an article ("the former minister, now party leader"):
    the role whose evidence lies closest to the quote is the one it was said in; a role
    stated before the quote wins a tie, because news introduces the role, then quotes.
    """
    if analysis is None or entity_id is None:
        return None, None
    ent = analysis.entity(entity_id)
    if ent is None or not ent.roles:
        return None, None
    best = min(ent.roles, key=lambda r: (abs(r.evidence.start - at), r.evidence.start > at))
    org = best.org
    if org is None and best.org_entity is not None:
        org_ent = analysis.entity(best.org_entity)
        org = org_ent.name if org_ent is not None else None
    return best.role, org


def _content_spans(text: str, kind: str, content: list[tuple[int, int]]) -> list[TextSpan]:
    """The content ranges trimmed; a leading "that " is cut from all but direct quotes."""
    spans = []
    for a, b in content:
        a, b = _trim(text, a, b)
        if kind != "direct" and text[a : a + 5].lower() == "that " and not spans:
            a += 5  # the complementizer introduces the content; it is not part of it
        if b > a:
            spans.append(TextSpan(start=a, end=b, text=text[a:b]))
    return spans


def _quote_records(
    text: str,
    analysis: Analysis | None,
    resolver: SpeakerResolver,
    results: list[_Statement],
    index: SentenceIndex,
) -> list[Quote]:
    """The statements as :class:`Quote` records, in order; the resolver sees the speakers in
    that order (it remembers earlier ones for pronouns)."""
    quotes: list[Quote] = []
    for n, (f, _q, kind, content, speaker) in enumerate(results, 1):
        spans = _content_spans(text, kind, content)
        if not spans:
            continue
        cue_span = lemma = None
        sent = None
        if f is not None:
            a, b = _char_range(f.cue)  # type: ignore[misc]
            cue_span = TextSpan(start=a, end=b, text=text[a:b])
            lemma = f.lemma
            sent = f.sent
        else:
            sent = index.of_char(spans[0].start)
        spk = None
        res = Resolution()
        if speaker is not None:
            spk = TextSpan(start=speaker.start_char, end=speaker.end_char, text=speaker.text)
            res = resolver.resolve_full(speaker)
        rng = [(s.start, s.end) for s in spans]
        role, org = _role_at(analysis, res.entity, cue_span.start if cue_span is not None else spans[0].start)
        quotes.append(
            Quote(
                id=f"Q{n}",
                kind=kind,  # type: ignore[arg-type]
                content=spans,
                cue=cue_span,
                cue_lemma=lemma,
                speaker=spk,
                speaker_entity=res.entity,
                speaker_name=res.name,
                channel=_channel(text, sent, rng),
                date=_date(analysis, sent, rng, f.cue[0] if f is not None else None)
                if analysis is not None
                else None,
                negated=f is not None and _negated(f.cue[0], content, text),
                hedged=f is not None and _hedged(f.cue[0]),
                speaker_role=role,
                speaker_org=org,
            )
        )
    return quotes
