/* Which way the calculator's runtime starts on this visit, for this connection (rekenhulp-laden.js follows it):
 * - "snapshot": restore the warmed-up engine. More to download (the snapshot, 3.3 MB with brotli), no Python to
 *   boot.
 * - "opstart": boot Python from the standard library the build compiled for it (1.3 MB, no compiling on the
 *   device) and load the engine: fewer bytes, about half a second more work for the device.
 * The rule comes from benchmarks/rekenhulp.py --snelheden (a phone, cold; the table is on the hosting page): a
 * boot answers first at every speed measured up to 20 Mbit/s, with brotli and with gzip only; the snapshot wins
 * from about 50 Mbit/s (an office network), by a few tenths of a second, and whenever its bytes cost nothing.
 * A plain-HTTP site is not always on a fast line either (an intranet over a VPN, on a phone). So:
 * - a snapshot already on this device (the service worker's copy, or the IndexedDB copy) always: nothing to download;
 * - otherwise a boot. After its first answer the snapshot is kept for the next start (the service worker's copy,
 *   offline.js; over plain HTTP the unpacked copy in IndexedDB, rekenhulp-laden.js), except with the browser's
 *   data saver on or on a connection the browser itself rates as slow (effectiveType 3g or slower).
 * The line's speed is not measured: the page's own files are too small for that (they arrive in the first round
 * trips, before the line is full), and navigator.connection.downlink is a default guess in a browser without
 * history: both were tried and chose wrong in the benchmark.
 */
import { REKENKERN_COMPLEET } from "./offline-wissen.js";
import { heeftSnapshot } from "./rekenhulp-opslag.js";

const TRAAG = new Set(["slow-2g", "2g", "3g"]);

/* A line the browser itself rates this slow. */
function trageVerbinding() {
  return Boolean(navigator.connection) && TRAAG.has(navigator.connection.effectiveType);
}
// Some browsers leave an IndexedDB request unanswered for ever: after this long, "not on the device".
const OPSLAG_WACHT_MS = 500;

async function snapshotOpApparaat(config) {
  try {
    if (config.opslag === "serviceworker") {
      // The service worker marks its cache once the whole runtime is in (sw.js); it counts only when that
      // service worker serves this page (not after a forced reload, nor a waiting version's cache).
      const manifest = document.querySelector('link[rel="manifest"]');
      if (!manifest || !navigator.serviceWorker.controller) return false;
      return Boolean(await caches.match(new URL(REKENKERN_COMPLEET, manifest.href).href));
    }
    return await Promise.race([heeftSnapshot(config.snapshot),
      new Promise(function (klaar) { setTimeout(function () { klaar(false); }, OPSLAG_WACHT_MS); })]);
  } catch (error) {
    return false;
  }
}

/* {pad, reden}: the choice and why (shown nowhere, kept in window.__awRekenhulp.startpad for tests and the benchmark). */
export async function kiesStartpad(config) {
  if (!config.snapshot) return { pad: "opstart", reden: "geen snapshot in deze bouw" };
  if (window.__awStartpad) return { pad: window.__awStartpad, reden: "opgelegd" };  // benchmarks
  if (await snapshotOpApparaat(config)) return { pad: "snapshot", reden: "al op dit apparaat" };
  const verbinding = navigator.connection;
  if (verbinding && verbinding.saveData) return { pad: "opstart", reden: "databesparing" };
  if (trageVerbinding()) return { pad: "opstart", reden: "trage verbinding (" + verbinding.effectiveType + ")" };
  return { pad: "opstart", reden: "eerste start: opstarten uit de gecompileerde standaardbibliotheek" };
}

/* Whether to keep the snapshot on this device after a boot's first answer, for the next start (rekenhulp-laden.js
 * over plain HTTP, the service worker's copy of the runtime in offline.js): not with the data saver on, nor on a
 * line the browser rates slow (there it is downloaded only when asked for). */
export function snapshotBewaren() {
  return !(navigator.connection && navigator.connection.saveData) && !trageVerbinding();
}
