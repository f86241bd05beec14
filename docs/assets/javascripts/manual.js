/* Print buttons: any element with data-print opens the browser's print dialog (print styles hide the chrome).
   On a page with a PDF, "Print" (data-print-choice) first shows the choice: the PDF, or this page. */
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-print-choice]") : null;
  var choice = document.getElementById("print-choice");
  if (!button || !choice) return;
  choice.hidden = !choice.hidden;
  button.setAttribute("aria-expanded", String(!choice.hidden));
  if (!choice.hidden) choice.querySelector("a").focus();
});
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-print]") : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});

/* Downloads page: the offline editions (zip, ZIM) are copied beside the published site by `make site`, never into
   the editions themselves. Over http(s) each row appears once a HEAD request finds its file, with its size; from
   file:// (the USB edition) or inside Kiwix nothing is asked and the section stays hidden. */
(function () {
  var rows = document.querySelectorAll("[data-offline-file]");
  if (!rows.length || !/^https?:$/.test(location.protocol) || !window.fetch) return;
  var lang = document.documentElement.lang || "es";
  function size(bytes) {
    return bytes >= 1e6
      ? (bytes / 1e6).toLocaleString(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + " MB"
      : Math.max(1, Math.round(bytes / 1e3)).toLocaleString(lang) + " kB";
  }
  Array.prototype.forEach.call(rows, function (row) {
    var link = row.querySelector("a");
    fetch(link.href, { method: "HEAD", cache: "no-store" }).then(function (response) {
      if (!response.ok) return;
      var length = Number(response.headers.get("Content-Length"));
      if (length) row.querySelector("[data-offline-size]").textContent = size(length);
      row.hidden = false;
      row.closest("[data-offline-editions]").hidden = false;
    }).catch(function () {});
  });
})();

/* "Search the manual" on the home page: opens Material's search as its header button does, cursor in the box. */
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-open-search]") : null;
  var toggle = document.getElementById("__search");
  if (!button || !toggle) return;
  toggle.checked = true;
  toggle.dispatchEvent(new Event("change"));
  var input = document.querySelector(".md-search__input");
  if (input) input.focus();
});

/* The language switch keeps the place on the page: a planned workshop (the planner's #plan=…), a glossary term
   or a section. Anchors are the same in both languages (ids come from the Spanish source). */
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.md-select__link[hreflang]") : null;
  if (link && location.hash) link.href = link.href.split("#")[0] + location.hash;
});
