// The planner's and the certificates' day rules (planner.js, certificate.js, loaded as the certificate page loads
// them) on the golden cases the schedule page's Python is held to as well (tests/unit/test_day_rules_golden.py):
// tests/golden/day_rules.json. Run with `node --test tests/js` (make node-test).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { loadPageScripts, plain } = require("./page_scripts.js");

const golden = require(path.join(__dirname, "..", "golden", "day_rules.json"));
const page = loadPageScripts(["manual.js", "planner.js", "certificate.js"]);
const planner = page.manualPlanner;
const certificate = page.manualCertificate;
const sessionsById = new Map(golden.sessions.map((s) => [s.id, s]));
const modulesById = new Map(Object.entries(golden.modules).map(([id, order]) => [id, { id, order }]));

/** The rules as the build hands them to the page (DayRules.for_script's names), from mkdocs.yml's names. */
function scriptRules(caseRules) {
  const r = { ...golden.rules, ...(caseRules || {}) };
  return { sessionsPerDay: r.sessions_per_day, highPerDay: r.high_sensitivity_per_day, maxDayMinutes: r.max_day_minutes,
           lunchWindow: 60, agreementsSession: r.agreements_session };
}

/** The address the planner writes for a case's plan (the certificate page opens with it). */
function hashOf(c) {
  const lunch = c.lunch ? "&l=" + c.lunch.at + "-" + c.lunch.minutes : "";
  return "#s=" + c.sessions.join(",") + (c.date ? "&d=" + c.date : "") + "&t=" + c.start + "&b=" + c.break_minutes + lunch;
}

/** The plan as the planner reads it from the address. */
function stateOf(c) {
  return planner.parseHash(hashOf(c), new Set(sessionsById.keys()));
}

function rows(agenda) {
  const f = planner.formatClock;
  return Array.from(agenda.rows, (row) => {
    const span = f(row.start) + "-" + f(row.end);
    if (row.kind === "session") return span + " session " + row.session.id;
    if (row.kind !== "activity") return span + " " + row.kind;
    const number = row.session.activities.indexOf(row.activity) + 1;
    return span + " activity " + row.session.id + " " + number + (row.sameDay ? " same-day" : "");
  });
}

function lunchAfter(agenda) {
  const at = agenda.rows.findIndex((row) => row.kind === "lunch");
  if (at < 0) return null;
  return agenda.rows.slice(0, at).filter((row) => row.kind === "session").pop().session.id;
}

/** Warnings as ids and numbers: the sessions a warning names, by id. */
function ids(warnings) {
  return plain(warnings).map((w) => {
    const out = { ...w };
    for (const key of ["session", "previous", "agreements"]) if (out[key]) out[key] = out[key].id;
    if (out.sessions) out.sessions = out.sessions.map((s) => s.id);
    return out;
  });
}

for (const c of golden.plans) {
  test(`plan: ${c.case}`, () => {
    const state = stateOf(c);
    assert.deepEqual(plain(state.sessions), c.sessions);
    const sessions = state.sessions.map((id) => sessionsById.get(id));
    const rules = scriptRules(c.rules);
    const agenda = planner.planAgenda(sessions, state, rules);
    assert.deepEqual(rows(agenda), c.expect.agenda);
    assert.equal(lunchAfter(agenda), c.expect.lunch_after);
    const warnings = planner.dayWarnings(sessions, rules).concat(planner.planWarnings(sessions, modulesById, rules));
    assert.deepEqual(ids(warnings), c.expect.warnings);
    const days = planner.agendaDays(agenda);
    assert.deepEqual(plain(days).map((d) => [d.offset, d.sessions.map((s) => s.id)]), c.expect.days);
    // The certificate page reads the same address into the same days (planOf), and dates the chosen sessions.
    const plan = certificate.planOf(hashOf(c), sessionsById, rules);
    assert.deepEqual(plain(plan.days).map((d) => [d.offset, d.sessions.map((s) => s.id)]), c.expect.days);
    const chosen = c.expect.certificate.chosen;
    assert.deepEqual(plain(certificate.certificateDates(plan.days, chosen, plan.date)), c.expect.certificate.dates);
  });
}

for (const c of golden.programmes) {
  test(`programme: ${c.case}`, () => {
    const rules = scriptRules(c.rules);
    const days = c.expect.days;
    assert.deepEqual(days.flatMap((day) => day.sessions), c.sessions);  // every session once, in order
    days.forEach((day, index) => {
      const sessions = day.sessions.map((id) => sessionsById.get(id));
      // The split the schedule page makes is the planner's warnings applied session by session: a day keeps the
      // rules (or is one session alone), and the next day's first session would have broken one.
      if (sessions.length > 1) assert.deepEqual(ids(planner.dayWarnings(sessions, rules)), []);
      const next = days[index + 1];
      if (next) assert.ok(planner.dayWarnings(sessions.concat([sessionsById.get(next.sessions[0])]), rules).length > 0);
      // Each day chosen alone in the planner, with the schedule's times, gives the schedule page's agenda.
      const state = stateOf({ ...c, sessions: day.sessions, date: "" });
      assert.deepEqual(rows(planner.planAgenda(sessions, state, rules)), day.agenda);
    });
  });
}
