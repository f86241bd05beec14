// The one-page workshop report's arithmetic and plain text (docs/assets/javascripts/workshop-report.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const report = require("../../docs/assets/javascripts/workshop-report.js");

const SESSIONS = [{ id: "m01-s01", number: "1.1", title: "Bienvenida", duration: 120 },
                  { id: "m01-s02", number: "1.2", title: "Líder", duration: 90 }];
const WORDS = { text_sessions: "Sesiones: {n}. Minutos previstos: {planned}; reales: {actual}.",
                text_row: "{number}: {participants} part., {actual} de {planned} min",
                text_attendance: "Asistencia: de {low} a {high} por sesión.", text_referrals: "Orientaciones:",
                text_no_referrals: "Orientaciones: ninguna.", text_change: "Cambio: {towards} de {of} frases hacia la igualdad; {away} en sentido contrario.",
                text_note: "Nota:" };

test("planned and actual minutes per session; the total only once every session has its minutes", () => {
  const half = report.sessionRows(SESSIONS, { "m01-s01": { participants: "14", minutes: "130" } });
  assert.deepEqual(half.rows.map(r => [r.planned, r.actual, r.participants]), [[120, 130, 14], [90, null, null]]);
  assert.equal(half.planned, 210); assert.equal(half.actual, null);
  const whole = report.sessionRows(SESSIONS, { "m01-s01": { participants: "14", minutes: "130" }, "m01-s02": { participants: "11", minutes: "85" } });
  assert.equal(whole.actual, 215); assert.deepEqual(whole.attendance, { low: 11, high: 14 });
});

test("a count that is not a whole number is named, never taken as zero", () => {
  const rows = report.sessionRows(SESSIONS, { "m01-s01": { participants: "12a" }, "m01-s02": { minutes: "-5" } });
  assert.deepEqual(rows.invalid, ["m01-s01", "m01-s02"]);
  assert.equal(rows.rows[0].participants, null);
});

test("referrals: counts by service, services with none left out", () => {
  const services = [{ id: "linea-100", name: "Línea 100" }, { id: "policia", name: "105" }, { id: "other", name: "Otro" }];
  assert.deepEqual(report.referrals(services, { "linea-100": "2", policia: "0", other: "" }), [{ name: "Línea 100", count: 2 }]);
});

test("the note is tidied and cut so the message stays short", () => {
  assert.equal(report.tidyNote("  Buen  grupo.\n\nVolver a la sesión 3. "), "Buen grupo. Volver a la sesión 3.");
  const long = report.tidyNote("x".repeat(1000));
  assert.equal(long.length, report.NOTE_LIMIT); assert.ok(long.endsWith("…"));
});

test("the plain text carries numbers only and fits one message with the manual's largest workshop", () => {
  const many = Array.from({ length: 20 }, (_, i) => ({ id: "s" + i, number: `${1 + (i >> 2)}.${1 + (i % 4)}`, title: "T", duration: 120 }));
  const typed = Object.fromEntries(many.map(s => [s.id, { participants: "18", minutes: "125" }]));
  const text = report.reportText({ title: "Informe del taller", place: "Comunidad Tres Ríos", dates: "5–20 de diciembre de 2026",
                                   sessions: report.sessionRows(many, typed), referrals: [{ name: "Línea 100", count: 3 }],
                                   change: { towards: 4, away: 1, of: 12 }, note: report.tidyNote("n".repeat(400)) }, WORDS);
  assert.ok(text.length <= report.TEXT_LIMIT, text.length);
  assert.ok(text.includes("1.1: 18 part., 125 de 120 min") && text.includes("Orientaciones: Línea 100: 3"));
  assert.ok(text.includes("Cambio: 4 de 12 frases hacia la igualdad; 1 en sentido contrario.") && !text.includes("%"));
});

test("nothing typed yet: dashes, not zeros", () => {
  const text = report.reportText({ title: "Informe", sessions: report.sessionRows(SESSIONS, {}), referrals: [], change: null, note: "" }, WORDS);
  assert.ok(text.includes("1.1: — part., — de 120 min") && text.includes("reales: —.") && text.includes("Orientaciones: ninguna."));
});
