// The planner's pure logic (planner.js, loaded as the planner page loads it): clock and time fields, the plan in
// the address, materials and handouts. The agenda, lunch and day rules are in day_rules.test.js (golden cases).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadPageScripts, plain } = require("./page_scripts.js");

const P = loadPageScripts(["manual.js", "planner.js"]).manualPlanner;

test("clock times read as HH:MM and wrap past midnight; durations as on the session pages", () => {
  assert.deepEqual([545, 1500, -30].map(P.formatClock), ["09:05", "01:00", "23:30"]);
  assert.deepEqual(["9:30", "0930", "930", "9.30", "9h30", "14", "24:00", "9:60", "x", ""].map(P.parseTimeInput),
                   [570, 570, 570, 570, 570, 840, null, null, null, null]);
  assert.deepEqual(["09:05", "9:05", "25:00", "9h", null].map(P.parseClock), [545, 545, null, null, null]);
  assert.deepEqual([45, 120, 135].map(P.formatDuration), ["45 min", "2 h", "2 h 15 min"]);
  assert.equal(P.formatSpan(540, 1500), "09:00–01:00");
});

test("minutes typed are whole numbers up to the maximum, else the fallback", () => {
  assert.deepEqual(["15", " 30 ", "999", "-5", "1.5", "", null].map((t) => P.parseMinutes(t, 7)), [15, 30, 240, 7, 7, 7, 7]);
  assert.equal(P.parseMinutes("999", 0, 1000), 999);
});

test("dates: real calendar days only, years before 100 kept as written", () => {
  assert.deepEqual(["0050-03-01", "0099-02-29", "2028-02-29", "2027-02-29", "2026-13-01", "5-12-2026"].map(P.parseDate),
                   ["0050-03-01", "", "2028-02-29", "", "", ""]);
  assert.equal(P.utcDate(50, 3, 1).getUTCFullYear(), 50);
  assert.deepEqual([["2026-12-31", 1], ["2028-02-28", 1], ["0099-12-31", 1], ["2026-03-01", -1], ["nope", 1]]
                   .map(([d, n]) => P.addDays(d, n)), ["2027-01-01", "2028-02-29", "0100-01-01", "2026-02-28", ""]);
});

test("the plan in the address: unknown and repeated sessions dropped, bad values back to the defaults", () => {
  const known = new Set(["m01-s01", "m02-s02"]);
  const state = P.parseHash("#s=m01-s01,m09-s09,m01-s01,m02-s02&d=2026-12-05&t=10:30&b=20&l=12:45-50", known);
  assert.deepEqual(plain(state), { sessions: ["m01-s01", "m02-s02"], date: "2026-12-05", start: 630, breakMinutes: 20,
                                   lunch: { start: 765, minutes: 50 } });
  assert.equal(P.formatHash(state), "s=m01-s01,m02-s02&d=2026-12-05&t=10:30&b=20&l=12:45-50");
  assert.deepEqual(plain(P.parseHash("#d=2026-02-30&t=25:00&b=x&l=13:00", known)),
                   { sessions: [], date: "", start: 540, breakMinutes: 15, lunch: null });
  assert.equal(P.formatHash(P.parseHash("", known)), "t=09:00&b=15");
});

test("materials merge case-insensitively and add up the stated quantities", () => {
  const merged = P.mergeMaterials([
    { id: "a", materials: [{ item: "Flip chart paper", qty: 6 }, { item: "Markers", qty: null }, { item: "Pens", qty: 25 }] },
    { id: "b", materials: [{ item: "flip  chart PAPER ", qty: 4 }, { item: "MARKERS", qty: null }, { item: "pens", qty: null }] },
    { id: "c", materials: [{ item: "Tape", qty: null }, { item: "Flip chart paper", qty: 2 }, { item: "  ", qty: 1 }] }]);
  assert.deepEqual(plain(merged).map((m) => [m.item, m.qty, m.unstated, m.sessions]), [
    ["Flip chart paper", 12, 0, ["a", "b", "c"]], ["Markers", null, 2, ["a", "b"]], ["Pens", 25, 1, ["a", "b"]],
    ["Tape", null, 1, ["c"]]]);
});

test("handouts to print: each once, in the order first needed; forms one copy, participants' sheets one each", () => {
  const handouts = [{ id: "h1" }, { id: "h2" }, { id: "f1" }];
  const sessions = [{ id: "a", participant_handouts: ["h2"], facilitator_forms: ["f1"] },
                    { id: "b", participant_handouts: ["h1", "h2", "gone"], facilitator_forms: ["f1"] }];
  const list = P.handoutsToPrint(sessions, handouts).map((e) => [e.handout.id, e.copies, e.sessions.map((s) => s.id)]);
  assert.deepEqual(plain(list), [["h2", "each", ["a", "b"]], ["f1", "one", ["a", "b"]], ["h1", "each", ["b"]]]);
});

test("a session's number: module order and session order; ? when the module is unknown", () => {
  assert.equal(P.sessionNumber({ module: "m02", order: 3 }, new Map([["m02", { order: 2 }]])), "2.3");
  assert.equal(P.sessionNumber({ module: "m09", order: 1 }, new Map()), "?.1");
});
