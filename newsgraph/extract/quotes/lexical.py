"""Word lists and character classes of quote extraction: cues, channels, quotation marks.

The lexicons every phase reads (reporting, belief and intention verbs, cue nouns, message
prepositions, channel cues, negating and hedging words) and the mark classes the pairing
of quotation marks works with.  The reporting verbs live in :mod:`newsgraph.lexicons`.
"""

from __future__ import annotations

from ... import lexicons

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

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
