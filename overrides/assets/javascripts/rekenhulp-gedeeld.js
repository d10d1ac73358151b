/* Small helpers shared by the calculator modules: building elements, and showing the engine's dates. Every
 * date the page shows comes from the engine in words ("vr 25 december 2026, Eerste Kerstdag"); the page
 * never formats, compares or works out a date itself. */

export function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(function ([key, value]) {
    if (value === null || value === undefined || value === false) return;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  });
  (children || []).forEach(function (child) {
    if (child === null || child === undefined || child === false) return;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

/* A date as the engine wrote it, with its ISO value for machines. */
export function tijd(iso, tekst) {
  return el("time", { datetime: iso, text: tekst });
}

/* CSS class of a party in figures and bands: vt, lt or niemand. */
export function partijKlasse(partij) {
  return partij === "veilig-thuis" ? "vt" : partij === "lokaal-team" ? "lt" : "niemand";
}

export function hoofdletter(tekst) {
  return tekst ? tekst.charAt(0).toUpperCase() + tekst.slice(1) : tekst;
}

/* "vandaag", "morgen", "over 4 dagen, 2 werkdagen", "5 dagen geleden": from the engine's counts. */
export function afstand(volgende) {
  const d = volgende.dagen_tot;
  if (d === 0) return "vandaag";
  if (d < 0) return (-d === 1 ? "gisteren" : -d + " dagen geleden");
  let tekst = d === 1 ? "morgen" : "over " + d + " dagen";
  const w = volgende.werkdagen_tot;
  if (w !== null && w !== undefined && d > 1) tekst += ", " + w + " werkdag" + (w === 1 ? "" : "en");
  return tekst;
}

/* The chosen region is the only thing the site remembers (one key for the calculators and Oefenen).
 * Storage may be blocked (cookies off, an intranet policy): then nothing is remembered, and nothing breaks. */
const REGIO_KEY = "afsprakenwijzer.regio";

export function bewaarRegio(regio) {
  try { window.localStorage.setItem(REGIO_KEY, regio); } catch (error) { /* not remembering is fine */ }
}

export function bewaardeRegio() {
  try { return window.localStorage.getItem(REGIO_KEY); } catch (error) { return null; }
}

/* The runtime's configuration as the template wrote it, ready for the worker: every address whole (the worker
 * resolves against its own script, not the page), and where this browser keeps its one copy of the runtime:
 * the service worker's cache where there is one (offline.js), else IndexedDB (rekenhulp-opslag.js). Every page
 * that starts the worker reads it here, so no page stores the runtime twice. */
export function rekenkernConfig(configNode, extraAdressen) {
  const config = JSON.parse(configNode.textContent);
  const heel = function (adres) { return new URL(adres, window.location.href).href; };
  ["basis", "worker", "pyodide", "lock"].concat(extraAdressen || []).forEach(function (key) { config[key] = heel(config[key]); });
  if (config.snapshot) ["url", "stdlib_url"].forEach(function (key) { config.snapshot[key] = heel(config.snapshot[key]); });
  if (config.opstart_stdlib) config.opstart_stdlib.url = heel(config.opstart_stdlib.url);
  // Where a service worker is possible it keeps the runtime (after the first answer, offline.js), also on the very
  // first visit: never two copies. Should the browser refuse it (a policy), nothing is kept beyond the HTTP
  // cache, which holds the versioned runtime files anyway: the next start downloads nothing.
  config.opslag = "serviceWorker" in navigator && window.isSecureContext ? "serviceworker" : "indexeddb";
  return config;
}
