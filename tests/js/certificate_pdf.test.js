// Certificates saved as one PDF (docs/assets/javascripts/certificate-pdf.js) drawn with the vendored jsPDF.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const pdf = require("../../docs/assets/javascripts/certificate-pdf.js");

// The vendored UMD build, loaded as the page loads it (a plain script that sets globalThis.jspdf).
function vendoredJsPDF() {
  const source = fs.readFileSync(path.join(__dirname, "../../docs/assets/vendor/jspdf/jspdf.umd.min.js"), "utf8");
  const holder = {};
  new Function("globalThis", "self", source.replace(/^"use strict";/, ""))(holder, holder);
  return holder.jspdf.jsPDF;
}

const CERT = {
  institution: "Municipalidad de Ñaña", title: "Constancia de participación", intro: "Se deja constancia de que",
  name: "José Ñahui Ccori", participated: "participó en las siguientes sesiones:",
  sessions: ["Sesión 1.1: Bienvenida", "Sesión 1.2: El líder como referente"],
  facts: [["Fechas", "5–6 de diciembre de 2026"], ["Lugar", ""]], statement: "Esta constancia certifica únicamente la participación.",
  signatures: [["Ana Pérez", "Persona facilitadora"], ["", "Por la institución que organiza"]], help: "Línea 100 (gratuita).",
};

test("Spanish letters stay; a letter jsPDF's Helvetica cannot write loses its accent or becomes ?", () => {
  assert.equal(pdf.printable("María Ñahui «sí» ¿qué? — “ok” 12–13"), "María Ñahui «sí» ¿qué? — “ok” 12–13");
  assert.equal(pdf.printable("Łukasz Ŝ 中"), "?ukasz S ?");
});

test("the file name is the words' name and the plan's date, letters and hyphens only", () => {
  assert.equal(pdf.fileName("constancias", "2026-12-05"), "constancias-2026-12-05.pdf");
  assert.equal(pdf.fileName("Certificates of participation", ""), "certificates-of-participation.pdf");
});

test("a certificate's blocks say what the preview says, in its order, a blank fact as a line to write on", () => {
  const blocks = pdf.blocks(CERT);
  assert.deepEqual(blocks.map(b => b.term === undefined ? b.text : b.term + ": " + b.text),
    ["MUNICIPALIDAD DE ÑAÑA", "Constancia de participación", "Se deja constancia de que", "José Ñahui Ccori",
     "participó en las siguientes sesiones:", "Sesión 1.1: Bienvenida", "Sesión 1.2: El líder como referente",
     "Fechas: 5–6 de diciembre de 2026", "Lugar: ", "Esta constancia certifica únicamente la participación."]);
  assert.equal(blocks.find(b => b.term === "Lugar").blank, true);
});

test("one page per certificate, a long one included, with the vendored jsPDF", () => {
  const many = Object.assign({}, CERT, { sessions: Array.from({ length: 30 }, (_, i) => "Sesión " + i + ": una sesión de título largo que ocupa casi toda la línea"),
                                         signatures: Array.from({ length: 7 }, (_, i) => ["Persona " + i, "Persona facilitadora"]) });
  const doc = pdf.draw(vendoredJsPDF(), [CERT, many, CERT], { title: "Constancias" });
  assert.equal(doc.getNumberOfPages(), 3);
  assert.match(doc.output(), /^%PDF-1\.\d/);
});
