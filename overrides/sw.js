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
 *   ever is. Offline, an unknown page gets the site's 404 page, saying it is offline.
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
// A cache is whole only with these entries (addresses no file of the site has; offline-wissen.js reads the
// second): a download that stopped half-way never counts as a copy of the site or of the runtime.
const SITE_COMPLEET = "__afsprakenwijzer__/site-compleet";
const REKENKERN_COMPLEET = "__afsprakenwijzer__/rekenkern-compleet";

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
  let response, body;
  for (const cache of ["default", "reload"]) {
    // A proxy or server that lets a page stay fresh can hand back the previous build's copy: then once more,
    // past the HTTP cache.
    response = await fetch(adres(pad), { credentials: "same-origin", cache: cache });
    if (!response.ok) throw new Error(pad + ": HTTP " + response.status);
    body = await response.arrayBuffer();
    if (!revisie || hex(await crypto.subtle.digest("SHA-256", body)).startsWith(revisie)) break;
    if (cache === "reload") throw new Error(pad + ": de inhoud hoort niet bij deze versie van de site");
  }
  const headers = new Headers(response.headers);
  ["content-encoding", "content-length", "transfer-encoding", "vary"].forEach(function (naam) { headers.delete(naam); });
  headers.set(REVISIE, revisie || "ongecontroleerd");
  headers.set(GROOTTE, String(body.byteLength));
  await cache.put(adres(pad), new Response(body, { status: 200, statusText: "OK", headers: headers }));
}

/* Fill ``cache`` with ``lijst``: what it holds already with the same revision stays, what another cache of
 * this site holds with the same revision (checked when it was stored) is copied, the rest is fetched. */
async function vul(cache, lijst, anderen) {
  const open = [];
  for (const bestand of lijst) {
    const [pad, revisie] = bestand;
    const al = await cache.match(adres(pad));
    if (al && revisie && al.headers.get(REVISIE) === revisie) continue;
    let gekopieerd = false;
    for (const ander of revisie ? anderen : []) {
      const oud = await ander.match(adres(pad));
      if (oud && oud.headers.get(REVISIE) === revisie) {
        await cache.put(adres(pad), oud);
        gekopieerd = true;
        break;
      }
    }
    if (!gekopieerd) open.push(bestand);
  }
  // A few at a time: on a phone the pages arrive in order, and a single failure stops the rest early.
  for (let i = 0; i < open.length; i += 6) {
    await Promise.all(open.slice(i, i + 6).map(function (bestand) { return bewaar(cache, bestand); }));
  }
}

async function cachesVanDezeSite() {
  return (await caches.keys()).filter(function (naam) { return naam.startsWith(VOORVOEGSEL); });
}

/* The other caches of this site (earlier builds, whole or not): files are copied from them by revision. */
async function andereCaches() {
  const namen = (await cachesVanDezeSite()).filter(function (naam) { return naam !== CACHE; });
  return Promise.all(namen.map(function (naam) { return caches.open(naam); }));
}

async function compleet(cache, merk) {
  return Boolean(await cache.match(adres(merk)));
}

async function markeer(cache, merk) {
  await cache.put(adres(merk), new Response(BOUW, { headers: { "content-type": "text/plain" } }));
}

/* The runtime into this build's cache; marked whole only when every file arrived. Only into a whole copy of
 * the site: after "remove everything" (or when another version replaced this one) nothing is created again. */
async function bewaarRekenkern(anderen) {
  if (!(await zoek(adres(SITE_COMPLEET)))) throw new Error("geen volledige offline kopie van deze versie");
  const cache = await caches.open(CACHE);
  await vul(cache, REKENKERN, anderen);
  await markeer(cache, REKENKERN_COMPLEET);
  if (!(await zoek(adres(REKENKERN_COMPLEET)))) throw new Error("de offline kopie is intussen gewist");
}

function zuinig() {
  return Boolean(self.navigator.connection && self.navigator.connection.saveData);
}

self.addEventListener("install", function (event) {
  event.waitUntil((async function () {
    const anderen = await andereCaches();
    // A reader who had the runtime offline keeps it offline in the new version.
    const metRekenkern = (await Promise.all(anderen.map(function (c) { return compleet(c, REKENKERN_COMPLEET); }))).some(Boolean);
    const cache = await caches.open(CACHE);
    try {
      await vul(cache, SITE, anderen);
      await markeer(cache, SITE_COMPLEET);
      // Deleted meanwhile (another version activated): this one would start without a copy.
      if (!(await zoek(adres(SITE_COMPLEET)))) throw new Error("de offline kopie is intussen gewist");
    } catch (fout) {
      // Not installed: the next visit tries again, from nothing; a half cache is never used.
      await caches.delete(CACHE);
      throw fout;
    }
    // The runtime does not hold the new version back: without its mark it is fetched again after an answer.
    if (metRekenkern && !zuinig()) await bewaarRekenkern(anderen).catch(function () {});
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
    event.waitUntil(andereCaches().then(bewaarRekenkern)
      .then(function () { antwoord({ type: "rekenkern-bewaard", gelukt: true, bouw: BOUW }); },
        function (fout) { antwoord({ type: "rekenkern-bewaard", gelukt: false, fout: String(fout) }); }));
  } else if (bericht.type === "bouw") {
    antwoord({ type: "bouw", bouw: BOUW });
  }
});

/* From this build's cache, without creating it (after "remove everything" it stays gone). */
function zoek(url) {
  return caches.match(url, { cacheName: CACHE });
}

async function uitCache(request) {
  const url = new URL(request.url);
  // A page without its query (the shared link's dates never become a key), and "x/index.html" as "x/".
  url.search = "";
  url.hash = "";
  const kandidaten = [url.href];
  if (url.pathname.endsWith("/index.html")) kandidaten.push(url.href.slice(0, -"index.html".length));
  for (const kandidaat of kandidaten) {
    const gevonden = await zoek(kandidaat);
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
      // Offline, "…/rekenhulpen" for the kept page "…/rekenhulpen/" (as the web server would redirect).
      const url = new URL(request.url);
      if (!url.pathname.endsWith("/") && !url.pathname.split("/").pop().includes(".")) {
        const map = new URL(url.href);
        map.pathname += "/";
        map.search = "";
        if (await zoek(map.href)) {
          map.search = url.search;
          return Response.redirect(map.href, 301);
        }
      }
      const foutpagina = await zoek(adres(FOUTPAGINA));
      if (foutpagina) {
        // The 404 page with its offline text shown instead (overrides/404.html).
        const html = (await foutpagina.text())
          .replace(/<div data-aw-fout="niet-gevonden">[\s\S]*?<\/div>/, "")
          .replace(/<template data-aw-fout="offline">([\s\S]*?)<\/template>/, '<div data-aw-fout="offline">$1</div>')
          .replace("<title>Pagina niet gevonden", "<title>Geen verbinding");
        return new Response(html, { status: 404, headers: foutpagina.headers });
      }
    }
    throw fout;
  }
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if ((request.method !== "GET" && request.method !== "HEAD") || !request.url.startsWith(SCOPE)) return;
  event.respondWith(beantwoord(request));
});
