/* Which way the calculator's runtime starts on this visit, for this connection (rekenhulp-laden.js follows it):
 * - "snapshot": restore the warmed-up engine. More to download (the snapshot instead of the standard library
 *   and the engine's wheels), but no Python to boot: the answer is there a few seconds sooner once the bytes
 *   are in.
 * - "opstart": boot Python and load the engine: fewer bytes, more work for the device.
 * Which answers first depends on the connection; the rule below comes from benchmarks/rekenhulp.py (the
 * phone profile at several speeds) and is explained on the hosting page:
 * - a snapshot already on this device (the service worker's copy, or the IndexedDB copy over plain HTTP)
 *   always wins: nothing to download;
 * - with the browser's data saver on, the fewest bytes: a boot;
 * - otherwise by the speed the page itself was downloaded at (its own files, from the Resource Timing API):
 *   below the break-even speed a boot answers first. That speed is higher over plain HTTP, where browsers
 *   accept only gzip and the snapshot is larger on the wire than with brotli (secure contexts).
 * An unknown speed (too little measured) takes the snapshot: the common case is an office or a 4G phone.
 */
import { REKENKERN_COMPLEET } from "./offline-wissen.js";
import { heeftSnapshot } from "./rekenhulp-opslag.js";

// Break-even speeds in Mbit/s (benchmarks/rekenhulp.py, --snelheden): below these a boot answers first.
export const GRENS_MBPS = { brotli: 3, gzip: 7 };
// Less than this many bytes measured says too little about the connection.
const GENOEG_BYTES = 40000;

/* The page's own download speed in Mbit/s, or null: bytes that came over the network, over the time any of
 * them was arriving (the intervals from first to last byte, overlaps counted once). Latency is not in it. */
export function gemetenSnelheid(entries) {
  const stukken = entries.filter(function (e) { return e.transferSize > 0 && e.responseEnd > e.responseStart; })
    .map(function (e) { return [e.responseStart, e.responseEnd, e.transferSize]; })
    .sort(function (a, b) { return a[0] - b[0]; });
  let bytes = 0, tijd = 0, einde = -Infinity;
  for (const [begin, eind, grootte] of stukken) {
    bytes += grootte;
    if (eind > einde) {
      tijd += eind - Math.max(begin, einde);
      einde = eind;
    }
  }
  if (bytes < GENOEG_BYTES || tijd <= 0) return null;
  return (bytes * 8) / (tijd * 1000);  // bits per millisecond / 1000 = Mbit/s
}

// Some browsers leave an IndexedDB request unanswered for ever: after this long, "not on the device".
const OPSLAG_WACHT_MS = 500;

async function snapshotOpApparaat(config) {
  try {
    if (config.opslag === "serviceworker") {
      // The service worker marks its cache once the whole runtime is in (sw.js).
      const manifest = document.querySelector('link[rel="manifest"]');
      return Boolean(manifest) && Boolean(await caches.match(new URL(REKENKERN_COMPLEET, manifest.href).href));
    }
    return await Promise.race([heeftSnapshot(config.snapshot),
      new Promise(function (klaar) { setTimeout(function () { klaar(false); }, OPSLAG_WACHT_MS); })]);
  } catch (error) {
    return false;
  }
}

/* {pad, reden, mbps}: the choice and why (shown nowhere, kept in window.__awRekenhulp for the benchmark). */
export async function kiesStartpad(config) {
  if (!config.snapshot) return { pad: "opstart", reden: "geen snapshot in deze bouw", mbps: null };
  if (window.__awStartpad) return { pad: window.__awStartpad, reden: "opgelegd", mbps: null };  // benchmarks
  if (await snapshotOpApparaat(config)) return { pad: "snapshot", reden: "al op dit apparaat", mbps: null };
  const verbinding = navigator.connection;
  if (verbinding && verbinding.saveData) return { pad: "opstart", reden: "databesparing", mbps: null };
  const mbps = gemetenSnelheid([...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]);
  const grens = window.isSecureContext ? GRENS_MBPS.brotli : GRENS_MBPS.gzip;  // browsers ask for brotli in secure contexts only
  if (mbps !== null && mbps < grens) return { pad: "opstart", reden: "trage verbinding", mbps: mbps };
  return { pad: "snapshot", reden: mbps === null ? "snelheid onbekend" : "snelle verbinding", mbps: mbps };
}
