// Runs in <head>, before the page is drawn (so it is not deferred): marks that scripts run,
// for CSS that shows script-only controls, and restores the reader's chosen text size so the
// page does not jump. A file, not inline script: the Content-Security-Policy forbids inline.
(function () {
  "use strict";
  document.documentElement.className += " js";
  try {
    var size = localStorage.getItem("textSize");
    if (size) { document.documentElement.style.fontSize = size + "%"; }
  } catch (e) { /* storage blocked: default size */ }
})();
