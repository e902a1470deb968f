// After signing out, forget what this site kept in the browser: plan drafts (static/plans.js, "plan-draft-*").
// The sign-out response also sends Clear-Site-Data: "storage"; this covers browsers that ignore it.
(function () {
  try {
    for (var i = localStorage.length - 1; i >= 0; i--) {
      var key = localStorage.key(i);
      if (key && key.indexOf("plan-draft-") === 0) { localStorage.removeItem(key); }
    }
    sessionStorage.clear();
  } catch (e) { /* storage blocked: nothing kept */ }
})();
