/* The phone edition's service worker, shared by every language. Each language's sw.js (written by
   hooks/offline_app.py from the built site) sets self.manualOffline — the files to save, each with its content
   hash and size, and the version of the set — then imports this file.

   - install: every file of the set is copied from a copy already saved when its hash is unchanged, or else
     downloaded, into a new cache named after the version. A downloaded file whose bytes do not match its hash
     is refused, so a saved copy never mixes old and new pages. The first save becomes active at once; an update
     waits, complete, until the reader reloads (offline-app.js shows the notice) or closes the manual.
   - activate: the caches of other versions are deleted (at most one copy stays).
   - fetch: saved files come from the cache; everything else goes to the network as usual, and a page that is not
     saved, opened with no connection, gets a short page that says so.
   PDFs are a second, optional set: saved on request (a message from offline-page.js) and kept in step by updates.

   Loaded in a page (the tests), it only exposes its pure functions on window.manualOfflineWorker. */
(function (scope) {
  "use strict";

  var PARALLEL = 4; // downloads at a time

  /* ---------- Pure logic ---------- */

  /** The saved file's path (posix, relative to the site's root) for a request URL; null when outside the site.
      A folder means its index.html; query and fragment do not matter (search adds ?q=, the planner a #plan). */
  function keyOf(url, base) {
    var clean = String(url).split("#")[0].split("?")[0];
    if (clean.indexOf(base) !== 0) return null;
    var key = clean.slice(base.length);
    if (key === "" || key.charAt(key.length - 1) === "/") key += "index.html";
    try {
      return decodeURIComponent(key);
    } catch (error) {
      return null;
    }
  }

  /** Caches are shared by every site of an origin (and both languages): each name carries the worker's scope. */
  function cacheName(scopeUrl, part, version) {
    return "manual|" + scopeUrl + "|" + part + (version ? "|" + version : "");
  }

  function ownCache(name, scopeUrl) {
    return name.indexOf("manual|" + scopeUrl + "|") === 0;
  }

  /** This scope's caches that are not among those to keep (other versions, unfinished downloads). */
  function staleCaches(names, scopeUrl, keep) {
    return names.filter(function (name) { return ownCache(name, scopeUrl) && keep.indexOf(name) < 0; });
  }

  /** {path: "core" | "pdf"} for every file of this version (no inherited keys: a path is never "constructor"). */
  function fileIndex(data) {
    var index = Object.create(null);
    ["core", "pdf"].forEach(function (part) {
      data[part].files.forEach(function (file) { index[file[0]] = part; });
    });
    return index;
  }

  /** The saved file a request's path (keyOf) stands for: itself when listed; for a path inside a language's scope
      that mirrors a shared asset ("en/assets/…", the search worker and the lunr files it loads: offline-app.js),
      the shared asset; else null. */
  function savedKey(key, prefix, index) {
    if (key === null) return null;
    if (index[key]) return key;
    var shared = prefix && key.indexOf(prefix + "assets/") === 0 ? key.slice(prefix.length) : null;
    return shared && index[shared] ? shared : null;
  }

  function totalBytes(files) {
    return files.reduce(function (sum, file) { return sum + file[2]; }, 0);
  }

  function hex(buffer, length) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (byte) {
      return (byte < 16 ? "0" : "") + byte.toString(16);
    }).join("").slice(0, length);
  }

  /** Why a save failed, as offline-page.js words it: no space, the site changed meanwhile, or the network. */
  function failureReason(error) {
    if (error && error.name === "QuotaExceededError") return "space";
    if (error && error.reason) return error.reason;
    return "network";
  }

  var logic = { keyOf: keyOf, cacheName: cacheName, ownCache: ownCache, staleCaches: staleCaches, fileIndex: fileIndex,
                savedKey: savedKey, totalBytes: totalBytes, hex: hex, failureReason: failureReason };
  if (typeof ServiceWorkerGlobalScope === "undefined" || !(scope instanceof ServiceWorkerGlobalScope) || !scope.manualOffline) {
    scope.manualOfflineWorker = logic;
    return;
  }

  /* ---------- The worker ---------- */

  var DATA = scope.manualOffline;
  var BASE = new URL(DATA.root, scope.location.href).href;
  var SCOPE = scope.registration.scope;
  var PREFIX = SCOPE.indexOf(BASE) === 0 ? SCOPE.slice(BASE.length) : ""; // "en/"; "" for the default language
  var STATE = cacheName(SCOPE, "state");
  var STATE_KEY = SCOPE + "offline-state.json"; // the reader's choice ({pdf: true}), written by offline-page.js
  var FAILURE_KEY = SCOPE + "offline-failure.json"; // why the last first save failed, read by offline-page.js
  var DONE_KEY = SCOPE + "offline-complete";    // put last: a cache without it is an unfinished download
  var HASH_LENGTH = DATA.core.files.length ? DATA.core.files[0][1].length : 16;
  var FILES = fileIndex(DATA);

  function urlOf(path) {
    return new URL(encodeURI(path), BASE).href;
  }

  function partCache(part) {
    return cacheName(SCOPE, part, DATA[part].version);
  }

  function failure(reason) {
    var error = new Error(reason);
    error.reason = reason;
    return error;
  }

  async function readState() {
    var found = await caches.match(STATE_KEY, { cacheName: STATE });
    try {
      return found ? await found.json() : {};
    } catch (error) {
      return {};
    }
  }

  async function tell(message) {
    message.scope = SCOPE;
    message.version = DATA.version;
    var windows = await scope.clients.matchAll({ type: "window", includeUncontrolled: true });
    windows.forEach(function (client) { client.postMessage(message); });
  }

  async function digest(body) {
    return hex(await crypto.subtle.digest("SHA-256", body), HASH_LENGTH);
  }

  function stored(body, type) {
    return new Response(body, { status: 200, headers: { "Content-Type": type || "application/octet-stream" } });
  }

  /** The file from a copy already saved, when its bytes are the ones this version lists. */
  async function reuse(others, url, sha) {
    for (var i = 0; i < others.length; i++) {
      var found = await others[i].match(url);
      if (!found) continue;
      var body = await found.arrayBuffer();
      if (await digest(body) === sha) return stored(body, found.headers.get("Content-Type"));
    }
    return null;
  }

  /** The file from the site, checked against its hash; once more past any HTTP cache if it does not match. */
  async function download(url, sha) {
    var modes = ["no-cache", "reload"];
    for (var i = 0; i < modes.length; i++) {
      var response = await fetch(url, { cache: modes[i], credentials: "same-origin" });
      if (!response.ok) throw failure("changed"); // the file is gone: the site is being replaced
      var body = await response.arrayBuffer();
      if (await digest(body) === sha) return stored(body, response.headers.get("Content-Type"));
    }
    throw failure("changed");
  }

  /** Save one set ("core" or "pdf") of this version, reporting progress to every open page of the site. */
  async function fill(part) {
    var files = DATA[part].files;
    var name = partCache(part);
    var cache = await caches.open(name);
    var total = totalBytes(files);
    if (await cache.match(DONE_KEY)) return;
    var names = await caches.keys();
    var others = await Promise.all(names.filter(function (other) {
      return other !== name && other !== STATE && ownCache(other, SCOPE);
    }).map(function (other) { return caches.open(other); }));
    var next = 0;
    var done = 0;
    var count = 0;
    var stopped = false; // after one failure the others stop too: the save is retried as a whole
    async function worker() {
      while (next < files.length && !stopped) {
        var file = files[next++];
        var url = urlOf(file[0]);
        if (!(await cache.match(url))) {
          var response = (await reuse(others, url, file[1])) || (await download(url, file[1]));
          await cache.put(url, response);
        }
        done += file[2];
        count += 1;
        tell({ type: "progress", part: part, done: done, total: total, count: count, files: files.length });
      }
    }
    var workers = [];
    for (var i = 0; i < Math.min(PARALLEL, files.length); i++) workers.push(worker());
    try {
      await Promise.all(workers.map(function (running) {
        return running.catch(function (error) { stopped = true; throw error; });
      }));
    } catch (error) {
      if (failureReason(error) === "space") await caches.delete(name); // give the space back at once
      throw error;
    }
    await cache.put(DONE_KEY, new Response(DATA[part].version));
  }

  async function dropStale() {
    var state = await readState();
    var keep = [STATE, partCache("core")];
    if (state.pdf) keep.push(partCache("pdf"));
    var names = await caches.keys();
    await Promise.all(staleCaches(names, SCOPE, keep).map(function (name) { return caches.delete(name); }));
  }

  async function status() {
    var pdfDone = await caches.match(DONE_KEY, { cacheName: partCache("pdf") });
    return { type: "status", scope: SCOPE, lang: DATA.lang, version: DATA.version,
             core: { bytes: totalBytes(DATA.core.files), files: DATA.core.files.length },
             pdf: { bytes: totalBytes(DATA.pdf.files), files: DATA.pdf.files.length, saved: !!pdfDone } };
  }

  function missingPage() {
    var page = DATA.missing.split("__MANUAL_OFFLINE_HOME__").join(SCOPE + "index.html");
    return new Response(page, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }

  /** The reason a save failed, kept where the page finds it: the page may see this worker discarded before the
      message saying why arrives (a busy phone), and must not then guess "the network". */
  async function rememberFailure(reason) {
    try {
      await (await caches.open(STATE)).put(FAILURE_KEY, new Response(JSON.stringify({ reason: reason })));
    } catch (error) {
      // no room even for this: the page falls back to the message, or to "the network"
    }
  }

  scope.addEventListener("install", function (event) {
    event.waitUntil((async function () {
      await (await caches.open(STATE)).delete(FAILURE_KEY); // a reason left by an earlier attempt is not this one's
      var state = await readState();
      try {
        await fill("core");
        if (state.pdf && DATA.pdf.files.length) await fill("pdf"); // an update keeps the PDFs the reader saved
      } catch (error) {
        await rememberFailure(failureReason(error));
        await tell({ type: "failed", part: "core", reason: failureReason(error) });
        throw error;
      }
      await tell({ type: "installed", update: !!scope.registration.active });
    })());
  });

  scope.addEventListener("activate", function (event) {
    event.waitUntil(dropStale().then(function () { return scope.clients.claim(); }));
  });

  scope.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "skip-waiting") {
      scope.skipWaiting();
    } else if (message.type === "status" && event.ports[0]) {
      event.waitUntil(status().then(function (answer) { event.ports[0].postMessage(answer); }));
    } else if (message.type === "save-pdfs") {
      event.waitUntil(fill("pdf").then(function () {
        return tell({ type: "installed", part: "pdf" });
      }, function (error) {
        return tell({ type: "failed", part: "pdf", reason: failureReason(error) });
      }));
    } else if (message.type === "drop-pdfs") {
      event.waitUntil(dropStale().then(function () { return tell({ type: "dropped", part: "pdf" }); }));
    }
  });

  async function fromCopy(part, key, request, mirrored) {
    var found = await caches.match(urlOf(key), { cacheName: partCache(part) });
    if (found) return found;
    try {
      return await fetch(mirrored ? urlOf(key) : request); // a mirrored address exists only in the saved copy
    } catch (error) {
      if (request.mode === "navigate") return missingPage();
      throw error;
    }
  }

  scope.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") return;
    var asked = keyOf(request.url, BASE);
    var key = savedKey(asked, PREFIX, FILES);
    if (key !== null) {
      event.respondWith(fromCopy(FILES[key], key, request, key !== asked));
    } else if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(missingPage));
    }
  });
})(self);
