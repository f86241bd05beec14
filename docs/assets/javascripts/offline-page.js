/* Save this language of the manual on the phone (overrides/manual/_offline_app.html, on the sin-conexion page).
   Nothing is downloaded until the reader asks: "Save" fetches the summary (offline.json: sizes), the reader sees
   the size and free space and confirms; only then is the service worker (sw.js, offline-worker.js) registered,
   and it downloads the language while this page shows the progress. PDFs are a second, optional download.
   The reader can remove the PDFs or the whole copy. Not offered from file://, inside Kiwix or without service
   workers. Plain ES2017, no libraries. The pure logic comes first and is exposed on window.manualOfflinePage. */
(function () {
  "use strict";

  /* ---------- Pure logic ---------- */

  var UNITS = [["GB", 1e9], ["MB", 1e6], ["kB", 1e3]];

  /** 2412345 -> "2,4 MB" ("es") or "2.4 MB" ("en"): decimal units, as phones count storage. */
  function formatSize(bytes, locale) {
    var value = Math.max(0, Number(bytes) || 0);
    for (var i = 0; i < UNITS.length; i++) {
      if (value >= UNITS[i][1]) {
        var scaled = value / UNITS[i][1];
        var digits = scaled < 10 ? 1 : 0;
        return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })
          .format(scaled) + " " + UNITS[i][0];
      }
    }
    return Math.round(value) + " B";
  }

  var fill = window.manualDom.fill;

  /** Bytes the browser still lets this site store, from navigator.storage.estimate(); null when unknown. */
  function freeSpace(estimate) {
    if (!estimate || typeof estimate.quota !== "number") return null;
    return Math.max(0, estimate.quota - (estimate.usage || 0));
  }

  /** Whether `needed` bytes fit, with a tenth to spare (a cache stores a little more than the files). */
  function enoughSpace(needed, free) {
    return free === null || free * 10 >= needed * 11;
  }

  /** Why saving is not offered here, or null: "file" (a copy on this device), "zim" (Kiwix), "insecure" (plain
      http other than localhost: browsers keep service workers for https), "browser" (no service workers). */
  function unavailable(protocol, channel, secure, canSave) {
    if (protocol === "file:") return "file";
    if (channel === "zim") return "zim";
    if (!secure) return "insecure";
    return canSave ? null : "browser";
  }

  function neededBytes(summary, withPdf) {
    return summary.core.bytes + (withPdf ? summary.pdf.bytes : 0);
  }

  /** What the saved copy takes on the phone, from the worker's status. */
  function savedBytes(status) {
    return status.core.bytes + (status.pdf.saved ? status.pdf.bytes : 0);
  }

  /** The cache that holds the reader's choice; the worker names its caches the same way (cacheName). */
  function stateCacheName(root) {
    return "manual|" + root + "|state";
  }

  window.manualOfflinePage = { formatSize: formatSize, fill: fill, freeSpace: freeSpace, enoughSpace: enoughSpace,
                               unavailable: unavailable, neededBytes: neededBytes, savedBytes: savedBytes,
                               stateCacheName: stateCacheName };

  /* ---------- The page ---------- */

  // The build's own JSON <script> (no page content can hold one) and the box around it.
  var wordsNode = document.querySelector('script[type="application/json"]#offline-words');
  var box = wordsNode && wordsNode.closest("#offline-app");
  if (!box || !wordsNode) return;
  var words = JSON.parse(wordsNode.textContent);
  var PANELS = ["start", "confirm", "progress", "saved"];

  function $(name) {
    return document.getElementById("offline-" + name);
  }
  function size(bytes) {
    return formatSize(bytes, words.number_locale);
  }
  function say(text) {
    $("status").textContent = text || "";
  }
  function show(panel, focus) {
    PANELS.forEach(function (name) { $(name).hidden = name !== panel; });
    if (focus) focus.focus();
  }

  var why = unavailable(location.protocol, document.documentElement.getAttribute("data-channel"),
                        window.isSecureContext !== false, "serviceWorker" in navigator && "caches" in window);
  if (why) {
    $("unavailable").textContent = words["unavailable_" + why];
    $("unavailable").hidden = false;
    return;
  }

  var sw = navigator.serviceWorker;
  var root = new URL(box.getAttribute("data-root"), location.href).href;
  var summary = null;      // offline.json, fetched when the reader asks
  var wantPdf = false;     // the PDFs follow the first save when the reader ticked them
  var watching = false;    // a first save is under way in this page
  var installPrompt = null;

  async function registration() {
    var found = await sw.getRegistration(root);
    return found && found.scope === root ? found : null;
  }

  async function writeState(state) {
    var cache = await caches.open(stateCacheName(root));
    await cache.put(root + "offline-state.json",
                    new Response(JSON.stringify(state), { headers: { "Content-Type": "application/json" } }));
  }

  function ask(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      var timer = setTimeout(function () { resolve(null); }, 5000);
      channel.port1.onmessage = function (event) {
        clearTimeout(timer);
        resolve(event.data);
      };
      worker.postMessage({ type: "status" }, [channel.port2]);
    });
  }

  async function estimate() {
    try {
      return navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : null;
    } catch (error) {
      return null;
    }
  }

  function linkManifest(present) {
    var link = document.querySelector('link[rel="manifest"]');
    if (present && !link) {
      link = document.createElement("link");
      link.rel = "manifest";
      link.href = root + "manifest.webmanifest";
      document.head.appendChild(link);
    } else if (!present && link) {
      link.remove();
    }
  }

  function progress(part, done, total, count, files) {
    $("progress-label").textContent = words["progress_" + part];
    $("bar").max = Math.max(total, 1);
    $("bar").value = done;
    $("progress-text").textContent = fill(words.progress_text, { done: size(done), total: size(total), count: count, files: files });
  }

  async function showSaved(status) {
    $("saved-size").textContent = fill(words.saved_size, { size: size(savedBytes(status)) });
    $("saved-pdf").textContent = !status.pdf.files ? "" :
      status.pdf.saved ? fill(words.pdf_saved, { size: size(status.pdf.bytes) }) : words.pdf_not_saved;
    $("saved-pdf").hidden = !status.pdf.files;
    $("pdf-add").textContent = fill(words.pdf_add, { size: size(status.pdf.bytes) });
    $("pdf-add").hidden = !status.pdf.files || status.pdf.saved;
    $("pdf-remove").hidden = !status.pdf.saved;
    $("install").hidden = !installPrompt;
    var found = await estimate();
    $("storage").hidden = !(found && typeof found.usage === "number");
    if (found && typeof found.usage === "number") $("storage").textContent = fill(words.storage, { usage: size(found.usage) });
    linkManifest(true);
    show("saved");
  }

  /** Show what is true now: saved (with its sizes), a first save under way, or the button to save. */
  async function refresh(message) {
    var found = await registration();
    var status = found && found.active ? await ask(found.active) : null;
    if (status) {
      await showSaved(status);
    } else if (found && (found.installing || found.waiting)) {
      show("progress");
      progress("core", 0, 1, 0, 0);
      watch(found.installing || found.waiting);
    } else {
      linkManifest(false);
      show("start");
    }
    say(message);
  }

  function failed(reason) {
    watching = false;
    refresh(words["failed_" + (reason || "network")] || words.failed_network);
  }

  async function finished() {
    watching = false;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    if (wantPdf) {
      wantPdf = false;
      savePdfs();
    } else {
      refresh(words.saved_now);
    }
  }

  /** Why the worker of a first save gave up, as it left it in the state cache before it was discarded. */
  async function lastFailure() {
    try {
      var cache = await caches.open(stateCacheName(root));
      var found = await cache.match(root + "offline-failure.json");
      if (!found) return "network";
      await cache.delete(root + "offline-failure.json");
      return (await found.json()).reason || "network";
    } catch (error) {
      return "network";
    }
  }

  /** Follow the worker of a first save until it is active (saved) or discarded (failed: the worker says why in a
      message and in the state cache, since the message may come after the state change; with neither, it was the
      network). */
  function watch(worker) {
    watching = true;
    if (worker.state === "activated") {
      finished();
      return;
    }
    worker.addEventListener("statechange", function () {
      if (worker.state === "activated") finished();
      else if (worker.state === "redundant") lastFailure().then(function (reason) { if (watching) failed(reason); });
    });
  }

  async function savePdfs() {
    var found = await registration();
    if (!found || !found.active) return refresh();
    await writeState({ pdf: true });
    show("progress");
    progress("pdf", 0, 1, 0, 0);
    found.active.postMessage({ type: "save-pdfs" });
  }

  sw.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.scope !== root) return; // the other language's copy
    if (message.type === "progress") {
      if (!$("progress").hidden) progress(message.part, message.done, message.total, message.count, message.files);
    } else if (message.type === "failed") {
      if (message.part === "pdf" || watching) failed(message.reason); // not an update failing in the background
    } else if (message.type === "installed" && message.part === "pdf") {
      refresh(words.saved_now);
    } else if (message.type === "dropped") {
      refresh(words.pdf_removed);
    }
  });

  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault(); // offered on this page, with its own button, once the copy is saved
    installPrompt = event;
    if (!$("saved").hidden) $("install").hidden = false;
  });

  $("save").addEventListener("click", async function () {
    say(words.checking);
    try {
      var response = await fetch(root + "offline.json", { cache: "no-cache" });
      if (!response.ok) throw new Error(String(response.status));
      summary = await response.json();
    } catch (error) {
      say(words.failed_network);
      return;
    }
    $("size").textContent = fill(words.size, { size: size(summary.core.bytes), gzip: size(summary.core.gzip) });
    $("pdf-label").textContent = fill(words.pdf_choice, { files: summary.pdf.files, size: size(summary.pdf.bytes) });
    $("pdf-choice").hidden = !summary.pdf.files;
    var free = freeSpace(await estimate());
    $("space").hidden = free === null;
    if (free !== null) $("space").textContent = fill(words.space, { free: size(free) });
    updateDownload();
    say("");
    show("confirm", $("download"));
  });

  function updateDownload() {
    $("download").textContent = fill(words.download, { size: size(neededBytes(summary, $("pdf").checked)) });
  }
  $("pdf").addEventListener("change", updateDownload);

  $("cancel").addEventListener("click", function () {
    show("start", $("save"));
  });

  $("download").addEventListener("click", async function () {
    var withPdf = $("pdf").checked && summary.pdf.files > 0;
    var needed = neededBytes(summary, withPdf);
    var free = freeSpace(await estimate());
    if (!enoughSpace(needed, free)) {
      say(fill(words.no_space, { needed: size(needed), free: size(free) }));
      return;
    }
    wantPdf = withPdf;
    say("");
    show("progress");
    progress("core", 0, summary.core.bytes, 0, summary.core.files);
    try {
      await writeState({ pdf: false }); // the PDFs come after the manual: it is usable sooner
      var found = await sw.register(root + "sw.js", { scope: root, updateViaCache: "none" });
      watch(found.installing || found.waiting || found.active);
    } catch (error) {
      failed(error && error.name === "QuotaExceededError" ? "space" : "network");
    }
  });

  $("pdf-add").addEventListener("click", savePdfs);

  $("pdf-remove").addEventListener("click", async function () {
    var found = await registration();
    await writeState({ pdf: false });
    if (found && found.active) found.active.postMessage({ type: "drop-pdfs" });
  });

  $("install").addEventListener("click", function () {
    if (!installPrompt) return;
    installPrompt.prompt();
    installPrompt = null;
    $("install").hidden = true;
  });

  $("remove").addEventListener("click", async function () {
    var found = await registration();
    if (found) await found.unregister();
    var names = await caches.keys();
    await Promise.all(names.filter(function (name) { return name.indexOf("manual|" + root + "|") === 0; })
      .map(function (name) { return caches.delete(name); }));
    linkManifest(false);
    show("start", $("save"));
    say(words.removed);
  });

  refresh();
})();
