/* The phone edition on every page (overrides/main.html). It does nothing unless the reader saved this language
   for offline use (offline-page.js, on the sin-conexion page): then it links the web app manifest, so the phone
   can install the manual, and shows a quiet notice when an update is downloaded and ready. It never registers
   a service worker and never runs from file:// or inside Kiwix (data-channel="zim"). */
(function (d, sw) {
  "use strict";
  var script = d.currentScript;
  if (!script || !sw || !/^https?:$/.test(location.protocol) || d.documentElement.getAttribute("data-channel") === "zim") return;
  var root = new URL(script.getAttribute("data-root"), location.href).href;
  var site = new URL(script.getAttribute("data-site"), location.href).href;
  /* The search worker's script lives at the site's root, outside a saved language's scope (en/), and a worker is
     matched to a service worker by its own address: the saved copy serves it at the same path inside its scope
     (offline-worker.js, alias). Called by search-setup.js when search first opens. */
  window.manualOfflineWorkerUrl = function (url) {
    var address = new URL(url, location.href).href;
    var saved = sw.controller && sw.controller.scriptURL === root + "sw.js";
    var outside = address.indexOf(root) !== 0 && address.indexOf(site) === 0;
    return saved && outside ? root + address.slice(site.length) : url;
  };
  sw.getRegistration(root).then(function (saved) {
    if (!saved || saved.scope !== root || !saved.active) return; // not saved (or another language's copy)
    if (!d.querySelector('link[rel="manifest"]')) {
      var link = d.createElement("link");
      link.rel = "manifest";
      link.href = root + "manifest.webmanifest";
      d.head.appendChild(link);
    }
    function ready(worker) {
      if (!sw.controller || d.getElementById("offline-notice")) return;
      var box = d.createElement("div");
      var button = d.createElement("button");
      box.id = "offline-notice";
      box.className = "offline-notice";
      box.setAttribute("role", "status");
      d.body.appendChild(box);
      button.type = "button";
      button.className = "md-button";
      button.textContent = script.getAttribute("data-reload");
      button.addEventListener("click", function () {
        sw.addEventListener("controllerchange", function () { location.reload(); });
        worker.postMessage({ type: "skip-waiting" });
      });
      box.appendChild(d.createTextNode(script.getAttribute("data-update")));
      box.appendChild(button);
    }
    if (saved.waiting) ready(saved.waiting);
    saved.addEventListener("updatefound", function () {
      var worker = saved.installing;
      if (worker) worker.addEventListener("statechange", function () { if (worker.state === "installed") ready(worker); });
    });
  }, function () {});
})(document, navigator.serviceWorker);
