// Run mode's pure logic (run.js, loaded as a session page loads it after manual.js): timers and clock arithmetic
// from timestamps (every `now` is given, no clock is read), ahead/behind, the summary, the plan's steps and
// same-day openings, and what is stored on the device (a run restored only when whole, old plans forgotten).
// The page (focus, layout, wake lock, the clock emulated) stays in tests/browser/test_run_mode.py.
"use strict";
process.env.TZ = "America/Lima";  // the summary's date and times are the device's: a trainer's phone in Peru
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadPageScripts, plain } = require("./page_scripts.js");

/** A device's localStorage (the Web Storage calls run.js makes). */
function storage() {
  const items = new Map();
  return {
    items,
    get length() { return items.size; },
    key: (i) => Array.from(items.keys())[i] ?? null,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => { items.set(k, String(v)); },
    removeItem: (k) => { items.delete(k); },
  };
}

const page = loadPageScripts(["manual.js", "run.js"], { localStorage: storage() });
const R = page.manualRun;
const M = 60000;
const t0 = 1000000;
const STEPS = [{ kind: "activity", session: "s", n: 1, title: "A", minutes: 10, at: 0 },
               { kind: "activity", session: "s", n: 2, title: "B", minutes: 15, at: 10 }];
const WORDS = { summary_session: "Resumen", summary_workshop: "Taller", date: "Fecha", session: "Sesión", times: "Horario",
                columns: "Columnas", total: "Total", note: "Nota", break: "Pausa", lunch: "Almuerzo" };
const newSession = () => R.newRun({ kind: "session", id: "s", steps: STEPS, sessions: [{ id: "s", title: "S", url: "s.html", at: 0 }] });

/** A session run: 11 minutes in A (paused at 6 for 14), then B; finished at 37 with a note. */
function finishedRun() {
  const paused = R.pause(R.start(newSession(), t0), t0 + 6 * M);
  const moved = R.goTo(R.start(paused, t0 + 20 * M), 1, t0 + 25 * M);
  return R.withNote(R.finish(moved, t0 + 37 * M), "  Buen grupo  ");
}

test("the clock runs from timestamps: no tick is needed, a clock set back never makes time negative", () => {
  const fresh = newSession();
  assert.deepEqual([R.isRunning(fresh), R.elapsed(fresh, 0, t0), R.remaining(fresh, t0)], [false, 0, 10 * M]);
  const run = R.start(fresh, t0);
  assert.deepEqual([R.elapsed(run, 0, t0 + 5 * M), R.remaining(run, t0 + 5 * M)], [5 * M, 5 * M]);
  assert.equal(R.elapsed(run, 0, t0 + 12 * M), 12 * M);
  assert.equal(R.elapsed(run, 0, t0 - 3 * M), 0);
  const paused = R.pause(run, t0 + 6 * M);
  assert.deepEqual([R.isRunning(paused), R.elapsed(paused, 0, t0 + 60 * M), R.totalElapsed(paused, t0 + 60 * M)],
                   [false, 6 * M, 6 * M]);
  assert.equal(R.start(R.start(paused, t0 + 20 * M), t0 + 99 * M).since, t0 + 20 * M);  // starting twice changes nothing
  assert.equal(R.pause(paused, t0 + 99 * M), paused);
});

test("ahead or behind: steps left against their plan, the current one only once it runs over", () => {
  const run = R.start(newSession(), t0);
  assert.equal(R.scheduleDelta(run, t0 + 5 * M), 0);  // early in an activity is not "ahead" yet
  const moved = R.goTo(R.pause(R.start(R.pause(run, t0 + 6 * M), t0 + 20 * M), t0 + 25 * M), 1, t0 + 25 * M);
  assert.deepEqual(plain(moved.spent), [11 * M, 0]);
  const going = R.goTo(R.start(R.pause(run, t0 + 6 * M), t0 + 20 * M), 1, t0 + 25 * M);
  assert.deepEqual([going.current, R.elapsed(going, 1, t0 + 30 * M), R.scheduleDelta(going, t0 + 30 * M)], [1, 5 * M, 1 * M]);
  assert.equal(R.scheduleDelta(going, t0 + 45 * M), 6 * M);  // 1 late from A, 5 over in B
  assert.deepEqual([R.goTo(going, 2, t0) === going, R.goTo(going, -1, t0) === going, R.goTo(going, 1, t0) === going],
                   [true, true, true]);
});

test("finished, reopened, and the summary's planned against actual minutes", () => {
  const done = finishedRun();
  assert.deepEqual([done.finishedAt, R.isRunning(done)], [t0 + 37 * M, false]);
  assert.deepEqual(plain(R.summaryRows(done, t0 + 999 * M)).map((r) => [r.planned, r.actual]), [[10, 11], [15, 12]]);
  assert.deepEqual([R.reopen(done).finishedAt, R.start(done, t0).since], [null, null]);  // not again until reopened
  assert.equal(R.summaryText(done, WORDS, t0 + 999 * M), ["Resumen", "Fecha: 1969-12-31", "Sesión: S",
    "Horario: 19:16–19:53", "Columnas", "1. A: 10 / 11 (+1)", "2. B: 15 / 12 (−3)", "Total: 25 / 23 (−2)",
    "Nota: Buen grupo"].join("\n"));
  assert.equal(R.summaryText(newSession(), WORDS, t0), ["Resumen", "Fecha: —", "Sesión: S", "Columnas",
    "1. A: 10 / 0 (−10)", "2. B: 15 / 0 (−15)", "Total: 25 / 0 (−25)"].join("\n"));
});

const AGENDA = { rows: [
  { kind: "session", session: { id: "a", title: "SA", url: "a.html" }, start: 540, end: 560, minutes: 20 },
  { kind: "activity", session: { id: "a" }, activity: { title: "A1" }, start: 540, end: 560, minutes: 20 },
  { kind: "lunch", start: 560, end: 620, minutes: 60 },
  { kind: "session", session: { id: "b", title: "SB", url: "b.html" }, start: 620, end: 650, minutes: 30 },
  { kind: "activity", session: { id: "b" }, activity: { title: "B1" }, start: 620, end: 630, minutes: 10 },
  { kind: "activity", session: { id: "b" }, activity: { title: "B2" }, start: 630, end: 650, minutes: 20 }] };

test("a workshop from the planner: its steps and sessions with clock times, lunch against its plan", () => {
  const plan = R.planSteps(AGENDA);
  assert.deepEqual(plain(plan), {
    steps: [{ kind: "activity", session: "a", n: 1, title: "A1", minutes: 20, at: 540 }, { kind: "lunch", minutes: 60, at: 560 },
            { kind: "activity", session: "b", n: 1, title: "B1", minutes: 10, at: 620 },
            { kind: "activity", session: "b", n: 2, title: "B2", minutes: 20, at: 630 }],
    sessions: [{ id: "a", title: "SA", url: "a.html", at: 540 }, { id: "b", title: "SB", url: "b.html", at: 620 }] });
  let p = R.start(R.newRun({ kind: "plan", id: "p1", steps: plan.steps, sessions: plan.sessions, clock: true }), t0);
  p = R.goTo(p, 1, t0 + 25 * M);  // A1 took 25 (5 late), then lunch
  p = R.goTo(p, 2, t0 + 75 * M);  // lunch took 50: 5 early in all
  assert.equal(R.scheduleDelta(p, t0 + 75 * M), -5 * M);
  assert.deepEqual(R.summaryText(R.finish(p, t0 + 80 * M), WORDS, 0).split("\n").slice(3), ["Columnas", "Sesión: SA",
    "1. A1: 20 / 25 (+5)", "Almuerzo: 60 / 50 (−10)", "Sesión: SB", "1. B1: 10 / 5 (−5)", "2. B2: 20 / 0 (−20)",
    "Total: 110 / 80 (−30)"]);
  // The top bar names the session of the step (lunch: the one before); the page to open is the step's session's.
  assert.deepEqual([0, 1, 2, 3].map((i) => R.stepSession(p, i)), ["a", "a", "b", "b"]);
  assert.deepEqual([R.pageToOpen(p, "a"), R.pageToOpen(p, "b"), R.pageToOpen(R.goTo(p, 1, t0), "a")], ["b", null, null]);
  assert.equal(R.pageToOpen(R.finish(p, t0 + 80 * M), "a"), null);
});

test("a same-day opening only for a session that starts on the calendar day of the one before, in a workshop", () => {
  const sessions = [{ id: "a", title: "A", at: 540 }, { id: "b", title: "B", at: 780 }, { id: "c", title: "C", at: 1445 }];
  const plan = R.newRun({ kind: "plan", id: "p", steps: STEPS, sessions, clock: true });
  assert.deepEqual(["a", "b", "c", "x"].map((id) => R.followsOnSameDay(plan, id)), [false, true, false, false]);
  assert.equal(R.followsOnSameDay(newSession(), "s"), false);
});

test("what is said aloud: every 5 minutes, each of the last 5, and when time is up", () => {
  assert.deepEqual(plain([R.announcement(6 * M, 5 * M - 1), R.announcement(5 * M - 1, 4 * M - 1), R.announcement(11 * M, 10 * M),
    R.announcement(9 * M + 1, 8 * M), R.announcement(1000, 0), R.announcement(0, -1000), R.announcement(20 * M, 2 * M - 5)]),
    [{ left: 5 }, { left: 4 }, { left: 10 }, null, { up: true }, null, { left: 2 }]);
});

test("timers, clock times, offsets and the run's address", () => {
  assert.deepEqual([754000, 3723000, 999, -61000, 0].map(R.formatTimer), ["12:34", "1:02:03", "0:01", "1:01", "0:00"]);
  assert.deepEqual([R.formatClock(545), R.formatClock(1500), R.formatOffset(85), R.localDate(Date.UTC(2026, 11, 5, 14)),
                    R.localTime(Date.UTC(2026, 11, 5, 14, 3))], ["09:05", "01:00", "1:25", "2026-12-05", "09:03"]);
  assert.deepEqual(plain(["#run", "#run=p1a2b", "run=p-x_1", "#run=", "#runner", "#run=a b", "", "#m02-s02-actividad-1"]
                   .map(R.parseRunHash)), [{ plan: null }, { plan: "p1a2b" }, { plan: "p-x_1" }, null, null, null, null, null]);
  assert.deepEqual([R.storageKey("session", "m02-s02"), R.storageKey("plan", "p1")], ["manual-run:v1:s:m02-s02", "manual-run:v1:p:p1"]);
});

test("a stored run comes back only whole, with every time and number in range; steps compared by shape", () => {
  const done = finishedRun();
  const good = JSON.stringify(done);
  assert.notEqual(R.restore(good), null);
  const refused = ["{", "null", "[]", JSON.stringify({ ...plain(done), v: 2 })].concat([
    { current: 5 }, { spent: [1] }, { since: "x" }, { startedAt: 1e300 }, { finishedAt: -5 }, { since: 9e15 },
    { savedAt: 1e20 }, { spent: [1e13, 0] }, { sessions: [null] }, { sessions: [{ id: 3, title: "S" }] }, { sessions: [] },
    { steps: [null, STEPS[1]] }, { steps: [{ ...STEPS[0], minutes: 1e9 }, STEPS[1]] },
    { steps: [{ ...STEPS[0], kind: "<img>" }, STEPS[1]] }, { note: 5 }].map((change) => JSON.stringify({ ...plain(done), ...change })));
  assert.deepEqual(refused.map((text) => R.restore(text)), refused.map(() => null));
  assert.deepEqual([R.sameSteps(STEPS, STEPS.map((s) => ({ ...s, title: "other" }))),
                    R.sameSteps(STEPS, [STEPS[0], { ...STEPS[1], minutes: 20 }]), R.sameSteps(STEPS, [STEPS[0]])],
                   [true, false, false]);
});

test("starting a workshop keeps its plan on the device, opens its first session, and keeps the newest three plans", () => {
  const device = storage();
  let now = Date.UTC(2026, 11, 5, 14);
  class DeviceDate extends Date {
    static now() { return (now += 1000); }  // each plan saved a second after the one before
  }
  const fresh = loadPageScripts(["manual.js", "run.js"], { localStorage: device, Date: DeviceDate });
  const targets = [1, 2, 3, 4].map(() => fresh.manualRun.startPlan(AGENDA));
  const id = targets[3].split("#run=")[1];
  assert.equal(targets[3], "a.html#run=" + id);
  assert.equal(fresh.location.href, targets[3]);
  assert.equal(device.getItem("manual-run:v1:active"), id);
  const kept = Array.from(device.items.keys()).filter((key) => key.startsWith("manual-run:v1:p:")).sort();
  assert.deepEqual(kept, targets.slice(1).map((t) => "manual-run:v1:p:" + t.split("#run=")[1]).sort());
  const stored = fresh.manualRun.restore(device.getItem("manual-run:v1:p:" + id));
  assert.deepEqual(plain(stored.sessions).map((s) => s.id), ["a", "b"]);
  assert.equal(fresh.manualRun.startPlan({ rows: [] }), null);  // an empty plan starts nothing
});

test("which run a session page restores: its own, the workshop asked for, or the unfinished one last started", () => {
  const own = { ...newSession(), current: 1 };
  const plan = (id, finishedAt, ids) => ({ kind: "plan", id, finishedAt, sessions: ids.map((sid) => ({ id: sid, title: sid })) });
  const plans = { p1: plan("p1", null, ["a", "s"]), p2: plan("p2", t0, ["s"]), p3: plan("p3", null, ["a"]) };
  const read = [];
  const stored = (active, session) => ({
    active,
    plan: (id) => { read.push(id); return plans[id] || null; },
    session: () => { read.push("session"); return session; },
  });
  const page = { id: "s", steps: STEPS };
  const pick = (hash, s, current) => {
    const chosen = R.pickRun(R.parseRunHash(hash), page, s, current || null);
    return [chosen.run && (chosen.run.kind === "plan" ? chosen.run.id : chosen.run.current), chosen.planMissing];
  };
  assert.deepEqual(pick("#run", stored("p1", own)), [1, false]);             // "#run": this session's own, stored
  assert.deepEqual(pick("#run", stored("p1", null)), [null, false]);         // nothing kept: a new one
  assert.deepEqual(pick("#run", stored(null, { ...own, steps: [STEPS[0]] })), [null, false]);  // the session changed
  assert.deepEqual(pick("#run", stored(null, null), { ...own, current: 0 }), [0, false]);     // no storage: the one shown
  assert.deepEqual(pick("", stored("p1", own)), ["p1", false]);              // the unfinished workshop with this session
  assert.deepEqual(pick("", stored("p2", own)), [1, false]);                 // finished: only when asked for
  assert.deepEqual(pick("#run=p2", stored(null, own)), ["p2", false]);       // its summary
  assert.deepEqual(pick("#run=p3", stored("p1", own)), [1, true]);           // a workshop without this session
  assert.deepEqual(pick("#run=p9", stored("p1", own), { ...own, current: 0 }), [0, true]);  // not on this device
  read.length = 0;
  pick("#run", stored("p1", own));
  assert.deepEqual(read, ["session"]);  // a stored workshop is not read (nor discarded) for the session's own run
});

test("the view's links, written from the language's root, are prefixed with the page's way there", () => {
  assert.equal(R.fromLanguageRoot("guia-facilitacion.html#regla-de-revelacion", "../../"),
               "../../guia-facilitacion.html#regla-de-revelacion");
  assert.equal(R.fromLanguageRoot("guia-facilitacion.html", ""), "guia-facilitacion.html");  // a page at the root
  for (const kept of ["tel:105", "https://example.org/", "mailto:a@b.pe", "#crisis", "/abs.html", "?q=1"]) {
    assert.equal(R.fromLanguageRoot(kept, "../../"), kept);
  }
});
