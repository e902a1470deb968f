// Keep what is typed in a plan on this device too, so a session timeout or a closed tab loses nothing.
(function () {
  var form = document.getElementById("plan-form");
  if (!form) return;
  // The key carries the version the words were typed against: after anyone saves (or signs off) the plan, a copy
  // typed against an older version is never put back, and is forgotten here
  var prefix = "plan-draft-" + form.dataset.plan + "-";
  var version = form.dataset.version;
  var key = prefix + "v" + version;
  try {
    for (var i = localStorage.length - 1; i >= 0; i--) {
      var k = localStorage.key(i);
      if (k && (k.indexOf(prefix) === 0 || k === "plan-draft-" + form.dataset.plan) && k !== key) { localStorage.removeItem(k); }
    }
  } catch (e) { /* storage blocked: nothing kept */ }
  var status = document.getElementById("autosave-status");
  function fields() { return form.querySelectorAll("textarea"); }
  function keep() {
    var data = {version: version, at: Date.now(), values: {}};
    fields().forEach(function (f) { data.values[f.name] = f.value; });
    try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or blocked */ }
  }
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  if (saved && saved.version === version) {
    var changed = false;
    fields().forEach(function (f) {
      if (saved.values[f.name] !== undefined && saved.values[f.name] !== f.value) { f.value = saved.values[f.name]; changed = true; }
    });
    if (changed) { document.getElementById("restored").hidden = false; }
  }
  form.addEventListener("input", keep);
  form.addEventListener("submit", function () { localStorage.removeItem(key); });
  document.body.addEventListener("htmx:responseError", function (event) {
    // 401: the session has ended; 403: its CSRF cookie went with it
    if (event.detail.xhr && (event.detail.xhr.status === 401 || event.detail.xhr.status === 403)) {
      keep();
      status.textContent = "You have been signed out. What you typed is kept on this device: sign in again and come back to this plan to carry on.";
    } else if (event.detail.xhr && event.detail.xhr.status === 400) {
      // the server refused the draft (a NUL character, text over the limit, the plan signed off meanwhile): say
      // why, in the status line, and keep no copy of refused words to put back after a reload
      try { localStorage.removeItem(key); } catch (e) { /* storage blocked */ }
      status.textContent = event.detail.xhr.responseText;
    }
  });
})();
