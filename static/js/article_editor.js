/* The article form keeps the editor's work: it asks before leaving with unsaved changes,
   autosaves what is typed to the server, offers an autosave back, keeps "someone is editing"
   up to date, and brings the first failing field into view. No inline script (CSP). */
(function () {
  "use strict";

  var AUTOSAVE_DELAY_MS = 2000;
  var PRESENCE_EVERY_MS = 25000;

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var settings = document.getElementById("article-editor");
    var form = document.getElementById("article_form");
    if (!settings || !form) return;
    var autosaveUrl = settings.dataset.autosaveUrl;
    var leaveMessage = settings.dataset.leaveMessage;
    var status = document.querySelector(".autosave-status");
    var others = document.querySelector(".editing-others");
    var dirty = false;
    var submitting = false;
    var timer = null;

    function csrfToken() {
      var input = form.querySelector("input[name=csrfmiddlewaretoken]");
      return input ? input.value : "";
    }

    function post(params) {
      params.append("csrfmiddlewaretoken", csrfToken());
      return fetch(autosaveUrl, {
        method: "POST",
        body: params,
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      }).then(function (response) {
        return response.json().then(function (data) {
          if (data.others && others) {
            others.hidden = data.others.length === 0;
            var strong = others.querySelector("strong");
            if (strong) strong.textContent = data.others.join(", ");
          }
          return { ok: response.ok, data: data };
        });
      });
    }

    function formParams() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (typeof value === "string") params.append(name, value);
      });
      var editor = window.editors && window.editors.id_body;
      if (editor) params.set("body", editor.getData());
      form.querySelectorAll("select").forEach(function (select) {
        Array.prototype.forEach.call(select.selectedOptions, function (option) {
          params.append("label:" + select.name + ":" + option.value, option.textContent);
        });
      });
      return params;
    }

    function autosaveNow() {
      timer = null;
      return post(formParams()).then(function (result) {
        if (status) status.textContent = result.data.message || result.data.error || "";
      }).catch(function () {});
    }

    function markDirty() {
      dirty = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(autosaveNow, AUTOSAVE_DELAY_MS);
    }

    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    if (window.django && window.django.jQuery) {
      window.django.jQuery(form).on("select2:select select2:unselect", markDirty);
    }
    (function watchEditor(tries) {
      var editor = window.editors && window.editors.id_body;
      if (editor) {
        editor.model.document.on("change:data", markDirty);
      } else if (tries > 0) {
        setTimeout(function () { watchEditor(tries - 1); }, 100);
      }
    })(100);

    form.addEventListener("submit", function () { submitting = true; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty || submitting) return undefined;
      event.preventDefault();
      event.returnValue = leaveMessage;
      return leaveMessage;
    });
    // A preview opens in a new tab: the form stays, and so do its unsaved changes.
    form.querySelectorAll("button[formtarget=_blank]").forEach(function (button) {
      button.addEventListener("click", function () {
        setTimeout(function () { submitting = false; }, 0);
      });
    });

    setInterval(function () {
      var params = new URLSearchParams();
      params.append("_presence", "1");
      post(params).catch(function () {});
    }, PRESENCE_EVERY_MS);

    offerAutosave(form, post, markDirty);
    showFirstError();
  });

  function offerAutosave(form, post, markDirty) {
    var offer = document.querySelector(".autosave-offer");
    var source = document.getElementById("autosave-data");
    if (!offer || !source) return;
    var data = JSON.parse(source.textContent);
    offer.querySelector(".autosave-restore").addEventListener("click", function () {
      restoreForm(form, data);
      offer.hidden = true;
      markDirty();
    });
    offer.querySelector(".autosave-discard").addEventListener("click", function () {
      var params = new URLSearchParams();
      params.append("_discard", "1");
      post(params).then(function () { offer.hidden = true; });
    });
  }

  function restoreForm(form, data) {
    Object.keys(data).forEach(function (name) {
      if (name.indexOf("label:") === 0) return;
      var values = data[name];
      if (name === "body" && window.editors && window.editors.id_body) {
        window.editors.id_body.setData(values[0] || "");
      }
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (field) {
        if (field.type === "file" || field.type === "hidden" && name.indexOf("initial-") === 0) return;
        if (field.tagName === "SELECT") {
          values.forEach(function (value) {
            if (!Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
              var label = data["label:" + name + ":" + value];
              field.add(new Option(label ? label[0] : value, value));
            }
          });
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = values.indexOf(option.value) !== -1;
          });
          if (window.django && window.django.jQuery) window.django.jQuery(field).trigger("change");
        } else if (field.type === "checkbox" || field.type === "radio") {
          field.checked = values.indexOf(field.value) !== -1;
        } else {
          field.value = values[0] === undefined ? "" : values[0];
        }
      });
    });
  }

  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) return;
    var row = field.closest(".form-row, .fieldBox, .inline-related, fieldset") || field;
    row.scrollIntoView({ block: "center" });
    var visible = row.querySelector(".ck-editor__editable, .select2-selection, input:not([type=hidden]), textarea, select");
    (visible && visible.offsetParent !== null ? visible : field).focus({ preventScroll: true });
  }

  function showFirstError() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.querySelectorAll("a[data-field-id]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        focusField(link.dataset.fieldId);
      });
    });
    var first = summary.querySelector("a[data-field-id]");
    if (first) {
      // Named at the top, then brought into view: the failing field may be far below.
      setTimeout(function () { focusField(first.dataset.fieldId); }, 300);
    } else {
      summary.scrollIntoView({ block: "start" });
    }
  }
})();
