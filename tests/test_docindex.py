"""The shared per-document index: lookups agree with spaCy's own (slow) ones."""

from newsgraph.extract.docindex import OffsetIndex, SentenceIndex, repair_lemma
from newsgraph.nlp import load


def test_sentence_index_agrees_with_token_sent():
    doc = load()("The port reopened on Monday. Workers returned. \"We are back,\" a docker said.")
    idx = SentenceIndex(doc)
    for tok in doc:
        assert idx.of_token(tok) == tok.sent
        assert idx.of_char(tok.idx) == tok.sent


def test_offset_index_within_and_covering():
    spans = [(0, 5), (3, 8), (10, 12), (11, 20)]
    idx = OffsetIndex(spans, start=lambda s: s[0], end=lambda s: s[1])
    assert idx.within(0, 9) == [(0, 5), (3, 8)]
    assert idx.within(10, 13) == [(10, 12)]
    assert idx.covering(4) == [(0, 5), (3, 8)]
    assert idx.covering(9) == []


def test_repair_lemma_undoes_inflections_only():
    vocab = frozenset({"stage", "ban", "talk", "support", "clash"})
    assert repair_lemma("staged", "stag", vocab) == "stage"
    assert repair_lemma("banned", "banne", vocab) == "ban"
    assert repair_lemma("talks", "talks", vocab) == "talk"
    assert repair_lemma("clashes", "clashe", vocab) == "clash"
    assert repair_lemma("supporters", "supporter", vocab) == "supporter"  # a derived noun is not its verb
