/* The change tally's arithmetic (the page: overrides/manual/change-tally.html, its DOM code: change-tally-page.js).
   Pure: no DOM, no network, no storage. Loaded by the page as window.manualChangeTally and by Node's test runner
   as a module (tests/js/change_tally.test.js). The rules are the scoring sheet's (m01-h04):
   - each statement is read as "x of y": x chose the equality answer ("disagree", or "agree" for a reverse-scored
     statement) out of y who answered it (blank or double-marked answers are left out);
   - a change worth mentioning in a small group, as a rule of thumb and not a statistical test: at least
     rule.atLeast people, and at least one in rule.oneIn of those who answered;
   - a subscale changes when several of its statements (at least two) change that way in the same direction.
   No percentages: in a small group one person moves a percentage a lot. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.manualChangeTally = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ANSWERS = ["agree", "partly", "disagree"];
  var MAX_COUNT = 999;

  /** What someone typed in a count box -> a whole number 0..999, 0 for an empty box, null for anything else. */
  function parseCount(text) {
    var value = String(text == null ? "" : text).trim();
    if (value === "") return 0;
    if (!/^\d{1,3}$/.test(value)) return null;
    return Number(value);
  }

  /** counts: {agree, partly, disagree} (missing ones are 0); reverse: the statement voices equality.
      -> {x: equality answers, y: answered}. */
  function share(counts, reverse) {
    var answered = 0;
    ANSWERS.forEach(function (answer) { answered += Number((counts || {})[answer] || 0); });
    var x = Number((counts || {})[reverse ? "agree" : "disagree"] || 0);
    return { x: x, y: answered };
  }

  /** The net number of people who moved towards the equality answer between entry and exit (negative: away). */
  function netChange(entry, exit) {
    return exit.x - entry.x;
  }

  /** Whether a net change of `net` people counts, with y answering at entry and at exit: at least rule.atLeast
      people and at least one in rule.oneIn of those who answered (the larger group, so a smaller exit group
      cannot make a change look bigger than it is). */
  function isImportant(net, entry, exit, rule) {
    var moved = Math.abs(net);
    var answered = Math.max(entry.y, exit.y);
    return moved > 0 && moved >= rule.atLeast && moved * rule.oneIn >= answered;
  }

  /** One statement: item {id, reverse}, entryCounts and exitCounts {agree, partly, disagree}.
      -> {id, entry: {x, y}, exit: {x, y}, net, direction: "towards"|"away"|"same"|"none", important}.
      "none": nobody answered at one of the moments, so nothing can be compared. */
  function itemChange(item, entryCounts, exitCounts, rule) {
    var entry = share(entryCounts, item.reverse);
    var exit = share(exitCounts, item.reverse);
    var net = netChange(entry, exit);
    var direction = !entry.y || !exit.y ? "none" : net > 0 ? "towards" : net < 0 ? "away" : "same";
    return { id: item.id, entry: entry, exit: exit, net: net, direction: direction,
             important: direction !== "none" && isImportant(net, entry, exit, rule) };
  }

  /** subscales: [{id}]; changes: itemChange results; items: [{id, subscale}].
      -> per subscale {id, entry: {x, y}, exit: {x, y} (answers, summed over its statements), towards, away
      (how many of its statements changed importantly each way), of (how many statements it has), direction}. */
  function subscaleChanges(subscales, items, changes) {
    var byId = {};
    changes.forEach(function (change) { byId[change.id] = change; });
    return subscales.map(function (subscale) {
      var mine = items.filter(function (item) { return item.subscale === subscale.id; })
        .map(function (item) { return byId[item.id]; }).filter(Boolean);
      var total = { id: subscale.id, entry: { x: 0, y: 0 }, exit: { x: 0, y: 0 }, towards: 0, away: 0, of: mine.length };
      mine.forEach(function (change) {
        total.entry.x += change.entry.x; total.entry.y += change.entry.y;
        total.exit.x += change.exit.x; total.exit.y += change.exit.y;
        if (change.important && change.direction === "towards") total.towards += 1;
        if (change.important && change.direction === "away") total.away += 1;
      });
      // "several statements of the same topic": at least two, all the same way
      total.direction = total.towards >= 2 && !total.away ? "towards" : total.away >= 2 && !total.towards ? "away"
        : total.towards && total.away ? "mixed" : "none";
      return total;
    });
  }

  /** How the entry and exit groups compare: questionnaires received at each moment and codes found at both.
      -> {entry, exit, paired, sameSize, problem: null | "paired-exceeds" (more pairs than questionnaires)}. */
  function pairing(entryReceived, exitReceived, paired) {
    var problem = paired > Math.min(entryReceived, exitReceived) ? "paired-exceeds" : null;
    return { entry: entryReceived, exit: exitReceived, paired: paired, sameSize: entryReceived === exitReceived, problem: problem };
  }

  /** A row whose answers add up to more than the questionnaires received at that moment: a counting mistake. */
  function overCounted(counts, received) {
    return received > 0 && share(counts, false).y > received;
  }

  /** "5 de 12" / "5 of 12": words.of is the joining word; never a percentage. */
  function xOfY(part, words) {
    return part.x + " " + words.of + " " + part.y;
  }

  return { ANSWERS: ANSWERS, MAX_COUNT: MAX_COUNT, parseCount: parseCount, share: share, netChange: netChange,
           isImportant: isImportant, itemChange: itemChange, subscaleChanges: subscaleChanges, pairing: pairing,
           overCounted: overCounted, xOfY: xOfY };
});
