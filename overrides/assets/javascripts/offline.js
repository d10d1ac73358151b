/* The page side of offline use (every page): registering the service worker (sw.js), keeping the
 * calculator's runtime after its first answer, the notice when a newer version has been loaded, and
 * the one button that removes everything the site keeps on this device.
 *
 * The service worker is registered when the page has nothing more urgent to download: on the
 * calculator page once its runtime is in (its own downloads go first on a slow connection), elsewhere
 * once the page has loaded. Over plain HTTP browsers allow no service worker: then nothing happens
 * here except the remove button, and the calculator keeps its copy in IndexedDB (rekenhulp-opslag.js).
 */
// Every page loads this script; what only the calculator page or the page with the remove button needs is
// imported there, when it is needed (on the calculator page those modules are already in).

const state = window.__awOffline = { status: "uit", rekenkernBewaard: null, bouw: null, nieuweVersie: false };

const manifest = document.querySelector('link[rel="manifest"]');
const basis = manifest ? new URL(".", manifest.href).href : null;
const kan = Boolean(basis) && "serviceWorker" in navigator && window.isSecureContext;
let registreren = null;
let zelfBijgewerkt = false;
// The version this page runs under: only a page that had one can see another take over (on a first visit the
// service worker's clients.claim() is a first start, not an update).
let huidigeVersie = kan ? navigator.serviceWorker.controller : null;

/* ---------- registering ---------- */

function registreer() {
  if (!kan) return Promise.resolve(null);
  registreren = registreren || (async function () {
    state.status = "registreren";
    let registratie;
    try {
      registratie = await navigator.serviceWorker.register(basis + "sw.js", { scope: basis, updateViaCache: "none" });
    } catch (error) {
      state.status = "mislukt";  // blocked (a policy, a private window): the site works as without
      return null;
    }
    volgUpdates(registratie);
    const actief = await navigator.serviceWorker.ready;
    state.status = "actief";
    state.bouw = (await vraag(actief.active, { type: "bouw" })).bouw;
    return registratie;
  })();
  return registreren;
}

/* A message to a service worker, answered on its own channel. */
function vraag(worker, bericht) {
  return new Promise(function (klaar) {
    const kanaal = new MessageChannel();
    kanaal.port1.onmessage = function (event) { klaar(event.data || {}); };
    worker.postMessage(bericht, [kanaal.port2]);
  });
}

/* After the calculator's first answer: the runtime into the service worker's cache (from the browser's HTTP
 * cache, where the calculator just put it). From then on it is the one copy: an older IndexedDB copy goes. */
async function bewaarRekenkern() {
  const [{ DATABASE }, { snapshotBewaren }] = await Promise.all([import("./rekenhulp-opslag.js"), import("./rekenhulp-startpad.js")]);
  // With the browser's data saver on, the runtime is kept only as far as the calculator downloaded it (the
  // HTTP cache); storing all of it offline would download what the chosen start did without.
  // On a slow line the start avoided the snapshot (rekenhulp-startpad.js): no copy of it either.
  if (!snapshotBewaren()) return;
  const reg = await registreer();
  if (!reg) return;
  const actief = (await navigator.serviceWorker.ready).active;
  const antwoord = await vraag(actief, { type: "rekenkern-bewaren" });
  state.rekenkernBewaard = Boolean(antwoord.gelukt);
  if (antwoord.gelukt) {
    try { indexedDB.deleteDatabase(DATABASE); } catch (error) { /* none kept */ }
  }
}

/* ---------- a newer version ---------- */

/* A new version being installed: once it is all in beside a running one, the reader chooses when. */
function volg(nieuw) {
  nieuw.addEventListener("statechange", function () {
    if (nieuw.state === "installed" && navigator.serviceWorker.controller) toonNieuweVersie(nieuw);
  });
}

function volgUpdates(reg) {
  if (reg.waiting && navigator.serviceWorker.controller) toonNieuweVersie(reg.waiting);
  // One that was already installing when this page opened (a long download), and any that comes later.
  if (reg.installing) volg(reg.installing);
  reg.addEventListener("updatefound", function () { if (reg.installing) volg(reg.installing); });
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (zelfBijgewerkt) { window.location.reload(); return; }
    const vorige = huidigeVersie;
    huidigeVersie = navigator.serviceWorker.controller;
    if (!vorige) return;
    // Another tab switched to the new version: this page is of the old one.
    melding("Deze site is intussen bijgewerkt. Vernieuw de pagina om de nieuwe versie te zien.", "Vernieuwen",
      function () { window.location.reload(); });
  });
}

/* A page of the previous version whose calculator cannot load its runtime: the server has the new version
 * only. The new version is what makes it work again; say so on the notice. */
async function nieuweVersieVoorRekenhulp() {
  const reg = await registreer();
  if (!reg || !navigator.serviceWorker.controller) return;
  await reg.update().catch(function () { /* offline: nothing newer to find */ });
  const nieuw = reg.waiting || reg.installing;
  if (!nieuw) return;
  state.rekenhulpWachtOpVersie = true;
  if (reg.waiting) toonNieuweVersie(reg.waiting);
  // else: the notice follows when it is installed (volgUpdates), with the text below
}

function toonNieuweVersie(worker) {
  state.nieuweVersie = true;
  const tekst = state.rekenhulpWachtOpVersie
    ? "Er is een nieuwe versie van de Afsprakenwijzer. De rekenhulp werkt weer als u de nieuwe versie gebruikt: kies ‘Nu gebruiken’."
    : "Er is een nieuwe versie van de Afsprakenwijzer geladen.";
  melding(tekst, "Nu gebruiken", function () {
    zelfBijgewerkt = true;
    worker.postMessage({ type: "activeer" });
  });
}

function melding(tekst, knoptekst, actie) {
  let balk = document.querySelector("[data-aw-versiemelding]");
  if (!balk) {
    balk = document.createElement("div");
    balk.className = "aw-versiemelding md-typeset";  // md-typeset: the theme's button styles
    balk.setAttribute("data-aw-versiemelding", "");
    balk.setAttribute("role", "status");
    document.body.append(balk);
  }
  const knop = document.createElement("button");
  knop.type = "button";
  knop.className = "md-button md-button--primary";
  knop.textContent = knoptekst;
  knop.addEventListener("click", actie);
  const later = document.createElement("button");
  later.type = "button";
  later.className = "md-button";
  later.textContent = "Later";
  later.addEventListener("click", function () { balk.hidden = true; });
  const p = document.createElement("p");
  p.textContent = tekst;
  balk.replaceChildren(p, knop, later);
  balk.hidden = false;
}

/* ---------- the remove button ---------- */

async function bindWissen(paneel) {
  const { bewaardeGegevens, wisAlles } = await import("./offline-wissen.js");
  const knop = paneel.querySelector("[data-aw-alles-wissen]");
  const uitslag = paneel.querySelector("[data-aw-wissen-melding]");
  const overzicht = paneel.querySelector("[data-aw-bewaard-overzicht]");
  const toon = async function () {
    const gegevens = await bewaardeGegevens(basis);
    overzicht.replaceChildren(...gegevens.map(function (regel) {
      const li = document.createElement("li");
      li.textContent = regel;
      return li;
    }));
  };
  paneel.hidden = false;
  knop.addEventListener("click", async function () {
    knop.disabled = true;
    uitslag.textContent = "Bezig met wissen…";
    const gewist = await wisAlles(basis);
    uitslag.textContent = gewist.length
      ? "Gewist: " + gewist.join("; ") + ". Bezoekt u de site opnieuw, dan bewaart uw browser weer een kopie om offline te werken."
      : "Er was niets bewaard.";
    knop.disabled = false;
    await toon();
  });
  await toon();
}

/* ---------- page ---------- */

const wissen = document.querySelector("[data-aw-wissen]");
if (wissen) bindWissen(wissen);

if (kan) {
  const rekenhulp = document.querySelector("[data-aw-app]");
  if (navigator.serviceWorker.controller || !rekenhulp) {
    // A page of an installed site asks at once (an update check); any other page once it has loaded.
    const start = function () { registreer(); };
    if (navigator.serviceWorker.controller || document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
  } else {
    window.addEventListener("aw-rekenhulp", function (event) {
      if (event.detail.soort === "klaar" || event.detail.soort === "mislukt") registreer();
    });
  }
  window.addEventListener("aw-rekenhulp", function (event) {
    if (event.detail.soort === "mislukt") nieuweVersieVoorRekenhulp();
    if (event.detail.soort === "antwoord" && state.rekenkernBewaard === null) {
      state.rekenkernBewaard = false;
      bewaarRekenkern();
    }
  });
}
