"""Run mode through real strict builds: every session page carries its agenda as run data (the catalog's
activities and minutes) and no more; each language's run-view.js carries the view's dialogs and the run_* words
of data/labels.yml, escaped as data, with the safety card's rule from the guide; a guide that loses the rule's
heading stops the build with one clear line (hooks/run_mode.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import edit, mkdocs_build

PREFIX = {"es": "", "en": "en/"}
LABELS = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "labels.yml").read_text(encoding="utf-8"))


def run_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="run-data">(.*?)</script>', html, re.S).group(1))


def run_view(site: Path, lang: str) -> dict:
    """The language's run-view.js as the browser reads it: {"words", "dialogs"}; its code part is checked to be
    that one assignment of escaped JSON (no character that could end a script or open a tag)."""
    script = (site / PREFIX[lang] / "run-view.js").read_text(encoding="utf-8")
    code = script.split("*/", 1)[1]
    assert code.isascii() and not re.search(r"[<>&']", code)
    return json.loads(re.fullmatch(r"\nwindow\.manualRunView = (\{.*\});\n", code, re.S).group(1))


def rule_of(html: str) -> str:
    return html.split('<div class="run-safety__rule">', 1)[1].split("</div>\n  <p>", 1)[0]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_session_page_carries_its_agenda_and_the_guides_rule(real_site, lang):
    catalog = real_site.catalog(lang)
    guide = real_site.html(PREFIX[lang] + "guia-facilitacion.html")
    for session in catalog["sessions"]:
        html = real_site.html(PREFIX[lang] + session["url"])
        data = run_data(html)
        assert data["id"] == session["id"] and data["title"] == session["title"] and data["url"] == session["url"]
        assert [(a["title"], a["minutes"]) for a in data["activities"]] == [(a["title"], a["minutes"]) for a in session["activities"]]
        assert sum(a["minutes"] for a in data["activities"]) == data["duration"] == session["duration"]
        for activity in data["activities"]:  # each activity's steps are found by its block's heading
            assert f'id="{activity["anchor"]}"' in html
        assert data["root"] == "../../" and (real_site.site / PREFIX[lang] / session["url"]).is_file()
        # The view is not in the page: its button names the files run-launch.js loads when wanted.
        assert "<dialog" not in html and "run-template" not in html and 'id="run-words"' not in html
        assert "run-safety__rule" not in html and 'class="run-call"' not in html
        button = re.search(r'<button[^>]*id="run-open"[^>]*>', html).group(0)
        assets = "../../" + {"es": "", "en": "../"}[lang] + "assets/"  # one assets folder for both languages
        assert f'data-script="{assets}javascripts/run.js"' in button
        assert f'data-styles="{assets}stylesheets/run.css"' in button and 'data-view="../../run-view.js"' in button
    assert (real_site.site / "assets" / "javascripts" / "run.js").is_file()
    # run-view.js: the run_* words of labels.yml in this language, and the dialogs with links from the language's
    # root (run.js prefixes a page's way there); the rule is the guide's own text, without the guide's ids.
    view = run_view(real_site.site, lang)
    assert view["words"] == {key[4:]: value for key, value in LABELS[lang].items() if key.startswith("run_")}
    dialogs = view["dialogs"]
    assert f'<button type="button" class="md-button md-button--primary" id="run-safety-close">{LABELS[lang]["run_back"]}</button>' in dialogs
    rule = rule_of(dialogs)
    assert "<h3>" in rule and " id=" not in rule
    assert re.sub(r"<[^>]+>", "", rule).split()[:6] == re.sub(r"<[^>]+>", "", guide.split('id="regla-de-revelacion"', 1)[1].split(">", 1)[1]).split()[:6]
    assert 'href="tel:' in dialogs and 'href="guia-facilitacion.html#regla-de-revelacion"' in dialogs
    assert "../" not in dialogs
    # The phone edition saves it with the language's pages: run mode works there with no connection.
    assert f'["{PREFIX[lang]}run-view.js",' in (real_site.site / PREFIX[lang] / "sw.js").read_text(encoding="utf-8")
    planner = real_site.html(PREFIX[lang] + "planificador.html")
    run_js = {"es": "", "en": "../"}[lang] + "assets/javascripts/run.js"
    # The planner loads run mode when the trainer starts a workshop (planner.js), not with the page.
    assert re.search(r'<button[^>]*id="planner-run"[^>]*data-script="' + re.escape(run_js) + '"', planner)
    assert f'src="{run_js}"' not in planner


GUIDE = "---\ntitle: {title}\n---\nIntro.\n\n## {heading} {{#regla-de-revelacion}}\n\nLlame al [[helpline:policia]].\n\n## {other}\n\nNo.\n"


def test_the_safety_card_takes_the_rule_from_the_guide_or_stops_the_build(mini_project, tmp_path):
    # The fixture manual has no guide: its sessions run with the helplines only.
    first = mkdocs_build(mini_project, tmp_path / "site0", MANUAL_PDF="0")
    assert first.returncode == 0, first.output
    html = first.html("modules/01-prueba/01-sesion.html")
    assert run_data(html)["activities"] and "run-safety__rule" not in html
    dialogs = run_view(first.site, "es")["dialogs"]
    assert 'href="tel:' in dialogs and "run-safety__rule" not in dialogs

    for lang, title, heading, other in (("es", "Guía", "La regla", "Otra"), ("en", "Guide", "The rule", "Other")):
        (mini_project / "docs" / f"guia-facilitacion.{lang}.md").write_text(
            GUIDE.format(title=title, heading=heading, other=other), encoding="utf-8")
    built = mkdocs_build(mini_project, tmp_path / "site1", MANUAL_PDF="0")
    assert built.returncode == 0, built.output
    for lang, heading, other in (("es", "La regla", "Otra"), ("en", "The rule", "Other")):
        rule = rule_of(run_view(built.site, lang)["dialogs"])
        assert rule.startswith(f"<h3>{heading}</h3>") and 'href="tel:105"' in rule and other not in rule

    edit(mini_project / "docs" / "guia-facilitacion.en.md", "{#regla-de-revelacion}", "")
    failed = mkdocs_build(mini_project, tmp_path / "site2", MANUAL_PDF="0")
    assert failed.returncode == 1
    assert ("extra.manual.run.safety_rule: la página guia-facilitacion (en) no tiene un título con id "
            "'regla-de-revelacion'") in failed.output
    assert "Traceback" not in failed.output
