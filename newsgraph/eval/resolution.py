"""Measure cross-article actor resolution on hand-labelled coreference pairs.

Fixtures (``tests/fixtures/actors/``, all fictional, written for newsgraph):

- ``articles.jsonl``: short articles from several outlets, each with its
  entities annotated by hand (name, type, kind, mention strings, roles, labels,
  part_of, quotes, events) and a ``gold`` actor key per entity.
- ``pairs.jsonl``: every cross-article pair of annotated entities of the same
  type group (person / non-person), ``{"a": "a1/<name>", "b": "a2/<name>",
  "same": bool}``.  Pairs across type groups are not listed; they are all
  "different", and any predicted merge across them counts as a false positive.

Two modes:

- ``gold``: resolution runs on the hand-annotated entities, so the figures
  measure the cross-article resolver alone;
- ``pipeline``: the articles go through ``newsgraph.analyze`` (the actors
  extractor), each gold entity is mapped to the predicted entity covering its
  first mention, and the same pairs are scored: resolver *and* extractor.

Precision = correct predicted same-actor pairs / predicted same-actor pairs;
recall = correct predicted same-actor pairs / labelled same-actor pairs.
"""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path
from typing import Any

from ..actors.resolve import as_acronym, name_tokens, resolve_analyses
from ..model import (
    Analysis,
    Article,
    Entity,
    Event,
    Label,
    Mention,
    ModelInfo,
    Participant,
    Quote,
    Role,
    Span,
)
from . import f_score

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "actors"
_MODEL = ModelInfo(name="hand-annotated", version="0", package="fixture", spacy_version="none")


def load_fixture(path: Path | str | None = None) -> list[dict[str, Any]]:
    path = Path(path) if path else FIXTURES / "articles.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _find(text: str, needle: str, after: int = 0) -> Span:
    i = text.find(needle, after)
    if i < 0:
        i = text.find(needle)
    if i < 0:
        raise ValueError(f"fixture text lacks {needle!r}")
    return Span(start=i, end=i + len(needle), text=needle)


def _sentence(text: str, pos: int) -> Span:
    start = max(text.rfind(". ", 0, pos) + 2 if text.rfind(". ", 0, pos) >= 0 else 0, 0)
    end = text.find(". ", pos)
    end = len(text) if end < 0 else end + 1
    return Span(start=start, end=end, text=text[start:end])


def build_analysis(spec: dict[str, Any]) -> tuple[Analysis, dict[str, str]]:
    """A hand-annotated fixture article as an Analysis; also entity id -> gold actor key."""
    text = spec["text"]
    art = Article(text=text, title=spec.get("title"), source=spec.get("source"), published=spec.get("published"))
    ids = {e["gold"]: f"E{i + 1}" for i, e in enumerate(spec["entities"])}
    # mentions: every occurrence of every surface form, longest first, no overlaps
    claimed: list[tuple[int, int, str, dict[str, Any], str]] = []
    surfaces = sorted(((s, e) for e in spec["entities"] for s in e["mentions"]), key=lambda x: -len(x[0]))
    for surface, e in surfaces:
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if all(m.end() <= s or m.start() >= t for s, t, *_ in claimed):
                claimed.append((m.start(), m.end(), surface, e, ids[e["gold"]]))
    claimed.sort()
    mentions = []
    for k, (s, t, surface, e, eid) in enumerate(claimed):
        toks = name_tokens(surface, person=e["type"] == "PERSON")
        form = ("acronym" if as_acronym(surface) else "description" if surface[0].islower()
                or surface.split()[0] in ("The", "Its") else "surname" if e["type"] == "PERSON" and len(toks) == 1
                else "name")
        mentions.append(Mention(id=f"M{k + 1}", start=s, end=t, text=surface, entity=eid, type=e["type"],
                                form=form))
    first_mention = {}
    for m in mentions:
        first_mention.setdefault(m.entity, m)
    entities = []
    for e in spec["entities"]:
        eid = ids[e["gold"]]
        roles = []
        for r in e.get("roles", []):
            org_id = ids.get(r["org_ref"]) if r.get("org_ref") else None
            org = r.get("org") or next((x["name"] for x in spec["entities"] if x["gold"] == r.get("org_ref")), None)
            roles.append(Role(role=r["role"], org=org, org_entity=org_id, evidence=_find(text, r["evidence"])))
        labels = [Label(**_find(text, lb["text"]).model_dump(), form=lb["form"]) for lb in e.get("labels", [])]
        entities.append(Entity(
            id=eid, name=e["name"], type=e["type"], kind=e["kind"], country=e.get("country"),
            aliases=e.get("aliases", []), roles=roles, labels=labels,
            part_of=[ids[p] for p in e.get("part_of", [])],
            mentions=[m.id for m in mentions if m.entity == eid],
        ))

    def participant(gold: str | None) -> Participant | None:
        if not gold:
            return None
        m = first_mention[ids[gold]]
        return Participant(start=m.start, end=m.end, text=m.text, entity=ids[gold])

    quotes = []
    for k, q in enumerate(spec.get("quotes", [])):
        content = _find(text, q["content"])
        cue = _find(text, q["cue"], max(content.start - 120, 0))
        spk = first_mention[ids[q["speaker"]]]
        quotes.append(Quote(id=f"Q{k + 1}", kind=q["kind"], content=[content], cue=cue, cue_lemma=q["cue"],
                            speaker=Span(start=spk.start, end=spk.end, text=spk.text),
                            speaker_entity=ids[q["speaker"]], date=art.published))
    events = []
    for k, ev in enumerate(spec.get("events", [])):
        trig = _find(text, ev["trigger"])
        events.append(Event(id=f"V{k + 1}", type=ev["type"], trigger=trig, sentence=_sentence(text, trig.start),
                            actor=participant(ev.get("actor")), recipient=participant(ev.get("recipient")),
                            date=art.published))
    a = Analysis(pipeline_version="fixture", model=_MODEL, article=art, mentions=mentions, entities=entities,
                 quotes=quotes, events=events)
    return a, {ids[g]: g for g in ids}


def entity_refs(specs: list[dict[str, Any]]) -> list[tuple[str, str, str, bool]]:
    """(ref "key/name", article key, gold actor, is_person) for every annotated entity."""
    return [(f"{s['key']}/{e['name']}", s["key"], e["gold"], e["type"] == "PERSON")
            for s in specs for e in s["entities"]]


def make_pairs(specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every cross-article pair of the same type group, labelled from the gold actor keys."""
    out = []
    for (ra, ka, ga, pa), (rb, kb, gb, pb) in combinations(entity_refs(specs), 2):
        if ka != kb and pa == pb:
            out.append({"a": ra, "b": rb, "same": ga == gb})
    return out


def load_pairs(path: Path | str | None = None) -> list[dict[str, Any]]:
    path = Path(path) if path else FIXTURES / "pairs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _pipeline_analyses(specs: list[dict[str, Any]]) -> list[tuple[Analysis, dict[str, str]]]:
    """Run the real extractor and map each gold entity to the predicted entity at its first mention."""
    from ..pipeline import analyze_article

    out = []
    for spec in specs:
        gold_a, gold_of = build_analysis(spec)
        pred = analyze_article(gold_a.article, extractors=["actors"])
        first = {}
        for m in gold_a.mentions:
            first.setdefault(m.entity, m)
        mapping: dict[str, str] = {}
        for eid, gold in gold_of.items():
            gm = first.get(eid)
            if gm is None:
                continue
            hit = next((m for m in pred.mentions if m.entity and m.start < gm.end and gm.start < m.end), None)
            if hit is not None and hit.entity not in mapping:
                mapping[hit.entity] = gold
        out.append((pred, mapping))
    return out


def evaluate(mode: str = "gold", articles: Path | str | None = None, pairs: Path | str | None = None
             ) -> dict[str, Any]:
    """Pairwise precision/recall of cross-article resolution on the fixtures."""
    specs = load_fixture(articles)
    labelled = load_pairs(pairs)
    if mode == "gold":
        built = [build_analysis(s) for s in specs]
    elif mode == "pipeline":
        built = _pipeline_analyses(specs)
    else:
        raise ValueError(f"unknown mode {mode!r} (gold|pipeline)")
    analyses = [a for a, _ in built]
    actors, notes = resolve_analyses(analyses)
    actor_of = {(m.article_id, m.entity_id): a.id for a in actors for m in a.members}
    # ref "key/name" -> predicted actor
    ref_actor: dict[str, str] = {}
    for (a, gold_map), spec in zip(built, specs, strict=True):
        golds = {e["gold"]: e["name"] for e in spec["entities"]}
        for eid, gold in gold_map.items():
            act = actor_of.get((a.article.id, eid))
            if act:
                ref_actor[f"{spec['key']}/{golds[gold]}"] = act
    tp = fp = fn = tn = 0
    errors: list[str] = []
    for p in labelled:
        aa, ab = ref_actor.get(p["a"]), ref_actor.get(p["b"])
        pred = aa is not None and aa == ab
        if pred and p["same"]:
            tp += 1
        elif pred:
            fp += 1
            errors.append(f"FP {p['a']} = {p['b']}")
        elif p["same"]:
            fn += 1
            errors.append(f"FN {p['a']} != {p['b']}")
        else:
            tn += 1
    # merges across type groups are unlisted negatives
    persons = {r: is_p for r, _, _, is_p in entity_refs(specs)}
    listed = {(p["a"], p["b"]) for p in labelled} | {(p["b"], p["a"]) for p in labelled}
    refs = sorted(ref_actor)
    for ra, rb in combinations(refs, 2):
        if ra.split("/")[0] != rb.split("/")[0] and persons.get(ra) != persons.get(rb) \
                and (ra, rb) not in listed and ref_actor[ra] == ref_actor[rb]:
            fp += 1
            errors.append(f"FP (cross-type) {ra} = {rb}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = f_score(precision, recall)
    gold_actors = {e["gold"] for s in specs for e in s["entities"]}
    return {
        "mode": mode,
        "articles": len(specs),
        "entities": len(entity_refs(specs)),
        "gold_actors": len(gold_actors),
        "predicted_actors": len({ref_actor[r] for r in refs}),
        "pairs": len(labelled),
        "positive_pairs": sum(1 for p in labelled if p["same"]),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "errors": errors,
        "kept_apart": notes,
    }


if __name__ == "__main__":  # pragma: no cover - regenerates pairs.jsonl from the gold keys
    with (FIXTURES / "pairs.jsonl").open("w", encoding="utf-8") as f:
        for pair in make_pairs(load_fixture()):
            f.write(json.dumps(pair, ensure_ascii=False) + "\n")
