/* Run mode's launcher on session pages (overrides/manual/_run.html): shows «Dar esta sesión» and loads run mode
   itself (run.css, then run.js) only when it is wanted: the trainer taps the button, the address asks for it
   (#run, #run=<plan>), or this device keeps a run that may include this session. A reader who never runs a
   session downloads this file only. */
(function () {
  "use strict";

  // The build's own <template> and <button> (no page content can hold either), not the first element with the id.
  var template = document.querySelector("template#run-template");
  var button = document.querySelector("button#run-open");
  if (!template || !button) return;
  var state = "idle";  // idle, then loading, then ready (run.js handles the button from then on)
  var wanted = /^#run(=|$)/;

  function load() {
    if (state !== "idle") return;
    state = "loading";
    var styles = document.createElement("link");
    var script = document.createElement("script");
    styles.rel = "stylesheet";
    styles.href = template.getAttribute("data-styles");
    script.src = template.getAttribute("data-script");
    script.addEventListener("load", function () { state = "ready"; });
    // The styles first, so the view never shows unstyled; a missing file still lets the view open.
    function next() { document.body.appendChild(script); }
    styles.addEventListener("load", next);
    styles.addEventListener("error", next);
    document.head.appendChild(styles);
  }

  function kept() {
    try {
      return window.localStorage.getItem("manual-run:v1:s:" + button.getAttribute("data-session")) !== null ||
        window.localStorage.getItem("manual-run:v1:active") !== null;
    } catch (error) {
      return false;  // no storage: nothing kept
    }
  }

  button.addEventListener("click", function () {
    if (state === "ready") return;
    button.setAttribute("data-run-pending", "");  // run.js opens the view when it starts
    load();
  });
  window.addEventListener("hashchange", function () { if (wanted.test(location.hash)) load(); });
  button.parentNode.hidden = false;
  if (wanted.test(location.hash) || kept()) load();
})();
