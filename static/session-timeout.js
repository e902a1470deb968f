// The GOV.UK timeout warning: a modal dialog a couple of minutes before an idle session ends, offering
// "Stay signed in". The server keeps the clock (GET /session/ says how long is left without counting as activity,
// POST /session/ starts it again), so several open tabs agree. When time is up the page goes to sign-in; plan
// drafts kept in this browser stay (only signing out clears them).
(function () {
  "use strict";
  var dialog = document.getElementById("timeout-warning");
  if (!dialog || typeof dialog.showModal !== "function" || !window.fetch) return;
  var warnSeconds = parseInt(dialog.dataset.warningSeconds, 10);
  var idleSeconds = parseInt(dialog.dataset.idleSeconds, 10);
  var statusUrl = dialog.dataset.statusUrl;
  var countdown = dialog.querySelector(".app-timeout-countdown");
  var live = document.getElementById("timeout-live");
  var stay = document.getElementById("timeout-stay");
  var csrf = dialog.querySelector("input[name=csrfmiddlewaretoken]");
  var warnTimer = null, tickTimer = null, deadline = 0, lastFocus = null, lastAnnounced = null;

  function describe(seconds) {
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60);
      return minutes + (minutes === 1 ? " minute" : " minutes");
    }
    return seconds + (seconds === 1 ? " second" : " seconds");
  }

  function schedule(secondsLeft) {
    clearTimeout(warnTimer);
    clearInterval(tickTimer);
    deadline = Date.now() + secondsLeft * 1000;
    warnTimer = setTimeout(check, Math.max(0, secondsLeft - warnSeconds) * 1000);
  }

  function signedOut() {
    window.location.href = dialog.dataset.signInUrl + "?timed_out=1&next=" +
      encodeURIComponent(window.location.pathname + window.location.search);
  }

  function check() {
    fetch(statusUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) {
        if (response.status === 401) { signedOut(); return null; }
        return response.json();
      })
      .then(function (data) {
        if (!data) return;
        if (data.seconds_left > warnSeconds + 2) { close(); schedule(data.seconds_left); }  // another tab was busy
        else { deadline = Date.now() + data.seconds_left * 1000; open(); }
      })
      .catch(function () { open(); });
  }

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    countdown.textContent = describe(left);
    // tell screen readers now and then, not every second
    var announce = left >= 60 ? Math.ceil(left / 60) * 60 : (left > 20 ? 60 : (left > 0 ? 20 : 0));
    if (announce !== lastAnnounced) {
      lastAnnounced = announce;
      live.textContent = "For your security, we will sign you out in " + describe(left) + ".";
    }
    if (left <= 0) { clearInterval(tickTimer); check(); }
  }

  function open() {
    if (!dialog.open) {
      lastFocus = document.activeElement;
      lastAnnounced = null;
      dialog.showModal();
      stay.focus();
    }
    clearInterval(tickTimer);
    tick();
    tickTimer = setInterval(tick, 1000);
  }

  function close() {
    clearInterval(tickTimer);
    if (dialog.open) {
      dialog.close();
      if (lastFocus && lastFocus.focus) lastFocus.focus();
    }
  }

  function stayIn() {
    fetch(statusUrl, {method: "POST", credentials: "same-origin",
                      headers: {"Accept": "application/json", "X-CSRFToken": csrf ? csrf.value : ""}})
      .then(function (response) {
        if (response.status === 401) { signedOut(); return null; }
        return response.json();
      })
      .then(function (data) { if (data) { close(); schedule(data.seconds_left); } })
      .catch(function () { close(); schedule(idleSeconds); });
  }

  stay.addEventListener("click", stayIn);
  dialog.addEventListener("cancel", function (event) { event.preventDefault(); stayIn(); });  // Escape = stay
  document.body.addEventListener("htmx:afterRequest", function () { if (!dialog.open) schedule(idleSeconds); });
  schedule(idleSeconds);
})();
