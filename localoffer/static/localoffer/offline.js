// The Local Offer in the app: once the list of areas has been opened, ask the service worker to keep every area's
// page too, so the whole Local Offer can be read without internet (youngapp/static/youngapp/sw.js).
const pages = [...document.querySelectorAll("[data-offline-page]")].map((a) => a.getAttribute("href"));
if ("serviceWorker" in navigator && pages.length) {
  navigator.serviceWorker.ready.then((registration) => {
    const worker = navigator.serviceWorker.controller || registration.active;
    if (worker) worker.postMessage({ type: "keep-local-offer", urls: pages });
  }).catch(() => {});
}
