/* Run mode: the trainer's phone view while a session (or a workshop from the planner) runs: the current
   activity with its steps and «Diga:» scripts, a countdown per activity, elapsed time, how far ahead or behind
   the plan the group is, a safety card, and a summary to copy at the end. Session pages carry the run data
   (overrides/manual/_run.html: #run-data); the view's dialogs and words come from the language's run-view.js
   (window.manualRunView, overrides/manual/_run_view.html), which run-launch.js loads just before this file when
   run mode is wanted; the planner loads this file alone and calls manualRun.startPlan. State lives in localStorage, for that session or plan only; nothing leaves the device.
   Times are always computed from timestamps (Date.now()), never by counting ticks. Plain ES2017, no libraries.
   The logic is pure (no DOM, no clock: `now` is passed in) and comes first. */
(function () {
  "use strict";

  var MINUTE = 60000;
  var STORE = "manual-run:v1:";
  var KEPT_PLANS = 3;

  /* ---------- Formatting ---------- */

  function pad2(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** 754000 -> "12:34", 3723000 -> "1:02:03" (whole seconds, rounded up while counting down). */
  function formatTimer(ms) {
    var seconds = Math.ceil(Math.abs(ms) / 1000);
    var h = Math.floor(seconds / 3600);
    var m = Math.floor(seconds / 60) % 60;
    var s = seconds % 60;
    return (h ? h + ":" + pad2(m) : String(m)) + ":" + pad2(s);
  }

  /** Minutes since midnight -> "09:05" (wraps past midnight). */
  function formatClock(minutes) {
    var t = ((Math.round(minutes) % 1440) + 1440) % 1440;
    return pad2(Math.floor(t / 60)) + ":" + pad2(t % 60);
  }

  /** Minutes from a session's start -> "0:25", as the agenda writes them. */
  function formatOffset(minutes) {
    return Math.floor(minutes / 60) + ":" + pad2(minutes % 60);
  }

  /** A timestamp -> "2026-12-05" / "09:03", on the device's own calendar and clock. */
  function localDate(ms) {
    var d = new Date(ms);
    return d.getFullYear() + "-" + pad2(d.getMonth() + 1) + "-" + pad2(d.getDate());
  }

  function localTime(ms) {
    var d = new Date(ms);
    return pad2(d.getHours()) + ":" + pad2(d.getMinutes());
  }

  var fill = window.manualDom.fill;  // "{n} min" -> "5 min"

  /* ---------- Steps: what is run, in order ---------- */

  /** A session page's run data (see hooks/manualgen/run_mode.py) -> its activities as steps; `at` is the
      planned start in minutes from the session's start. */
  function sessionSteps(data) {
    var at = 0;
    return data.activities.map(function (a) {
      var step = { kind: "activity", session: data.id, n: a.n, title: a.title, minutes: a.minutes, at: at };
      at += a.minutes;
      return step;
    });
  }

  /** The planner's agenda (manualPlanner.buildAgenda) -> {steps, sessions}: every activity, break and lunch with
      its planned clock time (`at`, minutes since midnight), and the sessions with their address and start. */
  function planSteps(agenda) {
    var steps = [];
    var sessions = [];
    var count = 0;
    agenda.rows.forEach(function (row) {
      if (row.kind === "session") {
        count = 0;
        sessions.push({ id: row.session.id, title: row.session.title, url: row.session.url, at: row.start });
      } else if (row.kind === "activity") {
        count += 1;
        steps.push({ kind: "activity", session: row.session.id, n: count, title: row.activity.title,
                     minutes: row.minutes, at: row.start });
      } else {
        steps.push({ kind: row.kind, minutes: row.minutes, at: row.start });
      }
    });
    return { steps: steps, sessions: sessions };
  }

  /* ---------- The run state ---------- */

  /** A run not yet started. options: {kind: "session" | "plan", id, steps, sessions: [{id, title, url, at}],
      clock: true when `at` are clock times (a plan), false when offsets (a session)}. spent[i] holds the
      milliseconds banked in step i; while running, `since` is when the current stretch began. */
  function newRun(options) {
    return {
      v: 1, kind: options.kind, id: options.id, clock: !!options.clock, steps: options.steps,
      sessions: options.sessions, current: 0, spent: options.steps.map(function () { return 0; }),
      since: null, startedAt: null, finishedAt: null, note: "",
    };
  }

  function copy(run) {
    var out = Object.assign({}, run);
    out.spent = run.spent.slice();
    return out;
  }

  function isRunning(run) {
    return run.since !== null;
  }

  /** Milliseconds spent in step `index` by `now` (a clock set back never makes it negative). */
  function elapsed(run, index, now) {
    var live = isRunning(run) && index === run.current ? Math.max(0, now - run.since) : 0;
    return run.spent[index] + live;
  }

  function totalElapsed(run, now) {
    return run.spent.reduce(function (sum, ms, index) { return sum + elapsed(run, index, now); }, 0);
  }

  /** The current step's planned time left (negative once it is over). */
  function remaining(run, now) {
    return run.steps[run.current].minutes * MINUTE - elapsed(run, run.current, now);
  }

  /** The time of the running stretch, banked into the current step. */
  function bank(run, now) {
    var out = copy(run);
    if (isRunning(run)) {
      out.spent[run.current] = elapsed(run, run.current, now);
      out.since = now;
    }
    return out;
  }

  function start(run, now) {
    if (isRunning(run) || run.finishedAt !== null) return run;
    var out = copy(run);
    out.since = now;
    if (out.startedAt === null) out.startedAt = now;
    return out;
  }

  function pause(run, now) {
    if (!isRunning(run)) return run;
    var out = bank(run, now);
    out.since = null;
    return out;
  }

  /** Move to step `index` (next, previous, or a jump); the clock keeps running if it was. */
  function goTo(run, index, now) {
    if (index < 0 || index >= run.steps.length || index === run.current) return run;
    var out = bank(run, now);
    out.current = index;
    return out;
  }

  function finish(run, now) {
    var out = copy(pause(run, now));
    out.finishedAt = now;
    return out;
  }

  /** Back from the summary to the run (paused where it ended). */
  function reopen(run) {
    var out = copy(run);
    out.finishedAt = null;
    return out;
  }

  function withNote(run, note) {
    var out = copy(run);
    out.note = String(note || "");
    return out;
  }

  /** How far behind (positive) or ahead (negative) of the plan the group is, in milliseconds: the steps
      before the current one against their planned minutes, plus the current one's overrun (finishing early
      counts only once the step is left). */
  function scheduleDelta(run, now) {
    var delta = 0;
    for (var i = 0; i < run.current; i++) delta += run.spent[i] - run.steps[i].minutes * MINUTE;
    return delta + Math.max(0, -remaining(run, now));
  }

  /** What to say aloud between two readings of the current step's time left (ms): {up: true} when it runs out,
      {left: n} when it crosses a whole minute that matters (every 5 minutes, then each of the last 5), else null. */
  function announcement(before, after) {
    if (before > 0 && after <= 0) return { up: true };
    if (after <= 0) return null;
    var was = Math.ceil(before / MINUTE);
    var left = Math.ceil(after / MINUTE);
    if (left < was && (left <= 5 || left % 5 === 0)) return { left: left };
    return null;
  }

  /** Planned against actual, in whole minutes, for every step: [{kind, session, n, title, planned, actual}]. */
  function summaryRows(run, now) {
    return run.steps.map(function (step, index) {
      return { kind: step.kind, session: step.session || null, n: step.n || null, title: step.title || "",
               planned: step.minutes, actual: Math.round(elapsed(run, index, now) / MINUTE) };
    });
  }

  function difference(planned, actual) {
    var d = actual - planned;
    return d === 0 ? "" : " (" + (d > 0 ? "+" : "−") + Math.abs(d) + ")";
  }

  /** The summary as plain text to paste into a report or a message. words: the run_* labels (without run_). */
  function summaryText(run, words, now) {
    var end = run.finishedAt === null ? now : run.finishedAt;
    var lines = [run.kind === "plan" ? words.summary_workshop : words.summary_session];
    lines.push(words.date + ": " + (run.startedAt === null ? "—" : localDate(run.startedAt)));
    if (run.kind !== "plan") lines.push(words.session + ": " + run.sessions[0].title);
    if (run.startedAt !== null) lines.push(words.times + ": " + localTime(run.startedAt) + "–" + localTime(end));
    lines.push(words.columns);
    var titles = {};
    run.sessions.forEach(function (s) { titles[s.id] = s.title; });
    var shown = null;
    var planned = 0;
    var actual = 0;
    summaryRows(run, now).forEach(function (row) {
      if (run.kind === "plan" && row.kind === "activity" && row.session !== shown) {
        shown = row.session;
        lines.push(words.session + ": " + titles[row.session]);
      }
      var label = row.kind === "activity" ? row.n + ". " + row.title : words[row.kind];
      lines.push(label + ": " + row.planned + " / " + row.actual + difference(row.planned, row.actual));
      planned += row.planned;
      actual += row.actual;
    });
    lines.push(words.total + ": " + planned + " / " + actual + difference(planned, actual));
    if (run.note.trim()) lines.push(words.note + ": " + run.note.trim());
    return lines.join("\n");
  }

  /** The session a step belongs to: an activity's own; a break or lunch belongs to the session before it (the
      first session's when nothing comes before). The view's top bar names it. */
  function stepSession(run, index) {
    for (var i = index; i >= 0; i--) if (run.steps[i].session) return run.steps[i].session;
    for (var j = index + 1; j < run.steps.length; j++) if (run.steps[j].session) return run.steps[j].session;
    return run.sessions[0].id;
  }

  /** Whether `sessionId` follows another session of the workshop on the same calendar day (planned start times in
      minutes from the plan's day): then no week of home practice lies between them, and an opening that reviews it
      does what its same-day note says. A single session's run is never on the same day as another. */
  function followsOnSameDay(run, sessionId) {
    if (run.kind !== "plan") return false;
    for (var i = 1; i < run.sessions.length; i++) {
      if (run.sessions[i].id === sessionId) {
        return Math.floor(run.sessions[i].at / (24 * 60)) === Math.floor(run.sessions[i - 1].at / (24 * 60));
      }
    }
    return false;
  }

  /** The session whose page must show the current step, when it is not this page's (`pageSession`): the current
      step is an activity of another session of the workshop. null when this page shows it. */
  function pageToOpen(run, pageSession) {
    var step = run.steps[run.current];
    if (run.kind !== "plan" || run.finishedAt !== null || step.kind !== "activity") return null;
    return step.session && step.session !== pageSession ? step.session : null;
  }

  /** A link of the view's dialogs (written from the language's root) as this page must write it: `root` (the
      way from the page to that root, "../../") before a relative address; a phone number, an address with a
      scheme, from the server's root or within the page stays as it is. */
  function fromLanguageRoot(href, root) {
    return /^([a-z][a-z0-9+.-]*:|[#/?])/i.test(href) ? href : root + href;
  }

  /* ---------- Where a run lives ---------- */

  /** "#run" -> {plan: null} (this session), "#run=p1a2b" -> {plan: "p1a2b"}, anything else -> null. */
  function parseRunHash(hash) {
    var match = /^#?run(?:=([A-Za-z0-9_-]{1,40}))?$/.exec(String(hash || ""));
    return match ? { plan: match[1] || null } : null;
  }

  function storageKey(kind, id) {
    return STORE + (kind === "plan" ? "p:" : "s:") + id;
  }

  function sameSteps(a, b) {
    return a.length === b.length && a.every(function (step, i) {
      return step.kind === b[i].kind && step.minutes === b[i].minutes && (step.session || null) === (b[i].session || null);
    });
  }

  /** Which run a session page shows (its state restored). wanted: parseRunHash of the address (null: it names
      none); page: {id, steps: the page's own steps}; stored: {active: the id of the workshop last started on this
      device, plan(id) and session(): the stored runs, null when none (read only when needed: reading a run this
      script cannot use discards it)}; current: the run shown now, or null. "#run" is this session's own run,
      "#run=<plan>" that workshop's; with no address, the workshop last started when it includes this session
      and is unfinished. -> {run (null: a new run of this session), planMissing: the address names a workshop
      this device does not hold, or one without this session}. */
  function pickRun(wanted, page, stored, current) {
    var currentOwn = current && current.kind === "session" ? current : null;
    function own() {
      var kept = stored.session();
      return kept && kept.kind === "session" && sameSteps(kept.steps, page.steps) ? kept : null;
    }
    if (wanted && !wanted.plan) return { run: own() || currentOwn, planMissing: false };
    var planId = wanted ? wanted.plan : stored.active;
    var plan = planId ? stored.plan(planId) : null;
    var ours = !!plan && plan.sessions.some(function (s) { return s.id === page.id; }) &&
      (!!wanted || plan.finishedAt === null);  // a finished workshop only when asked for (its summary)
    if (ours) return { run: plan, planMissing: false };
    return { run: currentOwn || own(), planMissing: !!wanted };
  }

  var LATEST_TIME = 8.64e15;  // the last instant a Date can hold: past it, dates print as "NaN-NaN-NaN"
  var LONGEST_STEP = 7 * 1440 * MINUTE;  // no activity, break or lunch of a workshop lasts a week

  function isNumberIn(value, low, high) {
    return typeof value === "number" && isFinite(value) && value >= low && value <= high;
  }

  function isTime(value) {
    return value === null || isNumberIn(value, 0, LATEST_TIME);
  }

  function isStep(step) {
    return !!step && typeof step === "object" && (step.kind === "activity" || step.kind === "break" || step.kind === "lunch") &&
      isNumberIn(step.minutes, 0, 1440) && isNumberIn(step.at, -366 * 1440, 366 * 1440) &&
      (step.kind !== "activity" || (typeof step.title === "string" && typeof step.session === "string" &&
                                    isNumberIn(step.n, 1, 1000)));
  }

  function isSession(session) {
    return !!session && typeof session === "object" && typeof session.id === "string" &&
      typeof session.title === "string" && (session.url === undefined || typeof session.url === "string");
  }

  /** A stored run (JSON text) if it has the shape this script writes, with every time and number in range (a run
      this script cannot show is refused here, never half-shown), else null. */
  function restore(text) {
    var run;
    try {
      run = JSON.parse(text);
    } catch (error) {
      return null;
    }
    var ok = !!run && typeof run === "object" && run.v === 1 && (run.kind === "session" || run.kind === "plan") &&
      typeof run.id === "string" && Array.isArray(run.steps) && run.steps.length > 0 && run.steps.every(isStep) &&
      Array.isArray(run.sessions) && run.sessions.length > 0 && run.sessions.every(isSession) &&
      Array.isArray(run.spent) && run.spent.length === run.steps.length &&
      run.spent.every(function (ms) { return isNumberIn(ms, 0, LONGEST_STEP); }) &&
      Number.isInteger(run.current) && run.current >= 0 && run.current < run.steps.length &&
      isTime(run.since) && isTime(run.startedAt) && isTime(run.finishedAt) && typeof run.note === "string" &&
      (run.savedAt === undefined || isTime(run.savedAt));
    return ok ? run : null;
  }

  var logic = {
    formatTimer: formatTimer, formatClock: formatClock, formatOffset: formatOffset, localDate: localDate,
    localTime: localTime, sessionSteps: sessionSteps, planSteps: planSteps, newRun: newRun, isRunning: isRunning,
    elapsed: elapsed, totalElapsed: totalElapsed, remaining: remaining, start: start, pause: pause, goTo: goTo,
    finish: finish, reopen: reopen, withNote: withNote, scheduleDelta: scheduleDelta, announcement: announcement,
    summaryRows: summaryRows, summaryText: summaryText, parseRunHash: parseRunHash, storageKey: storageKey,
    sameSteps: sameSteps, restore: restore, startPlan: startPlan, stepSession: stepSession, pageToOpen: pageToOpen,
    followsOnSameDay: followsOnSameDay, pickRun: pickRun, fromLanguageRoot: fromLanguageRoot,
  };
  window.manualRun = logic;

  /* ---------- Storage (this device only; a browser without it keeps the run in memory) ---------- */

  var memory = {};

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
    }
  }

  function write(key, value) {
    memory[key] = value;
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
      return true;
    } catch (error) {
      return false;
    }
  }

  function save(run) {
    run.savedAt = Date.now();
    return write(storageKey(run.kind, run.id), JSON.stringify(run));
  }

  var discarded = false;  // a stored run this script could not use was removed: the page says so once

  /** The stored run, if usable; one that is not (damaged, or from another version) is removed, so that it
      cannot stop run mode on every page until the browser's storage is cleared. */
  function load(kind, id) {
    var key = storageKey(kind, id);
    var text = read(key);
    var run = restore(text);
    if (text !== null && run === null) {
      write(key, null);
      discarded = true;
    }
    return run;
  }

  /** Keep the newest plan runs only: a device lends itself to many workshops. */
  function forgetOldPlans() {
    try {
      var plans = [];
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key.indexOf(STORE + "p:") === 0) plans.push([key, (restore(read(key)) || {}).savedAt || 0]);
      }
      plans.sort(function (a, b) { return b[1] - a[1]; });
      plans.slice(KEPT_PLANS).forEach(function (entry) { write(entry[0], null); });
    } catch (error) {
      /* nothing stored, nothing to forget */
    }
  }

  /** Called by the planner («Dar este taller») with its agenda: keep the workshop's plan on this device and open
      its first session in run mode (the plan's id in the address). Returns that address. */
  function startPlan(agenda) {
    var plan = planSteps(agenda);
    if (!plan.sessions.length) return null;
    var id = "p" + Date.now().toString(36);
    var run = newRun({ kind: "plan", id: id, steps: plan.steps, sessions: plan.sessions, clock: true });
    var kept = save(run);
    forgetOldPlans();
    write(STORE + "active", id);
    var target = plan.sessions[0].url + (kept ? "#run=" + id : "#run");
    window.location.href = target;
    return target;
  }

  /* ---------- The page ---------- */

  var el = window.manualDom.el;  // strings become text nodes, never HTML

  /** An activity's steps as the page shows them: its block without the heading and the minutes line, and the
      blocks that follow it up to the next activity (discussion, expected answers, notes). Cloned, ids dropped. */
  function activityContent(anchor) {
    var heading = document.getElementById(anchor);
    var block = heading ? heading.closest(".admonition.activity") : null;
    var out = document.createDocumentFragment();
    if (!block) return out;
    var parts = Array.prototype.filter.call(block.children, function (child) {
      return child !== heading && !child.classList.contains("activity-meta");
    });
    for (var next = block.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(".admonition.activity, h1, h2, template, script, dialog")) break;
      parts.push(next);
    }
    parts.forEach(function (node) {
      var clone = node.cloneNode(true);
      if (clone.removeAttribute) clone.removeAttribute("id");
      Array.prototype.forEach.call(clone.querySelectorAll("[id]"), function (inner) { inner.removeAttribute("id"); });
      out.appendChild(clone);
    });
    return out;
  }

  function startPage() {
    // The build's own elements (JSON <script>, <button>: no page content can hold one), and the view from
    // run-view.js (a page element with that id would be a window property too: only the script's object has these).
    var dataNode = document.querySelector('script[type="application/json"]#run-data');
    var launch = document.querySelector("button#run-open");
    var shipped = window.manualRunView;
    if (!dataNode || !launch || !shipped || typeof shipped.dialogs !== "string" || !shipped.words) return;
    var data = JSON.parse(dataNode.textContent);
    var W = shipped.words;
    var ownSteps = sessionSteps(data);
    var run = null;
    var planMissing = false;
    var view = null;
    var parts = {};
    var shownStep = -1;
    var lastRemaining = null;
    var ticker = null;
    var pushed = false;
    var lock = null;
    var locking = false;
    var leaving = false;  // the current step is another session's: that page is opening

    /** The run this page shows (pickRun); a new one of this session when there is none to restore. */
    function chooseRun() {
      var chosen = pickRun(parseRunHash(location.hash), { id: data.id, steps: ownSteps }, {
        active: read(STORE + "active"),
        plan: function (id) { return load("plan", id); },
        session: function () { return load("session", data.id); },
      }, run);
      planMissing = chosen.planMissing;
      return chosen.run || newRun({ kind: "session", id: data.id, steps: ownSteps, clock: false,
                                    sessions: [{ id: data.id, title: data.title, url: data.url, at: 0 }] });
    }

    function keep(next) {
      discarded = false;
      run = next;
      save(run);
      render();
    }

    function sessionTitle(id) {
      var found = run.sessions.filter(function (s) { return s.id === id; })[0];
      return found ? found.title : id;
    }

    function sessionHref(id) {
      var found = run.sessions.filter(function (s) { return s.id === id; })[0];
      if (!found) return "#";
      return (id === data.id ? "" : data.root + found.url) + "#run=" + run.id;
    }

    function plannedAt(step) {
      return run.clock ? formatClock(step.at) : formatOffset(step.at);
    }

    function launchLabel() {
      if (run.kind === "plan") return W.open_workshop;
      if (run.finishedAt !== null) return W.open_summary;
      return run.startedAt !== null ? W.open_resume : W.open;
    }

    /* The dialogs, made from run-view.js the first time run mode opens, after the launch button's paragraph. */
    function build() {
      var template = document.createElement("template");  // parsed inert: nothing in it loads or runs here
      template.innerHTML = shipped.dialogs;
      Array.prototype.forEach.call(template.content.querySelectorAll("a[href]"), function (link) {
        link.setAttribute("href", fromLanguageRoot(link.getAttribute("href"), data.root));
      });
      launch.parentNode.parentNode.insertBefore(document.importNode(template.content, true), launch.parentNode.nextSibling);
      view = document.getElementById("run-view");
      ["title", "close", "safety-open", "position", "timer", "timer-label", "progress", "elapsed", "delta",
       "prev", "toggle", "next", "live", "notice", "body", "next-up", "next-text", "materials", "materials-list",
       "finish", "clock", "summary", "note", "summary-text", "copy", "copy-status", "back", "reset", "safety",
       "safety-close"].forEach(function (name) { parts[name] = document.getElementById("run-" + name); });
      parts.close.addEventListener("click", closeByUser);
      view.addEventListener("cancel", function (event) { event.preventDefault(); closeByUser(); });
      parts.toggle.addEventListener("click", function () {
        var now = Date.now();
        keep(isRunning(run) ? pause(run, now) : start(run, now));
        say(isRunning(run) ? W.announce_started : W.paused);
      });
      parts.prev.addEventListener("click", function () { keep(goTo(run, run.current - 1, Date.now())); });
      parts.next.addEventListener("click", function () {
        if (run.current === run.steps.length - 1) finishRun();
        else keep(goTo(run, run.current + 1, Date.now()));
      });
      parts.finish.addEventListener("click", finishRun);
      parts.back.addEventListener("click", function () { keep(reopen(run)); parts.toggle.focus(); });
      parts.reset.addEventListener("click", function () {
        if (!window.confirm(W.reset_confirm)) return;
        write(storageKey(run.kind, run.id), null);
        if (run.kind === "plan") write(STORE + "active", null);
        run = newRun({ kind: "session", id: data.id, steps: ownSteps, clock: false,
                       sessions: [{ id: data.id, title: data.title, url: data.url, at: 0 }] });
        if (parseRunHash(location.hash)) history.replaceState(history.state, "", "#run");
        planMissing = false;
        shownStep = -1;
        render();
        parts.toggle.focus();
      });
      parts.note.addEventListener("input", function () {
        run = withNote(run, parts.note.value);
        save(run);
        parts["summary-text"].value = summaryText(run, W, Date.now());
      });
      parts.copy.addEventListener("click", copySummary);
      parts["safety-open"].addEventListener("click", function () { openDialog(parts.safety); });
      parts["safety-close"].addEventListener("click", function () { parts.safety.close(); parts["safety-open"].focus(); });
      parts.body.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("[data-run-go]") : null;
        if (!link) return;
        var index = Number(link.getAttribute("data-run-go"));
        if (link.tagName === "A") event.preventDefault();  // the run moving on opens that page (render)
        keep(goTo(run, index, Date.now()));
        if (link.tagName === "BUTTON") parts.toggle.focus();  // a link leaves for the next session's page
      });
      data.materials.forEach(function (m) {
        parts["materials-list"].appendChild(el("li", { text: (m.qty !== null ? m.qty + " × " : "") + m.item }));
      });
      if (!data.materials.length) parts["materials-list"].appendChild(el("li", { text: W.materials_none }));
    }

    function openDialog(dialog) {
      if (dialog.open) return;
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }

    function open(fromHash) {
      if (!view) build();
      run = chooseRun();
      shownStep = -1;
      lastRemaining = null;
      if (!fromHash && !parseRunHash(location.hash)) {
        history.pushState(history.state, "", "#run" + (run.kind === "plan" ? "=" + run.id : ""));
        pushed = true;
      }
      openDialog(view);
      render();
      if (!ticker) ticker = window.setInterval(render, 1000);
      (run.finishedAt !== null ? parts.note : parts.toggle).focus();
    }

    /* The view closes; the run does not stop (its clock is timestamps in storage). */
    function close() {
      if (ticker) window.clearInterval(ticker);
      ticker = null;
      if (parts.safety && parts.safety.open) parts.safety.close();
      if (view && view.open) view.close();
      wakeLock(false);
      launch.textContent = launchLabel();
      launch.focus();
    }

    function closeByUser() {
      if (pushed) {
        pushed = false;
        history.back();  // popstate closes the view
        return;
      }
      history.replaceState(history.state, "", location.pathname + location.search);
      close();
    }

    function finishRun() {
      keep(finish(run, Date.now()));
      if (run.kind === "plan") write(STORE + "active", null);
      parts.note.focus();
    }

    function say(text) {
      parts.live.textContent = "";
      window.setTimeout(function () { parts.live.textContent = text; }, 50);
    }

    function copySummary() {
      var text = parts["summary-text"].value;
      function done(ok) { parts["copy-status"].textContent = ok ? W.copied : W.copy_failed; }
      function fallback() {
        parts["summary-text"].focus();
        parts["summary-text"].select();
        var ok = false;
        try {
          ok = document.execCommand("copy");
        } catch (error) {
          ok = false;
        }
        done(ok);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    }

    /* Screen Wake Lock: the screen stays on while the clock runs and the view is shown; nothing happens
       where the browser has no such thing or refuses it. */
    function wakeLock(wanted) {
      if (!("wakeLock" in navigator) || !navigator.wakeLock) return;
      if (wanted && !lock && !locking) {
        locking = true;
        Promise.resolve().then(function () { return navigator.wakeLock.request("screen"); }).then(function (sentinel) {
          locking = false;
          lock = sentinel;
          if (sentinel && sentinel.addEventListener) sentinel.addEventListener("release", function () { lock = null; });
          if (!ticker || !isRunning(run)) wakeLock(false);
        }, function () { locking = false; });
      } else if (!wanted && lock) {
        var held = lock;
        lock = null;
        Promise.resolve().then(function () { return held.release(); }).catch(function () { /* already released */ });
      }
    }

    function stepBody(step, index) {
      var body = parts.body;
      body.textContent = "";
      parts.materials.hidden = !(step.kind === "activity" && step.session === data.id);
      if (step.kind !== "activity") {
        var following = run.steps[index + 1];
        var nextSession = following ? following.session : null;
        body.appendChild(el("h2", { className: "run__heading", text: W[step.kind] + " · " + step.minutes + " min" }));
        if (nextSession) {
          var first = run.sessions.filter(function (s) { return s.id === nextSession; })[0];
          body.appendChild(el("p", { className: "run__lead",
                                     text: fill(W.break_next, { title: sessionTitle(nextSession), time: formatClock(first.at) }) }));
          body.appendChild(el("p", {}, [nextSession === data.id
            ? el("button", { type: "button", className: "md-button md-button--primary", "data-run-go": index + 1, text: W.next })
            : el("a", { className: "md-button md-button--primary", href: sessionHref(nextSession), "data-run-go": index + 1,
                        text: W.open_next + ": " + sessionTitle(nextSession) })]));
        }
        return;
      }
      body.appendChild(el("h2", { className: "run__heading", text: step.title }));
      if (step.session !== data.id) {
        body.appendChild(el("p", { className: "run__lead", text: fill(W.elsewhere, { title: sessionTitle(step.session) }) }));
        body.appendChild(el("p", {}, [el("a", { className: "md-button md-button--primary", href: sessionHref(step.session),
                                                text: W.open_session + ": " + sessionTitle(step.session) })]));
        return;
      }
      var activity = data.activities.filter(function (a) { return a.n === step.n; })[0];
      body.appendChild(el("p", { className: "run__meta", text: step.minutes + " min · " + (activity ? activity.grouping : "") }));
      var content = activity ? activityContent(activity.anchor) : null;
      if (content && !followsOnSameDay(run, step.session)) {
        // The same-day note (see the activity's same_day) applies only when the plan puts this session right
        // after another on one day.
        Array.prototype.forEach.call(content.querySelectorAll(".same-day"), function (note) { note.remove(); });
      }
      body.appendChild(el("div", { className: "run__steps" }, [content]));
    }

    function nextUp(index, now) {
      var step = run.steps[index + 1];
      parts["next-up"].hidden = !step;
      if (!step) return;
      var title = step.kind === "activity" ? step.title : W[step.kind] + " (" + step.minutes + " min)";
      var when = [fill(W.next_at, { time: plannedAt(step) })];
      if (isRunning(run)) {
        var eta = now + Math.max(0, remaining(run, now));
        when.push(fill(W.next_eta, { time: localTime(eta) }));
      }
      parts["next-text"].textContent = title + " — " + when.join(" · ");
    }

    /* The current step is an activity of another session of the workshop: its steps are on that session's page,
       so the view goes there, clock running (the run is stored). The address is replaced, not pushed: Back then
       never returns to a page that would send the trainer straight on again. */
    function followRun() {
      var other = pageToOpen(run, data.id);
      if (!other || leaving) return leaving;
      leaving = true;
      window.location.replace(sessionHref(other));
      return true;
    }

    function render() {
      if (!view || !view.open) return;
      var now = Date.now();
      var done = run.finishedAt !== null;
      parts.clock.hidden = done;
      parts.summary.hidden = !done;
      parts.notice.hidden = !planMissing && !discarded;
      parts.notice.textContent = planMissing ? W.plan_missing : W.discarded;
      parts.title.textContent = W.mode + ": " + sessionTitle(stepSession(run, run.current));
      if (done) {
        shownStep = -1;
        parts.body.textContent = "";
        parts.materials.hidden = true;
        parts["next-up"].hidden = true;
        parts.finish.hidden = true;
        if (document.activeElement !== parts.note) parts.note.value = run.note;
        parts["summary-text"].value = summaryText(run, W, now);
        wakeLock(false);
        return;
      }
      parts.finish.hidden = false;
      var step = run.steps[run.current];
      var left = remaining(run, now);
      var over = left <= 0 && run.startedAt !== null;
      if (shownStep !== run.current) {
        stepBody(step, run.current);  // for another session's activity: a link to its page, while it opens
        if (followRun()) {
          shownStep = run.current;
          return;
        }
        if (shownStep !== -1) say(step.kind === "activity" ? positionText(step) + ": " + step.title
                                                           : W[step.kind] + " · " + step.minutes + " min");
        shownStep = run.current;
        lastRemaining = null;
      }
      parts.position.textContent = positionText(step);
      parts.timer.textContent = (left < 0 ? "+" : "") + formatTimer(left);
      parts["timer-label"].textContent = over ? W.time_up : W.remaining;
      view.classList.toggle("run--over", over);
      view.classList.toggle("run--paused", !isRunning(run));
      parts.progress.style.width = Math.min(100, 100 * (1 - Math.max(0, left) / (step.minutes * MINUTE || 1))) + "%";
      parts.elapsed.textContent = fill(W.elapsed, { time: formatTimer(totalElapsed(run, now)) });
      var delta = Math.round(scheduleDelta(run, now) / MINUTE);
      parts.delta.textContent = delta === 0 ? W.on_time : fill(delta > 0 ? W.behind : W.ahead, { n: Math.abs(delta) });
      parts.delta.className = "run__delta" + (delta > 0 ? " run__delta--behind" : "");
      parts.toggle.textContent = isRunning(run) ? W.pause : run.startedAt === null ? W.start : W.resume;
      parts.prev.disabled = run.current === 0;
      parts.next.textContent = run.current === run.steps.length - 1 ? W.finish : W.next;
      nextUp(run.current, now);
      if (isRunning(run) && lastRemaining !== null) {
        var news = announcement(lastRemaining, left);
        if (news) say(news.up ? fill(W.announce_up, { title: step.title || W[step.kind] })
                              : fill(W.announce_left, { n: news.left, title: step.title || W[step.kind] }));
      }
      lastRemaining = left;
      wakeLock(isRunning(run) && document.visibilityState !== "hidden");
    }

    function positionText(step) {
      if (step.kind !== "activity") return W[step.kind];
      var total = run.steps.filter(function (s) { return s.kind === "activity" && s.session === step.session; }).length;
      return fill(W.position, { n: step.n, total: total });
    }

    launch.addEventListener("click", function () { open(false); });
    window.addEventListener("popstate", syncWithAddress);
    window.addEventListener("hashchange", syncWithAddress);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        var stored = run ? load(run.kind, run.id) : null;  // another tab or page may have moved the run on
        if (stored) run = stored;
        shownStep = -1;
      }
      render();
    });

    function syncWithAddress() {
      var wanted = parseRunHash(location.hash);
      if (wanted && !(view && view.open)) open(true);
      else if (!wanted && view && view.open) {
        pushed = false;
        close();
      }
    }

    run = chooseRun();
    launch.textContent = launchLabel();
    launch.parentNode.hidden = false;
    if (parseRunHash(location.hash)) open(true);
    else if (launch.hasAttribute("data-run-pending")) open(false);  // tapped while run-launch.js loaded this file
    launch.removeAttribute("data-run-pending");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startPage);
  else startPage();
})();
