/* Workshop planner (overrides/manual/planner.html): choose sessions, order them and set the times; the page
   shows a timed agenda, one merged materials list and the handouts to print. The plan lives in the URL hash
   (#s=m01-s01,m02-s02&d=2026-12-05&t=09:00&b=15&l=13:00-60): it works from file://, reloads and can be shared.
   Plain ES2017, no libraries, no network. The scheduling logic is pure (no DOM) and comes first. */
(function () {
  "use strict";

  var DAY = 24 * 60;
  var DEFAULTS = { start: 9 * 60, breakMinutes: 15, lunchStart: 13 * 60, lunchMinutes: 60 };
  var MAX_MINUTES = 240;

  /* ---------- Clock arithmetic ---------- */

  function pad2(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** "09:05" -> 545; anything else (empty, "25:00", "9h") -> null. */
  function parseClock(text) {
    var match = /^(\d{1,2}):(\d{2})$/.exec(String(text == null ? "" : text).trim());
    if (!match) return null;
    var hours = Number(match[1]);
    var minutes = Number(match[2]);
    if (hours > 23 || minutes > 59) return null;
    return hours * 60 + minutes;
  }

  /** What people type in a time field: "9:30", "09.30", "9h30", "930", "0930" or "9" -> minutes; else null. */
  function parseTimeInput(text) {
    var match = /^\s*(\d{1,2})(?:\s*[:.hH]\s*(\d{2})|(\d{2}))?\s*$/.exec(String(text == null ? "" : text));
    if (!match) return null;
    return parseClock(match[1] + ":" + (match[2] || match[3] || "00"));
  }

  /** 545 -> "09:05"; wraps past midnight (1500 -> "01:00"). */
  function formatClock(minutes) {
    var t = ((Math.round(minutes) % DAY) + DAY) % DAY;
    return pad2(Math.floor(t / 60)) + ":" + pad2(t % 60);
  }

  function formatSpan(start, end) {
    return formatClock(start) + "–" + formatClock(end);
  }

  /** 90 -> "1 h 30 min", 45 -> "45 min", 120 -> "2 h" (as on the session and programme pages). */
  function formatDuration(minutes) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    if (!hours) return rest + " min";
    return rest ? hours + " h " + rest + " min" : hours + " h";
  }

  /** A whole number of minutes between 0 and max, or fallback. */
  function parseMinutes(text, fallback, max) {
    var value = String(text == null ? "" : text).trim();
    if (!/^\d{1,4}$/.test(value)) return fallback;
    return Math.min(Number(value), max == null ? MAX_MINUTES : max);
  }

  /** A calendar date at midnight UTC. Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not. */
  function utcDate(year, month, day) {
    var date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(year, month - 1, day);
    return date;
  }

  /** "2026-12-05" when it is a real calendar date, else "". */
  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    if (!match) return "";
    var date = utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 &&
      date.getUTCDate() === Number(match[3]) ? match[0] : "";
  }

  /* ---------- The plan in the URL hash ---------- */

  function defaultState() {
    return { sessions: [], date: "", start: DEFAULTS.start, breakMinutes: DEFAULTS.breakMinutes, lunch: null };
  }

  /** "#s=a,b&d=…&t=09:00&b=15&l=13:00-60" -> state; unknown or repeated session ids are dropped. */
  function parseHash(hash, knownIds) {
    var params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
    var state = defaultState();
    (params.get("s") || "").split(",").forEach(function (id) {
      id = id.trim();
      if (id && (!knownIds || knownIds.has(id)) && state.sessions.indexOf(id) < 0) state.sessions.push(id);
    });
    state.date = parseDate(params.get("d"));
    var start = parseClock(params.get("t"));
    if (start !== null) state.start = start;
    state.breakMinutes = parseMinutes(params.get("b"), DEFAULTS.breakMinutes);
    var lunch = /^(\d{1,2}:\d{2})-(\d{1,4})$/.exec(params.get("l") || "");
    if (lunch && parseClock(lunch[1]) !== null) {
      state.lunch = { start: parseClock(lunch[1]), minutes: parseMinutes(lunch[2], DEFAULTS.lunchMinutes) };
    }
    return state;
  }

  /** state -> "s=a,b&d=2026-12-05&t=09:00&b=15&l=13:00-60" (ids, dates and times need no escaping). */
  function formatHash(state) {
    var parts = [];
    if (state.sessions.length) parts.push("s=" + state.sessions.map(encodeURIComponent).join(","));
    if (state.date) parts.push("d=" + state.date);
    parts.push("t=" + formatClock(state.start));
    parts.push("b=" + state.breakMinutes);
    if (state.lunch) parts.push("l=" + formatClock(state.lunch.start) + "-" + state.lunch.minutes);
    return parts.join("&");
  }

  /* ---------- Materials and handouts ---------- */

  function materialName(item) {
    return String(item == null ? "" : item).trim().replace(/\s+/g, " ");
  }

  function materialKey(item) {
    return materialName(item).normalize("NFC").toLowerCase();
  }

  /** One list for all sessions: the same item (case-insensitive) once, stated quantities added up.
      Each entry: {item, qty (null when no session states one), unstated (sessions without a quantity), sessions}. */
  function mergeMaterials(sessions) {
    var byKey = new Map();
    var list = [];
    sessions.forEach(function (session) {
      (session.materials || []).forEach(function (material) {
        var name = materialName(material.item);
        if (!name) return;
        var key = materialKey(name);
        var entry = byKey.get(key);
        if (!entry) {
          entry = { item: name, qty: null, unstatedIn: [], sessions: [] };
          byKey.set(key, entry);
          list.push(entry);
        }
        var qty = material.qty;
        if (typeof qty === "number" && isFinite(qty)) entry.qty = (entry.qty || 0) + qty;
        else if (entry.unstatedIn.indexOf(session.id) < 0) entry.unstatedIn.push(session.id);
        if (entry.sessions.indexOf(session.id) < 0) entry.sessions.push(session.id);
      });
    });
    return list.map(function (entry) {
      return { item: entry.item, qty: entry.qty, unstated: entry.unstatedIn.length, sessions: entry.sessions };
    });
  }

  /** The sheets the chosen sessions use, each once, in the order they are first needed: a session's handouts for
      participants (copies: "each", one per participant), then its forms for the facilitator (copies: "one"), as
      the catalog splits them by each handout's audience. */
  function handoutsToPrint(sessions, handouts) {
    var byId = new Map(handouts.map(function (h) { return [h.id, h]; }));
    var seen = new Map();
    var list = [];
    sessions.forEach(function (session) {
      var sheets = (session.participant_handouts || session.handouts || []).map(function (id) { return [id, "each"]; })
        .concat((session.facilitator_forms || []).map(function (id) { return [id, "one"]; }));
      sheets.forEach(function (sheet) {
        var id = sheet[0];
        var handout = byId.get(id);
        if (!handout) return;
        if (!seen.has(id)) {
          var entry = { handout: handout, sessions: [], copies: sheet[1] };
          seen.set(id, entry);
          list.push(entry);
        }
        if (seen.get(id).sessions.indexOf(session) < 0) seen.get(id).sessions.push(session);
      });
    });
    return list;
  }

  /* ---------- The agenda ---------- */

  /** Which break between sessions becomes lunch: the one starting nearest to the lunch time (the earlier on a
      tie) and at most `window` minutes from it; null otherwise. The schedule page uses the same rule
      (hooks/manualgen/timing.py, lunch_gap). */
  function lunchGap(gapTimes, lunchAt, window) {
    var best = null;
    gapTimes.forEach(function (at, index) {
      var distance = Math.abs(at - lunchAt);
      if (distance > window) return;
      if (best === null || distance < Math.abs(gapTimes[best] - lunchAt)) best = index;
    });
    return best;
  }

  /** Clock times for every activity, the breaks between sessions and lunch.
      options: {start, breakMinutes, lunch: null | {start, minutes}, lunchWindow} (minutes since midnight).
      A session is run in one block: breaks and lunch go only between sessions, and lunch takes the place of
      the break nearest to its time. */
  function buildAgenda(sessions, options) {
    var rows = [];
    var wanted = options.lunch && options.lunch.minutes > 0 ? options.lunch : null;
    var window = options.lunchWindow == null ? 60 : options.lunchWindow;
    var gaps = [];
    var at = options.start;
    sessions.forEach(function (session, index) {
      at += session.duration;
      if (index < sessions.length - 1) {
        gaps.push(at);
        at += options.breakMinutes;
      }
    });
    var lunchIndex = wanted ? lunchGap(gaps, wanted.start, window) : null;
    var lunchAt = null;
    var breakTotal = 0;
    var previousStart = null;
    at = options.start;
    sessions.forEach(function (session, index) {
      if (index > 0) {
        var isLunch = index - 1 === lunchIndex;
        var length = isLunch ? wanted.minutes : options.breakMinutes;
        if (length > 0) {
          rows.push({ kind: isLunch ? "lunch" : "break", start: at, end: at + length, minutes: length });
          if (isLunch) lunchAt = at;
          else breakTotal += length;
        }
        at += length;
      }
      // A session lasts its duration (the sum of its activities, checked by the build), so a plan without the
      // activities (the certificate page's) is timed the same.
      rows.push({ kind: "session", session: session, start: at, end: at + session.duration, minutes: session.duration });
      // No week of home practice since the session before when both start on one calendar day: an opening that
      // reviews that practice says what it does instead (the activity's same_day, from the catalog).
      var sameDay = index > 0 && Math.floor(previousStart / DAY) === Math.floor(at / DAY);
      previousStart = at;
      var activityAt = at;
      (session.activities || []).forEach(function (activity, activityIndex) {
        var row = { kind: "activity", session: session, activity: activity, start: activityAt,
                    end: activityAt + activity.minutes, minutes: activity.minutes };
        if (sameDay && activityIndex === 0 && activity.same_day) row.sameDay = activity.same_day;
        rows.push(row);
        activityAt += activity.minutes;
      });
      at += session.duration;
    });

    var sessionMinutes = sessions.reduce(function (sum, s) { return sum + s.duration; }, 0);
    var lunchNote = null;
    if (wanted && lunchAt === null && sessions.length) lunchNote = sessions.length < 2 ? "one-session" : "no-gap";
    return {
      rows: rows, start: options.start, end: at, total: at - options.start, sessionMinutes: sessionMinutes,
      breakMinutes: breakTotal, lunchMinutes: lunchAt === null ? 0 : wanted.minutes, lunchStart: lunchAt,
      lunchNote: lunchNote, pastMidnight: at > DAY,
    };
  }

  /** The plan as the planner lays it out and prints it: the agenda of the chosen sessions (in the plan's order)
      from the plan's start time, breaks and lunch. state: parseHash's; rules: {lunchWindow}. */
  function planAgenda(sessions, state, rules) {
    return buildAgenda(sessions, { start: state.start, breakMinutes: state.breakMinutes, lunch: state.lunch,
                                   lunchWindow: rules.lunchWindow });
  }

  /** The plan's own days: its sessions grouped by the calendar day each starts on in the agenda (the plan's date
      is day 0; an agenda that runs past midnight goes on to day 1). Never split again by the day rules: those
      are warnings for the trainer, and the certificates state the days of the plan the trainer printed.
      -> [{offset, sessions: [session]}], in order. */
  function agendaDays(agenda) {
    var days = [];
    agenda.rows.forEach(function (row) {
      if (row.kind !== "session") return;
      var offset = Math.floor(row.start / DAY);
      var last = days[days.length - 1];
      if (last && last.offset === offset) last.sessions.push(row.session);
      else days.push({ offset: offset, sessions: [row.session] });
    });
    return days;
  }

  /** "2026-12-31" + 1 -> "2027-01-01"; "" when the date is not a real one. */
  function addDays(iso, days) {
    if (!parseDate(iso)) return "";
    var parts = iso.split("-").map(Number);
    var date = utcDate(parts[0], parts[1], parts[2] + days);
    var year = String(date.getUTCFullYear());
    while (year.length < 4) year = "0" + year;
    return year + "-" + pad2(date.getUTCMonth() + 1) + "-" + pad2(date.getUTCDate());
  }

  /** The manual's safety rules for a day that the plan breaks (the schedule page obeys the same rules,
      hooks/manualgen/timing.py): [{rule: "sessions", n, max} | {rule: "high", sessions, max} |
      {rule: "minutes", total, max}]. rules: {sessionsPerDay, highPerDay, maxDayMinutes}. */
  function dayWarnings(sessions, rules) {
    var found = [];
    if (sessions.length > rules.sessionsPerDay) found.push({ rule: "sessions", n: sessions.length, max: rules.sessionsPerDay });
    var high = sessions.filter(function (s) { return s.sensitivity === "high"; });
    if (high.length > rules.highPerDay) found.push({ rule: "high", sessions: high, max: rules.highPerDay });
    var total = sessions.reduce(function (sum, s) { return sum + s.duration; }, 0);
    if (total > rules.maxDayMinutes) found.push({ rule: "minutes", total: total, max: rules.maxDayMinutes });
    return found;
  }

  /** What in the plan's order goes against the manual (the day rules aside): [{rule: "order", session, previous}]
      for each session placed after one the manual puts later (each module builds on the ones before), and
      {rule: "agreements", sessions: [high-sensitivity sessions], agreements} when such sessions come before the
      session where the group makes its agreements (rules.agreementsSession). modulesById: id -> {order}. */
  function planWarnings(sessions, modulesById, rules) {
    var found = [];
    function place(session) {
      var module = modulesById.get(session.module);
      return [module ? module.order : 0, session.order];
    }
    sessions.forEach(function (session, index) {
      if (!index) return;
      var previous = sessions[index - 1];
      var here = place(session);
      var before = place(previous);
      if (here[0] < before[0] || (here[0] === before[0] && here[1] < before[1])) {
        found.push({ rule: "order", session: session, previous: previous });
      }
    });
    var agreementsAt = -1;
    sessions.forEach(function (session, index) { if (session.id === rules.agreementsSession) agreementsAt = index; });
    if (agreementsAt > 0) {
      var early = sessions.slice(0, agreementsAt).filter(function (s) { return s.sensitivity === "high"; });
      if (early.length) found.push({ rule: "agreements", sessions: early, agreements: sessions[agreementsAt] });
    }
    return found;
  }

  /** "2.3" for session 3 of module 2 (modulesById: module id -> {order}); "?.3" when the module is unknown. */
  function sessionNumber(session, modulesById) {
    var module = modulesById.get(session.module);
    return (module ? module.order : "?") + "." + session.order;
  }

  var logic = {
    parseClock: parseClock, parseTimeInput: parseTimeInput, formatClock: formatClock, formatSpan: formatSpan, formatDuration: formatDuration,
    parseMinutes: parseMinutes, parseDate: parseDate, parseHash: parseHash, formatHash: formatHash,
    mergeMaterials: mergeMaterials, handoutsToPrint: handoutsToPrint, buildAgenda: buildAgenda, lunchGap: lunchGap,
    dayWarnings: dayWarnings, utcDate: utcDate, sessionNumber: sessionNumber, planAgenda: planAgenda,
    agendaDays: agendaDays, addDays: addDays, planWarnings: planWarnings,
  };
  window.manualPlanner = logic;

  /* ---------- The page ---------- */

  var fill = window.manualDom.fill;

  var el = window.manualDom.el;  // strings become text nodes, never HTML


  function formatDate(iso, locale) {
    if (!iso) return "";
    var parts = iso.split("-").map(Number);
    var date = utcDate(parts[0], parts[1], parts[2]);
    try {
      return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric",
                                               timeZone: "UTC" }).format(date);
    } catch (error) {
      return iso;
    }
  }

  function start() {
    // The build's own elements (a JSON <script>, a <form>: no page content can hold one), never the first
    // element of the page that carries the id.
    var dataNode = document.querySelector('script[type="application/json"]#planner-data');
    var wordsNode = document.querySelector('script[type="application/json"]#planner-words');
    var form = document.querySelector("form#planner-form");
    if (!dataNode || !wordsNode || !form) return;
    var catalog = JSON.parse(dataNode.textContent);
    var W = JSON.parse(wordsNode.textContent);
    var rules = JSON.parse(document.querySelector('script[type="application/json"]#planner-rules').textContent);  // extra.manual.schedule
    var rulesLink = form.getAttribute("data-rules-link");
    var sessionsById = new Map(catalog.sessions.map(function (s) { return [s.id, s]; }));
    var modulesById = new Map(catalog.modules.map(function (m) { return [m.id, m]; }));
    var knownIds = new Set(sessionsById.keys());

    var fields = {
      date: document.getElementById("planner-date"),
      start: document.getElementById("planner-start"),
      breakMinutes: document.getElementById("planner-break"),
      lunch: document.getElementById("planner-lunch"),
      lunchStart: document.getElementById("planner-lunch-start"),
      lunchMinutes: document.getElementById("planner-lunch-minutes"),
    };
    var chosenList = document.getElementById("planner-chosen");
    var orderEmpty = document.getElementById("planner-order-empty");
    var plan = document.getElementById("planner-plan");
    var output = document.getElementById("planner-output");
    var status = document.getElementById("planner-status");
    var printButton = document.getElementById("planner-print");
    var runButton = document.getElementById("planner-run");  // run mode (run.js) starts the plan's first session
    var checkboxes = Array.prototype.slice.call(form.querySelectorAll('input[name="session"]'));

    var state = parseHash(location.hash, knownIds);
    var written = null;

    function sessionLabel(session) {
      var module = modulesById.get(session.module);
      return W.module + " " + (module ? module.order : "?") + " · " + W.session + " " + session.order;
    }

    /* State -> form. */
    function showState() {
      checkboxes.forEach(function (box) { box.checked = state.sessions.indexOf(box.value) >= 0; });
      fields.date.value = state.date;
      fields.start.value = formatClock(state.start);
      fields.breakMinutes.value = String(state.breakMinutes);
      fields.lunch.checked = state.lunch !== null;
      if (state.lunch) {
        fields.lunchStart.value = formatClock(state.lunch.start);
        fields.lunchMinutes.value = String(state.lunch.minutes);
      }
      syncLunchFields();
    }

    function syncLunchFields() {
      fields.lunchStart.disabled = !fields.lunch.checked;
      fields.lunchMinutes.disabled = !fields.lunch.checked;
    }

    /* Form fields -> state (the order of the sessions is kept in the state, not in the form). */
    function readFields() {
      state.date = parseDate(fields.date.value);
      var startAt = parseTimeInput(fields.start.value);
      if (startAt !== null) state.start = startAt;  // while a time is half typed, keep the last good one
      state.breakMinutes = parseMinutes(fields.breakMinutes.value, 0);
      if (fields.lunch.checked) {
        var lunchAt = parseTimeInput(fields.lunchStart.value);
        var previous = state.lunch ? state.lunch.start : DEFAULTS.lunchStart;
        state.lunch = { start: lunchAt === null ? previous : lunchAt,
                        minutes: parseMinutes(fields.lunchMinutes.value, 0) };
      } else {
        state.lunch = null;
      }
    }

    function writeHash() {
      var hash = formatHash(state);
      written = hash;
      linkCertificates(hash);
      if (location.hash.replace(/^#/, "") === hash) return;
      try {
        history.replaceState(history.state, "", "#" + hash);
      } catch (error) {
        location.replace("#" + hash);
      }
    }

    /* "Print certificates" (constancia.html) opens with this plan. */
    function linkCertificates(hash) {
      var link = document.getElementById("planner-certificates");
      if (!link) return;
      var page = link.getAttribute("data-href") || link.getAttribute("href").split("#")[0];
      link.setAttribute("data-href", page);
      // No session chosen: nothing to certify, so the link is shown disabled (no address, announced as such).
      if (state.sessions.length) {
        link.setAttribute("href", page + "#" + hash);
        link.removeAttribute("aria-disabled");
        link.removeAttribute("role");
      } else {
        link.removeAttribute("href");
        link.setAttribute("aria-disabled", "true");
        link.setAttribute("role", "link");
      }
    }

    function renderChosen(focus) {
      chosenList.textContent = "";
      orderEmpty.hidden = state.sessions.length > 0;
      state.sessions.forEach(function (id, index) {
        var session = sessionsById.get(id);
        var title = session.title;
        function button(action, symbol, label, disabled) {
          return el("button", { type: "button", className: "md-button planner-move", "data-action": action,
                                "data-id": id, "aria-label": label + ": " + title, title: label,
                                disabled: disabled }, [symbol]);
        }
        chosenList.appendChild(el("li", { "data-id": id }, [
          el("span", { className: "planner-chosen__title" }, [
            el("span", { className: "planner-chosen__module", text: sessionLabel(session) }), " ",
            title, " ", el("span", { className: "planner-minutes", text: "(" + session.duration + " min)" }),
            session.sensitivity === "high" ? " " : null,
            session.sensitivity === "high" ? el("span", { className: "planner-high", text: W.sensitivity_high_short }) : null,
          ]),
          el("span", { className: "planner-chosen__buttons" }, [
            button("up", "↑", W.up, index === 0),
            button("down", "↓", W.down, index === state.sessions.length - 1),
            button("remove", "✕", W.remove, false),
          ]),
        ]));
      });
      if (focus) {
        var target = chosenList.querySelector('button[data-id="' + focus.id + '"][data-action="' + focus.action + '"]');
        if (!target || target.disabled) {
          target = chosenList.querySelector('button[data-id="' + focus.id + '"]:not([disabled])');
        }
        if (target) target.focus();
      }
    }

    function agendaTable(agenda) {
      var body = el("tbody");
      agenda.rows.forEach(function (row) {
        var time = el("td", { className: "planner-time", text: formatSpan(row.start, row.end) });
        if (row.kind === "session") {
          var session = row.session;
          var heading = el("th", { scope: "colgroup", colspan: "2" }, [
            el("span", { className: "planner-session-label", text: sessionLabel(session) }), " ",
            el("a", { href: session.url, text: session.title }),
            " (" + formatDuration(session.duration) + ")",
            session.pdf ? el("span", { className: "planner-screen-only" }, [" · ",
              el("a", { href: session.pdf, "aria-label": fill(W.session_pdf_label, { title: session.title }), text: "PDF" })]) : null,
          ]);
          body.appendChild(el("tr", { className: "planner-row planner-row--session" }, [time, heading]));
        } else if (row.kind === "activity") {
          body.appendChild(el("tr", { className: "planner-row planner-row--activity" }, [
            time,
            el("td", {}, [row.activity.title + " ", el("span", { className: "planner-minutes",
                                                                 text: "(" + row.minutes + " min)" })]),
            el("td", { className: "planner-grouping", text: W[row.activity.grouping] || row.activity.grouping || "" }),
          ]));
          if (row.sameDay) {
            body.appendChild(el("tr", { className: "planner-row planner-row--same-day" }, [
              el("td"), el("td", { colspan: "2" }, [el("strong", { text: W.same_day_opening + ": " }), row.sameDay]),
            ]));
          }
        } else {
          var label = row.kind === "lunch" ? W.lunch_row : W.break_row;
          body.appendChild(el("tr", { className: "planner-row planner-row--" + row.kind }, [
            time, el("td", { colspan: "2" }, [label + " (" + row.minutes + " min)"]),
          ]));
        }
      });
      return el("div", { className: "planner-table" }, [
        el("table", { className: "planner-agenda" }, [
          el("thead", {}, [el("tr", {}, [
            el("th", { scope: "col", text: W.time }),
            el("th", { scope: "col", text: W.activity }),
            el("th", { scope: "col", text: W.grouping }),
          ])]),
          body,
          el("tfoot", {}, [el("tr", {}, [
            el("th", { scope: "row", text: W.total }),
            el("td", { colspan: "2", id: "planner-total" },
               [formatSpan(agenda.start, agenda.end) + " · " + formatDuration(agenda.total)]),
          ])]),
        ]),
      ]);
    }

    function totalsList(agenda, count) {
      var items = [
        [W.sessions_total, (count === 1 ? W.one_session : fill(W.n_sessions, { n: count })) + " · " +
          formatDuration(agenda.sessionMinutes), "planner-sessions-total"],
      ];
      if (agenda.breakMinutes) items.push([W.breaks_total, formatDuration(agenda.breakMinutes), "planner-breaks-total"]);
      if (agenda.lunchMinutes) {
        items.push([W.lunch_total, formatSpan(agenda.lunchStart, agenda.lunchStart + agenda.lunchMinutes),
                    "planner-lunch-total"]);
      }
      items.push([W.day, formatSpan(agenda.start, agenda.end) + " (" + formatDuration(agenda.total) + ")",
                  "planner-day"]);
      var list = el("dl", { className: "planner-totals" });
      items.forEach(function (item) {
        list.appendChild(el("div", {}, [el("dt", { text: item[0] }), el("dd", { id: item[2], text: item[1] })]));
      });
      return list;
    }

    function materialsList(materials) {
      if (!materials.length) return [el("p", { text: W.materials_none })];
      var list = el("ul", { className: "checklist planner-materials" });
      materials.forEach(function (m) {
        var more = null;
        if (m.qty !== null && m.unstated > 0) {
          more = el("span", { className: "planner-more",
                              text: " (" + (m.unstated === 1 ? W.materials_more_one
                                                           : fill(W.materials_more_many, { n: m.unstated })) + ")" });
        }
        list.appendChild(el("li", {}, [el("label", {}, [
          el("input", { type: "checkbox" }), " ",
          el("span", { className: "planner-material", text: (m.qty !== null ? m.qty + " × " : "") + m.item }),
          more,
        ])]));
      });
      return [el("p", { className: "checklist-hint", text: W.materials_hint }), list];
    }

    function handoutList(handouts) {
      if (!handouts.length) return [el("p", { text: W.handouts_none })];
      var list = el("ul", { className: "planner-handouts" });
      handouts.forEach(function (entry) {
        var h = entry.handout;
        var links = [];
        if (h.pdf) {
          links.push(el("a", { className: "planner-pdf", href: h.pdf, text: W.handout_pdf,
                               "aria-label": fill(W.handout_pdf_label, { title: h.title }) }));
          links.push(" · ");
        }
        links.push(el("a", { className: "planner-page", href: h.url, text: W.handout_page,
                             "aria-label": fill(W.handout_page_label, { title: h.title }) }));
        list.appendChild(el("li", { "data-id": h.id }, [
          el("strong", { className: "planner-handout-title", text: h.title }),
          el("br"),
          el("span", { className: "planner-handout-copies", text: entry.copies === "one" ? W.copies_one : W.copies_each }),
          el("br"),
          el("span", { className: "planner-handout-use",
                       text: W.for_sessions + ": " + entry.sessions.map(sessionLabel).join("; ") }),
          el("span", { className: "planner-screen-only" }, [el("br")].concat(links)),
        ]));
      });
      return [list];
    }

    /** The chosen sessions' rotafolio (catalog: session.wall_sheets), at its sheet size and on A4 tiles; nothing
     *  when no chosen session has one (PDFs switched off). */
    function wallSheetsList(chosen) {
      var withSheets = chosen.filter(function (session) { return session.wall_sheets; });
      if (!withSheets.length) return [];
      var list = el("ul", { className: "planner-wall-sheets" });
      withSheets.forEach(function (session) {
        list.appendChild(el("li", { "data-id": session.id }, [
          el("strong", { text: sessionLabel(session) + " " + session.title }), ": ",
          el("a", { href: session.wall_sheets.pdf, text: W.wall_pdf }), " · ",
          el("a", { href: session.wall_sheets.tiles, text: W.wall_tiles }),
        ]));
      });
      return [el("h3", { id: "planner-wall-sheets", text: W.print_wall }), list];
    }

    /** Each chosen session's one-page facilitator checklist (one copy, for the facilitator), when its PDF exists. */
    function checklistList(sessions) {
      var withPdf = sessions.filter(function (session) { return session.checklist_pdf; });
      if (!withPdf.length) return [];
      var list = el("ul", { className: "planner-checklists" });
      withPdf.forEach(function (session) {
        list.appendChild(el("li", { "data-id": session.id }, [
          el("strong", { text: W.checklist + " · " + sessionLabel(session) + ": " + session.title }), el("br"),
          el("span", { className: "planner-handout-copies", text: W.copies_one }),
          el("span", { className: "planner-screen-only" }, [el("br"),
            el("a", { className: "planner-pdf", href: session.checklist_pdf, text: W.handout_pdf,
                      "aria-label": fill(W.handout_pdf_label, { title: W.checklist + " " + sessionLabel(session) }) })]),
        ]));
      });
      return [el("p", { className: "planner-note", text: W.checklists }), list];
    }

    /** The safety rules the plan breaks, in words, with a link to why; null when it keeps them all. */
    function warningsBox(warnings) {
      if (!warnings.length) return null;
      var list = el("ul", {});
      warnings.forEach(function (w) {
        var text;
        if (w.rule === "sessions") text = fill(W.rule_sessions, { n: w.n, max: w.max });
        else if (w.rule === "high") {
          text = fill(W.rule_high, { n: w.sessions.length, max: w.max,
                                     list: w.sessions.map(function (session) {
                                       return sessionNumber(session, modulesById);
                                     }).join(", ") });
        } else if (w.rule === "order") {
          text = fill(W.rule_order, { number: sessionNumber(w.session, modulesById),
                                      previous: sessionNumber(w.previous, modulesById) });
        } else if (w.rule === "agreements") {
          text = fill(W.rule_agreements, { number: sessionNumber(w.agreements, modulesById),
                                           list: w.sessions.map(function (session) {
                                             return sessionNumber(session, modulesById);
                                           }).join(", ") });
        } else text = fill(W.rule_minutes, { total: formatDuration(w.total), max: formatDuration(w.max) });
        list.appendChild(el("li", { "data-rule": w.rule, text: text }));
      });
      return el("div", { className: "planner-warnings", id: "planner-warnings" }, [
        el("p", { className: "planner-warnings__title", text: W.rules_title }),
        list,
        el("p", {}, [el("a", { href: rulesLink, text: W.rules_link })]),
      ]);
    }


    function renderPlan() {
      var chosen = state.sessions.map(function (id) { return sessionsById.get(id); });
      output.textContent = "";
      printButton.disabled = chosen.length === 0;
      if (runButton) runButton.disabled = chosen.length === 0;
      if (!chosen.length) {
        status.textContent = "";
        output.appendChild(el("p", { className: "planner-hint", text: W.plan_empty }));
        return;
      }
      var agenda = planAgenda(chosen, state, rules);
      // Every day of the plan by its date (a plan that runs past midnight has two).
      var when = state.date ? agendaDays(agenda).map(function (day) {
        return formatDate(addDays(state.date, day.offset), W.locale);
      }).join(" – ") : "";
      status.textContent = (when ? when + " · " : "") + formatSpan(agenda.start, agenda.end) + " · " +
        (chosen.length === 1 ? W.one_session : fill(W.n_sessions, { n: chosen.length }));
      var notes = [];
      if (agenda.lunchNote === "one-session") notes.push(W.lunch_one_session);
      if (agenda.lunchNote === "no-gap") notes.push(fill(W.lunch_no_gap, { time: formatClock(state.lunch.start) }));
      if (agenda.pastMidnight) notes.push(W.past_midnight);
      var parts = [
        when ? el("p", { className: "planner-date", id: "planner-date-shown", text: when }) : null,
        warningsBox(dayWarnings(chosen, rules).concat(planWarnings(chosen, modulesById, rules))),
        totalsList(agenda, chosen.length),
      ].concat(notes.map(function (note) { return el("p", { className: "planner-note", text: note }); }), [
        el("h3", { id: "planner-agenda", text: W.agenda }),
        agendaTable(agenda),
        el("h3", { id: "planner-materials", text: W.materials }),
      ], materialsList(mergeMaterials(chosen)), [
        el("h3", { id: "planner-handouts", text: W.print_handouts }),
      ], handoutList(handoutsToPrint(chosen, catalog.handouts)), checklistList(chosen), wallSheetsList(chosen));
      parts.forEach(function (part) { if (part) output.appendChild(part); });
    }

    function update(focus) {
      writeHash();
      renderChosen(focus);
      renderPlan();
    }

    /** Run mode's script (run.js), loaded the first time the trainer starts a workshop: most visits never do. */
    var runModeLoading = false;
    function withRunMode(then) {
      if (window.manualRun) return then();
      if (runModeLoading) return;
      runModeLoading = true;
      var script = document.createElement("script");
      script.src = runButton.getAttribute("data-script");
      script.addEventListener("load", function () { runModeLoading = false; then(); });
      script.addEventListener("error", function () { runModeLoading = false; });
      document.body.appendChild(script);
    }

    if (runButton) {
      runButton.addEventListener("click", function () {
        var chosen = state.sessions.map(function (id) { return sessionsById.get(id); });
        var agenda = planAgenda(chosen, state, rules);
        withRunMode(function () { window.manualRun.startPlan(agenda); });
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.name === "session") {
        var index = state.sessions.indexOf(target.value);
        if (target.checked && index < 0) state.sessions.push(target.value);
        if (!target.checked && index >= 0) state.sessions.splice(index, 1);
        update();
        return;
      }
      if (target === fields.lunch) syncLunchFields();
      readFields();
      // Leaving a time field: show what the plan uses, as HH:MM.
      if (target === fields.start) fields.start.value = formatClock(state.start);
      if (target === fields.lunchStart && state.lunch) fields.lunchStart.value = formatClock(state.lunch.start);
      update();
    });
    form.addEventListener("input", function (event) {
      if (event.target.name === "session" || event.target === fields.lunch) return;
      readFields();
      update();
    });
    chosenList.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[data-action]") : null;
      if (!button) return;
      var id = button.getAttribute("data-id");
      var action = button.getAttribute("data-action");
      var index = state.sessions.indexOf(id);
      if (index < 0) return;
      var focus = { id: id, action: action };
      if (action === "up" && index > 0) {
        state.sessions.splice(index, 1);
        state.sessions.splice(index - 1, 0, id);
      } else if (action === "down" && index < state.sessions.length - 1) {
        state.sessions.splice(index, 1);
        state.sessions.splice(index + 1, 0, id);
      } else if (action === "remove") {
        state.sessions.splice(index, 1);
        checkboxes.forEach(function (box) { if (box.value === id) box.checked = false; });
        var next = state.sessions[Math.min(index, state.sessions.length - 1)];
        focus = next ? { id: next, action: "remove" } : null;
        if (!next) orderEmpty.setAttribute("tabindex", "-1");
        update(focus);
        if (!next) orderEmpty.focus();
        return;
      }
      update(focus);
    });
    window.addEventListener("hashchange", function () {
      // Someone edited the address or followed a shared link to this page: show that plan.
      if (location.hash.replace(/^#/, "") === written) return;
      state = parseHash(location.hash, knownIds);
      showState();
      update();
    });

    plan.hidden = false;
    showState();
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
