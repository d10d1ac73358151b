/* The site's service worker: the Afsprakenwijzer offline after one visit.
 *
 * hooks/offline.py writes the build's lists into this file (BOUW, SITE, REKENKERN), each file with the
 * start of its sha256; a new build is a new sw.js, which the browser notices on the next visit.
 * - install: every page and asset of the site (SITE) into one cache for this build. A file the previous
 *   build's cache holds with the same hash is copied from there, the rest is downloaded; every download
 *   is checked against its hash, so a cache never mixes two builds. When the previous cache held the
 *   calculator's runtime (REKENKERN), the new one gets the new runtime too.
 * - the runtime (Python, the snapshot, the standard library, the engine) is added after the first
 *   answer of a calculator (a message from the page): it comes from the browser's own HTTP cache then,
 *   where the calculator just put it, so nothing is downloaded twice.
 * - activate: when the page asks (the reader chose "Nu gebruiken") or no page of the old build is open;
 *   older caches of this site are deleted then.
 * - fetch: a file of the lists comes from the cache; a page address with a query (a shared calculation)
 *   gets the cached page, whose script reads the query. Nothing else is stored, so nothing a reader types
 *   ever is. Offline, an unknown page gets the site's 404 page.
 * Plain-HTTP sites get no service worker (browsers do not allow it); see the hosting page.
 */
const BOUW = "__AW_BOUW__";
const SITE = /* __AW_SITE__ */ [];
const REKENKERN = /* __AW_REKENKERN__ */ [];

const SCOPE = self.registration.scope;
// Per site (its address), so two copies of the site on one host never delete each other's caches.
const VOORVOEGSEL = "afsprakenwijzer " + new URL(SCOPE).pathname + " ";
const CACHE = VOORVOEGSEL + BOUW;
const REVISIE = "x-afsprakenwijzer-offline";  // on every stored answer: the hash it was checked against
const GROOTTE = "x-afsprakenwijzer-grootte";  // and its size, for the page that lists what is kept
const FOUTPAGINA = "404.html";

function adres(pad) {
  return new URL(pad, SCOPE).href;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
}

/* Download one file of the build, check it against its hash and store it (the revision and the size in
 * headers). The body is stored as the browser unpacked it, so the encoding headers go. */
async function bewaar(cache, [pad, revisie]) {
  // The HTTP cache as the server's headers say: a versioned file the calculator just downloaded comes from there
  // without a request, a page is revalidated. The hash check below catches a stale copy anyway.
  const response = await fetch(adres(pad), { credentials: "same-origin" });
  if (!response.ok) throw new Error(pad + ": HTTP " + response.status);
  const body = await response.arrayBuffer();
  if (revisie && !hex(await crypto.subtle.digest("SHA-256", body)).startsWith(revisie)) {
    throw new Error(pad + ": de inhoud hoort niet bij deze versie van de site");
  }
  const headers = new Headers(response.headers);
  ["content-encoding", "content-length", "transfer-encoding", "vary"].forEach(function (naam) { headers.delete(naam); });
  headers.set(REVISIE, revisie || "ongecontroleerd");
  headers.set(GROOTTE, String(body.byteLength));
  await cache.put(adres(pad), new Response(body, { status: 200, statusText: "OK", headers: headers }));
}

/* Fill ``cache`` with ``lijst``: what it holds already with the same revision stays, what ``vorige`` holds
 * with the same revision is copied, the rest is fetched. */
async function vul(cache, lijst, vorige) {
  const open = [];
  for (const bestand of lijst) {
    const [pad, revisie] = bestand;
    const al = await cache.match(adres(pad));
    if (al && revisie && al.headers.get(REVISIE) === revisie) continue;
    const oud = vorige ? await vorige.match(adres(pad)) : null;
    if (oud && revisie && oud.headers.get(REVISIE) === revisie) await cache.put(adres(pad), oud);
    else open.push(bestand);
  }
  // A few at a time: on a phone the pages arrive in order, and a single failure stops the rest early.
  for (let i = 0; i < open.length; i += 6) {
    await Promise.all(open.slice(i, i + 6).map(function (bestand) { return bewaar(cache, bestand); }));
  }
}

async function cachesVanDezeSite() {
  return (await caches.keys()).filter(function (naam) { return naam.startsWith(VOORVOEGSEL); });
}

async function vorigeCache() {
  const namen = (await cachesVanDezeSite()).filter(function (naam) { return naam !== CACHE; });
  return namen.length ? caches.open(namen[namen.length - 1]) : null;
}

async function heeftRekenkern(cache) {
  return Boolean(cache) && (await cache.keys()).some(function (request) { return request.url.includes("/assets/rekenkern/"); });
}

self.addEventListener("install", function (event) {
  event.waitUntil((async function () {
    const vorige = await vorigeCache();
    const cache = await caches.open(CACHE);
    await vul(cache, (await heeftRekenkern(vorige)) ? SITE.concat(REKENKERN) : SITE, vorige);
  })());
});

self.addEventListener("activate", function (event) {
  event.waitUntil((async function () {
    await Promise.all((await cachesVanDezeSite()).filter(function (naam) { return naam !== CACHE; })
      .map(function (naam) { return caches.delete(naam); }));
    await self.clients.claim();
  })());
});

self.addEventListener("message", function (event) {
  const bericht = event.data || {};
  const antwoord = function (inhoud) { if (event.ports[0]) event.ports[0].postMessage(inhoud); };
  if (bericht.type === "activeer") {
    self.skipWaiting();
  } else if (bericht.type === "rekenkern-bewaren") {
    event.waitUntil(caches.open(CACHE)
      .then(function (cache) { return vul(cache, REKENKERN, null); })
      .then(function () { antwoord({ type: "rekenkern-bewaard", gelukt: true, bouw: BOUW }); },
        function (fout) { antwoord({ type: "rekenkern-bewaard", gelukt: false, fout: String(fout) }); }));
  } else if (bericht.type === "bouw") {
    antwoord({ type: "bouw", bouw: BOUW });
  }
});

async function uitCache(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  // A page without its query (the shared link's dates never become a key), and "x/index.html" as "x/".
  url.search = "";
  url.hash = "";
  const kandidaten = [url.href];
  if (url.pathname.endsWith("/index.html")) kandidaten.push(url.href.slice(0, -"index.html".length));
  for (const kandidaat of kandidaten) {
    const gevonden = await cache.match(kandidaat);
    if (gevonden) return gevonden;
  }
  return null;
}

async function beantwoord(request) {
  const bewaard = await uitCache(request);
  if (bewaard) {
    // The checks the calculator makes first ask with HEAD: the same headers, no body.
    return request.method === "HEAD" ? new Response(null, { status: bewaard.status, headers: bewaard.headers }) : bewaard;
  }
  try {
    return await fetch(request);
  } catch (fout) {
    if (request.mode === "navigate") {
      const foutpagina = await (await caches.open(CACHE)).match(adres(FOUTPAGINA));
      if (foutpagina) return new Response(foutpagina.body, { status: 404, headers: foutpagina.headers });
    }
    throw fout;
  }
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if ((request.method !== "GET" && request.method !== "HEAD") || !request.url.startsWith(SCOPE)) return;
  event.respondWith(beantwoord(request));
});
