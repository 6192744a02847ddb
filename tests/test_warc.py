"""WARC reader: HTML responses only, provenance kept, broken records skipped without losing the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from _webpages import STORIES, build_members, corrupt, write_warc

from newsgraph.model import Article
from newsgraph.sources import ReadOptions, SourceError, read
from newsgraph.sources.warc import WarcStats, iter_warc


def _split(items: list[Article | SourceError]) -> tuple[list[Article], list[SourceError]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, SourceError)]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_articles_with_provenance(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("a.warc.gz" if gz else "a.warc"), build_members(gz))
    stats = WarcStats()
    arts, errs = _split(list(iter_warc(str(path), ReadOptions(), stats)))
    assert errs == []
    assert sorted(a.url for a in arts) == sorted(f"https://gazette.example/{k}.html" for k in STORIES)
    # request, image and redirect records are not articles and not errors
    assert (stats.records, stats.articles, stats.skipped, stats.errors) == (len(STORIES) + 3, len(STORIES), 3, 0)
    for a in arts:
        key = a.url.rsplit("/", 1)[1].removesuffix(".html")  # type: ignore[union-attr]
        title, date, paras = STORIES[key]
        assert a.origin == a.meta["warc_record_id"] and a.origin.startswith("<urn:uuid:")
        assert a.meta["warc_date"] == "2025-10-01T12:00:00Z"
        assert a.meta["warc_file"] == path.name
        assert a.published == date  # the page's own date beats the crawl date
        assert a.title == title
        assert paras[0] in a.text and "Copyright" not in a.text


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_corrupt_record_in_the_middle_is_skipped_and_every_good_record_lands(tmp_path: Path, gz: bool) -> None:
    members = build_members(gz)
    pages = [i for i, (kind, _) in enumerate(members) if kind.startswith("page:")]
    bad = pages[len(pages) // 2]
    bad_key = members[bad][0].split(":", 1)[1]
    members[bad] = (members[bad][0], corrupt(members[bad][1], gz))
    path = write_warc(tmp_path / ("c.warc.gz" if gz else "c.warc"), members)
    stats = WarcStats()
    arts, errs = _split(list(iter_warc(str(path), ReadOptions(), stats)))
    expected = {f"https://gazette.example/{k}.html" for k in STORIES if k != bad_key}
    assert {a.url for a in arts} == expected
    assert len(errs) == 1 and "broken record at byte" in errs[0].reason
    assert errs[0].origin.startswith(str(path) + "@")
    assert stats.errors == 1 and stats.articles == len(STORIES) - 1


def test_truncated_file_keeps_records_before_the_cut(tmp_path: Path) -> None:
    members = build_members(True)
    data = b"".join(b for _, b in members)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - len(members[-1][1]) // 2])
    arts, errs = _split(list(iter_warc(str(path))))
    assert len(arts) == len(STORIES) - 1
    assert len(errs) == 1


def test_not_a_warc_and_missing_file_are_errors_not_exceptions(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive at all\n" * 10)
    items = list(iter_warc(str(junk)))
    assert len(items) == 1 and isinstance(items[0], SourceError)
    items = list(iter_warc(str(tmp_path / "absent.warc.gz")))
    assert len(items) == 1 and isinstance(items[0], SourceError) and "cannot open" in items[0].reason


def test_read_dispatches_by_suffix_and_sniffing_and_rerun_is_identical(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", build_members(True))
    noext = tmp_path / "crawl-without-suffix"
    noext.write_bytes(path.read_bytes())
    first = [(a.id, a.origin) for a in read([str(path)]) if isinstance(a, Article)]
    again = [(a.id, a.origin) for a in read([str(path)]) if isinstance(a, Article)]
    sniffed = [(a.id, a.origin) for a in read([str(noext)]) if isinstance(a, Article)]
    assert len(first) == len(STORIES)
    assert first == again == sniffed


def test_oversized_payload_is_an_error(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "a.warc.gz", build_members(True))
    items = list(iter_warc(str(path), ReadOptions(max_bytes=300)))
    assert items and all(isinstance(i, SourceError) and i.reason.startswith("too large") for i in items)
