/* What search does with its results, loaded by search-setup.js when search opens (its script tag carries the
   settings): a query naming a section lands on it; a query with nothing here is looked for in the other language. */
(function () {
  "use strict";
  /* The terms the search worker takes from a stored title or excerpt: lower-cased, split at the index's separator,
     each folded (search-fold.js). The build leaves them out of a section's `body` (search_index.indexed_as_shown);
     both are held to tests/golden/search_fold.json. */
  function shownTerms(text, separator) {
    return String(text).toLowerCase().split(separator).filter(Boolean).map(window.manualFold);
  }
  window.manualShownTerms = shownTerms;

  var script = document.querySelector("script[data-search-base]");
  if (!script) return;

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
      var other = ok && window.__index && window.__index !== mine ? window.__index : null;
      var separator = other ? new RegExp(other.config.separator) : /\s+/;
      otherDocs = { separator: separator, sections: other ? other.docs.map(findable.bind(null, separator)) : [] };
      window.__index = mine;
      done(otherDocs);
    });
  }
  // A section's words as the worker indexes them: its title and excerpt split at the index's separator and
  // folded, and its body, which holds only the words those do not give (hooks/manualgen/search_index.py).
  function findable(separator, doc) {
    return " " + shownTerms((doc.title || "") + " " + (doc.text || ""), separator).join(" ") + " " + (doc.body || "") + " ";
  }
  function foundIn(other, query) {
    var words = window.manualFold(query).split(other.separator).filter(Boolean);
    return words.length > 0 && other.sections.some(function (section) {
      return words.every(function (word, i) {
        return section.indexOf(" " + word + (i === words.length - 1 ? "" : " ")) >= 0;
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
  function watch() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function () { landOnSections(list); }).observe(list, { childList: true });
    landOnSections(list);  // results may already be there: from file:// the index loads as fast as this file
    var result = list.parentElement;
    var meta = result.querySelector(".md-search-result__meta");
    if (otherRoot && meta) {
      new MutationObserver(function () { lookElsewhere(result, list); })
        .observe(meta, { childList: true, characterData: true, subtree: true });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();

})();
