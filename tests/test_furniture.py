"""Page furniture: promo, teaser, byline, credit and dateline lines, on lines written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.extract.furniture import Furniture, furniture_ranges, is_furniture

PAGE = """READ MORE: Man arrested after dispute over a toaster pastry at a Halifax store
Authorities described the scene as chaotic.
WATCH BELOW
Watch the skies tonight, officials said.
By Jane Doe and John Roe, The Daily Planet
By now, most residents have heard the news.
OTTAWA — The minister said on Monday that taxes would rise.
WASHINGTON (Reuters) - Officials said the talks had stalled.
(AP Photo/Jane Doe)
Sign up for our morning newsletter here.
MORE THAN 100 HURT IN CRASH
VIDEO: Crash closes the highway
Follow @jdoe on Twitter.
TRUMP: We will win.
Update: the road has reopened.
Here is what the mayor said with the photo:
(Reporting by Jane Doe; Editing by John Roe)"""


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b in furniture_ranges(text)]


def test_furniture_lines_and_dateline_prefixes():
    assert _found(PAGE) == [
        "READ MORE: Man arrested after dispute over a toaster pastry at a Halifax store",
        "WATCH BELOW",
        "By Jane Doe and John Roe, The Daily Planet",
        "OTTAWA — ",
        "WASHINGTON (Reuters) - ",
        "(AP Photo/Jane Doe)",
        "Sign up for our morning newsletter here.",
        "VIDEO: Crash closes the highway",
        "Follow @jdoe on Twitter.",
        "(Reporting by Jane Doe; Editing by John Roe)",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Watch the skies tonight, officials said.",
        "By now, most residents have heard the news.",
        "MORE THAN 100 HURT IN CRASH",
        "TRUMP: We will win.",
        "Update: the road has reopened.",
        "Here is what the mayor said with the photo:",
        "Related changes to the tax code were announced in a long speech by the minister on Monday, "
        "which READ like a campaign platform.",
    ],
)
def test_news_lines_are_not_furniture(line):
    assert furniture_ranges(line) == ()


def test_membership():
    text = "WATCH BELOW\nThe mayor said the bridge would reopen."
    f = Furniture(text)
    assert f.contains(0) and f.contains(10) and not f.contains(11) and not f.contains(20)
    assert f.overlaps(5, 30) and not f.overlaps(12, 30)
    assert is_furniture(text, 0, 5) and not is_furniture(text, 12, 20)
    assert not Furniture("plain text")


POLL = """Harbour council approves the new ferry timetable
take our poll - story continues below Which ferry route should the council add next?
Which ferry route should the council add next?
* Orla Point Tessin Quay Marrow Bay Velm North
Email *
Name This field is for validation purposes and should be left unchanged.
Completing this poll grants you access to Quayside Daily updates free of charge.
You may opt out at anytime.
Councillor Edda Strand said the timetable would add four late crossings from May, after a year of complaints from night-shift workers on both banks of the estuary."""


def test_an_embedded_poll_is_furniture_from_its_label_to_its_consent_lines():
    found = _found(POLL)
    assert found[0].startswith("take our poll") and found[-1] == "You may opt out at anytime."
    assert "Which ferry route should the council add next?" in found
    assert "* Orla Point Tessin Quay Marrow Bay Velm North" in found and "Email *" in found
    assert not any("Councillor" in f or "Harbour council" in f for f in found)
    assert furniture_ranges("Which ferry route should the council add next?\nIt is a fair question.") == ()


def test_furniture_lines_leave_out_the_dateline_prefix():
    from newsgraph.extract.furniture import furniture_lines

    text = "By Jane Doe\nOTTAWA — The minister said on Monday that taxes would rise."
    assert [text[a:b] for a, b in furniture_lines(text)] == ["By Jane Doe"]
    assert len(furniture_ranges(text)) == 2
    assert Furniture(text, lines_only=True).contains(0) and not Furniture(text, lines_only=True).contains(13)


def test_names_on_furniture_lines_are_not_actors_of_the_story():
    from newsgraph import analyze

    a = analyze(POLL + "\nBy Halvard Quent\nOTTAWA — Transport Minister Grace Wanjiru welcomed the timetable.")
    names = {e.name for e in a.entities}
    assert any("Edda Strand" in n for n in names) and "Grace Wanjiru" in names
    assert not names & {"Halvard Quent", "Quayside Daily", "Orla Point", "Velm North"}
