"""Framing, phase 3 of :func:`find_cues`: repeated loaded words and labels.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from .cue import _Cue


def _repetition(doc: Doc, cues: list[_Cue]) -> list[_Cue]:
    """Loaded words/labels used more than once: each use after the first is Repetition."""
    by_key: dict[str, list[_Cue]] = defaultdict(list)
    for c in cues:
        if c.technique in ("Loaded_Language", "Name_Calling,Labeling", "Slogans", "Flag-Waving") and c.key:
            by_key[c.key].append(c)
    out: list[_Cue] = []
    for key, group in by_key.items():
        uses = {(c.start, c.end): c for c in group}
        if len(uses) < 2:
            continue
        for n, ((s, e), c) in enumerate(sorted(uses.items())):
            if n == 0:
                continue  # the first use introduces the word; the repeats are the technique
            why = f"'{key}' used {len(uses)} times in the article (use {n + 1})"
            out.append(_Cue(s, e, "Repetition", why, head=c.head, key=key, target_text=c.target_text))
    return out
