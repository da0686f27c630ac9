// The planner's service worker (go-app's, with a precache that waits for
// the page): it keeps every file the planner needs, so that it opens and
// works offline, and serves them from its cache first.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

// A first visit downloads app.wasm and the page's assets itself. The
// precache waits until that page is ready (it says so with a
// "planner:ready" message; at most 20 s), and then finds those files in the
// HTTP cache instead of downloading them a second time over the same
// connection. An update, with pages already controlled, does not wait.
const firstVisitWaitMs = 20000;
let pageIsReady;
const pageReady = new Promise((resolve) => { pageIsReady = resolve; });

// updating is true when an earlier version is active: this one updates it.
let updating = false;

self.addEventListener("install", (event) => {
  event.waitUntil(installWorker());
});

async function installWorker() {
  updating = !!self.registration.active;
  if (!updating) {
    await Promise.race([pageReady, new Promise((resolve) => setTimeout(resolve, firstVisitWaitMs))]);
  }
  const cache = await caches.open(cacheName);
  await cache.addAll(resourcesToCache);
  await self.skipWaiting();
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "planner:ready") {
    pageIsReady();
  }
});

// An update takes over the pages of the version before it (go-app's page
// then announces the new version). A first visit's page is left to the
// network it loaded from: taking it over would announce an update that is
// none; it is served from the cache from its next load on.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((key) => key !== cacheName).map((key) => caches.delete(key)));
    if (updating) {
      await self.clients.claim();
    }
  })());
});

self.addEventListener("fetch", (event) => {
  event.respondWith(fetchWithCache(event.request));
});

async function fetchWithCache(request) {
  const cached = await caches.match(request);
  return cached || fetch(request);
}
