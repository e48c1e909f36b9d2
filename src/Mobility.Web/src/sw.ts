// The service worker: keeps the app's shell (the page, its scripts, styles, font and icons) so that the app opens with
// no network, and the last proposals come from the page's own storage (employee/offline.ts). API calls always go to the
// network: nothing personal is cached here. A new build replaces the cache whole.
import { fr } from "./texts/fr";
import { en } from "./texts/en";
import type { Texts } from "./texts/fr";

const worker = globalThis as unknown as ServiceWorkerGlobalScope;
declare const BUILD_ID: string;
const version = BUILD_ID;
const shell = `mobility-shell-${version}`;

worker.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(shell);
    await cache.addAll(["/", "/manifest.webmanifest", "/icons/icon.svg", "/icons/icon-192.png"]);
    await worker.skipWaiting();
  })());
});

worker.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== shell && name !== "mobility-settings") await caches.delete(name);
    await worker.clients.claim();
  })());
});

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/hubs/") || url.pathname.startsWith("/calendar/")) return;
  // The page: the network first (a new build shows at once), the kept shell when offline.
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then((response) => {
      const copy = response.clone();
      caches.open(shell).then((cache) => cache.put("/", copy));
      return response;
    }).catch(async () => (await caches.match("/")) ?? Response.error()));
    return;
  }
  // Hashed assets and tiles: from the cache when kept, else fetched and kept.
  if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/tiles/") || url.pathname.startsWith("/icons/")) {
    event.respondWith((async () => {
      const kept = await caches.match(request);
      if (kept) return kept;
      const response = await fetch(request);
      if (response.ok && response.status === 200) (await caches.open(shell)).put(request, response.clone());
      return response;
    })());
  }
});

// A push carries codes only ({kind, groupId, date, direction}); the words are the app's, in the language the page saved.
worker.addEventListener("push", (event: PushEvent) => {
  event.waitUntil((async () => {
    let payload: { kind?: string; groupId?: number; date?: string; direction?: string } = {};
    try { payload = event.data?.json() ?? {}; } catch { /* an empty push still says something changed */ }
    const saved = await (await caches.open("mobility-settings")).match("/__language");
    const texts: Texts = (saved && (await saved.text()) === "en") ? en : fr;
    const key = `push.${payload.kind}` as keyof Texts;
    const day = payload.date ? new Date(`${payload.date}T12:00:00Z`).toLocaleDateString(texts === en ? "en-GB" : "fr-FR",
      { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }) : "";
    const direction = payload.direction === "ToHome" ? texts.ToHome : texts.ToWork;
    const body = (texts[key] ?? texts["push.other"]).replace("{direction}", direction).replace("{date}", day);
    await worker.registration.showNotification("Mobility", {
      body, tag: payload.groupId ? `group-${payload.groupId}` : "mobility", icon: "/icons/icon-192.png",
      data: { url: payload.groupId ? `/#trip/${payload.groupId}` : "/#week" },
    });
  })());
});

worker.addEventListener("notificationclick", (event: NotificationEvent) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | undefined)?.url ?? "/#week";
  event.waitUntil((async () => {
    const open = (await worker.clients.matchAll({ type: "window" }))[0];
    if (open) { await open.focus(); await open.navigate(url); } else await worker.clients.openWindow(url);
  })());
});
