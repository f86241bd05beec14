/* Accent-, hyphen- and case-insensitive search, appended to Material's search worker by hooks/search_index.py.
   Most people type on a phone without accents: «genero» must find «género»; and «timeout» must find «time-out».
   Every token lunr indexes and every query goes through the same folding (accents and diaeresis removed, a
   hyphen between two letters or digits removed, lower case; ñ is kept: «año» is not «ano»). The index splits
   words at spaces and punctuation but never at hyphens (its separator, hooks/manualgen/search_index.py), so
   «time-out» reaches the folding whole.
   The text shown in results keeps its accents: Material highlights by positions in the original.
   The same folding in Python: hooks/manualgen/search_index.py; both are held to tests/golden/search_fold.json. */
(function (root) {
  "use strict";

  // ASCII with no hyphen has no accent and nothing to join: only its case to fold. Most tokens are like this,
  // and the worker folds every token it indexes, so they skip the two normalisations and four replacements.
  var ASCII_WITHOUT_HYPHEN = /^[\u0000-\u002c\u002e-\u007f]*$/;

  function fold(text) {
    text = String(text);
    if (ASCII_WITHOUT_HYPHEN.test(text)) return text.toLowerCase();
    return text.normalize("NFD")
      .replace(/([nN])\u0303/g, "$1\u0000")          // keep ñ: mark its tilde
      .replace(/[\u0300-\u036f]/g, "")                // drop every other accent
      .replace(/\u0000/g, "\u0303").normalize("NFC")
      .replace(/([\p{L}\p{N}])[-\u2010\u2011]+(?=[\p{L}\p{N}])/gu, "$1")  // time-out → timeout
      .toLowerCase();
  }

  if (typeof module === "object" && module.exports) {  // node --test (tests/js)
    module.exports = { fold: fold };
    return;
  }
  root.manualFold = fold;  // also for the page: a query with nothing here is looked for in the other language
  var lunr = root.lunr;
  if (!lunr || lunr.manualFolded) return;
  lunr.manualFolded = true;

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
})(typeof self !== "undefined" ? self : this);
