/*
 * ASN Kinerja: small page helpers. No build step, no dependencies beyond the vendored
 * Bootstrap bundle and htmx (both optional: every helper checks they are loaded).
 *
 * 1. Confirmation before destructive actions: `data-confirm="Hapus data ini?"` on a
 *    <form>, a submit <button>, an <a> or any htmx trigger. Optional on the same element:
 *    `data-confirm-label="Hapus"` (text of the OK button, default from the modal in
 *    base.html) and `data-confirm-variant="danger|primary|accent"` (its colour, default
 *    danger). Uses the Bootstrap modal #confirm-modal from base.html, or window.confirm()
 *    when the modal is absent (public pages).
 * 2. htmx: sends the CSRF token (meta[name=csrf-token], else the csrftoken cookie) as the
 *    X-CSRFToken header on every request, and shows a generic error alert (template
 *    #htmx-error-template in base.html) when a request fails.
 * 3. Success alerts (.alert-success, and any .alert[data-autodismiss]) close by themselves
 *    after 6 s, paused while hovered or focused; `data-autodismiss="false"` keeps one open.
 * 4. Bootstrap tooltips on [data-bs-toggle="tooltip"], also inside content htmx loads.
 */
(function () {
  "use strict";

  var AUTODISMISS_MS = 6000;

  /* ---------------------------------------------------------------- CSRF for htmx */

  function getCookie(name) {
    var parts = document.cookie ? document.cookie.split(";") : [];
    for (var i = 0; i < parts.length; i++) {
      var c = parts[i].trim();
      if (c.substring(0, name.length + 1) === name + "=") {
        return decodeURIComponent(c.substring(name.length + 1));
      }
    }
    return null;
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content && meta.content !== "NOTPROVIDED") {
      return meta.content;
    }
    return getCookie("csrftoken");
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token) {
      event.detail.headers["X-CSRFToken"] = token;
    }
  });

  function showHtmxError() {
    var tpl = document.getElementById("htmx-error-template");
    var box = document.getElementById("messages");
    if (!tpl || !box || !tpl.content) {
      return;
    }
    box.appendChild(tpl.content.cloneNode(true));
    var alert = box.lastElementChild;
    if (alert && typeof alert.scrollIntoView === "function") {
      alert.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }
  document.addEventListener("htmx:responseError", showHtmxError);
  document.addEventListener("htmx:sendError", showHtmxError);

  /* ------------------------------------------------------------------ confirmation */

  // Elements whose confirmation was just accepted: their re-dispatched event passes once.
  var confirmed = new WeakSet();

  // `source` carries data-confirm(-label/-variant); `focusBack` gets the focus on cancel.
  function askConfirm(message, source, focusBack, onConfirm) {
    var modalEl = document.getElementById("confirm-modal");
    var Modal = window.bootstrap && window.bootstrap.Modal;
    if (!modalEl || !Modal) {
      if (window.confirm(message)) {
        onConfirm();
      }
      return;
    }
    var body = modalEl.querySelector("[data-confirm-message]");
    var okBtn = modalEl.querySelector("[data-confirm-ok]");
    if (!okBtn.dataset.defaultLabel) {
      okBtn.dataset.defaultLabel = okBtn.textContent;
    }
    body.textContent = message;
    okBtn.textContent = source.getAttribute("data-confirm-label") || okBtn.dataset.defaultLabel;
    var variant = source.getAttribute("data-confirm-variant") || "danger";
    okBtn.className = "btn btn-" + variant;

    var accepted = false;
    var shown = false;
    var modal = Modal.getOrCreateInstance(modalEl);
    // Bootstrap ignores hide() while the fade-in still runs: an OK clicked that early is
    // remembered and carried out once the modal is shown (a quick user, or a slow machine,
    // would otherwise see the click do nothing).
    function onOk() {
      accepted = true;
      if (shown) {
        modal.hide();
      }
    }
    function onHidden() {
      okBtn.removeEventListener("click", onOk);
      modalEl.removeEventListener("hidden.bs.modal", onHidden);
      if (accepted) {
        onConfirm();
      } else if (focusBack && typeof focusBack.focus === "function") {
        focusBack.focus();
      }
    }
    function onShown() {
      modalEl.removeEventListener("shown.bs.modal", onShown);
      shown = true;
      if (accepted) {
        modal.hide();
      } else {
        okBtn.focus();
      }
    }
    okBtn.addEventListener("click", onOk);
    modalEl.addEventListener("hidden.bs.modal", onHidden);
    modalEl.addEventListener("shown.bs.modal", onShown);
    modal.show();
  }

  // Clicks on buttons/links/htmx triggers carrying data-confirm. Capture phase: runs before
  // htmx's own listener on the element, so an unconfirmed click never reaches it.
  document.addEventListener(
    "click",
    function (event) {
      var el = event.target.closest("[data-confirm]:not(form)");
      if (!el || el.disabled) {
        return;
      }
      if (confirmed.has(el)) {
        confirmed.delete(el);
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      askConfirm(el.getAttribute("data-confirm"), el, el, function () {
        confirmed.add(el);
        el.click();
      });
    },
    true
  );

  // Submits of forms carrying data-confirm (button click or Enter key).
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-confirm")) {
        return;
      }
      var submitter = event.submitter || null;
      if (submitter && submitter.hasAttribute("data-confirm")) {
        return; // the button's own confirmation was already accepted
      }
      if (confirmed.has(form)) {
        confirmed.delete(form);
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      askConfirm(form.getAttribute("data-confirm"), form, submitter || form, function () {
        confirmed.add(form);
        if (typeof form.requestSubmit === "function") {
          form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
        } else {
          form.submit();
        }
      });
    },
    true
  );

  /* ------------------------------------------------------------- auto-dismiss alerts */

  function scheduleDismiss(alert) {
    if (alert.dataset.autodismissBound || alert.getAttribute("data-autodismiss") === "false") {
      return;
    }
    alert.dataset.autodismissBound = "1";
    var paused = false;
    var timer = null;
    function close() {
      if (paused) {
        return;
      }
      var Alert = window.bootstrap && window.bootstrap.Alert;
      if (Alert) {
        Alert.getOrCreateInstance(alert).close();
      } else if (alert.parentNode) {
        alert.parentNode.removeChild(alert);
      }
    }
    function start() {
      clearTimeout(timer);
      timer = setTimeout(close, AUTODISMISS_MS);
    }
    alert.addEventListener("mouseenter", function () { paused = true; });
    alert.addEventListener("mouseleave", function () { paused = false; start(); });
    alert.addEventListener("focusin", function () { paused = true; });
    alert.addEventListener("focusout", function () { paused = false; start(); });
    start();
  }

  // Elements matching `selector` inside `root`, and `root` itself when it matches.
  function findAll(root, selector) {
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.matches && root.matches(selector)) {
      found.unshift(root);
    }
    return found;
  }

  function initAlerts(root) {
    var alerts = findAll(root, ".alert-success.alert-dismissible, .alert[data-autodismiss]");
    for (var i = 0; i < alerts.length; i++) {
      scheduleDismiss(alerts[i]);
    }
  }

  /* ------------------------------------------------------------------------ tooltips */

  function initTooltips(root) {
    var Tooltip = window.bootstrap && window.bootstrap.Tooltip;
    if (!Tooltip) {
      return;
    }
    var els = findAll(root, '[data-bs-toggle="tooltip"]');
    for (var i = 0; i < els.length; i++) {
      Tooltip.getOrCreateInstance(els[i]);
    }
  }

  function init(root) {
    initAlerts(root);
    initTooltips(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }

  // htmx:load fires for every element htmx adds to the page (including the body at start-up).
  document.addEventListener("htmx:load", function (event) {
    if (event.target && event.target.querySelectorAll) {
      init(event.target);
    }
  });

  // Close tooltips of elements htmx removes, so none is left floating.
  document.addEventListener("htmx:beforeCleanupElement", function (event) {
    var Tooltip = window.bootstrap && window.bootstrap.Tooltip;
    var el = event.target;
    if (Tooltip && el && el.getAttribute && el.getAttribute("data-bs-toggle") === "tooltip") {
      var tip = Tooltip.getInstance(el);
      if (tip) {
        tip.dispose();
      }
    }
  });
})();
