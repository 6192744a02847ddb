"""PLOVER 2.0 trigger lexicon, written from the PLOVER 2.0 type and mode definitions.

Why a hand-written lexicon: PLOVER types are defined by what an actor does to a
recipient, and in news English that is carried by a small, stable vocabulary of
verbs and event nouns.  Lemmas are mapped to ``(type, mode)``; the extractor in
:mod:`newsgraph.extract.events` adds the structure (who, to whom, when, where,
and whether it happened).  No CAMEO dictionary was used; entries are general
English, not taken from any evaluation file.

The 16 PLOVER 2.0 types, in the order of the codebook (cooperative to hostile):
AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE,
REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.
"""

from __future__ import annotations

from .. import lexicons

Trigger = tuple[str, str | None]  # (PLOVER type, mode or None)

TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: Modes per type (PLOVER 2.0 names where the codebook has them; a mode is optional).
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("settle", "ceasefire", "treaty", "promise"),
    "CONSULT": ("visit", "third-party", "multilateral", "phone", "meet"),
    "SUPPORT": ("praise", "endorse", "defend"),
    "CONCEDE": ("release", "policy", "power", "apologize", "amnesty", "accede"),
    "COOPERATE": ("economic", "military", "intelligence", "judicial"),
    "AID": ("economic", "military", "humanitarian", "asylum", "personnel"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "resign", "ease", "ceasefire"),
    "REQUEST": ("assist", "change", "yield", "meet", "settle", "release"),
    "ACCUSE": ("disapprove", "investigate", "allege", "sue"),
    "REJECT": ("assist", "change", "yield", "meet", "settle", "veto"),
    "THREATEN": ("restrict", "ban", "arrest", "sanction", "violence", "ultimatum"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "obstruct", "boycott"),
    "SANCTION": ("convict", "expel", "discontinue", "embargo", "boycott", "freeze"),
    "MOBILIZE": ("troops", "police", "militia", "alert", "weapons"),
    "COERCE": ("seize", "restrict", "ban", "censor", "deport", "arrest", "curfew", "raid", "cyber"),
    "ASSAULT": (
        "beat", "firearms", "explosives", "suicide-attack", "drone", "aerial", "shelling",
        "abduct", "assassinate", "crowd-control", "wmd", "clash", "occupy",
    ),
}

#: Hostile types: an announced intention to do one of these is a THREATEN event.
HOSTILE: frozenset[str] = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})
#: Cooperative material acts: a promise to do one of these is an AGREE event.
PROMISABLE: frozenset[str] = frozenset({"AID", "CONCEDE", "RETREAT", "COOPERATE"})
#: Acts an actor can be said to commit to; "ready to host talks" is an AGREE, "will visit" stays CONSULT.
COMMITTABLE: frozenset[str] = PROMISABLE | {"CONSULT", "SUPPORT"}
#: Explicit commitment words (as opposed to a bare future "will").
COMMITMENT_HEADS: frozenset[str] = frozenset(
    "offer pledge promise vow swear agree commit ready willing prepared prepare".split()
)
#: Nouns too generic to be events that take their meaning from a compound: "mediation effort".
GENERIC_HEADS: frozenset[str] = frozenset(
    "mission effort process initiative campaign bid plan package programme program drive".split()
)
#: Legislative approvals: "lawmakers approved a bill which requires X to ..." is coded as what the
#: law does, in the legislative context.
APPROVAL_VERBS: frozenset[str] = frozenset("approve pass adopt enact ratify endorse vote".split())
LAW_NOUNS: frozenset[str] = frozenset("bill law resolution legislation measure motion act decree amendment".split())

#: Verbs that report a statement whose modal complement ("X must ...") is a demand on its subject.
DEMAND_FRAMES: frozenset[str] = frozenset(
    "say tell declare state insist stress reiterate repeat conclude warn add write emphasize argue".split()
)

# Verbs ---------------------------------------------------------------------------------------------


def _verbs(table: dict[Trigger, str]) -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for trig, words in table.items():
        for w in words.split():
            out.setdefault(w.replace("_", " "), trig)
    return out


VERBS: dict[str, Trigger] = _verbs({
    ("AGREE", None): "agree accept sign ratify approve conclude pledge promise vow commit offer "
    "guarantee consent",
    ("AGREE", "settle"): "settle reconcile",
    ("AGREE", "ceasefire"): "truce",
    ("CONSULT", None): "meet negotiate discuss confer consult",
    ("CONSULT", "visit"): "visit tour host receive welcome",
    ("CONSULT", "third-party"): "mediate broker facilitate",
    ("CONSULT", "phone"): "phone telephone",
    ("SUPPORT", None): "support back endorse defend hail recognize forgive",
    ("SUPPORT", "praise"): "praise commend applaud congratulate thank laud salute sympathize sympathise "
    "condole",
    ("CONCEDE", None): "concede yield relent accede allow permit",
    ("CONCEDE", "policy"): "ease lift relax loosen shorten",
    ("CONCEDE", "apologize"): "apologize apologise admit regret",
    ("CONCEDE", "release"): "release free pardon",
    ("CONCEDE", "amnesty"): "amnesty",
    ("COOPERATE", None): "cooperate collaborate partner ally coordinate",
    ("AID", None): "aid assist help provide give donate supply grant fund finance lend contribute",
    ("AID", "humanitarian"): "evacuate rescue shelter",
    ("AID", "asylum"): "harbor harbour",
    ("AID", "military"): "arm train",
    ("RETREAT", "withdraw"): "withdraw retreat surrender",
    ("RETREAT", "resign"): "resign quit abdicate",
    ("RETREAT", "ease"): "reopen",
    ("RETREAT", "disarm"): "disarm demobilize demobilise disband",
    ("REQUEST", None): "request ask urge demand appeal implore beg seek press plead petition",
    ("REQUEST", "meet"): "invite",
    ("REQUEST", "assist"): "solicit",
    ("REQUEST", "change"): "insist require oblige",
    ("ACCUSE", None): "accuse blame charge allege",
    ("ACCUSE", "disapprove"): "criticize criticise condemn denounce deplore decry slam blast "
    "censure rebuke reproach complain summon chide lambaste",
    ("ACCUSE", "investigate"): "investigate probe inquire examine",
    ("ACCUSE", "sue"): "sue indict prosecute",
    ("REJECT", None): "reject refuse decline deny dismiss rebuff spurn repudiate oppose resist "
    "disregard defy ignore violate breach flout snub",
    ("REJECT", "veto"): "veto",
    ("THREATEN", None): "threaten warn menace",
    ("THREATEN", "ultimatum"): "ultimatum",
    ("PROTEST", "demo"): "demonstrate rally march protest picket",
    ("PROTEST", "riot"): "riot",
    ("PROTEST", "obstruct"): "barricade block",
    ("PROTEST", "boycott"): "boycott",
    ("SANCTION", None): "sanction penalize penalise punish",
    ("SANCTION", "expel"): "expel",
    ("SANCTION", "convict"): "convict sentence",
    ("SANCTION", "discontinue"): "suspend cancel sever cut halt freeze terminate reduce",
    ("SANCTION", "embargo"): "embargo",
    ("MOBILIZE", None): "mobilize mobilise deploy mass station dispatch reinforce",
    ("MOBILIZE", "alert"): "alert",
    ("COERCE", None): "coerce force compel",
    ("COERCE", "arrest"): "arrest detain jail imprison apprehend intern",
    ("COERCE", "seize"): "seize occupy blockade confiscate impound expropriate nationalize annex",
    ("COERCE", "ban"): "ban outlaw prohibit",
    ("COERCE", "restrict"): "restrict prevent disperse suppress quell besiege",
    ("COERCE", "cyber"): "hack",
    ("COERCE", "censor"): "censor",
    ("COERCE", "deport"): "deport extradite evict",
    ("COERCE", "raid"): "raid storm",
    ("ASSAULT", None): "attack assault kill murder wound injure fight invade ambush target "
    "destroy massacre slaughter hit",
    ("ASSAULT", "firearms"): "shoot fire",  # "gun" only as "gun down": "lost children to gun violence"
    ("ASSAULT", "explosives"): "bomb explode detonate",
    ("ASSAULT", "shelling"): "shell bombard pound",
    ("ASSAULT", "aerial"): "airstrike strike",
    ("ASSAULT", "abduct"): "abduct kidnap hijack",
    ("ASSAULT", "assassinate"): "assassinate execute behead",
    ("ASSAULT", "beat"): "beat torture",
    ("ASSAULT", "clash"): "clash",
    ("ASSAULT", "occupy"): "capture retake overrun recapture",
})

#: Verb + particle / preposition combinations, keyed "lemma particle".
PHRASAL: dict[str, Trigger] = {
    "call for": ("REQUEST", None),
    "call on": ("REQUEST", None),
    "call upon": ("REQUEST", None),
    "push for": ("REQUEST", None),
    "press for": ("REQUEST", None),
    "ask for": ("REQUEST", None),
    "appeal for": ("REQUEST", None),
    "lobby for": ("REQUEST", None),
    "agree on": ("AGREE", None),
    "agree to": ("AGREE", None),
    "sign on": ("AGREE", None),
    "meet with": ("CONSULT", "meet"),
    "speak with": ("CONSULT", None),
    "talk with": ("CONSULT", None),
    "hold talk": ("CONSULT", None),
    "pull out": ("RETREAT", "withdraw"),
    "pull back": ("RETREAT", "withdraw"),
    "step down": ("RETREAT", "resign"),
    "back down": ("CONCEDE", None),
    "give up": ("CONCEDE", None),
    "give in": ("CONCEDE", None),
    "hand over": ("CONCEDE", "release"),
    "stand down": ("RETREAT", "disarm"),
    "walk out": ("PROTEST", "boycott"),
    "speak out": ("ACCUSE", "disapprove"),
    "lash out": ("ACCUSE", "disapprove"),
    "crack down": ("COERCE", "restrict"),
    "round up": ("COERCE", "arrest"),
    "shut down": ("COERCE", "ban"),
    "close down": ("COERCE", "ban"),
    "force out": ("COERCE", "deport"),
    "drive out": ("COERCE", "deport"),
    "open fire": ("ASSAULT", "firearms"),
    "gun down": ("ASSAULT", "firearms"),
    "call up": ("MOBILIZE", "troops"),
    "blow up": ("ASSAULT", "explosives"),
    "cut off": ("SANCTION", "discontinue"),
    "break off": ("SANCTION", "discontinue"),
    "turn down": ("REJECT", None),
    "rule out": ("REJECT", None),
    "stand by": ("SUPPORT", None),
    "side with": ("SUPPORT", None),
    "set up": ("COOPERATE", None),
    "go on": ("PROTEST", "strike"),
    "take to": ("PROTEST", "demo"),
    "search for": ("COERCE", "raid"),
    "call out": ("ACCUSE", "disapprove"),  # "calling out X for his lies": a public rebuke
}

#: Transfer verbs that are events only with someone or something given ("given the delays" is not).
NEEDS_RECIPIENT: frozenset[str] = frozenset("help give provide supply lend grant offer assist aid".split())
#: Verbs that make a demand only with a clause: "requires X to leave", not "requires patience".
NEEDS_CLAUSE: frozenset[str] = frozenset("require oblige".split())
#: Verbs that mean "show" with a that-clause: "the figures demonstrate that ...".
NOT_WITH_CLAUSE: frozenset[str] = frozenset("demonstrate".split())

#: Verbs that move things; what is moved decides the event ("sent 50 tonnes of food" is AID).
TRANSFER_VERBS: frozenset[str] = frozenset("send deliver ship airlift fly truck dispatch transfer".split())
AID_GOODS: frozenset[str] = frozenset(
    "aid food supply medicine medication relief assistance water tent blanket vaccine fuel grain rice "
    "equipment".split()
)
WEAPONS: frozenset[str] = frozenset(
    "weapon arm rocket missile shell bullet round mortar grenade bomb ammunition gas artillery "
    "shot".split()
)
#: Types whose two sides act together: "A and B signed an agreement" — B is also the recipient.
SYMMETRIC: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})

#: Phrasal verbs whose prepositional object completes the expression rather than naming a target.
IDIOMATIC_PHRASAL: frozenset[str] = frozenset({"go on", "take to"})

#: Verbs whose meaning depends on their object: "lift a ban" is a concession,
#: "block roads" is an obstruction protest, "impose" takes the type of what is imposed.
VERB_OBJECT: dict[tuple[str, str], Trigger] = {
    # easing a military pressure is a retreat; easing a political or economic one a concession
    ("lift", "blockade"): ("RETREAT", "ease"),
    ("lift", "siege"): ("RETREAT", "ease"),
    ("ease", "blockade"): ("RETREAT", "ease"),
    ("accept", "demand"): ("CONCEDE", "accede"),
    ("meet", "demand"): ("CONCEDE", "accede"),
    ("send", "arm"): ("AID", "military"),
    ("send", "weapon"): ("AID", "military"),
    ("send", "troop"): ("MOBILIZE", "troops"),
    ("send", "aid"): ("AID", None),
    ("reduce", "troop"): ("RETREAT", "withdraw"),
    ("strengthen", "force"): ("MOBILIZE", "troops"),
    ("share", "expertise"): ("COOPERATE", "intelligence"),
    ("share", "intelligence"): ("COOPERATE", "intelligence"),
    ("share", "information"): ("COOPERATE", "intelligence"),
    ("protest", "decision"): ("ACCUSE", "disapprove"),
    ("block", "road"): ("PROTEST", "obstruct"),
    ("block", "street"): ("PROTEST", "obstruct"),
    ("block", "highway"): ("PROTEST", "obstruct"),
    ("block", "resolution"): ("REJECT", "veto"),
    ("block", "bill"): ("REJECT", "veto"),
    ("cut", "tie"): ("SANCTION", "discontinue"),
    ("sever", "tie"): ("SANCTION", "discontinue"),
    ("break", "tie"): ("SANCTION", "discontinue"),
    ("recall", "ambassador"): ("SANCTION", "discontinue"),
    ("summon", "ambassador"): ("ACCUSE", "disapprove"),
    ("summon", "envoy"): ("ACCUSE", "disapprove"),
    ("close", "border"): ("COERCE", "restrict"),
    ("close", "embassy"): ("SANCTION", "discontinue"),
    ("hold", "election"): ("CONCEDE", "policy"),
    ("take", "hostage"): ("ASSAULT", "abduct"),
    ("hold", "hostage"): ("ASSAULT", "abduct"),
    ("grant", "amnesty"): ("CONCEDE", "amnesty"),
    ("grant", "asylum"): ("AID", "asylum"),
    ("grant", "autonomy"): ("CONCEDE", "power"),
    ("grant", "independence"): ("CONCEDE", "power"),
    ("downgrade", "relation"): ("SANCTION", "discontinue"),
    ("downgrade", "tie"): ("SANCTION", "discontinue"),
    ("freeze", "asset"): ("SANCTION", "freeze"),
    ("put", "alert"): ("MOBILIZE", "alert"),
    ("take", "control"): ("COERCE", "seize"),
    ("declare", "war"): ("THREATEN", "violence"),
    ("declare", "ceasefire"): ("RETREAT", "ceasefire"),
    ("declare", "truce"): ("RETREAT", "ceasefire"),
    ("declare", "emergency"): ("COERCE", "restrict"),
    ("declare", "independence"): ("REJECT", "change"),
    ("cross", "border"): ("ASSAULT", None),
    ("go", "strike"): ("PROTEST", "strike"),
    ("pass", "law"): ("COERCE", "restrict"),
}

# Event nouns ----------------------------------------------------------------------------------------

NOUNS: dict[str, Trigger] = _verbs({
    ("AGREE", None): "agreement accord deal pact treaty pledge promise commitment memorandum compromise",
    ("AGREE", "ceasefire"): "ceasefire cease-fire truce armistice",
    ("AGREE", "settle"): "settlement reconciliation",
    ("CONSULT", None): "talk negotiation dialogue meeting summit consultation conference discussion "
    "parley",
    ("CONSULT", "visit"): "visit trip tour",
    ("CONSULT", "third-party"): "mediation",
    ("CONSULT", "phone"): "phone_call",
    ("SUPPORT", None): "support endorsement backing recognition solidarity",
    ("SUPPORT", "praise"): "praise congratulation condolence sympathy",
    ("CONCEDE", "apologize"): "apology",
    ("CONCEDE", "release"): "release pardon",
    ("CONCEDE", "amnesty"): "amnesty",
    ("CONCEDE", None): "concession",
    ("COOPERATE", None): "cooperation collaboration partnership alliance coordination",
    ("AID", None): "aid assistance help donation loan grant",
    ("AID", "humanitarian"): "relief evacuation",
    ("AID", "asylum"): "asylum refuge",
    ("RETREAT", "withdraw"): "withdrawal pullout pull-out retreat drawdown",
    ("RETREAT", "resign"): "resignation",
    ("RETREAT", "disarm"): "disarmament demobilization",
    ("REQUEST", None): "request demand appeal call plea petition",
    ("REQUEST", "meet"): "invitation",
    ("ACCUSE", None): "accusation allegation charge",
    ("ACCUSE", "disapprove"): "criticism condemnation complaint denunciation rebuke",
    ("ACCUSE", "investigate"): "investigation probe inquiry inquest",
    ("ACCUSE", "sue"): "lawsuit suit indictment prosecution",
    ("REJECT", None): "rejection refusal denial",
    ("REJECT", "veto"): "veto",
    ("THREATEN", None): "threat warning",
    ("THREATEN", "ultimatum"): "ultimatum",
    ("PROTEST", "demo"): "protest demonstration rally march sit-in vigil",
    ("PROTEST", "riot"): "riot unrest",
    ("PROTEST", "strike"): "walkout",
    ("PROTEST", "hunger"): "hunger_strike",
    ("PROTEST", "boycott"): "boycott",
    ("SANCTION", None): "sanction penalty",
    ("SANCTION", "embargo"): "embargo",
    ("SANCTION", "expel"): "expulsion",
    ("SANCTION", "convict"): "conviction sentence verdict",
    ("SANCTION", "discontinue"): "suspension",
    ("MOBILIZE", "troops"): "deployment mobilization buildup build-up reinforcement",
    ("MOBILIZE", "police"): "patrol",
    ("MOBILIZE", "alert"): "alert",
    ("COERCE", "arrest"): "arrest detention imprisonment",
    ("COERCE", "cyber"): "cyberattack hacking",
    ("COERCE", "seize"): "seizure confiscation annexation occupation",
    ("COERCE", "ban"): "ban prohibition",
    ("COERCE", "restrict"): "curfew restriction crackdown lockdown siege blockade martial_law",
    ("COERCE", "censor"): "censorship",
    ("COERCE", "deport"): "deportation extradition",
    ("COERCE", "raid"): "raid",
    ("ASSAULT", None): "attack assault offensive invasion killing murder massacre violence fighting "
    "battle combat war hostilities incursion operation",
    ("ASSAULT", "explosives"): "bombing bomb explosion blast ied",
    ("ASSAULT", "suicide-attack"): "suicide_bombing suicide_attack",
    ("ASSAULT", "firearms"): "shooting gunfire gunfight shootout",
    ("ASSAULT", "shelling"): "shelling bombardment",
    ("ASSAULT", "aerial"): "airstrike air_strike air_raid",
    ("ASSAULT", "drone"): "drone_strike drone_attack",
    ("ASSAULT", "assassinate"): "assassination execution",
    ("ASSAULT", "abduct"): "kidnapping abduction",
    ("ASSAULT", "beat"): "torture beating",
    ("ASSAULT", "clash"): "clash skirmish ambush",
    ("ASSAULT", "crowd-control"): "tear_gas",
})

#: Nouns that are events only with a telling modifier ("strike" is ambiguous alone).
MODIFIED_NOUNS: dict[tuple[str, str], Trigger] = {
    ("drone", "strike"): ("ASSAULT", "drone"),
    ("air", "strike"): ("ASSAULT", "aerial"),
    ("missile", "strike"): ("ASSAULT", "aerial"),
    ("military", "strike"): ("ASSAULT", None),
    ("hunger", "strike"): ("PROTEST", "hunger"),
    ("general", "strike"): ("PROTEST", "strike"),
    ("suicide", "bombing"): ("ASSAULT", "suicide-attack"),
    ("suicide", "attack"): ("ASSAULT", "suicide-attack"),
    ("car", "bombing"): ("ASSAULT", "explosives"),
    ("peace", "talk"): ("CONSULT", None),
    ("peace", "agreement"): ("AGREE", "settle"),
    ("martial", "law"): ("COERCE", "restrict"),
    ("tear", "gas"): ("ASSAULT", "crowd-control"),
    ("military", "operation"): ("ASSAULT", None),
    ("military", "aid"): ("AID", "military"),
    ("food", "aid"): ("AID", "humanitarian"),
    ("humanitarian", "aid"): ("AID", "humanitarian"),
    ("economic", "aid"): ("AID", "economic"),
    ("naval", "blockade"): ("COERCE", "restrict"),
    ("cyber", "attack"): ("COERCE", "cyber"),
    ("ethnic", "cleansing"): ("ASSAULT", None),
    ("war", "game"): ("COOPERATE", "military"),
    ("joint", "exercise"): ("COOPERATE", "military"),
    ("military", "exercise"): ("COOPERATE", "military"),
    ("naval", "exercise"): ("COOPERATE", "military"),
}

#: Verbs that lend their subject to an event noun object: "held talks", "launched an attack".
LIGHT_VERBS: frozenset[str] = frozenset(
    "hold conduct launch carry stage mount make issue impose sign reach conclude strike seal "
    "announce begin start resume open lodge file express voice deliver level extend provide undertake "
    "tighten expand widen maintain keep "
    "give pay order authorize authorise reiterate renew repeat step intensify escalate continue "
    "engage enter join take send grant declare organize organise lead call reopen sound".split()
)

#: Verbs that only report or frame a statement; the event is in their complement.
REPORTING: frozenset[str] = lexicons.words("reporting_verbs", "complement")

#: Intention markers that turn a hostile act into THREATEN and a cooperative act into AGREE.
INTENT_HEADS: frozenset[str] = frozenset(
    "threaten vow swear pledge promise warn offer determine determined prepare prepared ready willing "
    "intend resolve resolved plan decide".split()
)

#: Words that make an event planned rather than occurred.
PLANNED_WORDS: frozenset[str] = frozenset(
    "upcoming planned proposed forthcoming scheduled expected future next impending prospective "
    "anticipated".split()
)
PLAN_VERBS: frozenset[str] = frozenset(
    "plan intend schedule expect aim set due prepare propose seek hope want".split()
)
HYPOTHETICAL_MODALS: frozenset[str] = frozenset({"could", "might", "may", "should", "can"})

# Selectional restrictions: literal or figurative force -------------------------------------------
#
# A verb or noun of force is ASSAULT/COERCE only when its arguments can take physical force; these are
# general English noun classes (hand-written, not taken from any corpus) read by
# ``newsgraph.extract.events.restrictions._force_reading``.

#: Force words that also have a figurative sense ("attacked her plan", "hit a record", "an uphill battle").
FIGURATIVE_CAPABLE: frozenset[str] = frozenset(
    "attack assault hit strike fire shoot target beat fight battle war combat clash pound hammer "
    "ambush destroy kill torpedo offensive operation blast slam bash lash pummel batter".split()
)
#: Of those, the ones that say "criticise" when the target is a person or a statement.
CRITICISE_CAPABLE: frozenset[str] = frozenset(
    "attack assault hit fire target blast slam bash lash pummel batter hammer pound torpedo".split()
)
#: Nouns of force that are events only with a literal cue ("the war in X", "a battle with rebels"):
#: alone they are as often a campaign, a contest or a business ("an uphill battle", "operations").
NEEDS_LITERAL_CUE: frozenset[str] = frozenset("battle fight fighting combat war operation offensive".split())
#: Things said or written: with these as object or instrument the act is speech.
SPEECH_NOUNS: frozenset[str] = frozenset(
    "tweet post message remark comment statement speech word criticism claim accusation question "
    "answer ad advert advertisement interview letter email e-mail note essay column op-ed editorial "
    "headline rhetoric argument insult joke broadside salvo barrage volley retort rebuke response "
    "reply debate biography book report story twitter facebook media press tv television".split()
)
#: Plans, laws and positions: one attacks (criticises) or kills (defeats) them, never physically.
POLICY_NOUNS: frozenset[str] = frozenset(
    "policy plan proposal bill law measure reform decision deal agenda budget tax program programme "
    "idea strategy stance position approach legislation rule regulation initiative nomination "
    "candidacy campaign platform loophole ideology doctrine view belief values record policies "
    "regime_change system".split()
)
#: Polls, markets, sport and other measures: "hit a record", "beat expectations", "hit the stock".
MEASURE_NOUNS: frozenset[str] = frozenset(
    "poll survey rating approval lead vote ballot market stock share price index economy sales "
    "profit earnings rate dollar currency bond yield revenue growth inflation record high low mark "
    "milestone target expectation estimate forecast game match goal run ball season team point "
    "nerve chord note stride wall jackpot snag headline spotlight airwave trail bottom ceiling "
    "limit threshold number figure level stage hole-in-one".split()
)
#: Physical targets and instruments: buildings, vehicles, weapons, places.
PHYSICAL_NOUNS: frozenset[str] = frozenset(
    "knife gun rifle pistol machete axe stone rock brick acid club car truck vehicle bus train tank plane aircraft helicopter jet "
    "drone ship boat vessel building house home school hospital church mosque synagogue temple "
    "embassy consulate base barracks village town city camp convoy checkpoint post station office "
    "headquarters compound bridge road airport port border pipeline facility plant refinery "
    "square street neighborhood neighbourhood".split()
)
#: Those who bear arms: as the doer they make force literal.
ARMED_NOUNS: frozenset[str] = frozenset(
    "troop force soldier army military militant rebel insurgent guerrilla gunman attacker assailant "
    "terrorist jihadist fighter militia police policeman officer bomber sniper navy marine airstrike "
    "warplane artillery jet commando paramilitary extremist suspect shooter resistance occupier "
    "insurgency".split()
)
#: Words in the trigger's clause that say someone was physically harmed.
HARM_WORDS: frozenset[str] = frozenset(
    "kill die dead death wound wounded injure injured injury casualty victim bleed hospitalize "
    "hospitalise body corpse murder shot gunfire explosion bomb bullet stab rape".split()
)
#: People who can be harmed: as object they make force literal ("attacked civilians").
PEOPLE_NOUNS: frozenset[str] = frozenset(
    "civilian people villager resident child woman man worker passenger student protester "
    "demonstrator pedestrian worshipper tourist journalist refugee migrant prisoner hostage "
    "family".split()
)
#: Modifiers of a force noun that say which sense it has ("political attacks", "a suicide attack").
FIGURATIVE_MODIFIERS: frozenset[str] = frozenset(
    "political verbal personal rhetorical partisan negative legal public sharp scathing fierce "
    "blistering withering uphill electoral campaign culture price trade media heart panic "
    "coordinated".split()
)
LITERAL_MODIFIERS: frozenset[str] = frozenset(
    "terror terrorist suicide armed military air missile rocket chemical deadly fatal violent bloody "
    "gun knife physical militant rebel insurgent ground naval nuclear".split()
)
#: People one employs: "fired the employees" is a dismissal, not gunfire.
EMPLOYEE_NOUNS: frozenset[str] = frozenset(
    "employee staff staffer worker coach manager director aide executive adviser advisor secretary "
    "chief official".split()
)
#: A rally or march is a PROTEST only with a protest cue (against/over, a demand, protesters).
RALLY_NOUNS: frozenset[str] = frozenset("rally march".split())
PROTEST_CUES: frozenset[str] = frozenset(
    "protest protester demonstrator demonstration against demand oppose opposition outrage anger "
    "grievance strike union riot police".split()
)

# Contexts -------------------------------------------------------------------------------------------

#: PLOVER 2.0 contexts, recognised from words anywhere in the sentence.
CONTEXTS: dict[str, frozenset[str]] = {
    "military": frozenset(
        "military army troop troops soldier soldiers force forces base bases navy naval air defense "
        "defence militia missile weapon weapons war armed combat deployment".split()
    ),
    "legislative": frozenset("lawmaker lawmakers parliament congress senate bill legislation mp mps".split()),
    "legal": frozenset("court judge lawsuit trial verdict prosecutor sue legal law".split()),
    "economic": frozenset(
        "trade tariff tariffs economic economy debt loan market export exports import imports "
        "investment bank currency budget".split()
    ),
    "diplomatic": frozenset("ambassador embassy envoy diplomat diplomats diplomatic minister summit".split()),
    "terrorism": frozenset("terror terrorist terrorism militant militants insurgent insurgents jihadist".split()),
    "election": frozenset("election elections vote voting ballot poll campaign candidate".split()),
    "humanitarian": frozenset("refugee refugees humanitarian famine relief displaced".split()),
    "human_rights": frozenset("rights torture activist activists dissident dissidents".split()),
    "resource": frozenset("oil gas energy water fisheries mining".split()),
    "health": frozenset("health disease hospital vaccine epidemic pandemic virus".split()),
    "environment": frozenset("climate environment environmental pollution emissions".split()),
    "crime": frozenset("police crime criminal gang gangs drug drugs smuggling".split()),
    "territory": frozenset("border territory sovereignty occupation annex annexation".split()),
}

# Selectional restrictions: who can be a recipient, what frames a generic verb needs -------------------
#
# PLOVER codes what an *actor* does to an *actor*: the recipient is someone, never the issue, the
# content of a demand or the place of a visit.  These classes, with spaCy's entity labels and the
# actor lexicons, decide whether a noun phrase can be a participant
# (``newsgraph.extract.events.participants._actor_like``).  General English, hand-written.

#: Common nouns for people and the bodies they form, beyond the role titles and group nouns of the
#: shared lexicons: "her opponent", "the board", "local residents", "the country".
ACTOR_NOUNS: frozenset[str] = frozenset(
    """
    person people individual man woman men women boy girl child children kid youth teenager adult
    parent mother father son daughter wife husband brother sister family relative friend neighbor
    neighbour citizen resident voter taxpayer consumer customer patient victim survivor
    opponent rival critic supporter backer ally partner enemy foe adversary challenger incumbent
    colleague counterpart successor predecessor host guest visitor delegate member participant
    emigrant immigrant exile settler pilgrim minority majority tribe clan
    public population community crowd mob audience electorate constituency
    country nation state republic kingdom government administration regime authority authorities
    leadership side camp bloc coalition alliance opposition establishment
    board panel jury council committee commission cabinet parliament congress senate assembly
    legislature court ministry department agency office bureau company firm corporation bank
    embassy consulate mission
    school university union team campaign group organization organisation party movement
    management staff employer employee manufacturer lender investor donor creditor
    """.split()
)
#: Meeting nouns that are statements when a medium modifies them: "held a press conference" is
#: someone speaking to reporters, not a consultation between parties (PLOVER has no statement type).
STATEMENT_MODIFIERS: frozenset[str] = frozenset("press news media".split())
#: Verbs that are events only with a person or body as their object: one *receives* a delegation
#: (a visit) but not immunity or a letter, *releases* prisoners (a concession) but not a study,
#: *allows* inspectors in but not "the program to expire", *prevents* protesters from marching
#: (a restriction) but not "needless speculation", *shelters* refugees (aid) but not profits from tax.
NEEDS_ACTOR_OBJECT: frozenset[str] = frozenset("receive host welcome release free allow permit prevent shelter".split())
#: What a release can be of besides people named by an actor noun: those held.
HELD_NOUNS: frozenset[str] = frozenset(
    "prisoner hostage detainee captive inmate convict dissident activist soldier sailor fisherman "
    "journalist crew".split()
)
#: Verbs whose subject *undergoes* the act an event noun object names: "X drew criticism", "X faced
#: sanctions", "X won the endorsement of Y" — X is the recipient, the doer is in a from/by phrase.
RECEIVING_VERBS: frozenset[str] = frozenset("draw face receive attract earn win garner get suffer".split())
#: Nouns that are requests only with what is asked for: "a call for calm", "his call on X to ...",
#: not "a wake-up call" or "taking calls"; "demand for workers" in the economic sense has no asker.
NEEDS_COMPLEMENT_NOUNS: frozenset[str] = frozenset({"call"})
#: Types whose verbs are acts of someone: a thing as subject ("the spot concludes with", "the
#: rights will terminate", "the stream will provide fact-checks") means another sense of the verb.
#: Force is left out: a bomb or an explosion kills.
ANIMATE_SUBJECT_TYPES: frozenset[str] = frozenset(TYPES) - {"ASSAULT", "COERCE"}
#: Subordinators of a clause that is a separate event in time, not a purpose or complement of the
#: trigger: "fired missiles *while* leaders held a summit".
TEMPORAL_MARKS: frozenset[str] = frozenset(
    "while when whenever as after before since because although though until whereas once".split())
#: Verbs that mean "try" before an infinitive: "seeking to mediate" is no request; with an object
#: ("sought asylum", "seek help") they still ask for something.
TRY_VERBS: frozenset[str] = frozenset("seek".split())
#: Request verbs that ask a question with an interrogative clause: "asked whether ..." is no request.
QUESTION_VERBS: frozenset[str] = frozenset("ask inquire".split())
#: Phrasal uses of event verbs that are no event: "seized on her remarks" (made use of them).
NON_EVENT_PHRASAL: frozenset[str] = frozenset({"seize on", "seize upon"})
#: Court pleas: "may plead guilty" is no request.
PLEA_WORDS: frozenset[str] = frozenset("guilty innocent".split())
#: What befalls someone: "protested over X's death", "angry at the arrest of Y".  The one it befell
#: is what the act is about, not whom it is aimed at (that is the doer: "the killing of X *by* police").
FATE_NOUNS: frozenset[str] = frozenset(
    "death killing murder arrest detention jailing imprisonment shooting beating execution "
    "disappearance injury torture abduction kidnapping".split())
#: Prepositions that place an event before or after the one the sentence dates ("lifted the curfew
#: on Sunday after several days of protests": the protests were earlier).
TEMPORAL_PREPS: frozenset[str] = frozenset("after before since until following amid".split())
#: Degree adjectives of the idioms "a big deal", "a great deal of", "a good deal": no agreement.
DEAL_IDIOM_MODIFIERS: frozenset[str] = frozenset("big great good huge".split())
#: Nouns whose "to"-clause is an act intended, not done ("plans to give", "a proposal to cut").
PLAN_NOUNS: frozenset[str] = frozenset("plan proposal intention bid effort attempt offer".split())
#: Verbs of a two-sided act: "police and protesters clashed" has each as the other's counterpart.
RECIPROCAL_MODES: frozenset[str] = frozenset({"clash"})
#: Words that make an event noun on their "on/upon" a condition: "conditional on the withdrawal".
CONDITION_WORDS: frozenset[str] = frozenset("conditional contingent dependent depend hinge predicate".split())
#: Phrasal verbs that are events only with one of these objects of their preposition ("went on
#: strike"; "what is going on", "went on to say" are not).
PHRASAL_NEEDS_OBJECT: dict[str, frozenset[str]] = {"go on": frozenset({"strike"})}
