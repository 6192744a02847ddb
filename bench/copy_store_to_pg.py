"""Bench helper: copy a SQLite bench store into a PostgreSQL database, table by table.

    python bench/copy_store_to_pg.py /tmp/wb100k.db postgresql+psycopg://postgres@127.0.0.1:5432/ng_bench100k

Why: the 100,000-article bench store is built on SQLite (``bench_workbench.py --build-only``
then ``replicate_store.py``); building it again through ``Store.add`` on PostgreSQL would take
hours.  This creates the schema with ``Store(url)`` (every table and index the code declares),
then streams each table's rows with ``COPY``.  The source is upgraded to the current schema
first (opened once with ``Store``).  Not copied: the full-text search tables (``/search`` is
not measured on a copied store) and, with ``--skip-terms``, ``story_terms`` (read only when a
new article is linked to a same-event story, not by any page).  The target database must be
empty; it is created when missing.
"""

from __future__ import annotations

import argparse
import sqlite3
import time

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsgraph.store import Store
from newsgraph.store.schema import metadata

SKIP = {"search_docs", "search_fts"}


def _ensure_db(url: str) -> None:
    u = make_url(url)
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": u.database}).first():
            conn.execute(text(f'CREATE DATABASE "{u.database}"'))
    admin.dispose()


def _is_bool(column: object) -> bool:
    try:
        return column.type.python_type is bool  # type: ignore[attr-defined]
    except NotImplementedError:
        return False


def copy(src: str, url: str, *, skip_terms: bool = False) -> dict[str, int]:
    """Copy every table of ``src`` (SQLite path) into ``url``; returns rows per table."""
    Store(src).close()  # bring the source to the current schema
    _ensure_db(url)
    Store(url).close()  # the schema, as the code declares it
    lite = sqlite3.connect(src)
    engine = create_engine(url)
    skip = SKIP | ({"story_terms"} if skip_terms else set())
    counts: dict[str, int] = {}
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        for table in metadata.sorted_tables:
            if table.name in skip or table.name.startswith("search") or table.name == "meta":
                continue
            cols = [c.name for c in table.columns]
            bools = {i for i, c in enumerate(table.columns) if _is_bool(c)}
            quoted = ", ".join(f'"{c}"' for c in cols)
            n = 0
            with cur.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as cp:
                for row in lite.execute(f'SELECT {quoted} FROM "{table.name}"'):
                    if bools:
                        row = tuple(bool(v) if i in bools and v is not None else v for i, v in enumerate(row))
                    cp.write_row(row)
                    n += 1
            raw.commit()
            counts[table.name] = n
            print(f"{table.name}: {n}", flush=True)
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()
        lite.close()
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("url")
    ap.add_argument("--skip-terms", action="store_true", help="leave story_terms out (10 rows per article)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    counts = copy(args.src, args.url, skip_terms=args.skip_terms)
    print(f"{sum(counts.values())} rows in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
