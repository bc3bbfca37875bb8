// Counts a visit of the site: one small POST after a page is shown (the page itself may come
// from a cache). A prerendered page counts only once it is shown.
(function () {
  var el = document.querySelector("[data-visit-url]");
  if (!el) return;
  var url = el.getAttribute("data-visit-url");
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
