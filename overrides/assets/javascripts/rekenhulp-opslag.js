/* The unpacked memory snapshot, kept in the browser's IndexedDB for the next visit.
 *
 * Unpacking the 6 MB file into 31 MB takes 0.2–0.35 s of every visit, a quarter of the time to the
 * first answer; reading the kept copy back takes about 0.05 s. IndexedDB is used because it also exists
 * on a page served over plain HTTP, where Cache Storage and crypto.subtle do not (an intranet host name
 * without a certificate). The copy is kept under the snapshot's address, which holds the content hash
 * of the file, so a new build never finds an old copy; keeping a new one removes the older ones. It
 * holds what the server sent and nothing a user typed. Without IndexedDB (some private windows, no
 * room) the snapshot is simply unpacked again.
 */

// Exported for the page that lists and removes what the site keeps (offline-wissen.js).
export const DATABASE = "afsprakenwijzer-rekenkern";
const STORE = "snapshot";
// Where earlier versions kept the copy (Cache Storage): removed once, so it does not take 31 MB for ever.
export const OUDE_CACHE = "afsprakenwijzer-rekenkern";

function verzoek(request) {
  return new Promise(function (klaar, mislukt) {
    request.onsuccess = function () { klaar(request.result); };
    request.onerror = function () { mislukt(request.error); };
  });
}

function openDatabase() {
  if (typeof indexedDB === "undefined") return Promise.reject(new Error("geen IndexedDB"));
  const open = indexedDB.open(DATABASE, 1);
  open.onupgradeneeded = function () { open.result.createObjectStore(STORE); };
  return verzoek(open);
}

async function metStore(modus, werk) {
  const database = await openDatabase();
  try {
    const transactie = database.transaction(STORE, modus);
    const klaar = new Promise(function (ok, mislukt) {
      transactie.oncomplete = ok;
      transactie.onerror = transactie.onabort = function () { mislukt(transactie.error); };
    });
    const uitkomst = await werk(transactie.objectStore(STORE));
    await klaar;
    return uitkomst;
  } finally {
    database.close();
  }
}

/* The kept unpacked snapshot for this build, or null. */
export async function bewaardeSnapshot(snapshot) {
  try {
    const blob = await metStore("readonly", function (store) { return verzoek(store.get(snapshot.url)); });
    if (!(blob instanceof Blob) || blob.size !== snapshot.raw_bytes) return null;
    return new Uint8Array(await blob.arrayBuffer());
  } catch (error) {
    return null;
  }
}

/* Whether a copy for this build is kept, without reading it (the page's choice of how to start). */
export async function heeftSnapshot(snapshot) {
  try {
    // Asked first, so that looking does not create the database on a first visit.
    if (indexedDB.databases && !(await indexedDB.databases()).some(function (d) { return d.name === DATABASE; })) return false;
    return (await metStore("readonly", function (store) { return verzoek(store.count(snapshot.url)); })) > 0;
  } catch (error) {
    return false;
  }
}

/* Keep the unpacked snapshot for the next visit, instead of any older one; called once the engine has
 * answered, so it costs the first answer nothing. Failing to keep it is not an error. */
export async function bewaarSnapshot(snapshot, bytes) {
  ruimOudeOpslagOp();
  try {
    await metStore("readwrite", function (store) {
      store.clear();
      return verzoek(store.put(new Blob([bytes]), snapshot.url));
    });
    return true;
  } catch (error) {
    return false;
  }
}

/* Drop the kept copy (it did not restore). */
export async function vergeetSnapshot() {
  try {
    await metStore("readwrite", function (store) { return verzoek(store.clear()); });
  } catch (error) {
    // nothing kept, or no access: the next visit finds nothing to restore either way
  }
}

function ruimOudeOpslagOp() {
  if (typeof caches === "undefined") return;
  caches.delete(OUDE_CACHE).catch(function () {});
}
