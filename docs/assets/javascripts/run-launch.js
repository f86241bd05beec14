/* Run mode's launcher on session pages (overrides/manual/_run.html): shows «Dar esta sesión» and loads run mode
   itself (run.css, then the language's run-view.js with the view's dialogs and words, then run.js) only when it
   is wanted: the trainer taps the button, the address asks for it (#run, #run=<plan>), or this device keeps a run
   that may include this session. A reader who never runs a session downloads this file only. */
(function () {
  "use strict";

  // The build's own <button> (no page content can hold one), not the first element with the id.
  var button = document.querySelector("button#run-open");
  if (!button) return;
  var state = "idle";  // idle, then loading, then ready (run.js handles the button from then on)
  var wanted = /^#run(=|$)/;
  // Said when run-view.js or run.js will not load (a copy of the manual with a file missing): the button can be tapped again.
  var failedNotice = button.parentNode.querySelector(".run-launch__failed");

  function load() {
    if (state !== "idle") return;
    state = "loading";
    var styles = document.createElement("link");
    var view = document.createElement("script");
    var script = document.createElement("script");
    styles.rel = "stylesheet";
    styles.href = button.getAttribute("data-styles");
    view.src = button.getAttribute("data-view");
    script.src = button.getAttribute("data-script");
    view.async = script.async = false;  // run in the order added: run.js reads what run-view.js sets
    var failed = false;
    function fail() {
      if (failed) return;
      failed = true;
      state = "idle";  // another tap tries again (run.js does nothing where the view did not arrive)
      button.removeAttribute("data-run-pending");
      [view, script].forEach(function (node) { if (node.parentNode) node.parentNode.removeChild(node); });
      if (failedNotice) failedNotice.hidden = false;
    }
    view.addEventListener("error", fail);
    script.addEventListener("error", fail);
    script.addEventListener("load", function () {
      if (failed) return;
      state = "ready";
      if (failedNotice) failedNotice.hidden = true;
    });
    // The styles first, so the view never shows unstyled; a missing stylesheet still lets the view open.
    function next() {
      document.body.appendChild(view);
      document.body.appendChild(script);
    }
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
