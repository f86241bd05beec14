/* Search set-up, run before Material's bundle (overrides/main.html):
   1. Each language has its own index at its own root (hooks/search_index.py): Material looks for the index
      under the "base" of its configuration, so the base becomes this language's root.
   2. Over http(s) nothing is downloaded for search until the reader opens it: Material fetches the index and
      starts its worker on every page load, which cost a session page two thirds of its first-load weight on
      a phone. The index request waits until the search box is opened, and the worker starts when Material
      first talks to it. From file:// (the USB edition) the index is a local file and loads as usual. */
(function () {
  "use strict";
  var script = document.currentScript;
  var node = document.getElementById("__config");
  if (!script || !node) return;
  var config = JSON.parse(node.textContent);
  if (script.getAttribute("data-search-base")) {
    config.base = script.getAttribute("data-search-base");
    node.textContent = JSON.stringify(config);
  }
  var workerUrl = config.search ? String(config.search).split("/").pop() : null;

  var opened = false;
  var waiting = [];
  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }
  window.manualSearchOpened = function () { return opened; };
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) open();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) open();
  });
  document.addEventListener("keydown", function (event) {
    // Material opens search with "/", "s" or "f" outside form fields
    var field = event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (!field && /^[/sf]$/i.test(event.key)) open();
  }, true);
  if (/[?&]q=/.test(location.search)) open();

  /* Material reads the query on keyup (and once when its worker is ready), never on input: a query that comes
     in one input event with no key after it (pasted, a keyboard's suggestion, voice typing) once the worker
     is ready was never searched, and from file:// the worker is ready as soon as search opens. Each input
     of the search box is handed to Material as the keyup it waits for; it drops a value it has already seen. */
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches(".md-search__input")) return;
    box.dispatchEvent(new KeyboardEvent("keyup"));
  });

  // What search does with its results (search-results.js) is loaded when search opens, not on every page.
  var resultsUrl = script.getAttribute("data-results");
  function loadResults() {
    if (!resultsUrl) return;
    var tag = document.createElement("script");
    tag.src = resultsUrl;
    document.head.appendChild(tag);
  }
  if (opened) loadResults(); else waiting.push(loadResults);

  if (location.protocol !== "file:" && window.XMLHttpRequest) {
    var openRequest = XMLHttpRequest.prototype.open;
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.manualIsIndex = /\/search\/search_index\.json(\?|#|$)/.test(String(url));
      return openRequest.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var request = this;
      var args = arguments;
      if (!request.manualIsIndex || opened) return send.apply(request, args);
      waiting.push(function () { send.apply(request, args); });
    };
  }

  var RealWorker = window.Worker;
  if (RealWorker && workerUrl) {
    /* A stand-in for the search worker: the real one is created on the first message. */
    var LazyWorker = function (url, options) {
      if (String(url).indexOf(workerUrl) < 0) return new RealWorker(url, options);
      this.url = url;
      this.options = options;
      this.listeners = [];
      this.worker = null;
    };
    LazyWorker.prototype.start = function () {
      if (this.worker) return this.worker;
      // A language saved on the phone below the site's root (en/) gives the worker an address in its own scope
      // (offline-app.js): a worker script is matched to a service worker by its address, not by its page.
      var url = window.manualOfflineWorkerUrl ? window.manualOfflineWorkerUrl(this.url) : this.url;
      var worker = this.worker = new RealWorker(url, this.options);
      this.listeners.forEach(function (entry) { worker.addEventListener(entry[0], entry[1], entry[2]); });
      if (this.onmessage) worker.onmessage = this.onmessage;
      if (this.onerror) worker.onerror = this.onerror;
      return worker;
    };
    LazyWorker.prototype.postMessage = function () {
      var worker = this.start();
      return worker.postMessage.apply(worker, arguments);
    };
    LazyWorker.prototype.addEventListener = function (type, listener, options) {
      this.listeners.push([type, listener, options]);
      if (this.worker) this.worker.addEventListener(type, listener, options);
    };
    LazyWorker.prototype.removeEventListener = function (type, listener, options) {
      this.listeners = this.listeners.filter(function (entry) { return entry[0] !== type || entry[1] !== listener; });
      if (this.worker) this.worker.removeEventListener(type, listener, options);
    };
    LazyWorker.prototype.terminate = function () {
      if (this.worker) this.worker.terminate();
    };
    window.Worker = LazyWorker;
  }
})();
