"""Bench helper: multiply a SQLite bench store by copying its rows under new article ids.

    python bench/replicate_store.py /tmp/wb10k.db /tmp/wb100k.db --times 10

Why: ``bench_workbench.py`` builds its store through ``Store.add`` (every write hook: actor
index, stories, search, statements), which runs at 5-10 articles a second on this 2-core
machine — a 100,000-article store would take hours.  This copies every per-article row of a
store built that way ``--times`` times, each copy under new article ids (``<id>r<k>``, also
rewritten inside the stored JSON), and scales the actors' article counts and the stories'
document frequencies to match.  The copies keep their outlet and publication date, so each
actor, outlet and month has ``--times`` as many articles: the worst case the pages must stand.
Each copy also forms its own stories (story ids get the same suffix), so story sizes stay those
of the source store.  The search index (FTS) is not copied: ``/search`` is not measured on a
replicated store.  SQLite only; the source store is not modified.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import time

#: per-article tables not copied: the full-text index (its rowids belong to the FTS tables)
SKIP = frozenset({"search_docs", "corrections"})
#: columns that name a group of articles: suffixed too, so a copy forms its own groups
GROUP_COLUMNS = {"stories": ("story_id",), "statement_occurrences": ("statement_id",)}


def replicate(src: str, dst: str, times: int) -> int:
    """Copy ``src`` to ``dst`` with every article present ``times`` times; returns the article count."""
    shutil.copyfile(src, dst)
    conn = sqlite3.connect(dst)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    per_article = []
    for t in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info('{t}')")]
        if "article_id" in cols and t not in SKIP and not t.startswith("search_fts"):
            per_article.append((t, cols))
    art_cols = [r[1] for r in conn.execute("PRAGMA table_info('articles')")]
    for k in range(1, times):
        sfx = f"r{k}"
        sel = ", ".join(f"id || '{sfx}'" if c == "id" else c for c in art_cols)
        conn.execute(f"INSERT INTO articles ({', '.join(art_cols)}) SELECT {sel} FROM articles "
                     f"WHERE id NOT LIKE '%r%'")
        for t, cols in per_article:
            out = []
            for c in cols:
                if c == "article_id":
                    out.append(f"article_id || '{sfx}'")
                elif c == "data":
                    out.append(f"replace(data, article_id, article_id || '{sfx}')")
                elif c in GROUP_COLUMNS.get(t, ()):
                    out.append(f"{c} || '{sfx}'")
                else:
                    out.append(c)
            conn.execute(f"INSERT INTO {t} ({', '.join(cols)}) SELECT {', '.join(out)} FROM {t} "
                         f"WHERE article_id NOT LIKE '%r%'")
        if "statement_words" in tables:  # a statement's words (schema 3): each copy's statements are its own
            conn.execute(f"INSERT INTO statement_words (speaker_key, word, statement_id) SELECT speaker_key, word, "
                         f"statement_id || '{sfx}' FROM statement_words WHERE statement_id NOT LIKE '%r%'")
        conn.commit()
    # indexes the current schema declares that a store built before them lacks (a new store has them)
    conn.execute("CREATE INDEX IF NOT EXISTS ix_times_timeline ON times (type, value, article_id, id)")
    conn.execute("CREATE INDEX IF NOT EXISTS ix_events_timeline ON events (date, article_id, id)")
    conn.execute("UPDATE actors SET n_articles = n_articles * ?", (times,))
    if "statement_sizes" in tables:  # kept statement sizes (schema 3): each copy's statements are its own
        conn.execute("DELETE FROM statement_sizes")
        conn.execute("INSERT INTO statement_sizes (statement_id, n) SELECT statement_id, count(*) "
                     "FROM statement_occurrences GROUP BY statement_id")
    if "actor_edges" in tables:  # kept network (store schema 3): the copies' edges join the same actors
        conn.execute("UPDATE actor_edges SET weight = weight * ?, n_articles = n_articles * ?", (times, times))
    if "story_df" in tables:
        conn.execute("UPDATE story_df SET df = df * ?", (times,))
    if "story_sizes" in tables:  # kept sizes (store schema 2): recounted for the copies' own stories
        conn.execute("DELETE FROM story_outlets")
        conn.execute("DELETE FROM story_sizes")
        conn.execute("INSERT INTO story_outlets (story_id, outlet, n) SELECT story_id, coalesce(outlet, ''), "
                     "count(*) FROM stories GROUP BY story_id, coalesce(outlet, '')")
        conn.execute("INSERT INTO story_sizes (story_id, n, outlets) SELECT story_id, sum(n), "
                     "count(nullif(outlet, '')) FROM story_outlets GROUP BY story_id")
    conn.commit()
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    return int(n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--times", type=int, default=10)
    args = ap.parse_args()
    t0 = time.perf_counter()
    n = replicate(args.src, args.dst, args.times)
    print(f"{n} articles in {args.dst} ({time.perf_counter() - t0:.0f}s)")


if __name__ == "__main__":
    main()
