/* Which way the calculator's runtime starts on this visit, for this connection (rekenhulp-laden.js follows it):
 * - "snapshot": restore the warmed-up engine. More to download (the snapshot instead of the standard library
 *   and the engine's wheels), but no Python to boot.
 * - "opstart": boot Python and load the engine: fewer bytes, more work for the device.
 * The rule comes from benchmarks/rekenhulp.py --snelheden (a phone, 60 ms, cold; the table is on the hosting
 * page). With brotli (HTTPS) the snapshot answers first from about 4 Mbit/s and loses at most a few percent
 * below that; with gzip only (plain HTTP) a boot answers first up to about 12 Mbit/s, but a plain-HTTP site is an
 * intranet site, reached over the office network, where the snapshot wins. So:
 * - a snapshot already on this device (the service worker's copy, or the IndexedDB copy) always: nothing to download;
 * - with the browser's data saver on, the fewest bytes: a boot;
 * - on a connection the browser itself rates as slow (effectiveType 3g or slower: a round trip of 270 ms or more,
 *   or under about 700 kbit/s), where every megabyte costs seconds: a boot;
 * - otherwise the snapshot.
 * The page's own files are too small to measure a line's speed (they arrive in the first round trips, before
 * the line is full), and navigator.connection.downlink is a default guess in a browser without history: both
 * were tried and chose wrong in the benchmark. Browsers without navigator.connection (Firefox, Safari) take the
 * snapshot.
 */
import { REKENKERN_COMPLEET } from "./offline-wissen.js";
import { heeftSnapshot } from "./rekenhulp-opslag.js";

const TRAAG = new Set(["slow-2g", "2g", "3g"]);

/* A line the browser itself rates this slow (offline.js keeps no runtime copy on it either). */
export function trageVerbinding() {
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
  return { pad: "snapshot", reden: "snelle of onbekende verbinding" };
}
