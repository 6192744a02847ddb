"""The tense of the clause an expression modifies, read off the dependency parse.

Why the tense: a bare "Saturday" in a past-tense sentence is the last Saturday up to publication,
in a future one the next; "June" in "talks began in June" cannot be a June that starts weeks
after publication.  The handlers read it from :class:`~.anchor.Context` (``ctx.tense``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the clause an expression modifies: 'past', 'present', 'future' or None.

    Walk from the expression up the dependency tree to the first verb; its
    auxiliaries decide ("will", "is going to" → future; "has"+VBN, VBD → past).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return _token_tense(span.root, 0)


_PLAN_VERBS = {"plan", "expect", "schedule", "hope", "intend", "aim", "want", "promise", "agree", "decide",
               "prepare", "set", "due", "seek", "propose", "vow", "pledge", "threaten"}


_STATE_OR_REPORT = {"be", "have", "say", "tell", "report", "add", "state", "note", "claim", "believe", "think",
                    "know", "remain", "seem", "appear", "show", "mean", "include", "own", "hold", "need",
                    "want", "expect", "estimate", "accord", "write", "argue", "insist", "warn"}


def _token_tense(tok: Token, depth: int) -> str | None:
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head == tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "VBD" for a in auxes) or (tok.tag_ == "VBD" and not auxes):
        return "past"
    if tok.tag_ == "VBN" and lowers & {"has", "have", "had", "'ve", "'s"}:
        return "past"
    if tok.tag_ == "VB" and "to" in lowers:
        # "plans to meet on Friday", "is to resume Tuesday": the governing verb decides
        head = tok.head
        if head != tok and (head.lemma_ in _PLAN_VERBS or (head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"))):
            return "future"
        if head != tok and depth < 3:
            return _token_tense(head, depth + 1)
        return None
    if tok.tag_ in ("VBZ", "VBP"):
        if tok.lemma_ in _PLAN_VERBS or any(c.lemma_ in {"scheduled", "due", "set"} for c in tok.children):
            return "future"
        if tok.lemma_ not in _STATE_OR_REPORT:
            return "present_event"  # "the leaders meet Monday": a scheduled event
        return "present"
    if tok.tag_ == "VBN" and lowers & {"is", "are", "be", "'s", "'re"}:
        return "future" if tok.lemma_ in _PLAN_VERBS else "present"
    if tok.tag_ == "VBN" and lowers & {"was", "were"}:
        return "past"
    if tok.tag_ == "VBN" and not auxes and tok.dep_ in ("acl", "amod", "advcl", "relcl"):
        return "past"  # reduced relative: "the year ended Sept. 30", "a deal announced Monday"
    return None
