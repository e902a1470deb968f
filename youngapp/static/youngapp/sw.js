// The young person's app service worker: pages come from the network; when there is none, the offline page.
// The Local Offer (/app/local-offer/) is the exception: it is the same for every young person but for the amounts
// worked out for their age, so each Local Offer page opened is kept and shown when there is no network. That copy
// is thrown away as soon as the app reaches the sign-in page (signed out, or the session ended).
const CACHE = "leaving-care-app-v1";
const LOCAL_OFFER = "leaving-care-local-offer-v1";
const LOCAL_OFFER_PATH = "/app/local-offer/";
const SIGN_IN = "/app/sign-in/";
const OFFLINE = "/app/offline/";
const ASSETS = [OFFLINE, "__CSS__", "__APPCSS__"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const keep = [CACHE, LOCAL_OFFER];
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => !keep.includes(k)).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function isLocalOffer(url) {
  return new URL(url, self.location.origin).pathname.startsWith(LOCAL_OFFER_PATH);
}

function forgetIfSignedOut(response) {
  // Reaching the sign-in page means this session is over: keep nothing from it
  if (response && response.url && new URL(response.url).pathname.startsWith(SIGN_IN)) {
    return caches.delete(LOCAL_OFFER).then(() => response);
  }
  return Promise.resolve(response);
}

async function keep(key, response) {
  if (response.ok && !response.redirected && isLocalOffer(response.url)) {
    const cache = await caches.open(LOCAL_OFFER);
    await cache.put(key, response.clone());
  }
  return response;
}

async function localOffer(request) {
  try {
    const response = await fetch(request);
    await forgetIfSignedOut(response);
    return await keep(request.url, response);
  } catch (error) {
    const kept = await caches.match(request.url, { cacheName: LOCAL_OFFER, ignoreVary: true });
    return kept || caches.match(OFFLINE);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    if (isLocalOffer(request.url)) {
      event.respondWith(localOffer(request));
      return;
    }
    // Never keep other pages: they hold personal information. Network only, the offline page when it fails
    event.respondWith(fetch(request).then(forgetIfSignedOut).catch(() => caches.match(OFFLINE)));
    return;
  }
  const url = new URL(request.url);
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

// The Local Offer's first page asks for every area's page to be kept, so all of it works offline once opened
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep-local-offer" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === "string" && u.startsWith(LOCAL_OFFER_PATH)).slice(0, 20);
  event.waitUntil(Promise.all(urls.map((u) => {
    const url = new URL(u, self.location.origin).href;
    return fetch(url, { credentials: "same-origin" }).then((response) => keep(url, response)).catch(() => null);
  })));
});
