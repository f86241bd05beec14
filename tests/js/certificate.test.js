// The certificates' pure logic (certificate.js after planner.js, as the certificate page loads them): names as
// typed, the plan's own days and their dates in words. The dates of the golden plans: day_rules.test.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadPageScripts, plain } = require("./page_scripts.js");

const page = loadPageScripts(["manual.js", "planner.js", "certificate.js"]);
const C = page.manualCertificate;
const P = page.manualPlanner;

test("names one per line, spaces tidied, empty lines dropped, the same name twice kept", () => {
  assert.deepEqual(plain(C.parseNames("  Ana  María \r\n\n\tJosé\rAna  María\n")), ["Ana María", "José", "Ana María"]);
  assert.deepEqual(plain(C.parseNames("")), []);
  assert.deepEqual(plain(C.parseNames(null)), []);
});

test("the plan's own days are the calendar days its agenda runs on, never a split by the day rules", () => {
  // Four long sessions from 09:00 are one day however they break the rules; from 20:00, two.
  const cases = [
    ["09:00", [[135, "high"], [135, "high"], [90, "low"], [120, "medium"]], [[0, ["s0", "s1", "s2", "s3"]]]],
    ["20:00", [[135, "low"], [135, "low"], [90, "low"], [120, "medium"]], [[0, ["s0", "s1"]], [1, ["s2", "s3"]]]],
    ["23:50", [[60, "low"]], [[0, ["s0"]]]],
    ["09:00", [], []],
  ];
  for (const [start, durations, expected] of cases) {
    const sessions = durations.map(([duration, sensitivity], i) => ({ id: "s" + i, duration, sensitivity }));
    const days = P.agendaDays(P.planAgenda(sessions, P.parseHash("t=" + start + "&b=15"), { lunchWindow: 60 }));
    assert.deepEqual(plain(days).map((d) => [d.offset, d.sessions.map((s) => s.id)]), expected, start);
  }
});

test("a certificate states the dates of the days that hold a ticked session; none without a date", () => {
  const days = [{ offset: 0, sessions: [{ id: "a" }, { id: "b" }] }, { offset: 1, sessions: [{ id: "c" }] },
                { offset: 2, sessions: [{ id: "d" }] }];
  assert.deepEqual(plain(C.certificateDates(days, ["b", "d"], "2026-12-31")), ["2026-12-31", "2027-01-02"]);
  assert.deepEqual(plain(C.certificateDates(days, ["c"], "2026-12-05")), ["2026-12-06"]);
  assert.deepEqual(plain(C.certificateDates(days, ["a"], "")), []);
  assert.deepEqual(plain(C.certificateDates(days, ["a"], "2026-02-30")), []);
});

// Node's ICU puts thin spaces around a range's dash where Chromium's puts plain ones: both read the same.
const spaces = (text) => text.replace(/[\u2009\u202f\u00a0]/g, " ");

test("dates in words: consecutive days as one range, others as a list, in the page's language", () => {
  assert.deepEqual([
    C.formatDates(["2026-12-05"], "es-PE"),
    C.formatDates(["2026-12-05", "2026-12-06", "2026-12-07"], "es-PE"),
    C.formatDates(["2026-12-05", "2026-12-07"], "es-PE"),
    C.formatDates(["2026-11-30", "2026-12-01"], "es-PE"),
    C.formatDates(["2026-12-05", "2026-12-06", "2026-12-08"], "en-GB"),
    C.formatDates([], "es-PE"),
  ].map(spaces), ["5 de diciembre de 2026", "5–7 de diciembre de 2026", "5 de diciembre de 2026 y 7 de diciembre de 2026",
      "30 de noviembre – 1 de diciembre de 2026", "5 – 6 December 2026 and 8 December 2026", ""]);
});

test("hours: the sessions' minutes added up; a session's number as the programme writes it", () => {
  assert.equal(C.totalMinutes([{ duration: 135 }, { duration: 90 }, { duration: 120 }]), 345);
  assert.equal(C.sessionNumber({ module: "m02", order: 3 }, new Map([["m02", { order: 2 }]])), "2.3");
  assert.equal(C.sessionNumber({ module: "m09", order: 1 }, new Map()), "?.1");
  assert.equal(C.addDays("2028-02-28", 1), "2028-02-29");
});

test("the plan from the planner's address: unknown sessions dropped; a crowded day asks to check the dates", () => {
  const sessions = new Map([["a", { id: "a", duration: 120, sensitivity: "high" }], ["b", { id: "b", duration: 120, sensitivity: "high" }],
                            ["c", { id: "c", duration: 60, sensitivity: "low" }]]);
  const rules = { sessionsPerDay: 2, highPerDay: 1, maxDayMinutes: 360, lunchWindow: 60 };
  const calm = C.planOf("#s=a,zz,c&d=2026-12-12&t=09:00&b=15", sessions, rules);
  assert.deepEqual([plain(calm.sessions).map((s) => s.id), calm.date, calm.crowded], [["a", "c"], "2026-12-12", false]);
  assert.equal(C.planOf("#s=a,b&d=2026-12-12&t=09:00&b=15", sessions, rules).crowded, true);  // two high ones
  // From 22:00 the two high sessions fall on two calendar days: each day keeps the rules.
  const late = C.planOf("#s=a,b&d=2026-12-12&t=22:00&b=15", sessions, rules);
  assert.deepEqual([plain(late.days).map((d) => d.offset), late.crowded], [[0, 1], false]);
  assert.deepEqual(plain(C.chosenDays(late.days, ["b"])).map((d) => d.offset), [1]);
  assert.equal(C.planOf("", sessions, rules).sessions.length, 0);
});
