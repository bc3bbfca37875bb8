// Counts a read of the article page: one small POST after the page is shown, so that the
// page itself can come from a cache. A prerendered page counts only once it is shown.
(function () {
  var el = document.querySelector("[data-read-url]");
  if (!el) return;
  var url = el.getAttribute("data-read-url");
  function send() {
    if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
    if (window.fetch) fetch(url, { method: "POST", keepalive: true }).catch(function () {});
  }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();
