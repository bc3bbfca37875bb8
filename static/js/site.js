// A little plain JavaScript: the pages work without it (the menu and the most-read tabs
// fall back on links to #anchors and CSS :target, printing on a print view of the article).
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // --- Text size, in the article's tools; kept for the next pages -------------------------
  var MIN = 87.5, MAX = 150, STEP = 12.5, KEY = "textSize";
  function currentSize() {
    var size = parseFloat(root.style.fontSize);
    return isNaN(size) ? 100 : size;
  }
  document.querySelectorAll(".text-size").forEach(function (button) {
    button.addEventListener("click", function () {
      var size = currentSize() + STEP * Number(button.dataset.step);
      size = Math.min(MAX, Math.max(MIN, size));
      root.style.fontSize = size + "%";
      try { localStorage.setItem(KEY, String(size)); } catch (e) { /* private mode */ }
    });
  });

  // --- The phone menu drawer: a disclosure button, Escape and leaving it close it ---------
  var menu = document.getElementById("menu");
  var menuButton = document.querySelector("[data-menu-button]");
  function setMenu(open, focusButton) {
    menu.classList.toggle("is-open", open);
    menuButton.setAttribute("aria-expanded", String(open));
    root.classList.toggle("menu-open", open);
    if (open) {
      var first = menu.querySelector(".menu a");
      if (first) first.focus();
    } else if (focusButton) {
      menuButton.focus();
    }
  }
  if (menu && menuButton) {
    menuButton.setAttribute("role", "button");
    menuButton.setAttribute("aria-expanded", "false");
    menuButton.addEventListener("click", function (event) {
      event.preventDefault();
      setMenu(!menu.classList.contains("is-open"), true);
    });
    menuButton.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); menuButton.click(); }
    });
    menu.querySelectorAll("[data-menu-close]").forEach(function (close) {
      close.addEventListener("click", function (event) {
        event.preventDefault();
        setMenu(false, true);
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("is-open")) setMenu(false, true);
    });
    menu.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !menu.contains(event.relatedTarget) &&
          event.relatedTarget !== menuButton) {
        setMenu(false, false);
      }
    });
    if (location.hash === "#menu") history.replaceState(null, "", location.pathname + location.search);
  }

  // Escape closes an open sub-menu of the desktop menu by moving focus back to its parent link.
  document.querySelectorAll(".submenu").forEach(function (submenu) {
    submenu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !(menu && menu.classList.contains("is-open"))) {
        event.stopPropagation();
        submenu.parentNode.querySelector("a").focus();
      }
    });
  });

  // --- "Tin đọc nhiều": real tabs (arrow keys, no jump) where the links to #panels were -----
  document.querySelectorAll("[data-tabs]").forEach(function (box) {
    var tabs = Array.prototype.slice.call(box.querySelectorAll(".tab"));
    box.querySelector(".tab-list").setAttribute("role", "tablist");
    tabs.forEach(function (tab) {
      var panel = document.getElementById(tab.getAttribute("href").slice(1));
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
    });
    function select(tab, focus) {
      tabs.forEach(function (other) {
        var selected = other === tab;
        other.setAttribute("aria-selected", String(selected));
        other.tabIndex = selected ? 0 : -1;
        document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
      });
      if (focus) tab.focus();
    }
    box.classList.add("tabs-ready");
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function (event) { event.preventDefault(); select(tab, false); });
      tab.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (event.key === " ") { event.preventDefault(); select(tab, false); }
        if (!step) return;
        event.preventDefault();
        select(tabs[(index + step + tabs.length) % tabs.length], true);
      });
    });
    var target = tabs.filter(function (tab) {
      return "#" + tab.getAttribute("aria-controls") === location.hash;
    })[0];
    select(target || tabs[0], false);
  });

  // --- Sharing: the canonical address, by the share sheet on phones or copied -------------
  function say(group, message) {
    var status = group && group.querySelector(".share-status");
    if (status) status.textContent = message;
  }
  function copy(url, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt("", url); });
    } else {
      window.prompt("", url);
    }
  }
  document.querySelectorAll(".share-copy").forEach(function (button) {
    button.addEventListener("click", function () {
      copy(button.dataset.copyUrl, function () {
        say(button.closest(".share"), button.dataset.copiedMessage);
      });
    });
  });
  document.querySelectorAll(".share-zalo").forEach(function (button) {
    button.addEventListener("click", function () {
      var data = { title: button.dataset.shareTitle, url: button.dataset.shareUrl };
      if (navigator.share) {
        navigator.share(data).catch(function () { /* the reader closed the sheet */ });
      } else {
        copy(data.url, function () { say(button.closest(".share"), button.dataset.copiedMessage); });
      }
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (control) {
    control.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
})();
