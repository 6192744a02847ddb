"""Kill an ingest mid-batch, run it again: every article exactly once, no orphan rows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.store import Store

CITIES = ["Mombasa", "Nairobi", "Kisumu", "Nakuru", "Eldoret", "Malindi"]


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        (folder / f"{i:03d}.txt").write_text(
            f"Council member Amina Otieno said on Tuesday that {city} would open {i + 3} new clinics this year. "
            f"\u201cThis is about dignity,\u201d Otieno told reporters in {city}. Item {i}.\n",
            encoding="utf-8",
        )


def test_killed_ingest_resumes_without_duplicates_or_orphans(tmp_path: Path):
    n = 40
    src = tmp_path / "articles"
    write_articles(src, n)
    db = tmp_path / "resume.db"
    cmd = [sys.executable, "-m", "newsgraph", "ingest", str(src), "--db", str(db), "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    store = Store(str(db))
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if store.count() >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the batch larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = store.count()
    assert 3 <= partial < n
    assert store.orphans() == 0

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"ingested: {n - partial}" in done.stdout and f"already present: {partial}" in done.stdout
    assert store.count() == n and store.count("analyses") == n
    assert store.orphans() == 0
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert f"ingested: 0   already present: {n}" in again.stdout
