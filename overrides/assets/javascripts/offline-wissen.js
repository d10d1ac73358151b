/* Everything this site keeps on the device, listed and removed from one place (the page "Wat uw browser
 * bewaart"). Only this site's own things: another application on the same host keeps its caches, its
 * databases and its settings.
 *
 * What the site keeps: the offline copy of the site and its service worker (sw.js, HTTPS only); the
 * unpacked runtime in IndexedDB (rekenhulp-opslag.js, when there is no service worker); in localStorage
 * the chosen region, the practice progress (right or wrong per question) and the theme's settings (the
 * colour scheme). Never anything a reader typed into a calculator.
 */

import { DATABASE, OUDE_CACHE } from "./rekenhulp-opslag.js";

// Every key the site's scripts write starts with this; the ones below are named, any other is still removed.
const EIGEN_VOORVOEGSEL = "afsprakenwijzer.";
const EIGEN_SLEUTELS = {
  "afsprakenwijzer.regio": "uw laatst gekozen regio",
  "afsprakenwijzer.oefenen": "uw oefenvoortgang (goed of fout per vraag)",
  "afsprakenwijzer.leesroute": "welke stappen van de leesroute u hebt gelezen",
};
const THEMA_SLEUTELS = { __palette: "uw keuze voor een licht of donker thema" };

function cacheVoorvoegsel(basis) {
  return "afsprakenwijzer " + new URL(basis).pathname + " ";  // as sw.js names its caches
}

function megabytes(bytes) {
  return (bytes / 1e6).toLocaleString("nl-NL", { maximumFractionDigits: bytes < 1e7 ? 1 : 0 }) + " MB";
}

/* The keys of this site in a Storage, with what they hold: the site's own, and those of the theme (Material
 * prefixes them with the site's path). */
function sleutels(opslag, basis) {
  const thema = new URL(basis).pathname + ".";
  const uit = [];
  try {
    for (let i = 0; i < opslag.length; i++) {
      const sleutel = opslag.key(i);
      if (sleutel.startsWith(EIGEN_VOORVOEGSEL)) uit.push([sleutel, EIGEN_SLEUTELS[sleutel] || "een instelling van de Afsprakenwijzer"]);
      else if (sleutel.startsWith(thema)) uit.push([sleutel, THEMA_SLEUTELS[sleutel.slice(thema.length)] || "instellingen van de weergave"]);
    }
  } catch (error) {
    // storage not available (blocked): nothing kept there
  }
  return uit;
}

async function eigenCaches(basis) {
  if (typeof caches === "undefined") return [];
  return (await caches.keys()).filter(function (naam) { return naam.startsWith(cacheVoorvoegsel(basis)); });
}

// sw.js marks a cache whose runtime arrived whole with this entry (an address no file of the site has).
export const REKENKERN_COMPLEET = "__afsprakenwijzer__/rekenkern-compleet";

async function cacheOmvang(naam, basis) {
  const cache = await caches.open(naam);
  const antwoorden = (await cache.matchAll()).filter(function (r) { return r.headers.has("x-afsprakenwijzer-grootte"); });
  const bytes = antwoorden.reduce(function (som, r) { return som + Number(r.headers.get("x-afsprakenwijzer-grootte")); }, 0);
  const metRekenkern = Boolean(await cache.match(new URL(REKENKERN_COMPLEET, basis).href));
  return { aantal: antwoorden.length, bytes: bytes, metRekenkern: metRekenkern };
}

async function eigenRegistraties(basis) {
  if (!("serviceWorker" in navigator)) return [];
  try {
    return (await navigator.serviceWorker.getRegistrations()).filter(function (r) { return r.scope === basis; });
  } catch (error) {
    return [];
  }
}

async function databaseOmvang() {
  if (typeof indexedDB === "undefined") return null;
  if (indexedDB.databases) {
    const namen = (await indexedDB.databases().catch(function () { return []; })).map(function (d) { return d.name; });
    if (!namen.includes(DATABASE)) return null;
  }
  return new Promise(function (klaar) {
    const open = indexedDB.open(DATABASE);
    open.onerror = function () { klaar(null); };
    open.onupgradeneeded = function () { open.transaction.abort(); klaar(null); };  // it did not exist
    open.onsuccess = function () {
      const db = open.result;
      try {
        const lees = db.transaction(db.objectStoreNames[0], "readonly").objectStore(db.objectStoreNames[0]).getAll();
        lees.onsuccess = function () {
          db.close();
          const bytes = lees.result.reduce(function (som, blob) { return som + (blob && blob.size || 0); }, 0);
          klaar(bytes);
        };
        lees.onerror = function () { db.close(); klaar(null); };
      } catch (error) {
        db.close();
        klaar(null);
      }
    };
  });
}

function opslagen() {
  const uit = [];
  try { uit.push(window.localStorage); } catch (error) { /* blocked: nothing kept there */ }
  try { uit.push(window.sessionStorage); } catch (error) { /* blocked: nothing kept there */ }
  return uit;
}

/* What the site keeps now, one sentence each. */
export async function bewaardeGegevens(basis) {
  const regels = [];
  // One line for every copy together: beside the one in use there can be a new version waiting.
  const kopieen = await Promise.all((await eigenCaches(basis)).map(function (naam) { return cacheOmvang(naam, basis); }));
  if (kopieen.length) {
    const aantal = kopieen.reduce(function (som, k) { return som + k.aantal; }, 0);
    const bytes = kopieen.reduce(function (som, k) { return som + k.bytes; }, 0);
    regels.push("de offline kopie van de site: " + aantal + " pagina’s en bestanden, " + megabytes(bytes)
      + (kopieen.some(function (k) { return k.metRekenkern; }) ? ", met de rekenomgeving van de rekenhulpen" : ", zonder de rekenomgeving")
      + (kopieen.length > 1 ? " (de huidige versie en een nieuwe die klaarstaat)" : ""));
  }
  if (typeof caches !== "undefined" && await caches.has(OUDE_CACHE)) regels.push("een oudere kopie van de rekenomgeving");
  if ((await eigenRegistraties(basis)).length) regels.push("het onderdeel dat de site offline laat werken (de service worker)");
  const kopie = await databaseOmvang();
  if (kopie !== null) regels.push("een uitgepakte kopie van de rekenkern, zodat de rekenhulp sneller start: " + megabytes(kopie));
  for (const opslag of opslagen()) sleutels(opslag, basis).forEach(function ([, wat]) { regels.push(wat); });
  return regels.length ? regels : ["niets"];
}

/* Remove all of it; returns what was removed, one phrase each. */
export async function wisAlles(basis) {
  const gewist = [];
  for (const registratie of await eigenRegistraties(basis)) {
    if (await registratie.unregister().catch(function () { return false; })) gewist.push("het onderdeel dat de site offline laat werken");
  }
  let kopieGewist = false;
  for (const naam of await eigenCaches(basis)) kopieGewist = (await caches.delete(naam)) || kopieGewist;
  if (kopieGewist) gewist.push("de offline kopie van de site");
  if (typeof caches !== "undefined" && await caches.delete(OUDE_CACHE)) gewist.push("een oudere kopie van de rekenomgeving");
  if (await databaseOmvang() !== null) {
    await new Promise(function (klaar) {
      const weg = indexedDB.deleteDatabase(DATABASE);
      weg.onsuccess = weg.onerror = weg.onblocked = function () { klaar(); };
    });
    gewist.push("de uitgepakte kopie van de rekenkern");
  }
  for (const opslag of opslagen()) {
    for (const [sleutel, wat] of sleutels(opslag, basis)) {
      opslag.removeItem(sleutel);
      gewist.push(wat);
    }
  }
  return gewist;
}
