// Keep what is typed in a plan on this device too, so a session timeout or a closed tab loses nothing.
(function () {
  var form = document.getElementById("plan-form");
  if (!form) return;
  var key = "plan-draft-" + form.dataset.plan;
  var version = form.dataset.version;
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
      // the server refused the draft (a NUL character, text over the limit): say why, in the status line
      keep();
      status.textContent = event.detail.xhr.responseText;
    }
  });
})();
