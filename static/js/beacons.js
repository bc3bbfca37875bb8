// Sends the page's beacons (a read of the article, a visit of the site): one small POST each
// after the page is shown, so that the page itself can come from a cache. A prerendered page
// counts only once it is shown. Every partial with a beacon includes this file: the first copy
// that runs sends them all, each once.
(function () {
  function send(url) {
    if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
    if (window.fetch) fetch(url, { method: "POST", keepalive: true }).catch(function () {});
  }
  function sendAll() {
    document.querySelectorAll("[data-beacon-url]").forEach(function (el) {
      if (el.hasAttribute("data-beacon-sent")) return;
      el.setAttribute("data-beacon-sent", "");
      send(el.getAttribute("data-beacon-url"));
    });
  }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", sendAll, { once: true });
  } else {
    sendAll();
  }
})();
