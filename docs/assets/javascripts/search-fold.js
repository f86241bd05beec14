/* Accent- and case-insensitive search, appended to Material's search worker by hooks/search_index.py.
   Most people type on a phone without accents: «genero» must find «género». Every token lunr indexes and every
   query goes through the same folding (accents and diaeresis removed, lower case; ñ is kept: «año» is not
   «ano»). The text shown in results keeps its accents: Material highlights by positions in the original. */
(function () {
  "use strict";
  var lunr = self.lunr;
  if (!lunr || lunr.manualFolded) return;
  lunr.manualFolded = true;

  function fold(text) {
    return String(text).normalize("NFD")
      .replace(/([nN])\u0303/g, "$1\u0000")          // keep ñ: mark its tilde
      .replace(/[\u0300-\u036f]/g, "")                // drop every other accent
      .replace(/\u0000/g, "\u0303").normalize("NFC")
      .toLowerCase();
  }
  self.manualFold = fold;

  var run = lunr.Pipeline.prototype.run;
  lunr.Pipeline.prototype.run = function (tokens) {
    tokens.forEach(function (token) { token.update(function (text) { return fold(text); }); });
    return run.call(this, tokens);
  };

  var Parser = lunr.QueryParser;
  function FoldingParser(text, query) {
    Parser.call(this, fold(text), query);
  }
  FoldingParser.prototype = Parser.prototype;
  Object.keys(Parser).forEach(function (name) { FoldingParser[name] = Parser[name]; });
  lunr.QueryParser = FoldingParser;
})();
