"""The manual's own scripts and stylesheets, minified for the built site (manualgen/minify.py): what is kept,
what is dropped, which files and when. Golden cases: the source and the exact text the build writes."""
from __future__ import annotations

import pytest

from manualgen.minify import is_own_code, minified, minify_mode_problem, minify_wanted
from manualgen.settings import read_settings

SCRIPT = r"""/*! planner | MIT */
/* The plan lives in the URL hash. */
(function () {
  "use strict";
  // a clock like 09:30
  var clock = /^(\d{1,2}):(\d{2})$/;
  var url = "http://example.org/*not a comment*/";
  var label = `a // b ${url}`;
  return clock.test(url) ? label : 'it\'s // fine';
})();
"""
SCRIPT_MINIFIED = (r"""/*! planner | MIT */(function(){"use strict";var clock=/^(\d{1,2}):(\d{2})$/;"""
                   r"""var url="http://example.org/*not a comment*/";var label=`a // b ${url}`;"""
                   r"""return clock.test(url)?label:'it\'s // fine';})();""" "\n")

STYLE = """/*! manual.css | CC BY-SA */
/* The manual's colours */
:root {
  --manual-activity: #1f5f8b;  /* blue */
}
.quote::before { content: "/* not a comment */"; }
@media (max-width: 44.9375em) {
  .md-typeset  .agenda   td { padding: 0 .2rem; }
}
"""
STYLE_MINIFIED = ("""/*! manual.css | CC BY-SA */:root{--manual-activity:#1f5f8b}.quote::before{content:"/* not a comment */"}"""
                  """@media (max-width:44.9375em){.md-typeset .agenda td{padding:0 .2rem}}\n""")


def test_a_script_keeps_its_strings_regular_expressions_template_literals_and_licence_comment():
    assert minified("assets/javascripts/planner.js", SCRIPT) == SCRIPT_MINIFIED


def test_a_stylesheet_keeps_its_strings_and_licence_comment_and_drops_the_rest():
    assert minified("assets/stylesheets/manual.css", STYLE) == STYLE_MINIFIED


def test_minifying_is_the_same_text_every_time_and_idempotent():
    """The build is reproducible (same bytes twice), and a second pass changes nothing."""
    once = minified("assets/javascripts/planner.js", SCRIPT)
    assert minified("assets/javascripts/planner.js", SCRIPT) == once
    assert minified("assets/javascripts/planner.js", once) == once


@pytest.mark.parametrize("src_uri, own", [
    ("assets/javascripts/planner.js", True),
    ("assets/stylesheets/manual.css", True),
    ("assets/vendor/iframe-worker/shim.js", False),       # third-party: shipped as its authors minified it
    ("assets/vendor/jspdf/jspdf.umd.min.js", False),
    ("assets/javascripts/lunr/min/lunr.es.min.js", False),  # the theme's
    ("assets/javascripts/bundle.a5f9d56c.min.js", False),
    ("assets/javascripts/planner.css", False),             # not that folder's kind
    ("assets/images/favicon.svg", False),
    ("planner.js", False),
])
def test_only_the_manuals_own_scripts_and_stylesheets_are_minified(src_uri, own):
    assert is_own_code(src_uri) is own


@pytest.mark.parametrize("mode, serving, wanted", [
    ("build", False, True), ("build", True, False),
    ("always", False, True), ("always", True, True),
    ("never", False, False), ("never", True, False),
])
def test_the_setting_decides_for_builds_and_for_mkdocs_serve(mode, serving, wanted):
    assert minify_wanted(mode, serving) is wanted


def test_the_setting_defaults_to_build_and_refuses_other_values(tmp_path):
    assert read_settings(tmp_path, tmp_path / "docs", {}, ("es",), None).minify == "build"
    assert minify_mode_problem("build") is None
    problem = minify_mode_problem(False)
    assert str(problem).startswith("mkdocs.yml: extra.manual.minify: False no es un valor admitido — escriba build")
    assert "always" in problem.hint and "never" in problem.hint
