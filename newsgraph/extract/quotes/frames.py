"""Phase 2: cue frames in the parse — a cue, its speaker and its content.

A cue is a reporting or belief verb, a reporting noun, "according to" or a transcript
label; its speaker is the subject (inherited through conjunction or a participle), the
agent of a passive or the head noun of a relative clause; its content is the clausal
complement, the clause around a parenthetical "he said", or a message object.  The
quotations (:mod:`.marks`) are not consulted here; :mod:`.join` brings the two together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..docindex import SentenceIndex
from .lexical import (
    _ALL_CUES,
    ALL_MARKS,
    AS_VERBS,
    BELIEF_VERBS,
    CONTENT_DEPS,
    CUE_NOUNS,
    DIRECTIVE_VERBS,
    HEARSAY_PASSIVES,
    INTENTION_VERBS,
    MESSAGE_PREPS,
    OBJECT_PREPS,
    OBJECT_VERBS,
    PREP_CUES,
    SPEECH_VERBS,
    XCOMP_VERBS,
)
from .marks import Quoted, _trim


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
            if n.left_edge.i > 0 and doc[n.left_edge.i - 1].is_punct:
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


def _frames(doc: Doc, sents: SentenceIndex) -> list[Frame]:
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
    sent_of = sents.of_token  # Token.sent walks the whole doc on every call
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
