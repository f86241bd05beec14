"""The phone edition (docs/sin-conexion, hooks/offline_app.py, offline-*.js) as a reader uses it, over
http://127.0.0.1 in a 360 px phone-sized context: save one language, then with the connection cut (the browser
offline and the server answering nothing) navigate, search and plan a workshop in that language; a second build
with one changed page replaces the saved copy cleanly; nothing is registered from file:// or inside Kiwix, and a
reader who does not ask downloads nothing extra.

Service workers do not run in a context that intercepts requests (context.route), so these contexts record every
request instead, and each test checks that none left 127.0.0.1."""
from __future__ import annotations

import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from helpers import PROJECT_PARTS, ROOT, edit, mkdocs_build
from manualgen.offline_app import size_text as log_size  # the build log's "4.9 MB"
from manualgen.zim import mark_zim_channel

pytestmark = pytest.mark.browser

PREFIX = {"es": "", "en": "en/"}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))
CHANGED_PAGE = "acerca.html"
NEW_SENTENCE = "Esta frase nueva comprueba que la copia guardada se actualiza."
PHONE = {"width": 360, "height": 780}
PHONE_ONLY = re.compile(r"(manifest\.webmanifest|icon-\d+\.png|/sw\.js|offline-worker\.js|offline\.json)$")


# ------------------------------------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def phone_sites(tmp_path_factory):
    """Two builds of the real manual: as it is, then with one Spanish page changed (docs/acerca.es.md).
    MANUAL_PDF from the environment decides whether they have PDFs (PDFs come from a copy of the cache)."""
    work = tmp_path_factory.mktemp("phone")
    project = work / "project"
    project.mkdir()
    for part in PROJECT_PARTS + ("modules", "docs"):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, project / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy(src, project / part)
    if (ROOT / ".cache" / "pdf").is_dir():
        shutil.copytree(ROOT / ".cache" / "pdf", project / ".cache" / "pdf")
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    first = mkdocs_build(project, work / "first", **env)
    assert first.returncode == 0, first.output
    edit(project / "docs" / "acerca.es.md", "## Qué es este proyecto", f"{NEW_SENTENCE}\n\n## Qué es este proyecto")
    second = mkdocs_build(project, work / "second", **env)
    assert second.returncode == 0, second.output
    return first.site, second.site


class Server:
    """A local web server whose folder can be switched (a new version published) or cut off (no connection:
    it answers 503 and records what was asked)."""

    def __init__(self, folder: Path):
        self.folder: Path | None = folder
        self.hits: list[str] = []
        self.while_down: list[str] = []
        outer = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(outer.folder or folder), **kwargs)

            def log_message(self, *args):
                pass

            def end_headers(self):
                # nothing in the browser's HTTP cache: offline, only the saved copy can answer
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def do_GET(self):
                if outer.folder is None:
                    outer.while_down.append(self.path.split("?")[0])
                    self.send_error(503)
                    return
                outer.hits.append(self.path.split("?")[0])
                super().do_GET()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(phone_sites):
    running = Server(phone_sites[0])
    yield running
    running.close()


class Phone:
    """A phone-sized browser context without request interception, recording every request."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context(viewport=PHONE)
        self.base = base
        self.requests: list[tuple[str, bool]] = []  # (url, made by the service worker)
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append((r.url, r.service_worker is not None)))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def open(self, rel: str):
        self.page.goto(self.base + rel)
        self.page.wait_for_load_state("load")
        return self.page

    def left_the_machine(self) -> list[str]:
        return [url for url, _ in self.requests if not url.startswith((self.base, "data:", "blob:", "about:"))]

    def disconnect(self, server: Server):
        self.context.set_offline(True)
        server.folder = None

    def caches(self) -> dict[str, list[str]]:
        return self.page.evaluate("""async () => {
            const out = {};
            for (const name of await caches.keys()) {
                out[name] = (await (await caches.open(name)).keys()).map(r => r.url);
            }
            return out;
        }""")

    def registrations(self) -> list[str]:
        return self.page.evaluate("navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope))")


@pytest.fixture
def phone(browser, server):
    made = Phone(browser, server.base)
    yield made
    made.context.close()


def offline_data(site: Path, lang: str) -> dict:
    """What sw.js lists for the language (the generated data, read back)."""
    text = (site / PREFIX[lang] / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^self\.manualOffline = (.*);$", text, re.M).group(1))


def not_update_checks(paths: list[str]) -> list[str]:
    """Requests other than the browser's own check for a new version of the worker (after a navigation), which
    the emulated offline mode does not stop and which, with no connection, fails quietly."""
    return [path for path in paths if not path.endswith(("/sw.js", "/offline-worker.js"))]


def summary(site: Path, lang: str) -> dict:
    return json.loads((site / PREFIX[lang] / "offline.json").read_text(encoding="utf-8"))


def size_text(size: int, lang: str = "es") -> str:
    """A size as the page writes it in its language: "4,9 MB" in Spanish (as every other page), "4.9 MB" in
    English (issue 27: the save page wrote "4.9 MB" in Spanish)."""
    text = log_size(size)
    return text.replace(".", ",") if lang == "es" else text


def words(lang: str, key: str, **values) -> str:
    text = LABELS[lang][f"offline_{key}"]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def save(phone: Phone, lang: str, site: Path, with_pdf: bool) -> None:
    """The reader's steps: open the page, ask to save, read the size, confirm, wait until saved."""
    page = phone.open(f"{PREFIX[lang]}sin-conexion.html")
    assert page.locator("#offline-save").inner_text() == words(lang, "save")
    page.click("#offline-save")
    page.wait_for_selector("#offline-confirm:not([hidden])")
    info = summary(site, lang)
    assert page.locator("#offline-size").inner_text() == words(
        lang, "size", size=size_text(info["core"]["bytes"], lang), gzip=size_text(info["core"]["gzip"], lang))
    if info["pdf"]["files"]:
        assert page.locator("#offline-pdf-label").inner_text() == words(
            lang, "pdf_choice", files=info["pdf"]["files"], size=size_text(info["pdf"]["bytes"], lang))
        if with_pdf:
            page.check("#offline-pdf")
    else:
        assert page.locator("#offline-pdf-choice").is_hidden()
    total = info["core"]["bytes"] + (info["pdf"]["bytes"] if with_pdf and info["pdf"]["files"] else 0)
    assert page.locator("#offline-download").inner_text() == words(lang, "download", size=size_text(total, lang))
    page.click("#offline-download")
    page.wait_for_selector("#offline-saved:not([hidden])", timeout=60_000)
    if with_pdf and info["pdf"]["files"]:
        page.wait_for_selector("#offline-pdf-remove:visible", timeout=60_000)
    assert page.locator("#offline-status").inner_text() == words(lang, "saved_now")
    assert page.locator("#offline-saved-size").inner_text() == words(lang, "saved_size", size=size_text(total, lang))


# ------------------------------------------------------------------------------------------------ tests

@pytest.mark.parametrize("lang", ["es", "en"])
def test_save_then_navigate_search_and_plan_with_no_connection(phone, server, phone_sites, lang):
    site = phone_sites[0]
    data = offline_data(site, lang)
    with_pdf = bool(data["pdf"]["files"])
    save(phone, lang, site, with_pdf)
    page = phone.page
    root = server.base + PREFIX[lang]

    # one copy of this version, holding exactly the listed files (plus the mark that it is complete)
    stored = phone.caches()
    core = f"manual|{root}|core|{data['core']['version']}"
    expected = {f"manual|{root}|state", core} | ({f"manual|{root}|pdf|{data['pdf']['version']}"} if with_pdf else set())
    assert set(stored) == expected
    assert set(stored[core]) == {server.base + path for path, _, _ in data["core"]["files"]} | {root + "offline-complete"}
    assert phone.registrations() == [root]
    assert page.locator('link[rel="manifest"]').get_attribute("href") == root + "manifest.webmanifest"

    phone.disconnect(server)
    catalog = json.loads((site / PREFIX[lang] / "catalog.json").read_text(encoding="utf-8"))
    session = catalog["sessions"][3]
    page = phone.open(PREFIX[lang] + session["url"])
    assert page.locator("h1").first.inner_text() == session["title"]
    page.locator("#agenda").wait_for()
    # run mode too: its view (the language's run-view.js), styles and script come from the saved copy
    page.locator("button#run-open").click()
    page.locator("#run-view .run__steps").wait_for()
    assert page.locator("#run-view h2.run__heading").inner_text() == session["activities"][0]["title"]
    phone.open(PREFIX[lang] + "index.html")
    page.get_by_role("navigation").first.wait_for(state="attached")

    # search: Material's worker, its lunr files and the language's index, all from the saved copy
    page.keyboard.press("s")
    query = session["title"].split()[-1]
    page.fill(".md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert session["title"] in page.locator(".md-search-result").inner_text()

    # the planner: choose two sessions, the agenda appears
    page = phone.open(PREFIX[lang] + "planificador.html")
    page.locator("#planner-form").wait_for()
    page.check(f"input[value='{catalog['sessions'][0]['id']}']")
    page.check(f"input[value='{catalog['sessions'][1]['id']}']")
    page.wait_for_selector("#planner-output tbody tr")
    assert catalog["sessions"][1]["title"] in page.locator("#planner-output").inner_text()

    if with_pdf:  # the saved PDFs open too
        url = catalog["pdfs"]["manual"]
        got = page.evaluate("url => fetch(url).then(async r => [r.status, (await r.arrayBuffer()).byteLength])", url)
        assert got == [200, (site / PREFIX[lang] / url).stat().st_size]

    # a page the copy does not hold says so, in this language, with a way home
    page = phone.open(PREFIX[lang] + "404.html")
    assert page.locator("h1").inner_text() == words(lang, "missing_title")
    assert page.locator("a").get_attribute("href") == root + "index.html"
    page.click("a")
    page.wait_for_load_state("load")
    assert page.url == root + "index.html"

    assert not_update_checks(server.while_down) == [], "with no connection, the saved copy must not need the server"
    assert phone.left_the_machine() == []
    assert phone.errors == []


def test_a_new_build_replaces_the_saved_copy_completely_and_says_so(phone, server, phone_sites):
    first, second = phone_sites
    old, new = offline_data(first, "es"), offline_data(second, "es")
    assert old["version"] != new["version"]
    before_update = {(path, sha) for path, sha, _ in old["core"]["files"]}
    changed = {path for path, sha, _ in new["core"]["files"] if (path, sha) not in before_update}
    assert CHANGED_PAGE in changed and "search/search_index.json" in changed
    assert len(changed) < len(new["core"]["files"]) / 4  # one page changed: most of the copy is reused

    save(phone, "es", first, with_pdf=False)
    server.folder = second  # the new version is published
    before = len(phone.requests)
    page = phone.open("index.html")
    notice = page.locator("#offline-notice")
    notice.wait_for(timeout=60_000)
    assert notice.get_attribute("role") == "status"
    assert notice.inner_text().startswith(words("es", "update_ready"))
    assert notice.locator("button").all_inner_texts() == [words("es", "update_reload"), words("es", "update_later")]
    assert serious_violations(page) == [] and horizontal_overflow(page) <= 0

    # until the reader reloads, the saved copy is the old one, whole: no page of the new version is mixed in
    text = page.evaluate(f"fetch('{CHANGED_PAGE}').then(r => r.text())")
    assert NEW_SENTENCE not in text
    downloaded = {url[len(server.base):] for url, by_worker in phone.requests[before:] if by_worker}
    listed = {path for path, _, _ in new["core"]["files"]}
    assert downloaded & listed == changed, "only the files that changed are downloaded again"

    with page.expect_navigation():
        notice.get_by_role("button", name=words("es", "update_reload")).click()
    page.wait_for_load_state("load")
    stored = phone.caches()
    root = server.base
    assert set(stored) == {f"manual|{root}|state", f"manual|{root}|core|{new['core']['version']}"}, "the old copy is deleted"

    phone.disconnect(server)
    page = phone.open(CHANGED_PAGE)
    assert NEW_SENTENCE in page.locator("article").inner_text()
    assert page.locator("#offline-notice").count() == 0
    assert not_update_checks(server.while_down) == []
    assert phone.left_the_machine() == []
    assert phone.errors == []


def serve_without_the_index(server, phone_sites, tmp_path):
    """Serve a copy of the Spanish site whose search index is missing: a save must stop and say so. Returns the
    index's path and bytes, to put it back."""
    site = tmp_path / "site"
    shutil.copytree(phone_sites[0], site)
    index = site / "search" / "search_index.json"
    kept = index.read_bytes()
    index.unlink()
    server.folder = site
    return index, kept


def save_until_it_stops(page) -> None:
    page.click("#offline-save")
    page.click("#offline-download")
    page.wait_for_selector("#offline-start:not([hidden])", timeout=60_000)


LOSE_FAILED_MESSAGES = """
navigator.serviceWorker.addEventListener("message", (event) => {
  if ((event.data || {}).type === "failed") event.stopImmediatePropagation();
});
"""


def test_a_failed_save_is_explained_even_when_the_workers_message_comes_too_late(phone, server, phone_sites, tmp_path):
    # A busy phone may discard the worker before its message arrives: the reason it left in its cache is used.
    serve_without_the_index(server, phone_sites, tmp_path)
    phone.page.add_init_script(LOSE_FAILED_MESSAGES)
    page = phone.open("sin-conexion.html")
    save_until_it_stops(page)
    assert page.locator("#offline-status").inner_text() == words("es", "failed_changed")
    assert phone.registrations() == []


def test_an_interrupted_save_says_so_and_the_retry_downloads_only_what_is_missing(phone, server, phone_sites, tmp_path):
    index, kept = serve_without_the_index(server, phone_sites, tmp_path)
    site = server.folder
    page = phone.open("sin-conexion.html")
    save_until_it_stops(page)
    assert page.locator("#offline-status").inner_text() == words("es", "failed_changed")
    assert phone.registrations() == []
    assert page.locator('link[rel="manifest"]').count() == 0

    index.write_bytes(kept)
    page.click("#offline-save")
    page.click("#offline-download")
    page.wait_for_selector("#offline-saved:not([hidden])", timeout=60_000)
    listed = {server.base + path for path, _, _ in offline_data(site, "es")["core"]["files"]}
    downloads = [url for url, by_worker in phone.requests if by_worker and url in listed]
    assert set(downloads) == listed
    again = [url for url in set(downloads) if downloads.count(url) > 1 and not url.endswith("/search/search_index.json")]
    assert again == [], "a file saved before the interruption is not downloaded again"
    assert phone.left_the_machine() == []


def test_no_space_means_no_download(phone, server):
    page = phone.open("sin-conexion.html")
    page.evaluate("navigator.storage.estimate = async () => ({quota: 2000000, usage: 500000})")
    page.click("#offline-save")
    page.wait_for_selector("#offline-space:not([hidden])")
    assert page.locator("#offline-space").inner_text() == words("es", "space", free=size_text(1_500_000))
    page.click("#offline-download")
    assert page.locator("#offline-status").inner_text().startswith(words("es", "no_space").split("{")[0])
    assert "1,5 MB" in page.locator("#offline-status").inner_text()  # a Spanish page writes a decimal comma
    assert phone.registrations() == []
    assert not any(PHONE_ONLY.search(url) and "offline.json" not in url for url, _ in phone.requests)


def test_the_saved_copy_can_be_removed(phone, server, phone_sites):
    save(phone, "en", phone_sites[0], with_pdf=False)
    page = phone.page
    page.click("#offline-remove")
    page.wait_for_selector("#offline-start:not([hidden])")
    assert page.locator("#offline-status").inner_text() == words("en", "removed")
    assert phone.registrations() == []
    assert phone.caches() == {}
    assert page.locator('link[rel="manifest"]').count() == 0
    page = phone.open("en/index.html")
    page.wait_for_timeout(300)
    assert page.locator('link[rel="manifest"]').count() == 0


def test_a_reader_who_does_not_ask_downloads_nothing_extra(phone, server):
    for rel in ("index.html", "modules/02-genero-y-masculinidades/02-la-caja-del-hombre.html", "sin-conexion.html",
                "en/sin-conexion.html", "planificador.html"):
        page = phone.open(rel)
        page.wait_for_timeout(200)  # the every-page script has looked for a saved copy
        assert page.locator('link[rel="manifest"]').count() == 0
        if "sin-conexion" in rel:
            assert page.locator("#offline-start").is_visible()
    asked = [url for url, _ in phone.requests]
    assert any(url.endswith("assets/javascripts/offline-app.js") for url in asked)
    assert [url for url in asked if PHONE_ONLY.search(url)] == []
    assert phone.registrations() == []
    assert phone.caches() == {}
    assert phone.left_the_machine() == []
    assert phone.errors == []


def test_from_file_nothing_is_registered_and_no_manifest_is_requested(browser, phone_sites):
    site = phone_sites[0]
    phone = Phone(browser, site.as_uri() + "/")
    try:
        for lang in ("es", "en"):
            page = phone.open(f"{PREFIX[lang]}sin-conexion.html")
            assert page.locator("#offline-unavailable").inner_text() == words(lang, "unavailable_file")
            assert page.locator("#offline-save").is_hidden()
            assert page.locator('link[rel="manifest"]').count() == 0
        phone.open("index.html")
        page.wait_for_timeout(200)
        registered = page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.getRegistrations()"
                                   ".then(r => r.length, () => 0) : 0")
        assert registered == 0
        assert [url for url, _ in phone.requests if PHONE_ONLY.search(url)] == []
        assert phone.errors == []
    finally:
        phone.context.close()


def test_over_plain_http_on_another_host_saving_is_not_offered(browser, server):
    # a copy served on a local network without https (browsers keep service workers for secure origins)
    port = server.base.rsplit(":", 1)[1].rstrip("/")
    other = browser.browser_type.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--host-resolver-rules=MAP manual.lan 127.0.0.1"])
    try:
        page = other.new_page(viewport=PHONE)
        asked = []
        page.on("request", lambda r: asked.append(r.url))
        page.goto(f"http://manual.lan:{port}/sin-conexion.html")
        assert page.evaluate("window.isSecureContext") is False
        assert page.locator("#offline-unavailable").inner_text() == words("es", "unavailable_insecure")
        assert page.locator("#offline-save").is_hidden()
        assert [url for url in asked if PHONE_ONLY.search(url)] == []
        assert all(url.startswith(f"http://manual.lan:{port}/") for url in asked)
    finally:
        other.close()


def test_inside_kiwix_saving_is_not_offered(browser, server):
    context = browser.new_context(viewport=PHONE)
    try:
        # the ZIM's copy of each page carries data-channel="zim" (manualgen.zim.mark_zim_channel)
        def as_in_the_zim(route):
            response = route.fetch()
            route.fulfill(response=response, body=mark_zim_channel(response.text()))
        context.route("**/sin-conexion.html", as_in_the_zim)
        page = context.new_page()
        page.goto(server.base + "sin-conexion.html")
        assert page.locator("html").get_attribute("data-channel") == "zim"
        assert page.locator("#offline-unavailable").inner_text() == words("es", "unavailable_zim")
        assert page.locator("#offline-save").is_hidden()
    finally:
        context.close()


def serious_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page)
    return [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_save_page_is_accessible_and_fits_a_phone_in_each_state(phone, server, lang):
    page = phone.open(f"{PREFIX[lang]}sin-conexion.html")
    assert page.locator("html").get_attribute("lang") == lang
    states = [("start", None), ("confirm", "#offline-save"), ("saved", "#offline-download")]
    for state, click in states:
        if click:
            page.click(click)
        page.wait_for_selector(f"#offline-{state}:not([hidden])", timeout=60_000)
        # the clicked button's hover and focus colours fade in: axe reads the colours once they have settled
        page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
        visible = [b.inner_text() for b in page.locator("#offline-app button:visible").all()]
        assert all(visible), f"{state}: every button has a name"
        assert serious_violations(page) == [], state
        assert horizontal_overflow(page) <= 0, state
    assert page.locator("#offline-status").get_attribute("role") == "status"


# The pure logic (sizes, space, where saving is offered, the worker's file lists and caches): tests/js/offline.test.js.


@pytest.mark.parametrize("lang", ["es", "en"])
def test_with_one_language_saved_and_no_connection_the_language_switch_says_the_other_is_not_saved(
        phone, server, phone_sites, lang):
    """Issue 27: with only English saved, «Español» showed the browser's own offline error (the English copy's
    scope, en/, does not hold the Spanish pages); both directions now show the copy's friendly page."""
    site = phone_sites[0]
    save(phone, lang, site, with_pdf=False)
    phone.disconnect(server)
    other = "en" if lang == "es" else "es"
    page = phone.open(PREFIX[lang] + "index.html")
    page.get_by_role("navigation").first.wait_for(state="attached")
    page.eval_on_selector(f'a.md-select__link[hreflang="{other}"]', "a => a.click()")
    page.wait_for_function("() => document.querySelector('h1') && !document.querySelector('.md-header')")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == words(lang, "missing_title")
    assert page.locator("a").first.get_attribute("href") == server.base + PREFIX[lang] + "index.html"
    assert phone.left_the_machine() == [] and phone.errors == []
