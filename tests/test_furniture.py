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
