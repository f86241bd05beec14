/* Certificates of participation (overrides/manual/certificate.html): one A4 sheet per participant, stating the
   sessions of a workshop plan they took part in, the dates and the hours. The plan comes from the planner's
   address hash, read by planner.js (window.manualPlanner, loaded first); what the trainer types (names,
   institution, place, facilitators) stays in the page: it is never sent, stored or written to the address, and
   it reaches the page as text only (textContent). Plain ES2017, no libraries, no network. Pure logic first. */
(function () {
  "use strict";

  var planner = window.manualPlanner;
  if (!planner) return;  // planner.js did not load: the form stays hidden

  /** Names typed one per line -> the names, spaces tidied, empty lines dropped (the same name twice is kept:
      two people can share a name). */
  function parseNames(text) {
    return String(text == null ? "" : text).split(/\r\n|\r|\n/).map(function (name) {
      return name.replace(/\s+/g, " ").trim();
    }).filter(Boolean);
  }

  var addDays = planner.addDays;  // "2026-12-31" + 1 -> "2027-01-01"

  function dateOf(iso) {
    var parts = iso.split("-").map(Number);
    return planner.utcDate(parts[0], parts[1], parts[2]);
  }

  /** The dates a certificate states: the days of the plan (planner.js's agendaDays, [{offset, sessions}], the
      plan's date being day 0) that hold at least one of the chosen session ids. Only dates the plan has: the
      sessions are never split again by the day rules. [] when the plan has no (valid) date. */
  function certificateDates(days, chosenIds, date) {
    if (!planner.parseDate(date)) return [];
    return chosenDays(days, chosenIds).map(function (day) { return addDays(date, day.offset); });
  }

  function chosenDays(days, chosenIds) {
    return days.filter(function (day) {
      return day.sessions.some(function (session) { return chosenIds.indexOf(session.id) >= 0; });
    });
  }

  /** ISO dates in words, consecutive days as one range: ["2026-12-05", "2026-12-06"] in es-PE ->
      "5–6 de diciembre de 2026"; runs that do not follow each other are joined as a list ("… y …"). */
  function formatDates(isoDates, locale) {
    var runs = [];
    isoDates.forEach(function (iso) {
      var run = runs[runs.length - 1];
      if (run && addDays(run[1], 1) === iso) run[1] = iso;
      else runs.push([iso, iso]);
    });
    var format;
    try {
      format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    } catch (error) {
      return isoDates.join(", ");
    }
    var parts = runs.map(function (run) {
      if (run[0] === run[1]) return format.format(dateOf(run[0]));
      if (format.formatRange) return format.formatRange(dateOf(run[0]), dateOf(run[1]));
      return format.format(dateOf(run[0])) + " – " + format.format(dateOf(run[1]));
    });
    if (parts.length > 1 && typeof Intl.ListFormat === "function") {
      return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(parts);
    }
    return parts.join(", ");
  }

  /** The plan a certificate is made from, read from the planner's address (hash): its sessions in order (ids
      not in sessionsById dropped), date, own days (planner.js's agendaDays) and whether a day holds more than the
      day rules allow (rules: the page's, DayRules.for_script): then the workshop may well have taken more days
      than planned, and the page asks the trainer to check the dates. */
  function planOf(hash, sessionsById, rules) {
    var state = planner.parseHash(hash, new Set(sessionsById.keys()));
    var sessions = state.sessions.map(function (id) { return sessionsById.get(id); });
    var days = planner.agendaDays(planner.planAgenda(sessions, state, rules));
    return { sessions: sessions, date: state.date, days: days,
             crowded: days.some(function (day) { return planner.dayWarnings(day.sessions, rules).length > 0; }) };
  }

  /** Minutes of the sessions listed (each session's duration in the catalog). */
  function totalMinutes(sessions) {
    return sessions.reduce(function (sum, session) { return sum + session.duration; }, 0);
  }

  /** "2.1": the module's order and the session's order, as the programme numbers them. */
  var sessionNumber = planner.sessionNumber;  // "2.3"

  window.manualCertificate = {
    parseNames: parseNames, addDays: addDays, certificateDates: certificateDates, chosenDays: chosenDays,
    formatDates: formatDates, totalMinutes: totalMinutes, sessionNumber: sessionNumber, planOf: planOf,
  };

  /* ---------- The page ---------- */

  var fill = window.manualDom.fill;  // "{n} certificates" -> "3 certificates"
  var el = window.manualDom.el;  // a DOM element; strings become text nodes, never HTML

  function start() {
    // The build's own elements (a JSON <script>, a <form>: no page content can hold one), never the first
    // element of the page that carries the id.
    var dataNode = document.querySelector('script[type="application/json"]#certificate-data');
    var wordsNode = document.querySelector('script[type="application/json"]#certificate-words');
    var form = document.querySelector("form#certificate-form");
    if (!dataNode || !wordsNode || !form) return;
    var data = JSON.parse(dataNode.textContent);
    var W = JSON.parse(wordsNode.textContent);
    var rules = JSON.parse(document.querySelector('script[type="application/json"]#certificate-rules').textContent);
    var sessionsById = new Map(data.sessions.map(function (s) { return [s.id, s]; }));
    var modulesById = new Map(data.modules.map(function (m) { return [m.id, m]; }));

    var noPlan = document.getElementById("certificate-no-plan");
    var preview = document.getElementById("certificate-preview");
    var choices = document.getElementById("certificate-choices");
    var datesShown = document.getElementById("certificate-dates-shown");
    var daysHint = document.getElementById("certificate-days-hint");
    var noDate = document.getElementById("certificate-no-date");
    var byHandField = document.getElementById("certificate-by-hand-field");
    var byHand = document.getElementById("certificate-by-hand");
    var status = document.getElementById("certificate-status");
    var printButton = document.getElementById("certificate-print");
    var pdfButton = document.querySelector("button#certificate-save-pdf");
    var output = document.getElementById("certificate-output");
    var help = document.getElementById("certificate-help");
    var fields = {
      names: document.getElementById("certificate-names"),
      institution: document.getElementById("certificate-institution"),
      place: document.getElementById("certificate-place"),
      facilitators: document.getElementById("certificate-facilitators"),
    };

    var rulesHint = document.getElementById("certificate-rules-hint");
    var plan = null;  // {sessions: [session], date, days: the plan's own days, crowded: a day breaks the rules}

    function readPlan() {
      plan = planOf(location.hash, sessionsById, rules);
    }

    function showChoices() {
      choices.textContent = "";
      plan.sessions.forEach(function (session) {
        choices.appendChild(el("li", {}, [el("label", {}, [
          el("input", { type: "checkbox", name: "session", value: session.id, checked: true }), " ",
          fill(W.session, { number: sessionNumber(session, modulesById) }) + ": " + session.title + " ",
          el("span", { className: "certificate-minutes", text: "(" + planner.formatDuration(session.duration) + ")" }),
        ])]));
      });
      noDate.hidden = Boolean(plan.date);
      byHandField.hidden = !plan.date;
      daysHint.hidden = !plan.date;
      // More in a day than the manual's rules allow: the workshop may well have taken more days than the plan.
      rulesHint.hidden = !plan.date || !plan.crowded;
    }

    function chosenIds() {
      return Array.prototype.slice.call(choices.querySelectorAll('input[name="session"]:checked'))
        .map(function (box) { return box.value; });
    }

    /** A line to write on by hand, with its purpose for screen readers. */
    function blank() {
      return el("span", { className: "certificate__blank" }, [el("span", { className: "certificate__sr", text: W.blank })]);
    }

    function fact(term, value) {
      return el("div", {}, [el("dt", { text: term }), el("dd", {}, [value || blank()])]);
    }

    function signature(name, role) {
      return el("div", { className: "certificate__signature" }, [
        el("span", { className: "certificate__sign-line", "aria-hidden": "true" }),
        name ? el("span", { className: "certificate__signer", text: name }) : null,
        el("span", { className: "certificate__role", text: role }),
      ]);
    }

    function certificate(name, details) {
      var footer = help.cloneNode(true);
      footer.removeAttribute("id");
      footer.hidden = false;
      var signatures = (details.facilitators.length ? details.facilitators : [""]).map(function (who) {
        return signature(who, W.facilitator_role);
      }).concat([signature(details.institution, W.institution_role)]);
      // Many sessions or rows of signatures (three to a row): the denser print layout, so one A4 sheet still
      // holds them all (tests/browser/test_certificate.py prints the extremes).
      var signatureRows = Math.ceil(signatures.length / 3);
      var dense = details.sessions.length + 3 * (signatureRows - 1) > 7;
      return el("article", { className: "certificate" + (dense ? " certificate--long" : "") }, [
        details.institution ? el("p", { className: "certificate__institution", text: details.institution }) : null,
        el("h3", { className: "certificate__title", text: W.title }),
        el("p", { className: "certificate__intro", text: W.intro }),
        el("p", { className: "certificate__name", text: name }),
        el("p", { className: "certificate__text", text: W.participated }),
        el("ul", { className: "certificate__sessions" }, details.sessions.map(function (session) {
          return el("li", {}, [
            el("span", { className: "certificate__number", text: fill(W.session, { number: sessionNumber(session, modulesById) }) + ":" }),
            " " + session.title,
          ]);
        })),
        el("dl", { className: "certificate__facts" }, [
          fact(details.dayCount === 1 ? W.date : W.dates, details.dates),
          fact(W.hours, planner.formatDuration(details.minutes)),
          fact(W.place, details.place),
          fact(W.institution, details.institution),
        ]),
        el("p", { className: "certificate__statement", text: W.statement }),
        el("div", { className: "certificate__signatures" }, signatures),
        footer,
      ]);
    }

    function render() {
      var ids = chosenIds();
      var sessions = plan.sessions.filter(function (session) { return ids.indexOf(session.id) >= 0; });
      var dates = certificateDates(plan.days, ids, plan.date);
      var byHandWanted = byHand.checked || !dates.length;
      var datesText = byHandWanted ? "" : formatDates(dates, W.locale);
      datesShown.textContent = datesText ? fill(W.dates_shown, { dates: datesText }) : "";
      datesShown.hidden = !datesText;
      var dayCount = chosenDays(plan.days, ids).length;
      var details = {
        sessions: sessions, dates: datesText, dayCount: dayCount, minutes: totalMinutes(sessions),
        place: fields.place.value.replace(/\s+/g, " ").trim(),
        institution: fields.institution.value.replace(/\s+/g, " ").trim(),
        facilitators: parseNames(fields.facilitators.value),
      };
      var names = sessions.length ? parseNames(fields.names.value) : [];
      output.textContent = "";
      names.forEach(function (name) { output.appendChild(certificate(name, details)); });
      printButton.disabled = names.length === 0;
      if (pdfButton) pdfButton.disabled = names.length === 0;
      status.textContent = !names.length ? W.none
        : names.length === 1 ? W.ready_one : fill(W.ready_many, { n: names.length });
    }

    function showPlan() {
      readPlan();
      var empty = plan.sessions.length === 0;
      noPlan.hidden = !empty;
      form.hidden = empty;
      preview.hidden = empty;
      if (empty) return;
      showChoices();
      render();
    }

    /* ---------- One PDF with every certificate (certificate-pdf.js over jsPDF, loaded on the first press) ---------- */

    function text(node) { return node ? node.textContent.replace(/\s+/g, " ").trim() : ""; }

    /** Each certificate of the preview as certificate-pdf.js's blocks() reads it: what is printed is what is saved. */
    function shownCertificates() {
      return Array.prototype.map.call(output.querySelectorAll(".certificate"), function (cert) {
        return {
          institution: text(cert.querySelector(".certificate__institution")), title: text(cert.querySelector(".certificate__title")),
          intro: text(cert.querySelector(".certificate__intro")), name: text(cert.querySelector(".certificate__name")),
          participated: text(cert.querySelector(".certificate__text")),
          sessions: Array.prototype.map.call(cert.querySelectorAll(".certificate__sessions li"), text),
          facts: Array.prototype.map.call(cert.querySelectorAll(".certificate__facts > div"), function (row) {
            return [text(row.querySelector("dt")), row.querySelector(".certificate__blank") ? "" : text(row.querySelector("dd"))];
          }),
          statement: text(cert.querySelector(".certificate__statement")),
          signatures: Array.prototype.map.call(cert.querySelectorAll(".certificate__signature"), function (sign) {
            return [text(sign.querySelector(".certificate__signer")), text(sign.querySelector(".certificate__role"))];
          }),
          help: text(cert.querySelector(".certificate__help")),
        };
      });
    }

    var loading = null;
    function loadScript(src) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }

    function savePdf() {
      var certs = shownCertificates();
      if (!certs.length) return;
      status.textContent = W.pdf_working;
      pdfButton.disabled = true;
      loading = loading || loadScript(pdfButton.getAttribute("data-library")).then(function () {
        return loadScript(pdfButton.getAttribute("data-script"));
      });
      loading.then(function () {
        var pdf = window.manualCertificatePdf;
        var doc = pdf.draw(window.jspdf.jsPDF, certs, { title: W.title });
        doc.save(pdf.fileName(W.pdf_file, plan.date));
        status.textContent = fill(W.pdf_saved, { n: certs.length });
      }).catch(function () {
        loading = null;  // a file that failed to load may be there on the next press
        status.textContent = W.pdf_failed;
      }).then(function () { pdfButton.disabled = false; });
    }

    if (pdfButton) pdfButton.addEventListener("click", savePdf);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", render);
    form.addEventListener("change", render);
    // A new plan in the address (edited, or another link followed): its sessions, all ticked; names stay.
    window.addEventListener("hashchange", showPlan);
    showPlan();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
