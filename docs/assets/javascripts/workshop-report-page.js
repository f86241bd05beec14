/* The one-page workshop report page (overrides/manual/workshop-report.html): the plan comes from the planner's
   address hash (planner.js, window.manualPlanner), the arithmetic and the plain text from workshop-report.js
   (window.manualWorkshopReport). What the trainer types stays in the page: never sent, stored or written to the
   address; it reaches the sheet as text only (manualDom.el). Plain ES2017, no libraries, no network. */
(function () {
  "use strict";

  var planner = window.manualPlanner;
  var report = window.manualWorkshopReport;
  var form = document.getElementById("report-form");
  var output = document.getElementById("report-output");
  if (!planner || !report || !form || !output) return;
  var el = window.manualDom.el;
  var fill = window.manualDom.fill;
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var W = JSON.parse(document.getElementById("report-words").textContent);
  var byId = new Map(data.sessions.map(function (s) { return [s.id, s]; }));
  var state = planner.parseHash(window.location.hash, new Set(byId.keys()));
  var sessions = state.sessions.map(function (id) { return byId.get(id); });
  if (!sessions.length) {
    document.getElementById("report-no-plan").hidden = false;
    return;
  }

  function value(id) {
    return document.getElementById(id).value;
  }

  function longDate(iso) {
    if (!iso) return "";
    var parts = iso.split("-").map(Number);
    try {
      return new Intl.DateTimeFormat(W.locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
        .format(planner.utcDate(parts[0], parts[1], parts[2]));
    } catch (error) {
      return iso;
    }
  }

  var body = document.getElementById("report-sessions");
  sessions.forEach(function (session) {
    var label = session.number + " " + session.title;
    body.appendChild(el("tr", {}, [
      el("th", { scope: "row", id: "report-s-" + session.id }, [label]),
      el("td", {}, [el("input", { type: "text", inputmode: "numeric", className: "report-count", "data-session": session.id,
                                  "data-field": "participants", "aria-label": label + ": " + W.participants })]),
      el("td", {}, [el("input", { type: "text", inputmode: "numeric", className: "report-count", "data-session": session.id,
                                  "data-field": "minutes", "aria-label": label + ": " + W.minutes_actual })]),
    ]));
  });
  if (state.date) document.getElementById("report-first").value = state.date;

  function collect() {
    var typed = {};
    form.querySelectorAll("[data-session]").forEach(function (input) {
      var id = input.getAttribute("data-session");
      typed[id] = typed[id] || {};
      typed[id][input.getAttribute("data-field")] = input.value;
    });
    var services = {};
    form.querySelectorAll("[data-service]").forEach(function (input) { services[input.getAttribute("data-service")] = input.value; });
    var towards = report.count(value("report-towards"));
    var away = report.count(value("report-away"));
    var dates = [longDate(value("report-first")), longDate(value("report-last"))].filter(Boolean);
    if (dates.length === 2 && dates[0] === dates[1]) dates.pop();
    return {
      title: W.title, place: value("report-place").replace(/\s+/g, " ").trim(), dates: dates.join(" – "),
      sessions: report.sessionRows(sessions, typed), referrals: report.referrals(data.services, services),
      change: towards === null && away === null ? null
        : { towards: towards || 0, away: away || 0, of: data.statements },
      note: report.tidyNote(value("report-note")),
      invalid: Number.isNaN(towards) || Number.isNaN(away)
        || Object.keys(services).some(function (id) { return Number.isNaN(report.count(services[id])); }),
    };
  }

  function dash(n) {
    return n === null ? "—" : String(n);
  }

  function sheet(r) {
    var s = r.sessions;
    var rows = s.rows.map(function (row) {
      return el("tr", {}, [el("td", {}, [row.number]), el("td", {}, [row.title]), el("td", {}, [dash(row.participants)]),
                           el("td", {}, [String(row.planned)]), el("td", {}, [dash(row.actual)])]);
    });
    rows.push(el("tr", { className: "report-total" }, [el("td", {}, []), el("td", {}, [W.total]), el("td", {}, [
      s.attendance ? fill(W.range, s.attendance) : "—"]), el("td", {}, [String(s.planned)]), el("td", {}, [dash(s.actual)])]));
    var help = document.getElementById("report-help").cloneNode(true);
    help.removeAttribute("id");
    help.hidden = false;
    return [
      el("h3", { className: "report-sheet__title" }, [r.title]),
      el("p", { className: "report-sheet__where" }, [[r.place, r.dates].filter(Boolean).join(" · ") || W.blank]),
      el("table", { className: "report-sheet__sessions" }, [
        el("thead", {}, [el("tr", {}, [W.col_number, W.col_session, W.participants, W.col_planned, W.col_actual].map(function (h) {
          return el("th", { scope: "col" }, [h]);
        }))]),
        el("tbody", {}, rows)]),
      el("p", {}, [el("strong", {}, [W.referrals + ": "]), r.referrals.length
        ? r.referrals.map(function (x) { return x.name + ": " + x.count; }).join("; ") : W.none]),
      el("p", {}, [el("strong", {}, [W.change + ": "]), r.change ? fill(W.change_summary, r.change) : W.none]),
      r.note ? el("p", {}, [el("strong", {}, [W.note + ": "]), r.note]) : null,
      el("p", { className: "report-sheet__limits" }, [W.limits]),
      help,
    ];
  }

  function update() {
    var r = collect();
    var sheetNode = document.getElementById("report-sheet");
    sheetNode.replaceChildren.apply(sheetNode, sheet(r).filter(Boolean));
    document.getElementById("report-text").value = report.reportText(r, W);
    document.getElementById("report-status").textContent =
      r.invalid || r.sessions.invalid.length ? W.invalid : "";
  }

  document.getElementById("report-copy").addEventListener("click", function () {
    var text = document.getElementById("report-text");
    var status = document.getElementById("report-copy-status");
    var done = function () { status.textContent = W.copied; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text.value).then(done, function () { text.focus(); text.select(); status.textContent = W.copy_by_hand; });
    } else {
      text.focus(); text.select(); status.textContent = W.copy_by_hand;
    }
  });
  form.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  output.hidden = false;
  update();
})();
