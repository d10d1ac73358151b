/* The calculator's memory snapshot, for rekenhulp-worker.js: fetched, checked and unpacked, and kept
 * unpacked in the browser's Cache Storage for the next visit.
 *
 * The server sends the snapshot gzip-compressed (6 of 31 MB); unpacking it takes 0.2–0.35 s of every
 * repeat visit, a quarter of the time to the first answer. So after the first visit the unpacked copy
 * is kept under a key that holds the sha256 of the file it came from: a new build has another key, and
 * storing it removes the copies of older builds. It holds what the server sent and nothing a user typed.
 * Without Cache Storage (a page not served over HTTPS or from localhost, some private windows, no room)
 * the snapshot is simply unpacked again.
 */

const CACHE = "afsprakenwijzer-rekenkern";

async function sha256(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
}

function sleutel(snapshot) {
  return new URL(snapshot.url + "?uitgepakt=" + snapshot.sha256, self.location.href).href;
}

async function uitCache(snapshot) {
  if (typeof caches === "undefined") return null;
  try {
    const opgeslagen = await (await caches.open(CACHE)).match(sleutel(snapshot));
    if (!opgeslagen) return null;
    const bytes = new Uint8Array(await opgeslagen.arrayBuffer());
    return bytes.byteLength === snapshot.raw_bytes ? bytes : null;
  } catch (error) {
    return null;
  }
}

// A server that compresses on the fly hands us the same bytes after the browser undoes that; a server
// that decompressed the file hands us the raw snapshot.
async function vanServer(snapshot) {
  const response = await fetch(snapshot.url);
  if (!response.ok) throw new Error("snapshot: HTTP " + response.status);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    if ((await sha256(bytes)) !== snapshot.sha256) throw new Error("snapshot: sha256 klopt niet (beschadigd of van een andere bouw)");
    const stroom = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stroom).arrayBuffer());
  }
  if (bytes.byteLength !== snapshot.raw_bytes) throw new Error("snapshot: onverwachte grootte " + bytes.byteLength);
  return bytes;
}

/* {bytes, uitCache}: the unpacked snapshot, and whether it came from the kept copy. */
export async function haalSnapshot(snapshot) {
  const bewaard = await uitCache(snapshot);
  if (bewaard) return { bytes: bewaard, uitCache: true };
  return { bytes: await vanServer(snapshot), uitCache: false };
}

/* Keep the unpacked snapshot for the next visit; called once the engine answers, so it costs the first
 * answer nothing. Failing to store is not an error. */
export async function bewaarSnapshot(snapshot, bytes) {
  if (typeof caches === "undefined") return false;
  try {
    const cache = await caches.open(CACHE);
    for (const oud of await cache.keys()) await cache.delete(oud);
    await cache.put(sleutel(snapshot), new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    return true;
  } catch (error) {
    return false;
  }
}

/* Drop the kept copy (it did not restore). */
export async function vergeetSnapshot() {
  if (typeof caches === "undefined") return;
  try {
    await caches.delete(CACHE);
  } catch (error) {
    // nothing kept, or no access: the next visit finds nothing to restore either way
  }
}
