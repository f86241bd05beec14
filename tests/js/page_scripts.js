// Loads the browser's plain <script> files into Node the way a page loads them: one after another into one
// global (`window`), with no build step and no DOM. A page script keeps its DOM code behind DOMContentLoaded,
// which never comes here, so only its pure logic (what it puts on `window`) runs. Not a test file: helpers for
// the tests in this folder (node --test runs only *.test.js).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SCRIPTS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");

/** The scripts, in page order (e.g. "manual.js", "planner.js"), run in one fresh global; returns that global. */
function loadPageScripts(names, extra) {
  const ignore = () => {};
  // What the scripts touch while loading: the page's elements are never there (querySelector finds nothing).
  const document = { readyState: "loading", currentScript: null, addEventListener: ignore,
                     querySelector: () => null, querySelectorAll: () => [], getElementById: () => null,
                     documentElement: { lang: "es", getAttribute: () => null } };
  const location = { protocol: "file:", href: "file:///index.html", hash: "" };
  const context = vm.createContext({ document, location, addEventListener: ignore, URL, URLSearchParams, console,
                                     ...(extra || {}) });
  context.window = context;
  context.self = context;
  for (const name of names) {
    const file = path.join(SCRIPTS, name);
    vm.runInContext(fs.readFileSync(file, "utf-8"), context, { filename: file });
  }
  return context;
}

/** Plain data out of the script's global (objects made in another global do not deepEqual Node's own). */
function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

module.exports = { loadPageScripts, plain, SCRIPTS };
