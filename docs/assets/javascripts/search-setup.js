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

  /* A query naming a section («línea 100») lands on that section, not on the top of its page. Material heads each
     page's group of results with a link to the page's top, even when the page's own text matched nothing (score
     0) and only its sections did: that head then leads to the best section of the group (Enter follows it too),
     and a group with a section titled exactly as the query comes first. The titles are compared without accents
     or case; the search itself folds more (search-fold.js), this only orders what it found. */
  function plain(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
  }
  function score(link) {
    var article = link.querySelector("article[data-md-score]");
    return article ? parseFloat(article.getAttribute("data-md-score")) || 0 : 0;
  }
  function lead(head, section, value) {
    head.href = section.href;
    head.querySelector("article").setAttribute("data-md-score", String(value));
  }
  function landOnSections(list) {
    var box = document.querySelector(".md-search__input");
    var query = box ? plain(box.value) : "";
    var named = [];
    var top = 0;
    Array.prototype.forEach.call(list.children, function (group) {
      var links = Array.prototype.slice.call(group.querySelectorAll("a.md-search-result__link"));
      if (!links.length) return;
      top = Math.max(top, score(links[0]));
      if (links.length < 2) return;
      var head = links[0];
      var sections = links.slice(1);
      var best = sections.reduce(function (a, b) { return score(b) > score(a) ? b : a; });
      if (score(head) === 0 && score(best) > 0 && head.href !== best.href) lead(head, best, score(best));
      var exact = query && sections.filter(function (link) {
        var title = link.querySelector("h2");
        return title && plain(title.textContent) === query;
      })[0];
      if (exact) named.push([group, head, exact]);
    });
    named.reverse().forEach(function (entry) {
      lead(entry[1], entry[2], Math.max(score(entry[1]), top + 1));  // Enter follows the highest score
      if (list.firstElementChild !== entry[0]) list.insertBefore(entry[0], list.firstElementChild);
    });
  }

  /* A query with no result in this language but results in the other says so and links there. The other
     language's index is read only then (a script from file://, where a page cannot fetch JSON); its `body`
     holds every word of a section, folded (hooks/manualgen/search_index.py): a section has every word of the
     query, the last one possibly unfinished, as the reader types it. */
  var otherRoot = script.getAttribute("data-other-root");
  var otherDocs = null;
  function loadScript(src, done) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.onload = function () { done(true); };
    tag.onerror = function () { done(false); };
    document.head.appendChild(tag);
  }
  function otherIndex(done) {
    if (otherDocs) return done(otherDocs);
    var mine = window.__index;  // from file:// this language's index is the same global
    loadScript(new URL("search/search_index.js", new URL(otherRoot, location.href)).href, function (ok) {
      otherDocs = ok && window.__index && window.__index !== mine ? window.__index.docs : [];
      window.__index = mine;
      done(otherDocs);
    });
  }
  function foundIn(docs, query) {
    var words = window.manualFold(query).split(/\s+/).filter(Boolean);
    return words.length && docs.some(function (doc) {
      var body = " " + (doc.body || "") + " ";
      return words.every(function (word, i) {
        return body.indexOf(" " + word + (i === words.length - 1 ? "" : " ")) >= 0;
      });
    });
  }
  function lookElsewhere(result, list) {
    var box = document.querySelector(".md-search__input");
    var query = box ? box.value.trim() : "";
    var note = result.querySelector(".manual-search-elsewhere");
    if (note) note.remove();
    if (!query || list.children.length || !/\S/.test(result.querySelector(".md-search-result__meta").textContent)) return;
    var ready = window.manualFold ? function (then) { then(); } : function (then) {
      loadScript(script.getAttribute("data-fold"), then);
    };
    ready(function () {
      if (!window.manualFold) return;
      otherIndex(function (docs) {
        if (box.value.trim() !== query || list.children.length || result.querySelector(".manual-search-elsewhere")) return;
        if (!foundIn(docs, query)) return;
        var p = document.createElement("p");
        p.className = "manual-search-elsewhere md-search-result__meta";
        p.appendChild(document.createTextNode(script.getAttribute("data-elsewhere") + " "));
        var link = document.createElement("a");
        link.href = new URL("index.html?q=" + encodeURIComponent(query), new URL(otherRoot, location.href)).href;
        link.textContent = script.getAttribute("data-elsewhere-link");
        p.appendChild(link);
        result.querySelector(".md-search-result__meta").after(p);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function () { landOnSections(list); }).observe(list, { childList: true });
    var result = list.parentElement;
    var meta = result.querySelector(".md-search-result__meta");
    if (otherRoot && meta) {
      new MutationObserver(function () { lookElsewhere(result, list); })
        .observe(meta, { childList: true, characterData: true, subtree: true });
    }
  });

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
