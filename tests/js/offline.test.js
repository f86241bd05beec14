// The phone edition's pure logic, loaded as the save page loads it (offline-page.js) and as a page loads the worker
// (offline-worker.js: in a page, not a service worker, it only exposes its pure functions): sizes and space, why
// saving is not offered, and the worker's file lists (which saved file answers a request, which caches are stale);
// and offline-app.js (on every page) as a page in a saved copy runs it: the search worker's address it gives.
// Saving, updating and reading offline stay in tests/browser/test_offline_app.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadPageScripts, plain } = require("./page_scripts.js");

const page = loadPageScripts(["manual.js", "offline-page.js", "offline-worker.js"]);
const O = page.manualOfflinePage;
const W = page.manualOfflineWorker;

test("sizes in decimal units, as phones count storage, in the page's language", () => {
  assert.deepEqual([0, 999, 1000, 964000, 4861132, 12400000].map((n) => O.formatSize(n, "es-PE")),
                   ["0 B", "999 B", "1.0 kB", "964 kB", "4.9 MB", "12 MB"]);
  assert.equal(O.formatSize(4861132, "es-ES"), "4,9 MB");
  assert.equal(O.fill("Descargar {size} {x}", { size: "2 MB" }), "Descargar 2 MB {x}");
  assert.equal(O.fill("{constructor}", {}), "{constructor}");
});

test("space: free from the browser's estimate, a tenth to spare; what the saved copy takes", () => {
  assert.deepEqual([O.freeSpace(null), O.freeSpace({ quota: 10, usage: 4 }), O.freeSpace({ quota: 3, usage: 4 })], [null, 6, 0]);
  assert.deepEqual([O.enoughSpace(100, null), O.enoughSpace(100, 110), O.enoughSpace(100, 109)], [true, true, false]);
  const summary = { core: { bytes: 10 }, pdf: { bytes: 5 } };
  assert.deepEqual([O.neededBytes(summary, true), O.neededBytes(summary, false)], [15, 10]);
  assert.deepEqual([O.savedBytes({ core: { bytes: 10 }, pdf: { bytes: 5, saved: true } }),
                    O.savedBytes({ core: { bytes: 10 }, pdf: { bytes: 5, saved: false } })], [15, 10]);
});

test("why saving is not offered: from file://, inside Kiwix, over plain http, without service workers", () => {
  assert.deepEqual([O.unavailable("file:", null, true, true), O.unavailable("http:", "zim", true, true),
                    O.unavailable("http:", null, false, true), O.unavailable("https:", null, true, false),
                    O.unavailable("https:", null, true, true)], ["file", "zim", "insecure", "browser", null]);
});

test("the saved file that answers a request: folders are their index, query and fragment do not matter", () => {
  const base = "http://x/site/";
  assert.deepEqual([W.keyOf(base, base), W.keyOf(base + "en/", base), W.keyOf(base + "buscar.html?q=caja#r", base),
                    W.keyOf(base + "a%20b.html", base), W.keyOf("http://x/other/index.html", base), W.keyOf(base + "%E0%A4%A", base)],
                   ["index.html", "en/index.html", "buscar.html", "a b.html", null, null]);
});

test("the file lists: each path in its part, a language's copy of a shared asset answered by the shared one", () => {
  const index = W.fileIndex({ core: { files: [["index.html", "a", 1], ["assets/javascripts/workers/search.js", "c", 3]] },
                              pdf: { files: [["pdf/x.pdf", "b", 2]] } });
  assert.deepEqual([index["index.html"], index["pdf/x.pdf"], index.constructor || null], ["core", "pdf", null]);
  assert.deepEqual([W.savedKey("index.html", "en/", index), W.savedKey(null, "en/", index),
                    W.savedKey("en/assets/javascripts/workers/search.js", "en/", index),
                    W.savedKey("en/assets/javascripts/workers/other.js", "en/", index), W.savedKey("en/index.html", "en/", index),
                    W.savedKey("assets/javascripts/workers/search.js", "", index)],
                   ["index.html", null, "assets/javascripts/workers/search.js", null, null, "assets/javascripts/workers/search.js"]);
  assert.equal(W.totalBytes([["a", "x", 3], ["b", "y", 4]]), 7);
  assert.equal(W.hex(new Uint8Array([0, 15, 255]).buffer, 4), "000f");
});

test("caches: named by scope, the page's and the worker's names agree, other versions of this scope are stale", () => {
  const root = "http://127.0.0.1:8000/";
  assert.equal(W.cacheName(root, "state"), O.stateCacheName(root));
  const names = [`manual|${root}|core|1`, `manual|${root}|core|2`, `manual|${root}en/|core|1`, `manual|${root}|state`, "other"];
  assert.deepEqual(plain(W.staleCaches(names, root, [`manual|${root}|state`, `manual|${root}|core|2`])), [`manual|${root}|core|1`]);
  assert.deepEqual([W.failureReason({ name: "QuotaExceededError" }), W.failureReason({ reason: "changed" }),
                    W.failureReason(new TypeError("Failed to fetch"))], ["space", "changed", "network"]);
});

/** offline-app.js as a page at `href` loads it: its script tag's data-root/data-site, the service worker that
    controls the page (scriptURL, or none), the channel (zim inside Kiwix). */
function offlineApp(href, { root, site, controller, channel } = {}) {
  const attributes = { "data-root": root, "data-site": site };
  const document = { currentScript: { getAttribute: (name) => attributes[name] ?? null }, addEventListener: () => {},
                     documentElement: { getAttribute: (name) => (name === "data-channel" ? channel || null : null) },
                     querySelector: () => null };
  const serviceWorker = { controller: controller ? { scriptURL: controller } : null,
                          getRegistration: () => Promise.resolve(undefined) };  // not saved: nothing else happens
  return loadPageScripts(["offline-app.js"], { document, navigator: { serviceWorker },
                                              location: { protocol: new URL(href).protocol, href } });
}

test("search's worker address inside the saved copy: the English copy asks its own scope for the shared worker", () => {
  const page = "https://x.org/site/en/modules/01/a.html";
  const worker = "../../../assets/javascripts/workers/search.js";
  const saved = offlineApp(page, { root: "../../", site: "../../../", controller: "https://x.org/site/en/sw.js" });
  const asked = saved.manualOfflineWorkerUrl(worker);
  assert.equal(asked, "https://x.org/site/en/assets/javascripts/workers/search.js");
  // The English copy's worker answers that address with the one saved file both languages share.
  const index = W.fileIndex({ core: { files: [["assets/javascripts/workers/search.js", "h", 1]] }, pdf: { files: [] } });
  assert.equal(W.savedKey(W.keyOf(asked, "https://x.org/site/"), "en/", index), "assets/javascripts/workers/search.js");
  // Not controlled by this copy's worker, or the Spanish copy (its scope is the site): the address as it was.
  const other = offlineApp(page, { root: "../../", site: "../../../", controller: "https://x.org/site/sw.js" });
  assert.equal(other.manualOfflineWorkerUrl(worker), worker);
  const spanish = offlineApp("https://x.org/site/modules/01/a.html", { root: "../../", site: "../../",
                                                                        controller: "https://x.org/site/sw.js" });
  assert.equal(spanish.manualOfflineWorkerUrl("../../assets/javascripts/workers/search.js"), "../../assets/javascripts/workers/search.js");
});

test("the phone edition does nothing from file:// or inside Kiwix", () => {
  const options = { root: "./", site: "./", controller: "https://x.org/site/sw.js" };
  assert.equal(offlineApp("file:///media/usb/manual/index.html", options).manualOfflineWorkerUrl, undefined);
  assert.equal(offlineApp("https://x.org/site/index.html", { ...options, channel: "zim" }).manualOfflineWorkerUrl, undefined);
  assert.equal(typeof offlineApp("https://x.org/site/index.html", options).manualOfflineWorkerUrl, "function");
});
