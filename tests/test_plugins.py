"""The plugin contract: declarations, errors for unknown names, entry points, a computed fingerprint."""

from __future__ import annotations

import ast
import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from newsgraph import plugins
from newsgraph.model import Analysis, Article, ModelInfo
from newsgraph.plugins import REGISTRY, PluginError, discover, extractor, ordered, spec_digest


@pytest.fixture
def scratch_registry():
    """Register test extractors in the real registry and take them out again afterwards."""
    discover()
    before = dict(REGISTRY)
    yield
    REGISTRY.clear()
    REGISTRY.update(before)


def _noop(doc, analysis):  # noqa: ANN001, ANN202
    return []


def test_unknown_dependency_is_an_error_not_a_skip(scratch_registry):
    extractor("t_typo", field="warnings", after=("actorz",))(_noop)
    with pytest.raises(PluginError, match="unknown extractor 'actorz'"):
        ordered(["t_typo"])


def test_unknown_requested_extractor_is_an_error():
    with pytest.raises(PluginError, match="unknown extractor 'nope'"):
        ordered(["nope"])


def test_unknown_field_is_an_error_at_registration():
    with pytest.raises(PluginError, match="no field 'entitys'"):
        extractor("t_bad", field="warnings", requires=("entitys",))


def test_requires_orders_by_the_extractor_that_assigns_the_field(scratch_registry):
    # "mentions" is assigned by the actors extractor only because it declares it.
    extractor("t_needs_mentions", field="warnings", requires=("mentions",))(_noop)
    names = [s.name for s in ordered(["t_needs_mentions"])]
    assert names == ["actors", "t_needs_mentions"]


def test_a_required_field_nobody_assigns_is_an_error(scratch_registry):
    extractor("t_orphan", field="warnings", requires=("warnings",))(_noop)
    with pytest.raises(PluginError, match="no registered extractor assigns"):
        ordered(["t_orphan"])


def test_the_same_name_from_two_places_is_an_error(scratch_registry):
    def other(doc, analysis):  # noqa: ANN001, ANN202
        return []

    with pytest.raises(PluginError, match="registered twice"):
        extractor("quotes", field="quotes")(other)


def test_after_alias_still_orders():
    names = [s.name for s in ordered()]
    for spec in ordered():
        for dep in plugins.dependencies(spec):
            assert names.index(dep) < names.index(spec.name)


def test_an_undeclared_write_is_reported(scratch_registry):
    def sneaky(doc, analysis):  # noqa: ANN001, ANN202
        analysis.mentions = []
        return []

    extractor("t_sneaky", field="warnings")(sneaky)
    analysis = Analysis(pipeline_version="t", model=ModelInfo(name="x", version="0", package="x", spacy_version="0"),
                        article=Article(text="x"))
    with pytest.raises(PluginError, match="set mentions without declaring"):
        REGISTRY["t_sneaky"].run(None, analysis)


def test_every_builtin_writes_only_what_it_declares():
    from newsgraph import nlp

    text = ("Mayor Ana Ruiz said on Monday that the bridge in Porto would reopen in May. "
            "\u201cWe will not accept this,\u201d union leader Peter Odhiambo told reporters.")
    analysis = Analysis(pipeline_version="t", model=nlp.model_info(), article=Article(text=text))
    doc = nlp.load()(text)
    for spec in ordered():
        spec.run(doc, analysis)  # raises PluginError on an undeclared write
    assert analysis.entities and analysis.mentions and analysis.quotes


# --------------------------------------------------------------------------- a plugin on disk


def _write_plugin(root: Path, pkg: str, *, lexicon_text: str) -> None:
    """A third-party package: an extractor module, a helper module, a lexicon data file,
    a module that must never be imported, and the dist-info that declares the entry point."""
    src = root / pkg
    src.mkdir()
    (src / "__init__.py").write_text("")
    (src / "helper.py").write_text("LIMIT = 3\n")
    (src / "not_an_extractor.py").write_text("raise RuntimeError('discover imported a non-extractor module')\n")
    (src / "verbs.txt").write_text(lexicon_text, encoding="utf-8")
    (src / "ext.py").write_text(textwrap.dedent(f"""
        from pathlib import Path

        from newsgraph.plugins import extractor

        from .helper import LIMIT

        VERBS = Path(__file__).with_name("verbs.txt").read_text(encoding="utf-8").split()

        @extractor("{pkg}", field="warnings", data=("verbs.txt",), after=("actors",))
        def run(doc, analysis):
            return [w for w in VERBS[:LIMIT]]
    """))
    dist = root / f"{pkg}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {pkg}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[newsgraph.extractors]\n{pkg} = {pkg}.ext\n")


@pytest.fixture
def plugin(tmp_path, scratch_registry):
    from newsgraph.lexicons import path as lexicon_path

    pkg = "ngplugin_" + tmp_path.name.replace("-", "_")
    # start from a copy of a real newsgraph lexicon, as a plugin author would
    _write_plugin(tmp_path, pkg, lexicon_text=lexicon_path("reporting_verbs").read_text(encoding="utf-8"))
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    try:
        yield pkg, tmp_path / pkg
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == pkg or m.startswith(pkg + ".")]:
            del sys.modules[name]


def test_entry_point_plugins_register_like_builtins(plugin):
    pkg, _ = plugin
    discover(refresh=True)
    spec = REGISTRY[pkg]
    assert isinstance(spec, plugins.ExtractorSpec) and spec.origin == f"{pkg}.ext.run"
    assert f"{pkg}.not_an_extractor" not in sys.modules  # only the declared module was imported
    assert [s.name for s in ordered([pkg])] == ["actors", pkg]


def test_fingerprint_follows_the_lexicon_and_the_code(plugin):
    pkg, src = plugin
    discover(refresh=True)
    spec = REGISTRY[pkg]
    first, whole = spec_digest(spec, fresh=True), plugins.fingerprint(fresh=True)
    assert spec_digest(spec, fresh=True) == first  # stable when nothing changed

    (src / "not_an_extractor.py").write_text("X = 2\n")  # not imported by the extractor: no effect
    assert spec_digest(spec, fresh=True) == first

    with open(src / "verbs.txt", "a", encoding="utf-8") as fh:  # edit the lexicon copy
        fh.write("\nharrumphed\n")
    after_lexicon = spec_digest(spec, fresh=True)
    assert after_lexicon != first and plugins.fingerprint(fresh=True) != whole

    (src / "helper.py").write_text("LIMIT = 4\n")  # a helper module the extractor imports
    assert spec_digest(spec, fresh=True) != after_lexicon


def test_builtin_fingerprint_covers_lexicon_files():
    from newsgraph.lexicons import path as lexicon_path

    discover()
    files = plugins.code_files(REGISTRY["quotes"].func.__module__)
    assert lexicon_path("reporting_verbs").resolve() in files


def test_reanalyze_reruns_after_a_lexicon_change(plugin, tmp_path):
    from newsgraph.ingest import reanalyze
    from newsgraph.pipeline import analyze
    from newsgraph.store import Store

    pkg, src = plugin
    discover(refresh=True)
    store = Store(str(tmp_path / "t.db"))
    store.add(analyze("Mayor Ana Ruiz said on Monday that the bridge would reopen."))
    assert reanalyze(store)[0] == 0  # fresh: nothing stale
    (src / "verbs.txt").write_text("grumbled\nmuttered\n", encoding="utf-8")  # seen without a restart
    done, failures = reanalyze(store)
    assert (done, failures) == (1, [])
    assert reanalyze(store)[0] == 0
    store.close()



@pytest.mark.parametrize(("package", "decorator", "builtins"), [
    ("extract", "extractor", plugins.BUILTINS),
    ("export", "exporter", None),
])
def test_every_module_that_registers_is_listed_as_builtin(package, decorator, builtins):
    """Discovery imports only the listed modules, so a new module that registers must be listed."""
    if builtins is None:
        from newsgraph import export

        builtins = export.BUILTINS
    root = Path(plugins.__file__).parent
    registering = set()
    for path in (root / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(d, ast.Call) and getattr(d.func, "id", getattr(d.func, "attr", None)) == decorator
               for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) for d in node.decorator_list):
            rel = path.relative_to(root.parent).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            registering.add(".".join(parts))
    assert registering and registering <= set(builtins), sorted(registering - set(builtins))


def test_exporters_load_through_the_same_path():
    from newsgraph import export

    assert {"jsonl", "graphml", "gexf", "plover"} <= set(export.discover())


def test_extractors_command_lists_the_contract():
    import json as _json

    from typer.testing import CliRunner

    from newsgraph.cli import build
    from newsgraph.pipeline import pipeline_version

    res = CliRunner().invoke(build(), ["extractors", "--json"])
    assert res.exit_code == 0, res.output
    data = _json.loads(res.output)
    assert data["pipeline_version"] == pipeline_version()
    rows = {r["name"]: r for r in data["extractors"]}
    assert rows["actors"]["assigns"] == ["entities", "mentions"]
    assert "actors" in rows["quotes"]["runs_after"]
    order = [r["name"] for r in data["extractors"]]
    assert order.index("actors") < order.index("quotes") < order.index("frames")
