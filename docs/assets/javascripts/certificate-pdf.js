/* Certificates saved as one PDF file (overrides/manual/certificate.html, button «Guardar como PDF»): one A4 page
   per certificate, drawn with jsPDF (assets/vendor/jspdf, MIT), which certificate.js loads only when the button is
   pressed. The certificates are read from the preview the page already shows (what is printed is what is saved),
   never from the network; the file is made in the page and handed to the browser as a download.
   Pure logic first (what each page says, in which order and size); the drawing needs jsPDF. */
(function (root) {
  "use strict";

  /* jsPDF's built-in Helvetica writes WinAnsi (Windows-1252): Spanish accents, ñ, ¿ ¡, curly quotes and dashes are
     in it; a letter that is not (a name typed in another script) is written without its accent if that makes it
     one, else as "?", rather than as the wrong letter. */
  var WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

  function printable(text) {
    return Array.from(String(text == null ? "" : text)).map(function (ch) {
      var code = ch.charCodeAt(0);
      if (ch.length === 1 && ((code >= 32 && code < 127) || (code >= 160 && code <= 255) || WIN_ANSI_EXTRA.indexOf(ch) >= 0)) return ch;
      if (ch === "\t" || ch === "\n") return " ";
      var plain = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      return plain.length === 1 && plain.charCodeAt(0) < 127 ? plain : "?";
    }).join("");
  }

  /** What one certificate says, as the preview shows it: {institution, title, intro, name, participated,
      sessions: [text], facts: [[term, value or ""]], statement, signatures: [[name or "", role]], help}. */
  function blocks(cert) {
    var out = [];
    if (cert.institution) out.push({ text: cert.institution.toUpperCase(), size: 11, bold: true, align: "center", gap: 0 });
    out.push({ text: cert.title, size: 22, bold: true, align: "center", gap: 4, colour: "title" });
    out.push({ text: cert.intro, size: 12, align: "center", gap: 6 });
    out.push({ text: cert.name, size: 20, bold: true, align: "center", gap: 3, rule: true });
    out.push({ text: cert.participated, size: 11.5, gap: 6 });
    cert.sessions.forEach(function (session, index) {
      out.push({ text: session, size: 11, gap: index ? 1 : 3, indent: 4 });
    });
    cert.facts.forEach(function (fact, index) {
      out.push({ term: fact[0], text: fact[1], size: 11, gap: index ? 1.5 : 5, blank: !fact[1] });
    });
    out.push({ text: cert.statement, size: 9.5, gap: 5, boxed: true });
    return out;
  }

  /** The file name: the words' name, the plan's first date if any, ".pdf" (letters, digits and hyphens only). */
  function fileName(base, firstDate) {
    var stem = printable(base).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "certificates";
    return stem + (firstDate ? "-" + firstDate : "") + ".pdf";
  }

  var api = { printable: printable, blocks: blocks, fileName: fileName };

  /* ---------- Drawing (needs jsPDF) ---------- */

  var PAGE = { width: 210, height: 297, margin: 22, border: 14 };
  var PT = 0.3528;  // mm per point
  var TITLE_COLOUR = [74, 28, 107];  // certificate.css: the print border and title

  /** certs: as blocks() reads them; returns the jsPDF document, one page per certificate. A certificate with many
      sessions or signers is drawn smaller, as the printed one is (certificate--long), so it stays on one page. */
  function draw(JsPDF, certs, meta) {
    var doc = new JsPDF({ unit: "mm", format: "a4", orientation: "portrait", compress: true });
    doc.setProperties({ title: printable(meta.title), subject: printable(meta.subject || meta.title), creator: "" });
    certs.forEach(function (cert, index) {
      if (index) doc.addPage();
      var rows = Math.ceil(cert.signatures.length / 3);
      var room = PAGE.height - PAGE.margin - 14 - 20 * rows - 12;  // above the signatures and the helpline
      var scale = [1, 0.9, 0.8, 0.7, 0.6, 0.5].find(function (s) { return drawText(doc, cert, s, true) <= room; }) || 0.45;
      doc.setDrawColor.apply(doc, TITLE_COLOUR);
      doc.setLineWidth(0.5);
      doc.rect(PAGE.border, PAGE.border, PAGE.width - 2 * PAGE.border, PAGE.height - 2 * PAGE.border);
      var y = drawText(doc, cert, scale, false);
      drawSignatures(doc, cert.signatures, Math.max(y + 16, room + 12), PAGE.width - 2 * PAGE.margin);
      doc.setFont("helvetica", "normal");
      doc.setFontSize(8.5);
      doc.setTextColor(60, 60, 60);
      doc.text(doc.splitTextToSize(printable(cert.help), PAGE.width - 2 * PAGE.margin), PAGE.margin, PAGE.height - PAGE.margin - 2,
               { baseline: "bottom" });
    });
    return doc;
  }

  /** The certificate's text from the top, its sizes times `scale`; with `dry`, only measured. -> the y it ends at. */
  function drawText(doc, cert, scale, dry) {
    var width = PAGE.width - 2 * PAGE.margin;
    var y = PAGE.margin + 4;
    blocks(cert).forEach(function (block) {
      y += block.gap * scale;
      var size = block.size * (block.size > 12 ? Math.max(scale, 0.8) : scale);
      doc.setFont("helvetica", block.bold || block.term !== undefined ? "bold" : "normal");
      doc.setFontSize(size);
      doc.setTextColor.apply(doc, block.colour === "title" ? TITLE_COLOUR : [0, 0, 0]);
      var lineHeight = size * PT * 1.3;
      if (block.term !== undefined) {
        var term = printable(block.term) + ": ";
        var start = PAGE.margin + doc.getTextWidth(term);
        if (!dry) doc.text(term, PAGE.margin, y + lineHeight);
        doc.setFont("helvetica", "normal");
        var rest = block.blank ? [""] : doc.splitTextToSize(printable(block.text), PAGE.margin + width - start);
        if (!dry && block.blank) {
          doc.setLineWidth(0.2);
          doc.line(start, y + lineHeight + 0.8, PAGE.margin + width, y + lineHeight + 0.8);
        } else if (!dry) {
          doc.text(rest, start, y + lineHeight, { lineHeightFactor: 1.3 });
        }
        y += lineHeight * rest.length + (block.blank ? 1 : 0);
        return;
      }
      var inner = block.boxed ? width - 6 : width - (block.indent || 0);
      var lines = doc.splitTextToSize(printable(block.text), inner);
      var x = block.align === "center" ? PAGE.width / 2 : PAGE.margin + (block.boxed ? 3 : block.indent || 0);
      if (!dry) doc.text(lines, x, y + lineHeight, { align: block.align === "center" ? "center" : "left", lineHeightFactor: 1.3 });
      if (block.boxed) {
        if (!dry) {
          doc.setDrawColor(0, 0, 0);
          doc.setLineWidth(0.3);
          doc.rect(PAGE.margin, y + 0.5, width, lineHeight * lines.length + 2.5);
        }
        y += 3;
      }
      y += lineHeight * lines.length;
      if (block.rule) {
        if (!dry) {
          doc.setDrawColor(0, 0, 0);
          doc.setLineWidth(0.3);
          doc.line(PAGE.margin, y + 1.5, PAGE.margin + width, y + 1.5);
        }
        y += 2;
      }
    });
    return y;
  }

  /** Three to a row, a line to sign on, the name (if typed) and the role under it. */
  function drawSignatures(doc, signatures, top, width) {
    var perRow = Math.min(3, signatures.length);
    var cell = width / perRow;
    signatures.forEach(function (signature, index) {
      var row = Math.floor(index / perRow);
      var left = PAGE.margin + (index % perRow) * cell + 4;
      var y = top + row * 20;
      doc.setLineWidth(0.3);
      doc.setDrawColor(0, 0, 0);
      doc.line(left, y, left + cell - 8, y);
      doc.setTextColor(0, 0, 0);
      doc.setFontSize(9.5);
      var centre = left + (cell - 8) / 2;
      var lineY = y + 4.5;
      if (signature[0]) {
        doc.setFont("helvetica", "bold");
        var name = doc.splitTextToSize(printable(signature[0]), cell - 8);
        doc.text(name, centre, lineY, { align: "center" });
        lineY += 4.2 * name.length;
      }
      doc.setFont("helvetica", "normal");
      doc.text(doc.splitTextToSize(printable(signature[1]), cell - 8), centre, lineY, { align: "center" });
    });
  }

  api.draw = draw;
  root.manualCertificatePdf = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
