"""The pages in a real browser: Playwright driving Debian's chromium (no Playwright browser download).

Serves the app with uvicorn on 127.0.0.1 in a thread, then checks what a reader sees: quotes
highlighted with the right speakers, tooltips, layer toggles, clicking through to an actor page,
the timeline and the network, and that markup inside an article never runs.  Screenshots go to
docs/screenshots/ (the README and docs/WEB.md show them).
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or Path(__file__).resolve().parents[2] / "shared")
SEED = SHARED / "examples" / "seed-article.txt"
SEED_GOLD = SHARED / "examples" / "seed-article.gold.json"

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

from newsgraph.app import create_app  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.web.sample import sample_analysis, xss_analysis  # noqa: E402

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn serving one store on 127.0.0.1 in a daemon thread."""

    def __init__(self, store: Store, token: str | None = None) -> None:
        import uvicorn

        self.port = _free_port()
        config = uvicorn.Config(create_app(store, token=token), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser_context() -> Iterator[object]:
    with sync_api.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield ctx
        finally:
            ctx.close()


@pytest.fixture()
def page(browser_context: object) -> Iterator[object]:
    pg = browser_context.new_page()  # type: ignore[attr-defined]
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.external = []
    pg.on(
        "request",
        lambda r: None if r.url.startswith(("http://127.0.0.1", "data:")) else pg.external.append(r.url),
    )
    yield pg
    pg.close()


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = Store(str(tmp_path_factory.mktemp("web") / "web.db"))
    store.add(sample_analysis())
    store.add(xss_analysis())
    with Server(store) as srv:
        yield srv


def quotes_on_page(pg: object) -> dict[str, dict[str, str]]:
    """Quote id -> {speaker, text} as the browser renders them (all fragments of a quote joined)."""
    return pg.evaluate(  # type: ignore[attr-defined]
        """() => {
        const out = {};
        document.querySelectorAll('#text .q[data-ref]').forEach(el => {
            const id = el.dataset.ref;
            out[id] = out[id] || {speaker: el.dataset.speaker, text: ''};
            out[id].text += el.textContent;
        });
        return out;
    }"""
    )


def test_sample_article_quotes_tooltip_toggles_and_actor_page(page: object, sample_server: Server) -> None:
    pg = page
    a = sample_analysis()
    pg.goto(f"{sample_server.url}/articles/{a.article.id}")
    quotes = quotes_on_page(pg)
    expected = {q.id: a.entity(q.speaker_entity).name for q in a.quotes}
    assert {k: v["speaker"] for k, v in quotes.items()} == expected
    assert "moving the goalposts" in quotes["Q1"]["text"]
    assert "speaks for every port" in quotes["Q3"]["text"]  # the right-to-left speaker's quote

    # hovering a quote shows speaker, role, cue and date
    pg.hover("#quote-Q1")
    tip = pg.locator("#tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert (
        "Speaker: Mara Quill" in text
        and "spokeswoman" in text
        and "Cue: said" in text
        and "2024-03-12" in text
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / "article.png"), full_page=True)

    # layers toggle
    box = pg.locator('input.toggle[data-layer="event"]')
    box.uncheck()
    assert "off-event" in pg.get_attribute("#text", "class")
    box.check()
    assert "off-event" not in pg.get_attribute("#text", "class")

    # an entity link leads to the actor page with its role and quote
    pg.click('#text a.ent:has-text("Mara Quill")')
    pg.wait_for_url("**/actors/**")
    assert pg.inner_text("h1") == "Mara Quill"
    assert "spokeswoman" in pg.inner_text("table.roles")
    assert "moving the goalposts" in pg.inner_text("ol.quotes")
    pg.screenshot(path=str(SHOTS / "actor.png"), full_page=True)
    assert pg.dialogs == [] and pg.external == []


def test_timeline_and_network(page: object, sample_server: Server) -> None:
    pg = page
    pg.goto(sample_server.url + "/")
    assert pg.locator("table.articles tbody tr").count() == 2
    pg.screenshot(path=str(SHOTS / "home.png"))
    pg.goto(f"{sample_server.url}/timeline")
    marks = pg.locator("svg.timeline circle.mark")
    assert marks.count() >= 3
    pg.screenshot(path=str(SHOTS / "timeline.png"), full_page=True)
    # a mark is a link to its evidence
    pg.locator("svg.timeline a.evidence").first.click()
    pg.wait_for_url("**/articles/**")
    assert pg.locator("#text").is_visible()

    pg.goto(f"{sample_server.url}/network")
    pg.wait_for_selector("svg#network[data-settled]", timeout=20_000)
    names = pg.eval_on_selector_all("svg#network text", "els => els.map(e => e.textContent)")
    assert {"Mara Quill", "Aldren Dockers Union"} <= set(names)
    assert pg.locator("svg#network line").count() >= 2
    pg.screenshot(path=str(SHOTS / "network.png"), full_page=True)
    pg.locator('svg#network a:has(text:text-is("Tomas Brenn"))').click()
    pg.wait_for_url("**/actors/**")
    assert pg.inner_text("h1") == "Tomas Brenn"
    # the network of one outlet, then of a date range: only those articles' edges
    pg.goto(f"{sample_server.url}/network")
    pg.select_option('form.filters select[name="outlet"]', label="<i>Velm Post</i>")
    pg.click('form.filters button[type="submit"]')
    pg.wait_for_url("**outlet=**")
    assert "No connections" in pg.inner_text("p.empty")
    pg.select_option('form.filters select[name="outlet"]', label="Aldren Gazette")
    pg.fill('form.filters input[name="date_to"]', "2024-03-12")
    pg.click('form.filters button[type="submit"]')
    pg.wait_for_selector("svg#network[data-settled]", timeout=20_000)
    assert pg.locator("svg#network line").count() >= 2
    assert pg.dialogs == [] and pg.external == []


def test_markup_in_articles_renders_as_text(page: object, sample_server: Server) -> None:
    pg = page
    a = xss_analysis()
    pg.goto(f"{sample_server.url}/articles/{a.article.id}")
    body = pg.inner_text("#text")
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(2)>" in body
    assert "&amp; we will not leave" in body
    assert pg.inner_text("h1") == "<b>Velm</b> march & <script>alert(3)</script>"
    pg.hover("#quote-Q1")
    assert "Ilse Varga" in pg.locator("#tip").inner_text()
    for path in ["/", "/search?q=script", "/timeline", "/network", "/actors"]:
        pg.goto(sample_server.url + path)
    pg.goto(f"{sample_server.url}/search?q=script")
    assert "<script>alert(1)</script>" in pg.inner_text("ol.hits")
    pg.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    pg.wait_for_timeout(300)
    assert pg.dialogs == [], pg.dialogs
    assert pg.evaluate("() => document.querySelectorAll('main script, main img').length") == 0


@pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is absent (the shared examples are not mounted)")
def test_seed_article_in_the_browser(page: object, tmp_path: Path) -> None:
    """The example article through the real pipeline: quotes are attributed to the right speakers."""
    from newsgraph.ingest import ingest
    from newsgraph.model import Article

    store = Store(str(tmp_path / "seed.db"))
    text = SEED.read_text(encoding="utf-8")
    art = Article(text=text, published="2021-04-04", source="example", title="Seed article (example)")
    ingest(articles=[art], store=store)
    assert store.has(art.id)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8")) if SEED_GOLD.exists() else {"quotes": []}
    pg = page
    with Server(store) as srv:
        pg.goto(f"{srv.url}/articles/{art.id}")
        quotes = quotes_on_page(pg)
        assert quotes, "no quote is highlighted"
        required = [q for q in gold["quotes"] if not q.get("optional")]
        right = []
        for g in required:
            hit = next((q for q in quotes.values() if g["content_starts"] in q["text"]), None)
            right.append(
                hit is not None and g["speaker"].split()[-1].casefold() in (hit["speaker"] or "").casefold()
            )
        if required:
            direct = [ok for g, ok in zip(required, right, strict=True) if g["kind"] == "direct"]
            assert all(direct), list(zip([g["content_starts"] for g in required], right, strict=True))
            assert sum(right) >= 0.8 * len(right), list(
                zip([g["content_starts"] for g in required], right, strict=True)
            )
        pg.screenshot(path=str(SHOTS / "seed-article.png"))
        # click a speaker in the text through to the actor page, which lists the speaker's quotes
        speaker = next((q["speaker"] for q in quotes.values() if "Husseini" in (q["speaker"] or "")), None)
        assert speaker, "al-Husseini's quote is not attributed"
        pg.locator("#text a.ent", has_text="Jaafar al-Husseini").first.click()
        pg.wait_for_url("**/actors/**")
        assert "Husseini" in pg.locator("h1").inner_text()
        assert "Such negotiations are of no use" in pg.inner_text("ol.quotes")
        pg.screenshot(path=str(SHOTS / "seed-actor.png"))
        name = speaker
        pg.goto(f"{srv.url}/timeline")
        assert pg.locator("svg.timeline circle.mark").count() >= 1
        pg.screenshot(path=str(SHOTS / "seed-timeline.png"))
        pg.goto(f"{srv.url}/network")
        pg.wait_for_selector("svg#network[data-settled]", timeout=20_000)
        assert pg.locator("svg#network circle").count() >= 2
        pg.screenshot(path=str(SHOTS / "seed-network.png"))
        assert name
    assert pg.dialogs == [] and pg.external == []


# -- the workbench: who said what, claims, framing, stories, corrections ------------------------

WB_TOKEN = "browser-token-42"
WB_OUTLETS = ["Aldren Gazette", "Coastal Herald", "Velm Post"]


def _wb_variant(i: int):  # noqa: ANN202
    base = sample_analysis()
    a = sample_analysis(
        base.article.text.replace("Shipping agents", f"Shipping agents in berth {i}"),
        source=WB_OUTLETS[i % 3],
        published=f"2024-03-{11 + i:02d}",
    )
    for q in a.quotes:
        q.date = a.article.published
    if i == 2:
        a.quotes[1] = a.quotes[1].model_copy(update={"negated": True})
    return a


@pytest.fixture(scope="module")
def wb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = Store(str(tmp_path_factory.mktemp("wb") / "wb.db"))
    store.add(sample_analysis())
    for i in range(1, 6):
        store.add(_wb_variant(i))
    with Server(store, token=WB_TOKEN) as srv:
        yield srv


def test_who_said_what_filters_and_export(page: object, wb_server: Server) -> None:
    pg = page
    pg.goto(f"{wb_server.url}/said")
    assert pg.locator("table.said tbody tr").count() == 18
    pg.fill('input[name="speaker"]', "Brenn")
    pg.select_option('select[name="outlet"]', "Velm Post")
    pg.click('form.filters button[type="submit"]')
    pg.wait_for_url("**/said?**")
    rows = pg.locator("table.said tbody tr")
    assert rows.count() == 2
    assert all("Tomas Brenn" in t and "Velm Post" in t for t in rows.all_inner_texts())
    assert "mayor" in rows.first.inner_text()
    pg.goto(f"{wb_server.url}/said?negated=yes")
    assert pg.locator("table.said tbody tr").count() == 1 and pg.locator(".flag.neg").count() == 1
    pg.goto(f"{wb_server.url}/said?speaker=quill&sort=oldest")
    pg.screenshot(path=str(SHOTS / "said.png"), full_page=True)
    with pg.expect_download() as dl:
        pg.click("a.export:has-text('CSV')")
    import csv

    got = list(csv.DictReader(open(dl.value.path(), encoding="utf-8")))  # noqa: SIM115
    assert [r["speaker"] for r in got] == ["Mara Quill"] * 6
    assert [r["date"] for r in got] == sorted(r["date"] for r in got)
    # a statement links to its characters in the article
    pg.locator("table.said tbody tr a[href*='#quote-']").first.click()
    pg.wait_for_url("**/articles/**#quote-Q1")
    assert pg.dialogs == [] and pg.external == []


def test_claims_framing_story_and_figures(page: object, wb_server: Server) -> None:
    pg = page
    pg.goto(f"{wb_server.url}/claims")
    assert "more than 1,200 (members)" in pg.inner_text("table.claims")
    pg.screenshot(path=str(SHOTS / "claims.png"), full_page=True)
    pg.goto(f"{wb_server.url}/framing")
    assert "A dismissive label for the strike." in pg.inner_text("table.frames")
    assert pg.locator("table.crosstab tbody tr").count() >= 1
    pg.screenshot(path=str(SHOTS / "framing.png"), full_page=True)
    pg.goto(f"{wb_server.url}/stories")
    pg.locator("section.story h2 a").first.click()
    pg.wait_for_url("**/stories/**")
    text = pg.inner_text("article.brief")
    assert "Coverage" in text and "Velm Post" in text and "Mara Quill" in text and "Claims to check" in text
    assert "6 articles from 3 outlets" in text
    pg.screenshot(path=str(SHOTS / "story.png"), full_page=True)
    pg.emulate_media(media="print")
    assert not pg.locator("header.top").is_visible()  # printable: no navigation
    pg.emulate_media(media="screen")
    pg.goto(f"{wb_server.url}/timeline")
    assert pg.locator("svg.timeline circle.mark").count() >= 3
    pg.screenshot(path=str(SHOTS / "timeline.png"), full_page=True)
    pg.goto(f"{wb_server.url}/network?max_nodes=4&edges=acts_on")
    pg.wait_for_selector("svg#network[data-settled]", timeout=20_000)
    assert pg.locator("svg#network circle").count() <= 4
    assert pg.dialogs == [] and pg.external == []


def test_corrections_with_and_without_the_token(page: object, wb_server: Server) -> None:
    pg = page
    a = _wb_variant(3)
    pg.goto(f"{wb_server.url}/articles/{a.article.id}")
    # without the right token: refused, nothing changes
    pg.locator("details.fix summary:has-text('Change speaker')").first.click()
    form = pg.locator("details.fix[open] form")
    form.locator('input[name="speaker"]').fill("Tomas Brenn")
    form.locator('input[name="token"]').fill("not-the-token")
    form.locator("button").click()
    assert "The token is wrong" in pg.inner_text("main")
    pg.goto(f"{wb_server.url}/corrections")
    assert "No corrections yet." in pg.inner_text("table.audit")
    # with the token: the first quote (Mara Quill's) is given to Tomas Brenn
    pg.goto(f"{wb_server.url}/articles/{a.article.id}")
    pg.locator("details.fix summary:has-text('Change speaker')").first.click()
    form = pg.locator("details.fix[open] form")
    form.locator('input[name="speaker"]').fill("Tomas Brenn")
    form.locator('input[name="note"]').fill("the mayor said this, see the video")
    form.locator('input[name="token"]').fill(WB_TOKEN)
    pg.screenshot(path=str(SHOTS / "correction-form.png"))
    form.locator("button").click()
    pg.wait_for_url("**/articles/**done=*")
    quotes = quotes_on_page(pg)
    assert quotes["Q1"]["speaker"] == "Tomas Brenn"
    pg.goto(f"{wb_server.url}/corrections")
    audit = pg.inner_text("table.audit")
    assert "speaker" in audit and "Tomas Brenn" in audit and "the mayor said this" in audit
    pg.screenshot(path=str(SHOTS / "corrections.png"), full_page=True)
    assert pg.dialogs == [] and pg.external == []
