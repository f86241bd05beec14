/* The change tally page (overrides/manual/change-tally.html): reads the count boxes, asks change-tally.js
   (window.manualChangeTally, loaded first) for the arithmetic and writes the group change report. What the
   trainer types stays in the page: nothing is sent, stored or written to the address; the report is written as
   text only (textContent). Plain ES2017, no libraries, no network. */
(function () {
  "use strict";

  var tally = window.manualChangeTally;
  var form = document.getElementById("tally-form");
  var report = document.getElementById("tally-report");
  if (!tally || !form || !report) return;  // the script did not load: the page keeps the paper sheet's advice
  var data = JSON.parse(document.getElementById("tally-data").textContent);
  var words = JSON.parse(document.getElementById("tally-words").textContent);

  function format(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function setText(element, text) {
    if (element) element.textContent = text;
  }

  /** A count box's number (0 when empty); marks the box invalid and returns null when it is not a whole number. */
  function readCount(input, invalid) {
    var value = tally.parseCount(input.value);
    input.setAttribute("aria-invalid", value === null ? "true" : "false");
    if (value === null) invalid.push(input);
    return value === null ? 0 : value;
  }

  function countsOf(fieldset, moment, invalid) {
    var counts = {};
    fieldset.querySelectorAll('input[data-moment="' + moment + '"]').forEach(function (input) {
      counts[input.getAttribute("data-answer")] = readCount(input, invalid);
    });
    return counts;
  }

  function changeText(change) {
    if (change.direction === "none") return words.none;
    if (change.direction === "same") return words.same;
    var text = format(change.net > 0 ? words.towards : words.away, { n: Math.abs(change.net) });
    return change.important ? text + " — " + words.important : text;
  }

  function update() {
    var invalid = [];
    var problems = [];
    var received = {
      entry: readCount(document.getElementById("tally-received-entry"), invalid),
      exit: readCount(document.getElementById("tally-received-exit"), invalid),
    };
    var paired = readCount(document.getElementById("tally-paired"), invalid);
    var changes = data.items.map(function (item) {
      var fieldset = form.querySelector('[data-item="' + item.id + '"]');
      var entry = countsOf(fieldset, "entry", invalid);
      var exit = countsOf(fieldset, "exit", invalid);
      [["entry", entry], ["exit", exit]].forEach(function (pair) {
        if (tally.overCounted(pair[1], received[pair[0]])) {
          problems.push(format(words.overcounted, { number: item.number, moment: words[pair[0]] }));
        }
      });
      return tally.itemChange(item, entry, exit, data.rule);
    });
    if (invalid.length) problems.unshift(words.invalid);

    var groups = tally.pairing(received.entry, received.exit, paired);
    var groupText = format(words.groups, groups);
    if (!groups.sameSize) groupText += " " + words.groups_differ;
    if (groups.problem === "paired-exceeds") problems.push(words.paired_exceeds);
    setText(document.getElementById("tally-groups"), groupText);
    setText(document.getElementById("tally-status"), problems.join(" "));

    var place = document.getElementById("tally-place").value.trim();
    var dates = [document.getElementById("tally-entry-date").value, document.getElementById("tally-exit-date").value]
      .filter(Boolean).join(" – ");
    setText(document.getElementById("tally-report-about"), [place, dates].filter(Boolean).join(" · "));

    var of = { of: words.of || "/" };
    changes.forEach(function (change) {
      var row = report.querySelector('[data-result="' + change.id + '"]');
      setText(row.querySelector('[data-cell="entry"]'), tally.xOfY(change.entry, of));
      setText(row.querySelector('[data-cell="exit"]'), tally.xOfY(change.exit, of));
      setText(row.querySelector('[data-cell="change"]'), changeText(change));
      row.classList.toggle("tally-important", change.important);
    });
    tally.subscaleChanges(data.subscales, data.items, changes).forEach(function (total) {
      var row = report.querySelector('[data-subscale="' + total.id + '"]');
      setText(row.querySelector('[data-cell="entry"]'), format(words.answers, total.entry));
      setText(row.querySelector('[data-cell="exit"]'), format(words.answers, total.exit));
      setText(row.querySelector('[data-cell="change"]'),
              format(words.subscale_counts, total) + ". " + words["reading_" + total.direction] + ".");
    });
  }

  form.addEventListener("input", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  report.hidden = false;
  update();
})();
