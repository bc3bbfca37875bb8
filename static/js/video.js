// YouTube videos are shown as a facade: our own copy of the thumbnail and a play button.
// Nothing is requested from YouTube until the reader presses play; then the player (from the
// no-cookie host) replaces the facade. Without JavaScript the facade is a link to YouTube.
(function () {
  "use strict";
  document.querySelectorAll(".video-facade[data-embed]").forEach(function (facade) {
    facade.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = facade.dataset.embed;
      frame.title = facade.dataset.title || "";
      frame.className = "video-frame";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      facade.replaceWith(frame);
      frame.focus();
    });
  });
})();
