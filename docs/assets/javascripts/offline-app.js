/* Phone edition, on every page (kept tiny: every reader downloads it). Does nothing unless this language was saved
   (offline-page.js); then links the manifest, notices an update ready to use, and gives search's worker an address
   inside the saved scope (see offline-worker.js). Never registers a worker; never on file:// or in Kiwix. */
(function (d, sw) {
  "use strict";
  var s = d.currentScript;
  if (!s || !sw || !/^https?:$/.test(location.protocol) || d.documentElement.getAttribute("data-channel") === "zim") return;
  function url(name) { return new URL(s.getAttribute(name), location.href).href; }
  var root = url("data-root"), site = url("data-site");
  // Called by search-setup.js: a worker is matched to a service worker by its own address, not by its page's.
  window.manualOfflineWorkerUrl = function (worker) {
    var a = new URL(worker, location.href).href;
    var mine = sw.controller && sw.controller.scriptURL === root + "sw.js";
    return mine && a.indexOf(root) && !a.indexOf(site) ? root + a.slice(site.length) : worker;
  };
  sw.getRegistration(root).then(function (r) {
    if (!r || r.scope !== root || !r.active) return; // not saved, or the other language's copy
    if (!d.querySelector('link[rel="manifest"]')) {
      var link = d.createElement("link");
      link.rel = "manifest";
      link.href = root + "manifest.webmanifest";
      d.head.appendChild(link);
    }
    function ready(w) {
      if (!sw.controller || d.getElementById("offline-notice") || sessionStorage.getItem("manual-offline-later")) return;
      var box = d.createElement("div"), b = d.createElement("button"), later = d.createElement("button");
      box.id = "offline-notice";
      box.className = "offline-notice";
      box.setAttribute("role", "status");
      d.body.appendChild(box);
      b.type = "button";
      b.className = "md-button";
      b.textContent = s.getAttribute("data-reload");
      b.onclick = function () {
        sw.addEventListener("controllerchange", function () { location.reload(); });
        w.postMessage({ type: "skip-waiting" });
      };
      later.type = "button";
      later.textContent = s.getAttribute("data-later");
      later.onclick = function () {
        sessionStorage.setItem("manual-offline-later", "1"); // not again until the manual is opened anew
        box.remove();
      };
      box.append(s.getAttribute("data-update"), b, later);
    }
    // Only this language saved: the other's pages (the language switch) lie outside this copy's scope, where no
    // saved copy answers. With no connection, the copy's own "not saved" page instead of the browser's error.
    d.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a[href]"), to = a && a.href;
      if (!to || !to.indexOf(root) || to.indexOf(site) || e.defaultPrevented) return;
      e.preventDefault();
      fetch(to, { method: "HEAD", cache: "no-store" }).then(function () { location.href = to; },
        function () { location.href = root + "offline-missing.html"; }); // not saved: the worker's notice
    });
    if (r.waiting) ready(r.waiting);
    r.addEventListener("updatefound", function () {
      var w = r.installing;
      if (w) w.addEventListener("statechange", function () { if (w.state === "installed") ready(w); });
    });
  }, function () {});
})(document, navigator.serviceWorker);
