"""Optional local model for framing spans, trained by the user on their own PTC-format data.

Why it exists: the shipped rules are explainable but lexical; a user with annotated data
(the PTC layout: ``<split>-articles/article<ID>.txt`` + ``<split>-task-flc-tc.labels``) can fit a
token classifier and have its spans added to the rule cues.  Nothing is trained or shipped by
default: :func:`loaded_model` returns ``None`` unless a model file exists at
``$NEWSGRAPH_FRAMING_MODEL`` or ``<user data dir>/newsgraph/framing-model.pkl``.

The model is scikit-learn's ``SGDClassifier`` (logistic loss) over hashed token features —
word, lemma, shape, part of speech, neighbouring words, and which rule list the token is in —
predicting the technique of the token (or ``O``).  Runs of tokens with the same predicted
technique become spans.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from . import framing_lexicon as lex

OUTSIDE = "O"
MODEL_VERSION = 1

_LISTS = {
    "ladj": lex.LOADED_ADJ,
    "ladv": lex.LOADED_ADV,
    "lverb": lex.LOADED_VERB,
    "lnoun": lex.LOADED_NOUN,
    "labn": lex.LABEL_NOUNS,
    "laba": lex.LABEL_ADJ,
    "nat": lex.NATION_NOUNS,
    "int": lex.INTENSIFIERS,
    "exa": lex.EXAGGERATION_WORDS,
    "dbt": lex.DOUBT_WORDS,
}


def default_model_path() -> Path:
    """``$NEWSGRAPH_FRAMING_MODEL``, else ``$XDG_DATA_HOME`` (or ~/.local/share)/newsgraph/framing-model.pkl."""
    env = os.environ.get("NEWSGRAPH_FRAMING_MODEL", "").strip()
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(base) / "newsgraph" / "framing-model.pkl"


def token_features(doc: Doc) -> Iterator[list[str]]:
    """String features of every token (hashed by the vectorizer)."""
    for tok in doc:
        low = tok.lower_
        lemma = tok.lemma_.lower()
        feats = [
            f"w={low}",
            f"l={lemma}",
            f"p={tok.pos_}",
            f"t={tok.tag_}",
            f"d={tok.dep_}",
            f"s={tok.shape_[:4]}",
            f"suf={low[-3:]}",
            f"caps={tok.is_upper and len(tok) > 2}",
            f"ent={tok.ent_type_ or '-'}",
        ]
        for name, words in _LISTS.items():
            if low in words or lemma in words:
                feats.append(f"lex={name}")
        for off in (-2, -1, 1, 2):
            j = tok.i + off
            if 0 <= j < len(doc):
                feats.append(f"w{off}={doc[j].lower_}")
                feats.append(f"p{off}={doc[j].pos_}")
        feats.append(f"hp={tok.head.pos_}")
        feats.append(f"hw={tok.head.lower_}")
        yield feats


def token_labels(doc: Doc, spans: Sequence[tuple[str, int, int]]) -> list[str]:
    """Technique of each token (the shortest gold span covering it), else ``O``."""
    labels = [OUTSIDE] * len(doc)
    width = [10**9] * len(doc)
    for technique, start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if end - start < width[tok.i]:
                labels[tok.i] = technique
                width[tok.i] = end - start
    return labels


class FramingModel:
    """A fitted token classifier plus the decision threshold."""

    def __init__(self, vectorizer, classifier, threshold: float = 0.5) -> None:  # noqa: ANN001
        self.vectorizer = vectorizer
        self.classifier = classifier
        self.threshold = threshold
        self.version = MODEL_VERSION

    def predict_spans(self, doc: Doc) -> list[tuple[str, int, int, float]]:
        """(technique, start, end, mean probability) for runs of tokens predicted inside a technique."""
        if len(doc) == 0:
            return []
        X = self.vectorizer.transform(list(token_features(doc)))
        proba = self.classifier.predict_proba(X)
        classes = list(self.classifier.classes_)
        o_idx = classes.index(OUTSIDE) if OUTSIDE in classes else None
        out: list[tuple[str, int, int, float]] = []
        cur: list | None = None
        for tok, row in zip(doc, proba, strict=True):
            p_out = row[o_idx] if o_idx is not None else 0.0
            best = max((i for i in range(len(classes)) if i != o_idx), key=lambda i: row[i])
            inside = (1.0 - p_out) >= self.threshold and not tok.is_space
            tech = classes[best]
            if inside and cur is not None and cur[0] == tech and cur[3] == tok.i - 1:
                cur[2] = tok.idx + len(tok)
                cur[3] = tok.i
                cur[4].append(1.0 - p_out)
            else:
                if cur is not None:
                    out.append((cur[0], cur[1], cur[2], sum(cur[4]) / len(cur[4])))
                cur = [tech, tok.idx, tok.idx + len(tok), tok.i, [1.0 - p_out]] if inside else None
        if cur is not None:
            out.append((cur[0], cur[1], cur[2], sum(cur[4]) / len(cur[4])))
        return out


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> FramingModel | None:
    try:
        with open(path, "rb") as fh:
            model = pickle.load(fh)  # noqa: S301 - a file the user trained and placed themselves
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError):
        return None
    return model if isinstance(model, FramingModel) else None


def loaded_model() -> FramingModel | None:
    """The user's trained model when its file exists, else ``None`` (the rules alone run)."""
    path = default_model_path()
    if not path.is_file():
        return None
    return _load(str(path), path.stat().st_mtime)


def train(
    docs: Sequence[Doc], gold: Sequence[Sequence[tuple[str, int, int]]], out: Path, *, threshold: float = 0.5
) -> Path:
    """Fit the token classifier on parsed ``docs`` with their gold spans and pickle it to ``out``."""
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import SGDClassifier

    feats: list[list[str]] = []
    labels: list[str] = []
    for doc, spans in zip(docs, gold, strict=True):
        feats.extend(token_features(doc))
        labels.extend(token_labels(doc, spans))
    vectorizer = FeatureHasher(n_features=2**20, input_type="string", alternate_sign=False)
    X = vectorizer.transform(feats)
    clf = SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=15, tol=None, random_state=0,
                        class_weight=None)
    clf.fit(X, labels)
    model = FramingModel(vectorizer, clf, threshold)
    out = Path(out).expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        pickle.dump(model, fh)
    _load.cache_clear()
    return out
