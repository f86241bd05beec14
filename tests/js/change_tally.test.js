// The change tally's arithmetic (docs/assets/javascripts/change-tally.js), run by `node --test tests/js/`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const tally = require("../../docs/assets/javascripts/change-tally.js");

const RULE = { atLeast: 3, oneIn: 4 };  // data/change_check.yml, important_change
const OF = { of: "de" };

test("an empty box counts as zero; anything but a whole number is refused", () => {
  assert.equal(tally.parseCount(""), 0);
  assert.equal(tally.parseCount(" 7 "), 7);
  assert.equal(tally.parseCount("12"), 12);
  for (const bad of ["-1", "1.5", "3a", "1e3", "1000", "½"]) assert.equal(tally.parseCount(bad), null, bad);
});

test("the equality answer is 'disagree', or 'agree' for a reverse-scored statement", () => {
  const counts = { agree: 2, partly: 3, disagree: 7 };
  assert.deepEqual(tally.share(counts, false), { x: 7, y: 12 });
  assert.deepEqual(tally.share(counts, true), { x: 2, y: 12 });
  assert.deepEqual(tally.share({ disagree: 4 }, false), { x: 4, y: 4 }, "missing answers count as none");
});

test("'x of y' leaves out those who did not answer and never shows a percentage", () => {
  const change = tally.itemChange({ id: "s1", reverse: false }, { agree: 5, partly: 4, disagree: 3 }, { agree: 1, partly: 2, disagree: 8 }, RULE);
  assert.equal(tally.xOfY(change.entry, OF), "3 de 12");
  assert.equal(tally.xOfY(change.exit, OF), "8 de 11");
  assert.ok(!/%/.test(tally.xOfY(change.exit, OF)));
});

test("a change counts with at least three people and at least one in four of those who answered", () => {
  const item = { id: "s", reverse: false };
  const three = tally.itemChange(item, { agree: 6, disagree: 2 }, { agree: 3, disagree: 5 }, RULE);
  assert.equal(three.net, 3); assert.equal(three.direction, "towards"); assert.equal(three.important, true);
  const two = tally.itemChange(item, { agree: 6, disagree: 2 }, { agree: 4, disagree: 4 }, RULE);
  assert.equal(two.important, false, "two people are not enough");
  // 3 people in a group of 16 is less than one in four
  const big = tally.itemChange(item, { agree: 10, disagree: 6 }, { agree: 7, disagree: 9 }, RULE);
  assert.equal(big.net, 3); assert.equal(big.important, false);
  // 4 of 16 is one in four
  assert.equal(tally.itemChange(item, { agree: 10, disagree: 6 }, { agree: 6, disagree: 10 }, RULE).important, true);
});

test("a change away from equality is reported as such, and counts by the same rule", () => {
  const change = tally.itemChange({ id: "s9", reverse: true }, { agree: 9, disagree: 1 }, { agree: 5, partly: 3, disagree: 2 }, RULE);
  assert.equal(change.net, -4); assert.equal(change.direction, "away"); assert.equal(change.important, true);
});

test("a smaller exit group cannot make a change look bigger: the larger group is the yardstick", () => {
  // 3 more people at exit, but 14 answered at entry: 3 x 4 < 14
  const change = tally.itemChange({ id: "s", reverse: false }, { agree: 9, disagree: 5 }, { agree: 2, disagree: 8 }, RULE);
  assert.equal(change.net, 3); assert.equal(change.important, false);
});

test("no answers at one moment: nothing to compare", () => {
  const change = tally.itemChange({ id: "s", reverse: false }, { agree: 4, disagree: 4 }, {}, RULE);
  assert.equal(change.direction, "none"); assert.equal(change.important, false);
  assert.equal(tally.itemChange({ id: "s", reverse: false }, { disagree: 4 }, { disagree: 4 }, RULE).direction, "same");
});

test("a subscale changes when at least two of its statements change the same way", () => {
  const items = [{ id: "a", subscale: "v", reverse: false }, { id: "b", subscale: "v", reverse: false },
                 { id: "c", subscale: "v", reverse: true }, { id: "d", subscale: "w", reverse: true }];
  const moved = { agree: 6, disagree: 2 }, after = { agree: 2, disagree: 6 };
  const changes = [tally.itemChange(items[0], moved, after, RULE), tally.itemChange(items[1], moved, after, RULE),
                   tally.itemChange(items[2], { agree: 4, disagree: 4 }, { agree: 4, disagree: 4 }, RULE),
                   tally.itemChange(items[3], { agree: 8 }, { agree: 2, disagree: 6 }, RULE)];
  const [v, w] = tally.subscaleChanges([{ id: "v" }, { id: "w" }], items, changes);
  assert.deepEqual(v, { id: "v", entry: { x: 8, y: 24 }, exit: { x: 16, y: 24 }, towards: 2, away: 0, of: 3, direction: "towards" });
  assert.equal(w.away, 1); assert.equal(w.direction, "none", "one statement alone is not a change of the subscale");
});

test("pairing: entry and exit groups of different sizes are flagged, more pairs than questionnaires refused", () => {
  assert.deepEqual(tally.pairing(14, 11, 10), { entry: 14, exit: 11, paired: 10, sameSize: false, problem: null });
  assert.equal(tally.pairing(12, 12, 12).sameSize, true);
  assert.equal(tally.pairing(12, 9, 10).problem, "paired-exceeds");
});

test("answers adding up to more than the questionnaires received are a counting mistake", () => {
  assert.equal(tally.overCounted({ agree: 5, partly: 5, disagree: 5 }, 12), true);
  assert.equal(tally.overCounted({ agree: 5, partly: 5, disagree: 2 }, 12), false);
  assert.equal(tally.overCounted({ agree: 5, partly: 5, disagree: 5 }, 0), false, "nothing received typed yet: no warning");
});
