// The search worker folds a reader's query as the index folds the pages' words: the same golden cases as
// tests/unit/test_search_fold.py. Run with `node --test tests/js` (make node-test).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const golden = require(path.join(__dirname, "..", "golden", "search_fold.json"));
const { fold } = require(path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "search-fold.js"));

for (const [written, folded] of golden.fold) {
  test(`fold(${JSON.stringify(written)})`, () => {
    assert.equal(fold(written), folded);
  });
}

// What the worker indexes from a result's stored title and excerpt, as the page reckons it when it looks for a
// query in the other language (search-results.js); the build leaves the same terms out of `body` (pytest).
const { loadPageScripts, plain } = require("./page_scripts.js");
const page = loadPageScripts(["search-fold.js", "search-results.js"]);

for (const [stored, terms] of golden.indexed) {
  test(`shownTerms(${JSON.stringify(stored)})`, () => {
    const found = plain(page.manualShownTerms(stored, new RegExp(golden.separator)));
    assert.deepEqual([...new Set(found)].sort(), terms);
  });
}
