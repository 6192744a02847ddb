"""Property and fuzz tests: random and adversarial input never raises out of analyze or the readers.

The budget is fixed (derandomized, a few dozen examples, no deadline) so the run is
the same in CI every time; a failure prints the smallest input that breaks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from _webpages import build_members  # noqa: E402

from newsgraph.model import Analysis, Article  # noqa: E402
from newsgraph.pipeline import Failure, analyze_many  # noqa: E402
from newsgraph.sources import ReadOptions, SourceError  # noqa: E402
from newsgraph.sources.html import article_from_html  # noqa: E402
from newsgraph.sources.warc import iter_warc  # noqa: E402

BUDGET = settings(max_examples=30, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# pieces news text is made of, plus the characters that broke parsers and terminals before
PIECES = st.sampled_from([
    "One of them fired at our office doors.", "\u201c", "\u201d", '"', "'", "\u2019", " said ", " told ",
    "Mayor Ana Ruiz", " of ", " them ", " on Monday", " in 2024", "\n", "\n\n", " ", ".", ",", "!", "?",
    "\x00", "\x1b[2J", "\u202e", "\ufeff", "\r", "\t", "(", ")", "—", "\u2026", "3.5%", "$12m", "Dr.", "U.S.",
    "who", "which", "that", "it", "they", "she", "he", "according to", "allegedly", "not",
])
TEXTS = st.one_of(
    st.lists(PIECES, min_size=1, max_size=60).map("".join),
    st.text(min_size=1, max_size=400),
)


@BUDGET
@given(text=TEXTS)
def test_analyze_returns_for_any_text(text: str) -> None:
    (result,) = list(analyze_many([Article(text=text, origin="fuzz")]))
    assert isinstance(result, Analysis | Failure)
    if isinstance(result, Analysis):
        assert result.errors == [], result.errors  # no extractor raised
        for rec in [*result.mentions, *result.times, *result.claims, *result.frames]:
            assert result.article.text[rec.start : rec.end] == rec.text


TAGS = st.sampled_from(["<html>", "<body>", "<article>", "</article>", "<p>", "</p>", "<div class='x'>", "</div>",
                        "<script>", "</script>", "<meta charset='utf-16'>", "<time datetime='2026-13-45'>", "<!--",
                        "-->", "<![CDATA[", "]]>", "<title>", "</title>", "&amp;", "&#0;", "&#x110000;", "<"])
HTML = st.lists(st.one_of(TAGS, PIECES), min_size=1, max_size=80).map("".join)


@BUDGET
@given(html=HTML)
def test_html_reader_never_raises(html: str) -> None:
    for data in (html, html.encode("utf-8", "surrogatepass"), html.encode("utf-16")):
        result = article_from_html(data, "fuzz.html", None, ReadOptions())
        assert isinstance(result, Article | SourceError)


_WARC = b"".join(b for _, b in build_members(False))
_WARC_GZ = b"".join(b for _, b in build_members(True))


@BUDGET
@given(gz=st.booleans(), cut=st.integers(min_value=0, max_value=len(_WARC)),
       flips=st.lists(st.tuples(st.integers(min_value=0, max_value=len(_WARC) - 1), st.integers(0, 255)),
                      max_size=4))
def test_warc_reader_never_raises_on_cut_or_damaged_files(tmp_path_factory, gz: bool, cut: int,  # noqa: ANN001
                                                          flips: list[tuple[int, int]]) -> None:
    data = bytearray((_WARC_GZ if gz else _WARC)[:cut])
    for pos, value in flips:
        if pos < len(data):
            data[pos] = value
    path = tmp_path_factory.mktemp("fuzz") / ("f.warc.gz" if gz else "f.warc")
    path.write_bytes(bytes(data))
    items = list(iter_warc(str(path)))
    assert all(isinstance(i, Article | SourceError) for i in items)
    for item in items:
        if isinstance(item, SourceError) and "@" in item.origin:
            assert int(item.origin.rsplit("@", 1)[1]) <= len(data)  # the offset is inside the file
