// The young person's app: GOV.UK Frontend components, the service worker (offline page), and the offline banner.
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled");
if ("noModule" in HTMLScriptElement.prototype) document.body.classList.add("govuk-frontend-supported");
initAll();

if ("serviceWorker" in navigator && document.body.dataset.sw) {
  navigator.serviceWorker.register(document.body.dataset.sw, { scope: "/app/" }).catch(() => {});
}

const banner = document.querySelector("[data-offline-banner]");
function showState() {
  if (banner) banner.hidden = navigator.onLine;
}
window.addEventListener("online", showState);
window.addEventListener("offline", showState);
showState();
