"""The pipeline: registry order, batch and multi-process runs giving the same records."""

from __future__ import annotations

from newsgraph.extract import REGISTRY, ordered
from newsgraph.model import Article
from newsgraph.pipeline import Failure, analyze_article, analyze_many, pipeline_version

TEXTS = [
    "Mayor Ana Ruiz said on Monday that the bridge in Porto would reopen in May.",
    "\u201cWe will not accept this,\u201d union leader Peter Odhiambo told reporters in Mombasa on Friday.",
    "The Kenya Ports Authority said 12 ships had been moved to Dar es Salaam last week.",
    "Finance Minister Lena Ortiz announced a 4 percent rise in fuel taxes, which critics called a disaster.",
]


def test_dependencies_run_first():
    names = [s.name for s in ordered()]
    for spec in ordered():
        for dep in spec.after:
            if dep in REGISTRY:
                assert names.index(dep) < names.index(spec.name)


def test_pipeline_version_names_the_extractors():
    assert pipeline_version().startswith("0.") and "+" in pipeline_version()


def test_batch_and_workers_match_one_by_one():
    articles = [Article(text=t, published="2026-03-14") for t in TEXTS]
    single = [analyze_article(a).model_dump() for a in articles]
    batch = [r.model_dump() for r in analyze_many(articles, workers=1, batch_size=3)]
    two = [r.model_dump() for r in analyze_many(articles, workers=2, batch_size=1)]
    assert single == batch == two


def test_a_failing_article_does_not_stop_the_batch(monkeypatch):
    from newsgraph import pipeline

    real = pipeline.analyze_doc

    def flaky(doc, article, extractors=None):
        if "Porto" in article.text:
            raise ValueError("synthetic failure")
        return real(doc, article, extractors)

    monkeypatch.setattr(pipeline, "analyze_doc", flaky)
    results = list(analyze_many([Article(text=t) for t in TEXTS], workers=1))
    assert isinstance(results[0], Failure) and "synthetic failure" in results[0].reason
    assert all(not isinstance(r, Failure) for r in results[1:])


def test_workers_are_spawned_when_other_threads_run():
    """With another thread alive a fork could inherit a held lock; the spawn path must give the same."""
    import threading

    from newsgraph import pipeline

    stop = threading.Event()
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    try:
        pool = pipeline._pool(1)
        assert pool._ctx.get_start_method() == "spawn"
        pool.close()
        articles = [Article(text=t_, published="2026-03-14") for t_ in TEXTS[:2]]
        two = [r.model_dump() for r in analyze_many(articles, workers=2, batch_size=1)]
    finally:
        stop.set()
    assert two == [analyze_article(a).model_dump() for a in articles]
