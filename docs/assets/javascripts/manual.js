/* Two helpers the planner, run mode, certificate and offline pages share (their scripts load after this file). */
window.manualDom = {
  /** "Descargar {size}" + {size: "2,4 MB"} -> "Descargar 2,4 MB"; unknown names stay as they are. */
  fill: function (template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  },
  /** A DOM element: el("a", {href: "x", className: "y"}, ["text", otherElement]). Text is never parsed as HTML. */
  el: function (tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "className") node.className = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  },
};

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
   the editions themselves, and listed with their sizes in offline/editions.json (empty in any other build). Over
   http(s) the page reads that listing and shows each edition there; from file:// (the USB edition) or inside
   Kiwix (served over http too, but the ZIM holds no listing) nothing is asked and the section stays hidden. */
(function () {
  var section = document.querySelector("[data-offline-editions]");
  var inKiwix = document.documentElement.getAttribute("data-channel") === "zim";
  if (!section || inKiwix || !/^https?:$/.test(location.protocol) || !window.fetch) return;
  var lang = document.documentElement.lang || "es";
  function size(bytes) {
    return bytes >= 1e6
      ? (bytes / 1e6).toLocaleString(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + " MB"
      : Math.max(1, Math.round(bytes / 1e3)).toLocaleString(lang) + " kB";
  }
  fetch(section.getAttribute("data-offline-editions"), { cache: "no-store" }).then(function (response) {
    return response.ok ? response.json() : { files: {} };
  }).then(function (listing) {
    Array.prototype.forEach.call(section.querySelectorAll("[data-offline-file]"), function (row) {
      var file = (listing.files || {})[row.getAttribute("data-offline-file")];
      if (!file || !file.size) return;
      row.querySelector("[data-offline-size]").textContent = size(file.size);
      row.hidden = false;
      section.hidden = false;
    });
  }).catch(function () {});
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

/* A table wider than a phone scrolls inside its box (Material's wrapper, or .table-scroll): such a box takes the
   keyboard focus, so it can be scrolled without a mouse or a finger (WCAG 2.1.1). Checked again on resize. */
(function () {
  function focusable() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap, .table-scroll"), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
  }
  window.addEventListener("load", function () { setTimeout(focusable, 0); });
  window.addEventListener("resize", focusable);
})();
