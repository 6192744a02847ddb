"""Who said what: quotes, paraphrases and stated beliefs, with their speakers.

Why rules over the parse: attribution in news is carried by a small, stable set of
constructions (a reporting verb with a subject and a clausal complement, a quotation
next to "X said", "according to X") that the dependency parse already exposes.  One
pass over the tokens of the parsed ``Doc`` finds them — no second parse, no model —
so the extractor costs a small fraction of the parse itself.

Three layers:

1. :func:`quoted_spans` pairs quotation marks at the character level (straight and
   curly double marks, multi-paragraph quotes that reopen on every paragraph, an
   unclosed mark closed at its paragraph's end — never an exception).
2. :func:`_frames` finds cue frames in the parse: a cue (a reporting or belief verb,
   "according to"), its speaker (subject, inherited through conjunction or a
   participle, the agent of a passive, the head noun of a relative clause) and its
   content (clausal complement, the clause around a parenthetical "he said", the
   quoted material next to the cue).
3. :func:`extract_quotes` joins them: quoted spans extend the frame's content to the
   full quotation (several sentences, several pieces), orphan quotations take the
   speaker of the neighbouring sentence, and :mod:`newsgraph.extract.speakers`
   resolves the speaker to an actor of the article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicons
from ..model import Analysis, Quote
from ..model import Span as TextSpan
from . import extractor
from .furniture import Furniture
from .speakers import Resolution, SpeakerResolver

# --------------------------------------------------------------------------- lexicons
# Written from general knowledge of English reporting verbs (Quirk et al.'s "verbs of
# saying", the attribution-verb lists used in journalism style guides).

SPEECH_VERBS = lexicons.words("reporting_verbs", "speech")

BELIEF_VERBS = frozenset(
    """
    believe think hope expect fear feel worry doubt suspect assume know understand consider reckon
    imagine trust suppose realize realise recognize recognise guess figure presume sense wish
    want anticipate
    """.split()
)

#: Nouns that head an attribution ("in a statement", "the claim that ...").
CUE_NOUNS = frozenset(
    """
    statement claim allegation assertion argument warning announcement remark comment
    belief view assessment estimate prediction promise pledge insistence suggestion testimony
    hope fear expectation assurance accusation charge contention message conclusion finding
    """.split()
)

#: Verbs whose direct object is the message ("announced a plan", "denied the report").
OBJECT_VERBS = frozenset(
    """
    announce propose mention cite deny confirm reject criticize criticise attack praise discuss
    recommend promise pledge demand question dismiss blame accuse condemn denounce defend endorse
    oppose predict reveal disclose report acknowledge admit dispute challenge applaud hail welcome
    decry lament blast slam ridicule mock tout unveil outline describe call
    """.split()
)
#: Verbs with an infinitival content ("vowed to fight", "urged voters to stay home").
XCOMP_VERBS = frozenset(
    """
    promise pledge vow threaten refuse agree decline offer urge ask encourage order call tell warn
    advise implore beg invite challenge press
    """.split()
)
DIRECTIVE_VERBS = frozenset("urge ask encourage order tell warn advise implore beg invite challenge press".split())
#: Intentions and desires: a separate kind ("belief") so users can filter them.
INTENTION_VERBS = frozenset("want plan intend hope aim seek wish vow".split()) - {"vow"}
#: Verb + preposition pairs that introduce a message ("called for", "railed against").
PREP_CUES = frozenset(
    {
        ("call", "for"), ("call", "on"), ("rail", "against"), ("speak", "of"), ("speak", "about"),
        ("talk", "about"), ("point", "to"), ("warn", "of"), ("warn", "about"), ("argue", "for"),
        ("argue", "against"), ("complain", "about"), ("comment", "on"), ("insist", "on"),
        ("push", "for"), ("advocate", "for"), ("reflect", "on"), ("weigh", "in"), ("elaborate", "on"), ("lobby", "for"), ("boast", "about"), ("brag", "about"),
        ("testify", "about"), ("write", "about"), ("tweet", "about"), ("agree", "with"),
    }
)

_ALL_CUES: frozenset[str] = frozenset()  # filled below, once every lexicon is defined

#: Prepositions that introduce what a cue verb is about ("complained about the noise",
#: "spoke of betrayal", "warned against haste").
MESSAGE_PREPS = frozenset({"about", "of", "over", "against"})
#: Prepositions that complete a message object ("accused X of Y", "praised X for Y").
OBJECT_PREPS = frozenset({"of", "for", "as", "over"})

#: "X dismissed Y as “…”": the quoted description is the content (a mixed quote).
AS_VERBS = frozenset("dismiss describe characterize characterise brand label denounce condemn hail praise".split())

_ALL_CUES = SPEECH_VERBS | BELIEF_VERBS | INTENTION_VERBS

PRONOUNS_SINGULAR = frozenset("he she him her i me".split())
PRONOUNS_PLURAL = frozenset("they them we us".split())

#: Channel cues, checked in the cue's sentence outside the content.  Order matters: the
#: most specific first.
CHANNELS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("told reporters",), "told reporters"),
    (("told journalists",), "told reporters"),
    (("told the press",), "told reporters"),
    (("press conference",), "press conference"),
    (("news conference",), "press conference"),
    (("twitter",), "Twitter/X post"),
    (("tweet",), "Twitter/X post"),
    (("tweeted",), "Twitter/X post"),
    (("facebook",), "Facebook post"),
    (("instagram",), "Instagram post"),
    (("telegram",), "Telegram post"),
    (("interview",), "interview"),
    (("briefing",), "briefing"),
    (("press release",), "statement"),
    (("statement",), "statement"),
    (("communique",), "statement"),
    (("speech",), "speech"),
    (("rally",), "speech"),
    (("letter",), "letter"),
    (("email",), "email"),
    (("e-mail",), "email"),
    (("op-ed",), "op-ed"),
    (("testimony",), "testimony"),
    (("hearing",), "testimony"),
    (("wrote in a post",), "social media post"),
    (("in a post",), "social media post"),
    (("television",), "broadcast"),
    (("radio",), "broadcast"),
)

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
STRAIGHT = '"'
ALL_MARKS = frozenset('"“”„«»‘’‛\'')
TRIM = frozenset(" \t\n\r,;:.–—-")
CONTENT_DEPS = frozenset({"ccomp"})


# --------------------------------------------------------------------------- quotation marks


@dataclass
class Quoted:
    """A quotation: its pieces (one per paragraph), without the marks."""

    pieces: list[tuple[int, int]]
    closed: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _is_opening_straight(text: str, i: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + width] if i + width < len(text) else "\n"
    if prev.isspace() or prev in "([{—–-/" or prev in DOUBLE_OPEN or prev == "‘":
        return not nxt.isspace()
    return False


def _marks(text: str) -> list[tuple[int, int, str]]:
    """Double quotation marks as (position, width, 'open' | 'close' | 'either' | 'newline').

    Besides the Unicode marks, the typewriter conventions of wire copy are read:
    two backquotes open, two apostrophes are a double mark.
    """
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in DOUBLE_OPEN:
            out.append((i, 1, "open"))
        elif ch in DOUBLE_CLOSE:
            # a closing mark that opens a paragraph is a typo for an opening one
            starts_para = i == 0 or text[i - 1] == "\n"
            out.append((i, 1, "open" if starts_para and i + 1 < n and not text[i + 1].isspace() else "close"))
        elif ch == STRAIGHT:
            out.append((i, 1, "either"))
        elif ch == "`" and text.startswith("``", i):
            out.append((i, 2, "open"))
            i += 2
            continue
        elif ch == "'" and text.startswith("''", i) and not text.startswith("'''", i):
            out.append((i, 2, "either"))
            i += 2
            continue
        elif ch == "\n":
            out.append((i, 1, "newline"))
        i += 1
    return out


def quoted_spans(text: str) -> list[Quoted]:
    """Pair double quotation marks into quotations.

    A paragraph that ends inside an open quotation continues it when the next
    paragraph opens with a mark (the convention for quotes running over several
    paragraphs); otherwise the quotation is closed at the paragraph's end and
    flagged ``closed=False``.  Single marks are nested quotes or apostrophes and
    never open a top-level quotation, so "the three mottos of ‘No to ..." cannot
    derail the pairing.
    """
    out: list[Quoted] = []
    open_at: int | None = None
    pieces: list[tuple[int, int]] = []
    marks = _marks(text)
    k = 0
    while k < len(marks):
        pos, width, kind = marks[k]
        k += 1
        if kind == "newline":
            if open_at is None:
                continue
            j = pos
            while j < len(text) and text[j].isspace():
                j += 1
            pieces.append((open_at, pos))
            while k < len(marks) and marks[k][0] < j:
                k += 1  # blank lines
            if k < len(marks) and marks[k][0] == j:
                _, w2, kind2 = marks[k]
                if kind2 == "open" or kind2 == "either" and _is_opening_straight(text, j, w2):
                    open_at = j + w2  # the next paragraph reopens: the quotation continues
                    k += 1
                    continue
            out.append(Quoted(pieces, closed=False))
            open_at, pieces = None, []
            continue
        if kind == "open" or (kind == "either" and open_at is None and _is_opening_straight(text, pos, width)):
            if open_at is not None:
                # a second opening mark inside the same paragraph: the first never closed
                pieces.append((open_at, pos))
                out.append(Quoted(pieces, closed=False))
                pieces = []
            open_at = pos + width
        elif open_at is not None:
            pieces.append((open_at, pos))
            out.append(Quoted(pieces, closed=True))
            open_at, pieces = None, []
    if open_at is not None:
        pieces.append((open_at, len(text)))
        out.append(Quoted(pieces, closed=False))
    cleaned = []
    for q in out:
        ps = [p for p in (_trim(text, a, b) for a, b in q.pieces) if p[1] > p[0]]
        if ps:
            cleaned.append(Quoted(ps, q.closed))
    return cleaned


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a] in TRIM or text[a] in ALL_MARKS and text[a] != "’"):
        a += 1
    while b > a and (text[b - 1] in TRIM or text[b - 1] in ALL_MARKS and not _is_apostrophe(text, b - 1)):
        b -= 1
    return a, b


def _is_apostrophe(text: str, i: int) -> bool:
    """A right single mark between letters ("it’s") or after an s ("voters’") is an apostrophe."""
    if text[i] not in "’'":
        return False
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isalpha() and (nxt.isalpha() or prev in "sS" and nxt.isspace())


# --------------------------------------------------------------------------- cue frames


@dataclass
class Frame:
    """A cue with its speaker and content, as the parse gives them."""

    cue: list[Token]
    lemma: str
    speaker: Span | None
    content: list[tuple[int, int]] = field(default_factory=list)  # char ranges
    belief: bool = False
    sent: Span | None = None
    quotes: list[Quoted] = field(default_factory=list)
    mixed_as: bool = False  # "dismissed Y as “…”": the quoted words are the content
    as_fallback: list[tuple[int, int]] = field(default_factory=list)  # "Y as …" when nothing is quoted
    label: bool = False  # "PENCE: …" — a transcript or headline label


def _np_span(tok: Token) -> Span:
    """The noun phrase of ``tok`` without appositions, relative clauses and trailing punctuation."""
    doc = tok.doc
    cut = {"appos", "relcl", "acl", "punct", "advcl", "cc", "conj", "parataxis", "case"}
    left, right = tok.i, tok.i
    for child in tok.children:
        if child.dep_ in cut:
            continue
        sub = list(child.subtree)
        left = min(left, sub[0].i)
        right = max(right, sub[-1].i)
    for conj in tok.children:  # "Smith and Jones said": keep both
        if conj.dep_ == "conj" and conj.i > tok.i:
            right = max(right, conj.i)
    for k in range(tok.i - 1, left - 1, -1):  # a dateline or heading above is not the speaker
        if "\n" in doc[k].text_with_ws:
            left = k + 1
            break
    for k in range(tok.i, right):
        if "\n" in doc[k].text_with_ws:
            right = k
            break
    while right > left and (doc[right].is_punct or doc[right].text in ALL_MARKS):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].text in ALL_MARKS):
        left += 1
    return doc[left : right + 1]


def _extraposed(verb: Token) -> bool:
    """"It seems/appears/is clear that …": the "it" stands for the clause, not a speaker."""
    return verb.lemma_.lower() in ("be", "seem", "appear") or any(c.dep_ == "acomp" for c in verb.children)


def _subject(verb: Token, depth: int = 0) -> Span | None:
    """The speaker of ``verb``: its subject, the agent of a passive, or inherited."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ == "it" and verb.tag_ != "VBN" and child.i < verb.i and not _extraposed(verb):
                return _np_span(child)  # "it said in a statement": an organisation or a document
            if child.lower_ in ("it", "there", "this", "that", "which", "who"):
                if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    return _np_span(verb.head)
                return None
            return _np_span(child)
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _np_span(pobj)
    if depth > 3:
        return None
    if verb.dep_ == "relcl":
        return _np_span(verb.head)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and _lemma(verb.head) in HEARSAY_PASSIVES and any(
        c.dep_ == "auxpass" for c in verb.head.children
    ):
        # "Rossi is said to have told aides …": the passive's subject is the (hearsay) speaker
        subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ not in ("it", "there"):
            return _np_span(subj)
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VB", "VBN") and verb.head.dep_ != "relcl":
        # "…, saying that …" / "went on to say …": the subject of the governing clause
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":  # "before saying …"
        return _subject(verb.head.head, depth + 1)
    return None


def _same_paragraph(text: str, cue: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clip content to the cue's paragraph: the parser may run a heading into the next sentence."""
    lo = text.rfind("\n", 0, cue) + 1
    hi = text.find("\n", cue)
    hi = len(text) if hi < 0 else hi
    out = []
    for a, b in ranges:
        a, b = max(a, lo), min(b, hi)
        if b > a:
            out.append((a, b))
    return out


def _char_range(tokens: Iterable[Token]) -> tuple[int, int] | None:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _subtree_minus(root: Token, excluded: set[int]) -> list[tuple[int, int]]:
    """Character ranges of ``root``'s subtree with the tokens in ``excluded`` cut out."""
    ranges: list[tuple[int, int]] = []
    run: list[Token] = []
    for tok in root.subtree:
        if tok.i in excluded:
            if run:
                ranges.append(_char_range(run))  # type: ignore[arg-type]
                run = []
            continue
        run.append(tok)
    if run:
        ranges.append(_char_range(run))  # type: ignore[arg-type]
    return ranges


def _lemma(tok: Token) -> str:
    """The token's lemma, repaired from its form when the lemmatizer misses ("hopes" → "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in _ALL_CUES:
        return lemma
    low = tok.lower_
    for cand in (low, low[:-1], low[:-2], low[:-3], low[:-3] + "e", low[:-2] + "e" if low.endswith("ed") else ""):
        if cand in _ALL_CUES:
            return cand
    return lemma


def _is_cue_verb(tok: Token) -> tuple[bool, bool]:
    """(is a cue, is a belief cue)."""
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_[:2] != "VB":
        return False, False
    lemma = _lemma(tok)
    if lemma in BELIEF_VERBS or lemma in INTENTION_VERBS:
        return True, True
    if lemma in SPEECH_VERBS:
        return True, False
    return False, False


def _nested_cues(root: Token, outer: Token) -> list[Token]:
    """Cues inside a content clause that have no subject of their own (they share the speaker)."""
    found = []
    for tok in root.subtree:
        if tok is outer or tok.i == root.i:
            continue
        if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and _is_cue_verb(tok)[0]:
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                found.append(tok)
    return found


def _message_args(verb: Token, lemma: str) -> list[Token]:
    """Non-clausal content: "urged Congress to act", "called for a recount", "wants a wall".

    Only for verbs whose object *is* a message, a proposal or an intention; "said
    nothing" or "told reporters" name no content.
    """
    kids = [c for c in verb.children if c.i > verb.i]
    if lemma in XCOMP_VERBS or lemma in INTENTION_VERBS:
        x = [c for c in kids if c.dep_ == "xcomp"]
        objs = [c for c in kids if c.dep_ in ("dobj", "dative")]
        if x:
            return objs + x if lemma in DIRECTIVE_VERBS else x
    for c in kids:
        if c.dep_ == "prep" and ((lemma, c.lower_) in PREP_CUES or c.lower_ in MESSAGE_PREPS):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and not any(g.ent_type_ in ("DATE", "TIME") for g in objs):
                x = [g for g in kids if g.dep_ == "xcomp" and g.i > c.i]
                return [c, *x]
    if lemma in OBJECT_VERBS or lemma in INTENTION_VERBS:
        objs = [c for c in kids if c.dep_ == "dobj" and c.lower_ not in ("it", "this", "that", "so", "nothing")]
        if objs:
            extra = [
                c
                for c in kids
                if c.i > objs[0].i
                and (c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in OBJECT_PREPS)
            ]
            return objs + extra
    return []


def sentence_lookup(doc: Doc) -> Callable[[Token], Span]:
    """``token -> its sentence`` in O(log n); ``Token.sent`` walks the whole doc on every call."""
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def sent_of(tok: Token) -> Span:
        return sents[max(0, bisect_right(starts, tok.i) - 1)]

    return sent_of


def _as_description(frame: Frame, tok: Token, lemma: str) -> bool:
    """"X dismissed Y as “…”": the quoted description is the content (a mixed quote); with
    no quotation, the whole "Y as …" is the paraphrase.  True when the form applies."""
    if lemma not in AS_VERBS:
        return False
    as_prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_prep is None:
        return False
    frame.mixed_as = True
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    rng = _char_range(t for a in [*objs, as_prep] for t in a.subtree)
    if rng is not None:
        frame.as_fallback = [rng]
    return True


def _noun_frame(noun: Token, sent_of: Callable[[Token], Span]) -> Frame | None:
    """"Smith's claim that the vote was rigged", "the warning by engineers that …": a
    reporting noun with a that-clause and a named owner."""
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children)),
        None,
    )
    if clause is None:
        return None
    speaker = None
    for c in noun.children:
        if c.dep_ == "poss":
            speaker = _np_span(c)
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and speaker is None:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                speaker = _np_span(pobj)
    if speaker is None:
        return None
    belief = noun.lemma_.lower() in ("belief", "view", "hope", "fear", "expectation")
    return Frame([noun], noun.lemma_.lower(), speaker, _subtree_minus(clause, set()), belief, sent_of(noun))


def _according_frame(tok: Token, text: str, sent_of: Callable[[Token], Span]) -> Frame | None:
    """"according to X, …": X is the speaker, the clause the phrase hangs on is the content."""
    to = tok.doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    head = tok.head if tok.head != tok else None
    if head is None:
        return None
    excl = {t.i for t in tok.subtree}
    root = head
    while root.dep_ not in ("ROOT", "ccomp", "conj") and root.head != root:
        root = root.head
    content = _subtree_minus(root, excl)
    content = _same_paragraph(text, tok.idx, content)
    return Frame([tok, to], "according to", _np_span(pobj), content, sent=sent_of(tok))


def _cue_noun_frame(tok: Token, text: str, sent_of: Callable[[Token], Span]) -> Frame | None:
    """A reporting noun's frame (:func:`_noun_frame`) clipped to its paragraph; None when nothing is left."""
    nf = _noun_frame(tok, sent_of)
    if nf is None:
        return None
    nf.content = _same_paragraph(text, tok.idx, nf.content)
    return nf if nf.content else None


def _complement_content(
    frame: Frame, tok: Token, comps: list[Token], sent_of: Callable[[Token], Span], claimed: set[int]
) -> list[Frame]:
    """Fill ``frame.content`` from the cue's clausal complements; return the nested cues' frames.

    A subject-less cue inside a complement ("…, adding that …") shares the speaker: its
    subtree is cut out of the outer content, it is marked ``claimed`` so the token loop
    does not take it again, and it gets a frame of its own when it has a complement and
    the outer cue a speaker.
    """
    doc = tok.doc
    speaker = frame.speaker
    nested_frames: list[Frame] = []
    for comp in comps:
        nested = _nested_cues(comp, tok)
        excl: set[int] = set()
        for n in nested:
            claimed.add(n.i)
            sub = {t.i for t in n.subtree}
            excl |= sub
            # the comma before the participle belongs to neither
            if n.i > 0 and doc[n.left_edge.i - 1].is_punct:
                excl.add(n.left_edge.i - 1)
            ncomps = [c for c in n.children if c.dep_ in CONTENT_DEPS]
            if ncomps and speaker is not None:
                nb = _is_cue_verb(n)[1]
                nf = Frame([n], _lemma(n), speaker, belief=nb, sent=sent_of(n))
                for c in ncomps:
                    nf.content.extend(_subtree_minus(c, set()))
                nested_frames.append(nf)
        frame.content.extend(_subtree_minus(comp, excl))
    return nested_frames


def _message_content(frame: Frame, tok: Token, lemma: str) -> None:
    """Non-clausal content (:func:`_message_args`); a message preposition joins the cue ("called for")."""
    args = _message_args(tok, lemma)
    if not args:
        return
    if args[0].dep_ == "prep":
        frame.cue.append(args[0])
        frame.lemma = f"{frame.lemma} {args[0].lower_}"
        args = [c for c in args[0].children if c.dep_ in ("pobj", "pcomp")] + args[1:]
    rng = _char_range(t for a in args for t in a.subtree)
    if rng is not None:
        frame.content.append(rng)
    frame.belief = frame.belief or lemma in INTENTION_VERBS


def _verb_frames(
    tok: Token, belief: bool, text: str, sent_of: Callable[[Token], Span], claimed: set[int]
) -> list[Frame]:
    """The frames of cue verb ``tok``: the nested cues' frames first, then its own (if it has a speaker).

    The content comes from the first rule that applies, most explicit first: a clausal
    complement ("said that …"); else the clause around a parenthetical ("The plan, he
    said, is ready"); else "dismissed Y as …" — before the object rule, because the
    as-verbs are object verbs too and "Y" alone is not what was said; else a message
    object, infinitive or preposition ("urged voters to …", "called for …").
    """
    lemma = _lemma(tok)
    comps = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
    if lemma == "point" and not any(c.lower_ == "out" for c in tok.children):
        return []
    speaker = _subject(tok)
    frame = Frame([tok], lemma, speaker, belief=belief, sent=sent_of(tok))
    prt = [c for c in tok.children if c.dep_ == "prt"]
    if prt:
        frame.cue.extend(prt)
        frame.lemma = f"{lemma} {prt[0].lower_}"
    frames: list[Frame] = []
    if comps:
        frames = _complement_content(frame, tok, comps, sent_of, claimed)
    elif tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
        # "The plan, he said, is ready." — the clause around the parenthetical
        head = tok.head
        excl = {t.i for t in tok.subtree}
        frame.content.extend(_subtree_minus(head, excl))
    elif _as_description(frame, tok, lemma):
        pass
    else:
        _message_content(frame, tok, lemma)
    if speaker is None or speaker[0].tag_ in ("WP", "WP$", "WDT"):
        return frames  # agentless ("it is estimated that …"): a claim, not a quote
    frame.content = _same_paragraph(text, tok.idx, frame.content)
    if not frame.content:  # the parser may have taken a heading above for the complement
        _as_description(frame, tok, lemma)
    frames.append(frame)
    return frames


def _frames(doc: Doc) -> list[Frame]:
    """Every cue frame of the doc, in token order (a nested cue's frame before its outer cue's).

    One pass over the tokens; for each token the rules run in this order and the first
    that matches the token ends its turn, frame or not:

    1. a token already claimed as a nested cue is skipped — its frame was made with the
       outer cue's, sharing that cue's speaker;
    2. "according to X" — first, so that "according" is never read as a verb cue;
    3. a reporting noun ("Smith's claim that …") — before the verb rule, so a noun
       ("claim", "promise") that is also a reporting verb's lemma is read as a noun only;
    4. a cue verb (reporting, belief or intention), see :func:`_verb_frames`.
    """
    sent_of = sentence_lookup(doc)
    text = doc.text  # a property that joins every token: read it once
    frames: list[Frame] = []
    claimed: set[int] = set()  # nested cue tokens already handled
    for tok in doc:
        if tok.i in claimed:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            af = _according_frame(tok, text, sent_of)
            if af is not None:
                frames.append(af)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_NOUNS:
            nf = _cue_noun_frame(tok, text, sent_of)
            if nf is not None:
                frames.append(nf)
            continue
        is_cue, belief = _is_cue_verb(tok)
        if not is_cue:
            continue
        frames.extend(_verb_frames(tok, belief, text, sent_of, claimed))
    return frames


def _label_frames(doc: Doc, quoted: list[Quoted]) -> list[Frame]:
    """Transcripts and headlines: "PENCE: And that's why …", "Pat Caddell: Voters worried …".

    A paragraph that opens with a short name (a person or organisation, or an all-capitals
    speaker label) and a colon attributes the rest of the paragraph to that name.
    """
    frames = []
    text = doc.text
    ents = {(e.start, e.end): e for e in doc.ents}
    for sent in doc.sents:
        start = sent.start
        if start > 0 and "\n" not in doc[start - 1].text_with_ws:
            continue
        while start < sent.end and doc[start].text in ALL_MARKS:
            start += 1  # a transcript quoted paragraph by paragraph: "WALLACE: …
        colon = next((t for t in doc[start : min(sent.end, start + 6)] if t.text == ":"), None)
        if colon is None or colon.i == start or colon.i + 1 >= len(doc):
            continue
        label = doc[start : colon.i]
        if any(t.is_digit or t.like_num or t.text in ALL_MARKS for t in label):
            continue
        is_caps = all(t.is_upper or t.is_punct for t in label) and any(t.is_alpha for t in label)
        ent = ents.get((start, colon.i))
        # a headline "Pence: …" / "Poll: …" names its source the same way
        headline = (
            sent.start == 0
            and len(label) <= 4
            and label[0].pos_ != "DET"  # "The Latest: …" is a column name, not a source
            and all(t.is_title or t.is_punct for t in label)
        )
        if not is_caps and not headline and (ent is None or ent.label_ not in ("PERSON", "ORG")):
            continue
        para_end = text.find("\n", colon.idx)
        para_end = len(text) if para_end < 0 else para_end
        a, b = _trim(text, colon.idx + 1, para_end)
        if b - a < 8:
            continue
        frames.append(Frame([colon], ":", label, [(a, b)], sent=sent, label=True))
    return frames


# --------------------------------------------------------------------------- joining


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _alnum_outside(text: str, ranges: list[tuple[int, int]], quotes: list[Quoted]) -> int:
    inside = [p for q in quotes for p in q.pieces]
    count = 0
    for a, b in ranges:
        for i in range(a, b):
            if text[i].isalnum() and not any(x <= i < y for x, y in inside):
                count += 1
    return count


_GAP = frozenset(" \t\r,.;:?!—–-") | ALL_MARKS


def _adjacent(text: str, q: Quoted, f: Frame) -> bool:
    """Only punctuation between the quotation and the "X said" next to it, whatever the
    sentence splitter decided ("“You winning?” she said" split after the question mark)."""
    first = min([f.cue[0].idx] + ([f.speaker.start_char] if f.speaker is not None else []))
    last_tok = max(f.cue, key=lambda t: t.i)
    last = last_tok.idx + len(last_tok)
    if f.speaker is not None:
        last = max(last, f.speaker.end_char)
    if 0 <= first - q.end <= 6 and all(ch in _GAP for ch in text[q.end : first]):
        return True
    return 0 <= q.start - last <= 6 and all(ch in _GAP for ch in text[last : q.start])


def _drop_embedded(frames: list[Frame]) -> list[Frame]:
    """An attribution reported inside someone's statement ("she said she hopes …", "he said
    aides had told him …") is part of what was said: one statement, not two."""
    out = []
    for f in frames:
        at = f.cue[0].idx
        if any(g is not f and any(a <= at < b for a, b in g.content) for g in frames):
            continue
        out.append(f)
    return out


def _distance(q: Quoted, at: int) -> int:
    """Characters between a quotation's nearer edge and a position."""
    if q.end <= at:
        return at - q.end
    return max(0, q.start - at)


def _opens_sentence(text: str, start: int) -> bool:
    """The quotation (content start) begins a sentence: only marks and space back to . ? ! or a line start."""
    i = start - 1
    while i >= 0 and (text[i] in ALL_MARKS or text[i] in " \t"):
        i -= 1
    return i < 0 or text[i] in ".?!\n"


_DASHES = "―—–-"


def _dash_speaker(doc: Doc, text: str, q: Quoted) -> Span | None:
    """"“…” ― Sonya Herridge": a dash and a short name closing the paragraph attribute the quotation."""
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    tail = text[q.end : end]
    i = 0
    while i < len(tail) and (tail[i] in ALL_MARKS or tail[i] in " \t,.?!"):
        i += 1
    if i >= len(tail) or tail[i] not in _DASHES:
        return None
    name = tail[i + 1 :].strip().rstrip(".")
    if not name or len(name.split()) > 6 or not name[0].isupper():
        return None
    a = q.end + i + 1 + tail[i + 1 :].index(name)
    span = doc.char_span(a, a + len(name), alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in span):
        return None
    return span


def _cut_unclosed(f: Frame) -> list[tuple[int, int]]:
    """Quotation pieces; an unclosed quotation that swallowed its own "X said" stops before it."""
    pieces = [p for q in f.quotes for p in q.pieces]
    cue = f.cue[0].idx
    stop = min(cue, f.speaker.start_char) if f.speaker is not None else cue
    out = []
    for q in f.quotes:
        for a, b in q.pieces:
            if not q.closed and a <= cue < b:
                b = stop
            if b > a:
                out.append((a, b))
    return out or pieces


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_statement(doc: Doc, q: Quoted) -> bool:
    """A quotation long and clausal enough to be a statement, not a scare quote or a title."""
    span = _tokens_in(doc, q.start, q.end)
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    return len(words) >= 6 and any(t.pos_ in ("VERB", "AUX") for t in span)


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


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


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


def _merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _sent_index(doc: Doc) -> tuple[list[Span], list[int]]:
    sents = list(doc.sents)
    return sents, [s.start_char for s in sents]


def _sent_of(sents: list[Span], starts: list[int], char: int) -> int:
    return max(0, bisect_right(starts, char) - 1)


#: Verbs that, governing a saying verb, say it was not said ("denied saying", "refused to say").
NEGATING_HEADS = frozenset("deny refuse decline dispute reject".split())
#: Adverbs that make the attribution itself uncertain ("reportedly said").
HEDGE_ADVERBS = frozenset("reportedly allegedly purportedly supposedly reputedly apparently rumoredly".split())
#: Passive verbs of hearsay in "X is said to have told …", "is reported to have warned".
HEARSAY_PASSIVES = frozenset("say report rumor rumour believe understand allege think claim".split())
_SAYING_FORMS = frozenset(
    "say saying said tell telling told comment commenting confirm confirming claim claiming claimed "
    "discuss discussing speculate speculating elaborate elaborating".split()
)


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


#: One statement on its way to a :class:`Quote`: (frame, orphan quotation, kind, content
#: char ranges, speaker) — the frame is None for an orphan quotation, the quotation None
#: for a frame's statement.
_Statement = tuple[Frame | None, Quoted | None, str, list[tuple[int, int]], Span | None]


def _candidates(doc: Doc, text: str, furniture: Furniture) -> tuple[list[Quoted], list[Frame]]:
    """The quotations and cue frames of the doc, before they are joined.

    The parse's frames come first (in token order), the transcript labels' after them;
    page furniture is removed last, from both.
    """
    quoted = quoted_spans(text)
    inside = [p for q in quoted if q.closed for p in q.pieces]
    # a cue inside a quotation is part of what the speaker said ("I think …"), not a new attribution
    frames = [f for f in _frames(doc) if not any(a <= f.cue[0].idx < b for a, b in inside)]
    frames = _drop_embedded(frames)
    frames += _label_frames(doc, quoted)
    if furniture:
        # page furniture ("READ MORE: …", "WATCH BELOW", bylines) holds no quote, cue or speaker
        quoted = [q for q in quoted if not furniture.contains(q.start)]
        frames = [f for f in frames if not furniture.contains(f.cue[0].idx)]
        for f in frames:
            f.content = [c for c in f.content if not furniture.contains(c[0])]
            if f.speaker is not None and furniture.overlaps(f.speaker.start_char, f.speaker.end_char):
                f.speaker = None
    return quoted, frames


def _attach_overlapping(frames: list[Frame], quoted: list[Quoted], used: set[int]) -> None:
    """Rule 1: quotations that overlap a frame's content extend it (a transcript label's
    paragraph is its content already: the marks around it add nothing)."""
    for f in frames:
        for qi, q in enumerate(quoted):
            if qi in used:
                continue
            if any(_overlap(c, p) for c in f.content for p in q.pieces):
                if not f.label:
                    f.quotes.append(q)
                used.add(qi)


def _attach_nearby(
    doc: Doc,
    text: str,
    frames: list[Frame],
    quoted: list[Quoted],
    used: set[int],
    sents: list[Span],
    starts: list[int],
) -> None:
    """Rule 2: a frame with a speaker but no content takes the quotation of its sentence,
    or the one right after a colon in the next sentence — the nearest to the cue."""
    for f in frames:
        if f.content or f.quotes or f.speaker is None or f.sent is None:
            continue
        si = _sent_of(sents, starts, f.cue[0].idx)
        cands = []
        for qi, q in enumerate(quoted):
            if qi in used:
                continue
            qs = _sent_of(sents, starts, q.start)
            qe = _sent_of(sents, starts, max(q.start, q.end - 1))
            if qs <= si <= qe or qe == si or qs == si or _adjacent(text, q, f):
                cands.append(qi)
            elif qs == si + 1 and sents[si].text.rstrip().endswith(":"):
                cands.append(qi)
        if f.mixed_as:
            cands = [qi for qi in cands if quoted[qi].start > f.cue[0].idx]
        elif cands:
            cands = [qi for qi in cands if _is_statement(doc, quoted[qi]) or _adjacent(text, quoted[qi], f)]
        if cands:
            # nearest to the cue
            cue_at = f.cue[0].idx
            qi = min(cands, key=lambda k: _distance(quoted[k], cue_at))
            f.quotes.append(quoted[qi])
            used.add(qi)


def _frame_statement(text: str, f: Frame) -> tuple[str, list[tuple[int, int]]] | None:
    """A frame's (kind, content ranges), or None when it has nothing to say.

    Its quotations decide first (mixed "as" description, a paraphrase with quoted words,
    or a direct quote); then its parsed content; then the "Y as …" fallback.
    """
    if f.quotes:
        outside = _alnum_outside(text, f.content, f.quotes)
        if f.mixed_as:
            kind, content = "mixed", [p for q in f.quotes for p in q.pieces]
        elif outside > 3 and f.content:
            # a quoted term of one or two words inside a paraphrase ("a “strategic
            # dialogue”") is a scare quote: the statement stays indirect
            words = sum(len(text[a:b].split()) for q in f.quotes for a, b in q.pieces)
            kind = "mixed" if words >= 3 else "indirect"
            content = _merge_ranges([*f.content, *(p for q in f.quotes for p in q.pieces)])
        else:
            kind, content = "direct", _cut_unclosed(f)
    elif f.content:
        verbatim = f.label and all(t.is_upper or not t.is_alpha for t in f.speaker or ())
        kind, content = ("direct" if verbatim else "indirect"), f.content
    elif f.as_fallback:
        kind, content = "indirect", _same_paragraph(text, f.cue[0].idx, f.as_fallback)
    else:
        return None
    if f.belief and kind == "indirect":
        kind = "belief"
    return kind, content


def _continues_previous(
    text: str, prev: _Statement | None, last_speaker: Span | None, last_sent: int, qs: int, q: Quoted
) -> bool:
    """"“A,” she said. “B.”": the quotation goes on after the cue — one statement with the previous."""
    return (
        prev is not None
        and prev[4] is not None
        and prev[4] is last_speaker
        and prev[2] in ("direct", "mixed")
        and 0 <= qs - last_sent <= 2
        and "\n" not in text[prev[3][-1][1] : q.start]
        and _opens_sentence(text, q.start)
    )


def _byline(doc: Doc, text: str, furniture: Furniture, q: Quoted) -> Span | None:
    """The "― Name" after the quotation (:func:`_dash_speaker`), unless it is page furniture."""
    byline = _dash_speaker(doc, text, q)
    if byline is not None and furniture.overlaps(byline.start_char, byline.end_char):
        byline = None
    return byline


def _orphan_speaker(
    doc: Doc,
    q: Quoted,
    qs: int,
    qe: int,
    last_speaker: Span | None,
    last_sent: int,
    frame_by_sent: dict[int, Frame],
) -> Span | None:
    """The speaker of a statement-like quotation no frame took: the last speaker when they
    spoke up to two sentences before, else the empty "X said" of the sentence after it."""
    if not _is_statement(doc, q):
        return None
    speaker = None
    if last_speaker is not None and 0 <= qs - last_sent <= 2:
        speaker = last_speaker
    else:
        nxt = frame_by_sent.get(qe + 1)
        if nxt is not None and not nxt.content and not nxt.quotes:
            speaker = nxt.speaker
    return speaker


def _statements(
    doc: Doc,
    text: str,
    furniture: Furniture,
    frames: list[Frame],
    quoted: list[Quoted],
    used: set[int],
    sents: list[Span],
    starts: list[int],
) -> list[_Statement]:
    """Frames and the quotations no frame took, walked in text order, as statements.

    Text order because an orphan quotation reads what came before it: for each one, in
    this order, it continues the previous direct statement of the last speaker; else it
    is attributed by a "― Name" byline; else, if it is a statement, it takes the last
    speaker or the empty "X said" right after it; else it is dropped.
    """
    results: list[_Statement] = []
    last_speaker: Span | None = None
    last_sent = -10
    frame_by_sent: dict[int, Frame] = {}
    for f in frames:
        if f.speaker is not None:
            frame_by_sent.setdefault(_sent_of(sents, starts, f.cue[0].idx), f)

    items: list[tuple[int, object]] = [(f.cue[0].idx, f) for f in frames]
    items += [(q.start, q) for qi, q in enumerate(quoted) if qi not in used]
    items.sort(key=lambda x: x[0])
    for _, item in items:
        if isinstance(item, Frame):
            f = item
            found = _frame_statement(text, f)
            if found is None:
                continue
            kind, content = found
            results.append((f, None, kind, content, f.speaker))
            if f.speaker is not None:
                last_speaker = f.speaker
                last_sent = _sent_of(sents, starts, f.cue[0].idx)
            continue
        q = item
        assert isinstance(q, Quoted)
        qs = _sent_of(sents, starts, q.start)
        qe = _sent_of(sents, starts, max(q.start, q.end - 1))
        prev = results[-1] if results else None
        if _continues_previous(text, prev, last_speaker, last_sent, qs, q):
            results[-1][3].extend(q.pieces)
            last_sent = qe
            continue
        byline = _byline(doc, text, furniture, q)
        if byline is not None:
            results.append((None, q, "direct", list(q.pieces), byline))
            continue
        speaker = _orphan_speaker(doc, q, qs, qe, last_speaker, last_sent, frame_by_sent)
        if speaker is None:
            continue
        results.append((None, q, "direct", list(q.pieces), speaker))
        last_sent = qe
    return results


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
    sents: list[Span],
    starts: list[int],
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
            sent = sents[_sent_of(sents, starts, spans[0].start)]
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


def find_quotes(doc: Doc, analysis: Analysis | None = None) -> list[Quote]:
    """All quotes of a parsed doc; ``analysis`` (optional) supplies actors and dates.

    The joining rules run in this order, each on what the previous left: (1) quotations
    overlapping a frame's content join it, then (2) a speaker-only frame takes the
    nearest quotation of its sentence — overlap first, because it is certain and
    proximity is a guess; then (3) the rest is walked in text order
    (:func:`_statements`), so an orphan quotation can take the speaker before it.
    """
    text = doc.text
    furniture = Furniture(text)
    quoted, frames = _candidates(doc, text, furniture)
    sents, starts = _sent_index(doc)
    used: set[int] = set()
    _attach_overlapping(frames, quoted, used)
    _attach_nearby(doc, text, frames, quoted, used, sents, starts)
    resolver = SpeakerResolver(doc, analysis)
    results = _statements(doc, text, furniture, frames, quoted, used, sents, starts)
    quotes = _quote_records(text, analysis, resolver, results, sents, starts)
    for i, q in enumerate(quotes, 1):
        q.id = f"Q{i}"
    return quotes


@extractor("quotes", field="quotes", version="2", after=("actors", "times"))
def extract_quotes(doc: Doc, analysis: Analysis) -> list[Quote]:
    """Registered extractor: ``Analysis.quotes``."""
    return find_quotes(doc, analysis)


# --------------------------------------------------------------------------- spaCy component

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


if not Doc.has_extension("newsgraph"):
    Doc.set_extension("newsgraph", default=None)


@Language.factory("newsgraph_quotes")
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    """``nlp.add_pipe("newsgraph_quotes")`` (after the parser): fills ``doc._.quotes``."""
    return QuotesComponent(nlp)


class QuotesComponent:
    """Runs newsgraph's quote extractor (and the extractors it depends on) inside spaCy.

    ``doc._.quotes`` is a list of :class:`newsgraph.model.Quote`; ``doc._.newsgraph`` keeps
    the whole :class:`~newsgraph.model.Analysis` (actors included) so speaker entity ids
    can be looked up.  The host pipeline is recorded as the model: no other pipeline is
    loaded, and nothing is parsed twice.
    """

    def __init__(self, nlp: Language) -> None:
        import spacy

        from ..model import ModelInfo

        meta = nlp.meta
        self.info = ModelInfo(
            name=f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
            version=str(meta.get("version", "?")),
            package=f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
            spacy_version=spacy.__version__,
        )

    def __call__(self, doc: Doc) -> Doc:
        from ..model import Article
        from ..pipeline import pipeline_version
        from . import ordered

        analysis = Analysis(pipeline_version=pipeline_version(), model=self.info, article=Article(text=doc.text))
        for spec in ordered(["quotes"]):
            setattr(analysis, spec.field, list(spec.func(doc, analysis)))
        doc._.newsgraph = analysis
        doc._.quotes = analysis.quotes
        return doc
