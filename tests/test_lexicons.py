"""Lexicons as data: one file per concept, one loader, each consumer picks its class."""

from __future__ import annotations

import pytest

from newsgraph import lexicons
from newsgraph.lexicons import LexiconError


def test_every_shipped_lexicon_loads_and_every_class_has_entries():
    assert {"reporting_verbs", "group_nouns", "role_titles"} <= set(lexicons.names())
    for name in lexicons.names():
        for cls in lexicons.classes(name):
            assert lexicons.words(name, cls), (name, cls)


def test_consumers_read_the_shared_lists():
    """One home: the extractors' names are the loader's sets, not copies that can drift."""
    import importlib

    resolve_names = importlib.import_module("newsgraph.actors.resolve")  # the package re-exports a function of that name
    from newsgraph.extract import actor_lexicon, events, framing, framing_lexicon, plover_lexicon, quotes

    assert quotes.SPEECH_VERBS is lexicons.words("reporting_verbs", "speech")
    assert framing_lexicon.REPORTING_VERBS is lexicons.words("reporting_verbs", "neutral")
    assert plover_lexicon.REPORTING is lexicons.words("reporting_verbs", "complement")
    assert events.GROUP_NOUNS is lexicons.words("group_nouns", "people")
    assert framing.GROUP_NOUNS is lexicons.words("group_nouns", "organisation")
    assert actor_lexicon.ROLE_NOUNS is lexicons.words("role_titles", "role")
    assert resolve_names._TITLES is lexicons.words("role_titles", "name-prefix")


def test_classes_overlap_where_the_concept_does():
    speech = lexicons.words("reporting_verbs", "speech")
    assert "say" in speech and "say" in lexicons.words("reporting_verbs", "complement")
    assert "according" not in speech  # framing's neutral class keeps words that introduce no quote


def test_unknown_lexicon_and_class_are_clear_errors():
    with pytest.raises(LexiconError, match="no lexicon 'reporting_verb'"):
        lexicons.path("reporting_verb")
    with pytest.raises(LexiconError, match="has no class 'speach'"):
        lexicons.words("reporting_verbs", "speach")


def test_malformed_lines_are_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicons, "HOME", tmp_path)
    (tmp_path / "bad.tsv").write_text("# fine\nsay speech\n", encoding="utf-8")  # space, not a tab
    (tmp_path / "twice.tsv").write_text("say\tspeech\nsay\tneutral\n", encoding="utf-8")
    lexicons.entries.cache_clear()
    try:
        with pytest.raises(LexiconError, match="bad.tsv line 2"):
            lexicons.entries("bad")
        with pytest.raises(LexiconError, match="listed twice"):
            lexicons.entries("twice")
    finally:
        lexicons.entries.cache_clear()
