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
