/* The one-page workshop report's arithmetic and plain text (the page: overrides/manual/workshop-report.html, its
   DOM code: workshop-report-page.js). Pure: no DOM, no network, no storage. Loaded by the page as
   window.manualWorkshopReport and by Node's test runner as a module (tests/js/workshop_report.test.js).
   Numbers only: attendance and referrals are counts, never names. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.manualWorkshopReport = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** The longest note the report carries: the plain text must fit one WhatsApp message read on a small phone. */
  var NOTE_LIMIT = 300;
  /** The plain text's budget: a message that can be read without scrolling much, with the largest workshop. */
  var TEXT_LIMIT = 1500;

  function count(value) {
    var text = String(value == null ? "" : value).trim();
    if (text === "") return null;  // not typed: left out, not zero
    return /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  }

  /** sessions: [{id, number, title, duration}] in the plan's order; typed: {id: {participants, minutes}} as typed.
      -> {rows: [{id, number, title, planned, actual, participants}], planned, actual (null until every session has
      its minutes), attendance: {low, high} over the sessions with a count, invalid: ids with something not a number}. */
  function sessionRows(sessions, typed) {
    var invalid = [];
    var rows = sessions.map(function (session) {
      var entry = (typed || {})[session.id] || {};
      var participants = count(entry.participants);
      var actual = count(entry.minutes);
      if (Number.isNaN(participants) || Number.isNaN(actual)) invalid.push(session.id);
      return { id: session.id, number: session.number, title: session.title, planned: session.duration,
               actual: Number.isNaN(actual) ? null : actual, participants: Number.isNaN(participants) ? null : participants };
    });
    var counted = rows.map(function (row) { return row.participants; }).filter(function (n) { return n !== null; });
    var planned = rows.reduce(function (sum, row) { return sum + row.planned; }, 0);
    var everyActual = rows.every(function (row) { return row.actual !== null; });
    return {
      rows: rows, planned: planned, invalid: invalid,
      actual: everyActual && rows.length ? rows.reduce(function (sum, row) { return sum + row.actual; }, 0) : null,
      attendance: counted.length ? { low: Math.min.apply(null, counted), high: Math.max.apply(null, counted) } : null,
    };
  }

  /** services: [{id, name}]; typed: {id: text}. -> [{name, count}] of the services with at least one referral. */
  function referrals(services, typed) {
    return services.map(function (service) {
      return { name: service.name, count: count((typed || {})[service.id]) };
    }).filter(function (entry) { return entry.count > 0; });
  }

  /** The note as the report carries it: spaces tidied, cut at NOTE_LIMIT characters. */
  function tidyNote(text) {
    var note = String(text == null ? "" : text).replace(/\s+/g, " ").trim();
    return note.length > NOTE_LIMIT ? note.slice(0, NOTE_LIMIT - 1).trimEnd() + "…" : note;
  }

  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) && values[name] !== null ? String(values[name]) : whole;
    });
  }

  /** The report as plain text for one message. report: {title, place, dates, sessions (sessionRows), referrals,
      change: {towards, away, of} | null, note}; words: the report_* labels (without report_). */
  function reportText(report, words) {
    var lines = [report.title];
    if (report.place || report.dates) lines.push([report.place, report.dates].filter(Boolean).join(" · "));
    var s = report.sessions;
    lines.push(fill(words.text_sessions, { n: s.rows.length, planned: s.planned,
                                           actual: s.actual === null ? "—" : s.actual }));
    s.rows.forEach(function (row) {
      lines.push(fill(words.text_row, { number: row.number, participants: row.participants === null ? "—" : row.participants,
                                        planned: row.planned, actual: row.actual === null ? "—" : row.actual }));
    });
    if (s.attendance) lines.push(fill(words.text_attendance, s.attendance));
    lines.push(report.referrals.length
      ? words.text_referrals + " " + report.referrals.map(function (r) { return r.name + ": " + r.count; }).join("; ")
      : words.text_no_referrals);
    if (report.change) lines.push(fill(words.text_change, report.change));
    if (report.note) lines.push(words.text_note + " " + report.note);
    return lines.join("\n");
  }

  return { NOTE_LIMIT: NOTE_LIMIT, TEXT_LIMIT: TEXT_LIMIT, count: count, sessionRows: sessionRows, referrals: referrals,
           tidyNote: tidyNote, fill: fill, reportText: reportText };
});
