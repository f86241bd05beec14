/* Print buttons: any element with data-print opens the browser's print dialog (print styles hide the chrome). */
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-print]") : null;
  if (button) {
    event.preventDefault();
    window.print();
  }
});

/* Downloads page: the offline editions (zip, ZIM) are copied beside the published site by `make site`, never into
   the editions themselves. Over http(s) each row appears once a HEAD request finds its file, with its size; from
   file:// (the USB edition) or inside Kiwix nothing is asked and the section stays hidden. */
(function () {
  var rows = document.querySelectorAll("[data-offline-file]");
  if (!rows.length || !/^https?:$/.test(location.protocol) || !window.fetch) return;
  var lang = document.documentElement.lang || "es";
  function size(bytes) {
    return bytes >= 1e6
      ? (bytes / 1e6).toLocaleString(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + " MB"
      : Math.max(1, Math.round(bytes / 1e3)).toLocaleString(lang) + " kB";
  }
  Array.prototype.forEach.call(rows, function (row) {
    var link = row.querySelector("a");
    fetch(link.href, { method: "HEAD", cache: "no-store" }).then(function (response) {
      if (!response.ok) return;
      var length = Number(response.headers.get("Content-Length"));
      if (length) row.querySelector("[data-offline-size]").textContent = size(length);
      row.hidden = false;
      row.closest("[data-offline-editions]").hidden = false;
    }).catch(function () {});
  });
})();
