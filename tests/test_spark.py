"""Spark local mode on WARC files written here: same rows as the single-machine path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _webpages import STORIES, build_members, corrupt, write_warc

pytestmark = pytest.mark.spark
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsgraph[spark]')")
if shutil.which("java") is None:
    pytest.skip("java is not on PATH (Spark needs Java 17+)", allow_module_level=True)

from newsgraph.spark import local_rows, read_paths, run, session  # noqa: E402


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    d = tmp_path_factory.mktemp("warcs")
    keys = list(STORIES)
    good = write_warc(d / "one.warc.gz", build_members(True, keys[:3]))
    members = build_members(False, keys[2:])
    bad_index = next(i for i, (k, _) in enumerate(members) if k.startswith("page:")) + 2
    members[bad_index] = (members[bad_index][0], corrupt(members[bad_index][1], False))
    damaged = write_warc(d / "two.warc", members)
    listing = d / "paths.txt"
    listing.write_text(f"# test crawl\n{good}\n{damaged}\n{d / 'missing.warc.gz'}\n")
    return read_paths(listing)


def test_spark_rows_equal_local_rows(warcs: list[str], tmp_path: Path) -> None:
    spark = session("local[2]")
    try:
        summary = run(warcs, output=str(tmp_path / "out"), spark=spark)
        got = [r.asDict() for r in spark.read.parquet(str(tmp_path / "out" / "articles")).collect()]
        files = {r["path"]: r.asDict() for r in spark.read.parquet(str(tmp_path / "out" / "files")).collect()}
    finally:
        spark.stop()
    expected, reports = local_rows(warcs)
    key = lambda r: r["record_id"]  # noqa: E731
    assert sorted(got, key=key) == sorted(expected, key=key)
    assert len(expected) == 5  # 3 pages + 2 of 3 (one broken); one story is in both files
    assert summary.articles == 5 and summary.files == 3

    # failures are counted per file, and agree with the local runner's accounting
    assert [files[r.path]["errors"] for r in reports] == [r.errors for r in reports] == [0, 1, 1]
    assert "cannot open" in json.loads(files[warcs[2]]["reasons"])[0]
    for row in got:
        analysis = json.loads(row["analysis"])
        assert analysis["article"]["origin"] == row["record_id"]
