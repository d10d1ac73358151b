/* How far the runtime's download is, in percent, for the progress next to the calculate button.
 *
 * Counts what the watchdog sees arrive (rekenhulp-waakhond.js: every fetch of the worker, unpacked bytes)
 * against the sizes the build wrote into the config, plus the module scripts Pyodide imports, which count
 * once they are in (an import is no fetch). Only the files of the path the worker takes: the snapshot's or
 * a boot's. Unpacked sizes, not bytes on the wire: the share is close enough, and it never runs backwards.
 */
import { ontvangenBytes } from "./rekenhulp-waakhond.js";

const TIK_MS = 250;

/* Report the share downloaded (0–100) every quarter second, and once more when stopped; returns stop(). */
export function meetDownload(bestanden, melden) {
  let vorige = -1;
  const tik = function () {
    const ontvangen = ontvangenBytes();
    const geladen = new Set(performance.getEntriesByType("resource").map(function (entry) { return entry.name; }));
    let binnen = 0;
    let totaal = 0;
    for (const [url, bytes] of bestanden) {
      totaal += bytes;
      // A .gz asked for instead of the file counts for it.
      const gekregen = Math.max(ontvangen.get(url) || 0, ontvangen.get(url + ".gz") || 0);
      binnen += Math.min(bytes, geladen.has(url) && !gekregen ? bytes : gekregen);
    }
    const procent = totaal ? Math.min(100, Math.floor(100 * binnen / totaal)) : 0;
    if (procent > vorige) {
      vorige = procent;
      melden(procent);
    }
  };
  const timer = setInterval(tik, TIK_MS);
  return function () { clearInterval(timer); tik(); };
}
