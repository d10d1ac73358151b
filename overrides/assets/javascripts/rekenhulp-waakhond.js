/* The worker's watchdog: which runtime requests are under way, whether bytes still arrive, and what to
 * do when they stop (rekenhulp-laden.js decides: drop the snapshot, or tell the reader).
 *
 * Pyodide fetches its files with the worker's global fetch; that is wrapped here so every request is
 * seen (its answer, and its bytes through a clone of the response, which leaves the original and the
 * browser's compile cache for .wasm untouched). A stall is silence on the whole line, not on one
 * request: on HTTP/1.1 a request may wait its turn behind others that are still busy. Time in which
 * the worker itself was busy (booting Python blocks it for seconds) counts as activity, so a slow
 * device is never mistaken for a stalled server.
 */

const TIK_MS = 250;
const BEZIG_MS = 1000;  // a tick this late means the worker was busy, not waiting

const lopend = new Set();
const afgerond = new Map();  // address → bytes, of finished downloads
let laatsteActiviteit = performance.now();
const origineleFetch = self.fetch.bind(self);

function activiteit() {
  laatsteActiviteit = performance.now();
}

/* A request to watch; the caller reports its answer, bytes and end. */
export function nieuwVerzoek(url, opties) {
  const verzoek = Object.assign({
    url: new URL(url, self.location.href).href, begin: performance.now(), laatst: performance.now(),
    antwoord: null, bytes: 0, stilMs: null, bijStilte: null, gemeld: false,
  }, opties || {});
  lopend.add(verzoek);
  verzoek.beantwoord = function (response) { verzoek.antwoord = response.status; verzoek.laatst = performance.now(); activiteit(); };
  verzoek.ontvangen = function (aantal) { verzoek.bytes += aantal; verzoek.laatst = performance.now(); activiteit(); };
  verzoek.klaar = function () {
    if (!lopend.delete(verzoek)) return;
    afgerond.set(verzoek.url, Math.max(afgerond.get(verzoek.url) || 0, verzoek.bytes));
    activiteit();
  };
  return verzoek;
}

// Files whose bytes someone asked to keep (vangBytes), by address.
const vangsten = new Map();

async function telBytes(verzoek, response) {
  const vangst = vangsten.get(verzoek.url);
  const stukken = vangst && vangst.open ? [] : null;
  try {
    const lezer = response.clone().body.getReader();
    for (;;) {
      const { done, value } = await lezer.read();
      if (done) break;
      verzoek.ontvangen(value.byteLength);
      if (stukken && vangst.open) stukken.push(value);
    }
    if (stukken && vangst.open) vangst.geef(response.ok ? new Uint8Array(await new Blob(stukken).arrayBuffer()) : null);
  } catch (error) {
    // an aborted or broken transfer: whoever reads the original reports it
    if (stukken) vangst.geef(null);
  } finally {
    verzoek.klaar();
  }
}

self.fetch = function (input, init) {
  const verzoek = nieuwVerzoek(input instanceof Request ? input.url : String(input));
  const methode = ((init && init.method) || (input instanceof Request ? input.method : "GET")).toUpperCase();
  const belofte = origineleFetch(input, init);
  belofte.then(function (response) {
    verzoek.beantwoord(response);
    if (response.body && methode !== "HEAD") telBytes(verzoek, response);
    else verzoek.klaar();
  }, function () {
    verzoek.klaar();
    const vangst = vangsten.get(verzoek.url);
    if (vangst && vangst.open && methode !== "HEAD") vangst.geef(null);
  });
  return belofte;
};

/* The bytes of the next download of ``url`` by anyone in this worker (Pyodide fetches its own files), read
 * from the same copy the watchdog counts, so nothing is fetched twice: {bytes: Promise of Uint8Array or null
 * (failed), stop()}. stop() when they are no longer needed (nothing is then kept). */
export function vangBytes(url) {
  const adres = new URL(url, self.location.href).href;
  let geef;
  const bytes = new Promise(function (klaar) { geef = klaar; });
  const vangst = {
    open: true,
    geef: function (waarde) { vangst.open = false; vangsten.delete(adres); geef(waarde); },
  };
  vangsten.set(adres, vangst);
  return { bytes: bytes, stop: function () { if (vangst.open) vangst.geef(null); } };
}

/* Bytes received so far per address (every download this worker made), for the progress shown to the reader. */
export function ontvangenBytes() {
  const uit = new Map(afgerond);
  lopend.forEach(function (verzoek) { uit.set(verzoek.url, Math.max(uit.get(verzoek.url) || 0, verzoek.bytes)); });
  return uit;
}

/* fetch without the wrapper: for a request its caller watches itself (nieuwVerzoek). */
export function haalZelf(url, init) {
  return origineleFetch(url, init);
}

/* Mark progress that is not a byte: a step of the boot completed. */
export const gebeurtenis = activiteit;

function omschrijf(verzoek, nu) {
  const seconden = Math.round((nu - verzoek.begin) / 1000);
  const naam = decodeURIComponent(new URL(verzoek.url).pathname.split("/").pop());
  if (verzoek.antwoord === null) return naam + ": geen antwoord van de server na " + seconden + " s";
  return naam + ": HTTP " + verzoek.antwoord + ", " + verzoek.bytes.toLocaleString("nl-NL") + " bytes ontvangen, daarna niets meer (" + seconden + " s)";
}

/* Watch until the returned function is called. A request with its own stilMs/bijStilte (the snapshot)
 * gets that call when it and the whole line are silent that long. Otherwise, when nothing at all has
 * arrived for stilMs, bijStilte(beschrijving) is called once: the silent requests, or, with none under
 * way, the runtime scripts that never finished loading (a module import is not a fetch). */
export function bewaak({ stilMs, bijStilte, verwachteScripts }) {
  let vorigeTik = performance.now();
  let gemeld = false;
  activiteit();
  const timer = setInterval(function () {
    const nu = performance.now();
    if (nu - vorigeTik > BEZIG_MS) {
      activiteit();
      lopend.forEach(function (verzoek) { verzoek.laatst = nu; });
    }
    vorigeTik = nu;
    const stil = nu - laatsteActiviteit;
    lopend.forEach(function (verzoek) {
      if (verzoek.bijStilte && !verzoek.gemeld && nu - verzoek.laatst > verzoek.stilMs && stil > verzoek.stilMs) {
        verzoek.gemeld = true;
        verzoek.bijStilte(omschrijf(verzoek, nu));
      }
    });
    if (gemeld || stil <= stilMs) return;
    const stille = Array.from(lopend).filter(function (verzoek) { return !verzoek.bijStilte; });
    if (stille.length) {
      gemeld = true;
      bijStilte(stille.map(function (verzoek) { return omschrijf(verzoek, nu); }).join("; "));
      return;
    }
    const geladen = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
    const ontbreekt = (verwachteScripts || []).filter(function (url) { return !geladen.includes(url); });
    gemeld = true;
    bijStilte(ontbreekt.length
      ? ontbreekt.map(function (url) { return decodeURIComponent(new URL(url).pathname.split("/").pop()) + ": niet binnengekomen na " + Math.round(stil / 1000) + " s"; }).join("; ")
      : "de rekenomgeving deed " + Math.round(stil / 1000) + " s niets");
  }, TIK_MS);
  return function () { clearInterval(timer); };
}
