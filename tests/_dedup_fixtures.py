"""Fictional stories and their re-publications, for measuring near-duplicate detection.

Each base story is an invented wire report.  Its versions are what outlets do with wire copy:
``wire``  — the same text under another dateline and sign-off;
``trim``  — the first part only, with the outlet's own opening line;
``edit``  — light editing: a few words swapped, two sentences in another order, one dropped;
``rewrite`` (hand-written, some stories) — the same facts retold in partly new words.
Stories come in same-topic pairs (two port strikes, two floods, two council budgets, two
transfers) so that negatives are hard: same vocabulary, different events.  The hardest negatives
are ``FORMULAIC``: four earnings reports written from one house template, different companies
and figures — different stories that share most of their wording.
"""

from __future__ import annotations

import random

BASE: dict[str, str] = {
    "strike-velmora": (
        "Dock workers in the port of Velmora walked out on Tuesday in a dispute over night-shift pay, "
        "leaving more than forty container ships waiting offshore. The Velmora Port Authority said it "
        "had offered a four per cent rise and two extra rest days a month. Union leader Orsolya Brandt "
        "told reporters that the offer did not cover rising rents in the city. Shipping agents warned "
        "that fresh fruit and medicine could run short within a week if the stoppage continued. The "
        "transport minister called on both sides to return to talks on Thursday."
    ),
    "strike-bellhaven": (
        "Crane operators at Bellhaven harbour began a three-day strike on Friday after talks on a new "
        "safety agreement collapsed late on Thursday night. The harbour company said two of its five "
        "terminals were closed and that cargo would be diverted to ports further north. Workers want "
        "more staff on each shift after an accident in the spring injured two colleagues. A company "
        "spokesman said the safety rules already met national standards. Farmers exporting grain "
        "through Bellhaven said the strike came at the worst possible moment of the harvest."
    ),
    "flood-tarsen": (
        "Heavy rain caused the river Tarsen to burst its banks overnight, flooding more than two hundred "
        "homes in the lower town. Firefighters used boats to rescue residents from upper floors, and the "
        "regional council opened two schools as emergency shelters. No deaths were reported, but three "
        "people were taken to hospital with hypothermia. The weather service said more rain was expected "
        "on Sunday and warned that the river could rise by another half metre. The council leader "
        "promised emergency payments for families who had lost their belongings."
    ),
    "flood-kessel": (
        "Flash floods swept through the mountain village of Kessel on Wednesday afternoon after a storm "
        "dropped a month's rain in two hours. The only road into the valley was cut by a landslide, and "
        "army helicopters flew in food and drinking water. Mayor Luis Ferrand said about sixty tourists "
        "were stranded in two hotels but were safe. Engineers will inspect the old stone bridge before "
        "traffic is allowed back. Scientists said such storms had become more frequent in the region "
        "over the past twenty years."
    ),
    "budget-marlow": (
        "The council of Marlow approved a budget on Monday that raises local taxes by three per cent and "
        "cuts funding for two public libraries. Finance chief Priya Lindqvist said the council faced a "
        "gap of eleven million euros after grants from the national government were reduced. Opposition "
        "councillors walked out before the vote, calling the library cuts an attack on poorer districts. "
        "The budget also sets aside money for new street lighting and the repair of school roofs. "
        "Residents can challenge the tax rise at a public hearing next month."
    ),
    "budget-riverside": (
        "Riverside city council voted on Wednesday to freeze local taxes for a second year while "
        "borrowing to pay for a new tram line to the eastern suburbs. Council leader Dami Okafor said "
        "the tram would cut journey times to the hospital by half. Critics said the borrowing would "
        "leave the city with debts for thirty years and that bus routes were being neglected. The "
        "first stretch of track is due to open in three years, if the national rail agency approves "
        "the design. Construction firms have until the spring to submit bids."
    ),
    "transfer-arvelo": (
        "Striker Tomas Arvelo has joined Velmora Athletic from Caldoria City for a club record fee, the "
        "two clubs announced on Saturday. The twenty-four-year-old scored nineteen goals last season and "
        "signed a five-year contract after passing a medical. Velmora's coach said Arvelo would bring "
        "speed and experience to a young attacking line. Caldoria City said the money would be spent "
        "on improving its youth academy. Arvelo could make his debut in the derby against Riverside "
        "Rovers next weekend."
    ),
    "transfer-sato": (
        "Goalkeeper Hana Sato will leave Riverside Rovers at the end of the season after turning down a "
        "new contract, the club confirmed on Tuesday. Sato, who has played more than two hundred games "
        "for Rovers, is expected to move abroad. The club's director said talks had been friendly but "
        "that the two sides could not agree on the length of a deal. Supporters' groups said they were "
        "disappointed to lose one of the team's most popular players. Rovers are expected to promote "
        "their reserve keeper to the first team."
    ),
}

REWRITES: dict[str, str] = {
    "strike-velmora": (
        "Ships are stacking up off Velmora after port workers stopped work on Tuesday over pay for night "
        "shifts, with more than forty container vessels now waiting offshore. Port managers said they had "
        "offered four per cent more and two additional rest days each month. But Orsolya Brandt, who "
        "leads the dockers' union, said the offer did not cover rising rents in the city. Agents for the "
        "shipping lines said supplies of fresh fruit and medicine could run short within a week. The "
        "transport minister urged both sides to return to talks on Thursday."
    ),
    "flood-tarsen": (
        "More than two hundred homes in the lower town were under water on Saturday after the river "
        "Tarsen burst its banks following heavy rain overnight. Firefighters in boats rescued residents "
        "from upper floors while the regional council turned two schools into emergency shelters. Three "
        "people were treated in hospital for hypothermia; no one died. Forecasters expect more rain on "
        "Sunday and warned that the river could rise by another half metre. The council leader promised "
        "emergency payments for families who had lost their belongings."
    ),
    "transfer-arvelo": (
        "Velmora Athletic have signed striker Tomas Arvelo from Caldoria City for a club record fee. The "
        "clubs announced the deal on Saturday. Arvelo, 24, scored nineteen goals last season and has "
        "agreed a five-year contract after passing a medical. Velmora's coach said the striker would "
        "bring speed and experience to a young attacking line, while Caldoria City said it would spend "
        "the money on its youth academy. Arvelo could make his debut against Riverside Rovers in next "
        "weekend's derby."
    ),
}

EARNINGS = (
    "{co} reported a {dir} in quarterly profit on {day}, as sales of {prod} {verb} in {region}. "
    "Net income was {n} million euros, compared with {m} million a year earlier, on revenue of {r} "
    "billion. Chief executive {ceo} said the company expected {outlook}. Shares in {co} {moved} {p} "
    "per cent in early trading in {city}."
)
FORMULAIC: dict[str, str] = {
    "earnings-harlan": EARNINGS.format(
        co="Harlan Bank",
        dir="rise",
        day="Tuesday",
        prod="mortgages",
        verb="recovered",
        region="the north",
        n=412,
        m=380,
        r=2.1,
        ceo="Mira Castell",
        outlook="lending to slow next year",
        moved="rose",
        p=3,
        city="Velmora",
    ),
    "earnings-norrow": EARNINGS.format(
        co="Norrow Motors",
        dir="fall",
        day="Thursday",
        prod="electric vans",
        verb="slumped",
        region="Caldoria",
        n=95,
        m=160,
        r=4.7,
        ceo="Pieter Volk",
        outlook="a difficult first half",
        moved="fell",
        p=8,
        city="Kessel",
    ),
    "earnings-tarsen": EARNINGS.format(
        co="Tarsen Foods",
        dir="rise",
        day="Monday",
        prod="frozen meals",
        verb="grew",
        region="export markets",
        n=57,
        m=49,
        r=0.8,
        ceo="Ilse Moreau",
        outlook="higher costs for grain",
        moved="edged up",
        p=1,
        city="Riverside",
    ),
    "earnings-quarry": EARNINGS.format(
        co="Quarry Hill Mining",
        dir="fall",
        day="Wednesday",
        prod="copper",
        verb="weakened",
        region="Asia",
        n=230,
        m=310,
        r=3.3,
        ceo="Jonas Reyes",
        outlook="prices to stay low",
        moved="dropped",
        p=5,
        city="Marlow",
    ),
}

OUTLETS = ["Velmora Gazette", "Tarsen Herald", "Northern Post", "Coastal Times", "Daily Ledger"]
SWAPS = [
    ("said", "stated"),
    ("told reporters", "said"),
    ("on Tuesday", "Tuesday"),
    ("more than", "over"),
    ("warned", "cautioned"),
    ("about", "around"),
    ("called on", "urged"),
]


def _sentences(text: str) -> list[str]:
    out, cur = [], []
    for word in text.split(" "):
        cur.append(word)
        if word.endswith((".", "?", "!")):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def versions(key: str, rng: random.Random) -> dict[str, str]:
    """The re-publications of ``BASE[key]``, keyed by kind."""
    text = BASE[key]
    sents = _sentences(text)
    outlet = rng.choice(OUTLETS)
    wire = f"VELMORA (Gazette Wire) - {text} Reporting by Ana Varga; editing by Colm Reid."
    trim = f"Here is what we know so far. {' '.join(sents[: max(3, len(sents) * 2 // 3)])}"
    edited = list(sents)
    i = rng.randrange(1, len(edited) - 2)
    edited[i], edited[i + 1] = edited[i + 1], edited[i]
    del edited[rng.randrange(1, len(edited))]
    edit = " ".join(edited)
    for a, b in rng.sample(SWAPS, 4):
        edit = edit.replace(a, b, 1)
    edit += f" Follow {outlet} for updates."
    out = {"wire": wire, "trim": trim, "edit": edit}
    if key in REWRITES:
        out["rewrite"] = REWRITES[key]
    return out


def corpus(seed: int = 3) -> list[tuple[str, str, str]]:
    """(doc id, story key, text) for every base story and every version of it."""
    rng = random.Random(seed)
    docs = []
    for key in BASE:
        docs.append((f"{key}/base", key, BASE[key]))
        for kind, text in versions(key, rng).items():
            docs.append((f"{key}/{kind}", key, text))
    for key, text in FORMULAIC.items():
        docs.append((f"{key}/base", key, text))
    return docs
