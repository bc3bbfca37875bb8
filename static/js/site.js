// A little plain JavaScript: the pages work without it.
(function () {
  "use strict";
  var MIN = 87.5, MAX = 150, STEP = 12.5, KEY = "textSize";

  function currentSize() {
    var size = parseFloat(document.documentElement.style.fontSize);
    return isNaN(size) ? 100 : size;
  }
  document.querySelectorAll(".text-size").forEach(function (button) {
    button.addEventListener("click", function () {
      var size = currentSize() + STEP * Number(button.dataset.step);
      size = Math.min(MAX, Math.max(MIN, size));
      document.documentElement.style.fontSize = size + "%";
      try { localStorage.setItem(KEY, String(size)); } catch (e) { /* private mode */ }
    });
  });

  // Escape closes an open sub-menu by moving focus back to its parent link.
  document.querySelectorAll(".submenu").forEach(function (submenu) {
    submenu.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { submenu.parentNode.querySelector("a").focus(); }
    });
  });

  var status = document.querySelector(".share-status");
  function say(message) { if (status) { status.textContent = message; } }
  function copy(url, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt("", url); });
    } else {
      window.prompt("", url);
    }
  }
  var copyButton = document.querySelector(".share-copy");
  if (copyButton) {
    copyButton.addEventListener("click", function () {
      copy(copyButton.dataset.copyUrl, function () { say(copyButton.dataset.copiedMessage); });
    });
  }
  var zalo = document.querySelector(".share-zalo");
  if (zalo) {
    zalo.addEventListener("click", function () {
      var data = { title: zalo.dataset.shareTitle, url: zalo.dataset.shareUrl };
      if (navigator.share) {
        navigator.share(data).catch(function () {});
      } else {
        copy(data.url, function () { say(zalo.dataset.copiedMessage); });
      }
    });
  }
  var print = document.querySelector(".share-print");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
})();
