/* Rekenhulpen: the page side of the calculators.
 *
 * The rules live in Python (calculators/), which runs in a Web Worker on the site's own Pyodide
 * (rekenhulp-worker.js). The three calculators share one page and one worker, so switching between
 * them costs nothing. This script reads the forms, starts the worker at once, queues a calculation
 * asked for while it loads, and shows the engine's answer (rekenhulp-uitkomst.js) with its actions
 * beside it (rekenhulp-acties.js). A field beside the answer (the peildatum, the real date of an
 * assumed one) recomputes in place: the answer changes, the focus and the scroll position stay. It never
 * works out a date itself, and stores nothing but the chosen region.
 */
import { bewaardeRegio, bewaarRegio, el, rekenkernConfig } from "./rekenhulp-gedeeld.js";
import { tijdlijnFiguur } from "./rekenhulp-figuur.js";
import { teDownloaden } from "./rekenhulp-bestanden.js";
import { kiesStartpad, snapshotBewaren } from "./rekenhulp-startpad.js";
import { terugkoppelingUitkomst, tijdlijnUitkomst, werkdagenUitkomst } from "./rekenhulp-uitkomst.js";
import { acties, deelbareUrl } from "./rekenhulp-acties.js";
import { toonVoortgang, voortgangInBeeld } from "./rekenhulp-voortgang.js";

// The worker reports as soon as its scripts are in; silence this long means they never arrived. Once it
// reports, the worker watches its own downloads and says within seconds when they stall.
const WORKER_STIL_MS = 10000;
// Fields that say which case this is: a new value starts a new case (a new token for its calendar events).
const CASUS_VELDEN = ["regio", "route", "melding"];

const state = window.__awRekenhulp = {
  worker: null, status: "uit", wachtrij: [], volgnummer: 0, callbacks: new Map(), fout: null, via: null, snapshotBewaard: null, nageladen: null,
};

/* ---------- worker ---------- */

/* A first start's files (a boot: the compiled standard library, the wheels, Pyodide's scripts), asked for by the
 * page at once: the worker gets to them only after its own scripts are in (a few round trips, a third of a
 * second on a phone network). Its requests then find them in the browser's HTTP cache, or join them under way.
 * Errors are left to the worker, which names them. Not the .wasm: where a server sends it uncompressed (9.6 MB),
 * a browser with a small cache (a private window) keeps no copy of it and would download it twice; the
 * worker's request for it starts soon enough, while these fill the line. Nothing for a restore: its files are
 * on the device. */
function haalVooraf(config) {
  if (config.pad !== "opstart") return;
  const wasm = new URL("pyodide.asm.wasm", config.pyodide).href;
  const bestanden = [[config.lock]].concat(teDownloaden(config, "opstart"));
  for (const [url] of bestanden) {
    if (url === wasm) continue;
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.blob(); }).catch(function () {});
  }
}

function startWorker(config, melden) {
  state.status = "laden";
  state.startTijd = performance.now();
  try {
    state.worker = new Worker(config.worker, { type: "module" });
  } catch (error) {
    mislukt({ tekst: "Deze browser kan de rekenhulp niet starten.",
      hulp: "Gebruik een recente versie van Edge, Chrome, Firefox of Safari, en open de site via de webserver (niet als bestand).",
      detail: String(error) }, melden);
    return;
  }
  state.worker.onmessage = function (event) { verwerk(event.data, melden); };
  state.worker.onerror = function (event) {
    mislukt({ tekst: "De rekenhulp kon niet worden gestart: haar script laadt niet.",
      hulp: "Laad de pagina opnieuw. Blijft het zo, vraag dan de beheerder de hosting na te lopen. Voor de beheerder: zie de pagina Hosting (controleer-hosting).",
      detail: (event.message || "worker-fout") + " · " + config.worker }, melden);
  };
  state.worker.postMessage({ type: "start", config: config });
  state.timer = setTimeout(function () {
    vastgelopen({ tekst: "De rekenhulp komt niet op gang: haar scripts komen niet binnen.",
      hulp: "Wacht nog even of laad de pagina opnieuw. Blijft het zo, dan houdt de server of een proxy de scripts vast. Voor de beheerder: zie de pagina Hosting (controleer-hosting).",
      detail: "geen bericht van " + config.worker + " na " + WORKER_STIL_MS / 1000 + " s" }, melden);
  }, WORKER_STIL_MS);
}

/* A reported state only moves forward: progress is shown while loading, a stall message stays until the
 * runtime is ready after all (then the queued calculations are answered) or fails for good. */
function verwerk(message, melden) {
  clearTimeout(state.timer);
  if (message.type === "voortgang") {
    if (state.status === "laden") melden({ soort: "voortgang", stap: message.stap, tekst: message.tekst, procent: message.procent });
  } else if (message.type === "vastgelopen") {
    vastgelopen(message, melden);
  } else if (message.type === "klaar") {
    if (state.status === "mislukt") return;
    state.status = "klaar";
    state.fout = null;
    state.opstartMs = message.ms;
    state.via = message.via;
    melden({ soort: "klaar" });
    state.wachtrij.splice(0).forEach(function (item) { state.worker.postMessage(item); });
  } else if (message.type === "mislukt") {
    mislukt(message, melden);
  } else if (message.type === "nageladen") {
    state.nageladen = message.gelukt;  // diagnostics and the tests
  } else if (message.type === "bewaard") {
    state.snapshotBewaard = message.gelukt;  // diagnostics and the tests
  } else if (message.type === "antwoord") {
    const callback = state.callbacks.get(message.id);
    state.callbacks.delete(message.id);
    if (callback) callback(JSON.parse(message.antwoord), message.ms);
  }
}

// Keep the queue: if the runtime still arrives, the queued calculations are answered then.
function vastgelopen(fout, melden) {
  if (state.status !== "laden") return;
  state.status = "vastgelopen";
  state.fout = fout;
  melden({ soort: "vastgelopen" });
}

function mislukt(fout, melden) {
  clearTimeout(state.timer);
  if (state.status === "klaar" || state.status === "mislukt") return;
  state.status = "mislukt";
  state.fout = fout;
  melden({ soort: "mislukt" });
  state.callbacks.forEach(function (callback) { callback(null); });
  state.callbacks.clear();
  state.wachtrij.length = 0;
}

function bereken(soort, invoer) {
  return new Promise(function (resolve, reject) {
    if (state.status === "mislukt") { reject(new Error("mislukt")); return; }
    const id = ++state.volgnummer;
    state.callbacks.set(id, function (antwoord, ms) {
      if (antwoord === null) reject(new Error("mislukt"));
      else resolve({ antwoord: antwoord, ms: ms });
    });
    const bericht = { type: "bereken", id: id, soort: soort, invoer: invoer };
    if (state.status === "klaar") state.worker.postMessage(bericht);
    else state.wachtrij.push(bericht);
  });
}

/* ---------- forms ---------- */

// A form's fields include those beside the answer (form="…"); a field of another region or route is hidden.
function formInvoer(form) {
  const invoer = {};
  Array.from(form.elements).forEach(function (field) {
    if (!field.name || field.disabled || field.closest("[data-aw-toon-bij][hidden]")) return;
    if (field.type === "checkbox") invoer[field.name] = field.checked;
    else if (field.type === "radio") { if (field.checked) invoer[field.name] = field.value; }
    else if (field.value.trim() !== "") invoer[field.name] = field.value.trim();
  });
  return invoer;
}

function vulFormulier(form, params) {
  params.forEach(function (value, key) {
    Array.from(form.elements).filter(function (field) { return field.name === key; }).forEach(function (field) {
      if (field.type === "checkbox") field.checked = value === "ja" || value === "true" || value === "1";
      else if (field.type === "radio") field.checked = field.value === value;
      else field.value = value;
    });
  });
}

// Fields that only apply to some regions or routes, as the engine's rules say: groups of conditions, any group
// may hold ("regio=midden-brabant;route=direct||regio=west-brabant"); within a group every condition holds.
function werkZichtbaarheidBij(form) {
  form.querySelectorAll("[data-aw-toon-bij]").forEach(function (block) {
    const zichtbaar = block.getAttribute("data-aw-toon-bij").split("||").some(function (groep) {
      return groep.split(";").every(function (voorwaarde) {
        const [naam, waarden] = voorwaarde.split("=");
        const veld = form.elements[naam];
        const waarde = veld instanceof RadioNodeList ? veld.value : veld ? veld.value : "";
        return waarden.split("|").includes(waarde);
      });
    });
    block.hidden = !zichtbaar;
  });
}

function wisFouten(paneel) {
  paneel.querySelectorAll("[data-aw-fout-voor], [data-aw-fout-inline]").forEach(function (node) { node.textContent = ""; node.hidden = true; });
  paneel.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
  const samenvatting = paneel.querySelector("[data-aw-foutsamenvatting]");
  samenvatting.hidden = true;
  samenvatting.replaceChildren();
}

function toonFouten(paneel, form, fouten) {
  const samenvatting = paneel.querySelector("[data-aw-foutsamenvatting]");
  const lijst = el("ul");
  fouten.forEach(function (fout) {
    const veld = fout.veld ? form.elements[fout.veld] : null;
    const plek = fout.veld ? paneel.querySelector('[data-aw-fout-voor="' + fout.veld + '"]') : null;
    if (veld && plek && !plek.parentElement.closest("[hidden]")) {
      const velden = veld instanceof RadioNodeList ? Array.from(veld) : [veld];
      velden.forEach(function (v) { v.setAttribute("aria-invalid", "true"); });
      plek.textContent = fout.melding;
      plek.hidden = false;
      lijst.append(el("li", {}, [el("a", { href: "#" + velden[0].id, text: fout.melding })]));
    } else {
      lijst.append(el("li", {}, [fout.melding, fout.technisch ? el("small", { text: " (" + fout.technisch + ")" }) : null]));
    }
  });
  samenvatting.replaceChildren(el("h3", { text: "Controleer de invoer" }), lijst);
  samenvatting.hidden = false;
  samenvatting.focus();
}

// A recompute asked for beside the answer that the engine refuses: the message goes next to that field, the
// answer shown stays, and the focus stays where the user is typing.
function toonFoutenOpPlek(paneel, veld, fouten) {
  const plek = veld.dataset.awVulIn ? paneel.querySelector('[data-aw-fout-inline="' + veld.dataset.awVulIn + '"]')
    : paneel.querySelector('[data-aw-fout-voor="' + veld.name + '"]');
  veld.setAttribute("aria-invalid", "true");
  plek.textContent = fouten.map(function (fout) { return fout.melding; }).join(" ");
  plek.hidden = false;
}

// A date field reports every keystroke as a change (typing 2026 passes 0002, 0020, 0202): recompute only
// for a whole year, so the answer does not flicker through errors while the user types.
function volledigeDatum(waarde) {
  return /^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$/.test(waarde);
}

// A random token per case (not personal data): it keeps the calendar events of one case together, so a
// recalculation with an actual date updates them. A case is its region, route and meldingsdatum.
function zaakVoor(form) {
  const veld = form.elements.zaak;
  if (!veld) return null;
  const casus = CASUS_VELDEN.map(function (n) { return form.elements[n] ? form.elements[n].value : ""; }).join("|");
  if (!veld.value || veld.dataset.casus !== casus) {
    if (veld.value && veld.dataset.casus === undefined) { veld.dataset.casus = casus; return veld.value; }  // from a shared link
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    veld.value = Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
    veld.dataset.casus = casus;
  }
  return veld.value;
}

/* ---------- status ---------- */

function toonStatus(app, config) {
  const status = app.querySelector("[data-aw-status]");
  const gebeurtenis = state.laatste;
  app.querySelectorAll("[data-aw-bereken]").forEach(function (knop) { knop.disabled = state.status === "mislukt"; });
  if (state.status === "laden" || state.status === "uit") {
    status.className = "aw-status-balk aw-status-balk--laden";
    status.replaceChildren(
      el("progress", { max: "3", value: String(gebeurtenis && gebeurtenis.stap || 0), "aria-label": "Voortgang rekenhulp laden" }),
      " ", gebeurtenis && gebeurtenis.tekst || "Rekenhulp starten…",
      state.wachtrij.length ? " Uw berekening volgt zodra de rekenhulp klaar is." : "");
    app.setAttribute("aria-busy", "true");
  } else if (state.status === "klaar") {
    status.className = "aw-status-balk aw-status-balk--klaar";
    status.textContent = "Rekenhulp is klaar voor gebruik.";
    app.removeAttribute("aria-busy");
  } else {
    // mislukt (for good) or vastgelopen (the runtime may still come): the cause, what to do, and the
    // technical detail only in the disclosure.
    status.className = "aw-status-balk aw-status-balk--mislukt" + (state.status === "vastgelopen" ? " aw-status-balk--vastgelopen" : "");
    app.removeAttribute("aria-busy");
    const fout = state.fout || {};
    const delen = [
      el("p", {}, [el("strong", { text: fout.tekst || "De rekenhulp werkt niet in deze browser." })]),
      fout.hulp ? el("p", { text: fout.hulp }) : null,
      state.status === "vastgelopen" && state.wachtrij.length ? el("p", { text: "Uw berekening volgt zodra de rekenhulp klaar is." }) : null,
      el("p", {}, ["De termijnen staan ook in de ", el("a", { href: config.basis + "vergelijking/", text: "termijnentabellen per regio" }), "."]),
      fout.detail ? el("details", { class: "aw-lezing" }, [el("summary", { text: "Technische melding" }), el("p", {}, [el("code", { text: fout.detail })])]) : null,
    ];
    status.replaceChildren(...delen.filter(Boolean));
  }
}

/* ---------- results ---------- */

const WEERGAVE = { tijdlijn: tijdlijnUitkomst, werkdagen: werkdagenUitkomst, terugkoppeling: terugkoppelingUitkomst };

/* The answer, the actions under it (the peildatum field among them stays, it is part of the form), the rest.
 * ``opPlek``: recomputed from a field beside the answer: no scrolling, and the focus moves to the answer
 * only if the field it was in is gone (the real date of an assumption, once given, is no assumption). */
function toonResultaat(omgeving, paneel, soort, invoer, antwoord, opPlek) {
  const uitvoer = paneel.querySelector("[data-aw-resultaat]");
  const breedte = Math.max(280, Math.floor(paneel.getBoundingClientRect().width));
  const { kop, rest } = WEERGAVE[soort](omgeving, antwoord.resultaat, breedte);
  const melding = paneel.querySelector("[data-aw-actie-melding]");
  melding.replaceChildren();
  paneel.querySelector("[data-aw-kop]").replaceChildren(...kop);
  paneel.querySelector("[data-aw-knoppen]").replaceChildren(...acties(omgeving, soort, invoer, melding));
  paneel.querySelector("[data-aw-uitkomst]").replaceChildren(...rest);
  uitvoer.hidden = false;
  state.laatsteResultaat = { soort: soort, invoer: invoer, resultaat: antwoord.resultaat, breedte: breedte };
  const antwoordKop = uitvoer.querySelector("[data-aw-antwoord]");
  if (!opPlek) {
    antwoordKop.focus({ preventScroll: true });
    antwoordKop.scrollIntoView({ block: "start" });
  } else if (!uitvoer.contains(document.activeElement)) {
    antwoordKop.focus({ preventScroll: true });
  }
}

/* What the answer's modules need from the page: where the site is, this calculation's address, and the engine
 * (for the calendar file). */
function omgevingVoor(config, soort, invoer, resultaat) {
  const peilIsVandaag = resultaat.peildatum_is_vandaag || (resultaat.peildatum && resultaat.peildatum.is_vandaag);
  return {
    basis: config.basis,
    siteUrl: config.site_url || config.basis,
    adres: deelbareUrl(soort, invoer, peilIsVandaag).href,
    bereken: bereken,
  };
}

// Redraw the figure when the width changes a lot (a phone turned, a window resized, the page printed), from the
// same answer. ``papier``: the width of an A4 page's text, so a phone prints the figure across the page too.
const PAPIER_BREEDTE = 680;

function herteken(app, papier) {
  const laatste = state.laatsteResultaat;
  if (!laatste || laatste.soort !== "tijdlijn") return;
  const paneel = app.querySelector('[data-aw-rekenhulp="tijdlijn"]');
  const breedte = papier ? PAPIER_BREEDTE : Math.max(280, Math.floor(paneel.getBoundingClientRect().width));
  if (Math.abs(breedte - laatste.breedte) < 40) return;
  const oud = paneel.querySelector(".aw-figuur");
  if (!oud) return;
  oud.replaceWith(tijdlijnFiguur(laatste.resultaat, breedte));
  laatste.breedte = breedte;
}

/* ---------- tabs ---------- */

function kiesTab(app, soort, focus) {
  app.querySelectorAll("[data-aw-tab]").forEach(function (tab) {
    const actief = tab.dataset.awTab === soort;
    tab.setAttribute("aria-selected", actief ? "true" : "false");
    tab.tabIndex = actief ? 0 : -1;
    if (actief && focus) tab.focus();
  });
  app.querySelectorAll("[data-aw-rekenhulp]").forEach(function (paneel) {
    paneel.hidden = paneel.dataset.awRekenhulp !== soort;
  });
}

function bindTabs(app) {
  const tabs = Array.from(app.querySelectorAll("[data-aw-tab]"));
  tabs.forEach(function (tab, i) {
    tab.addEventListener("click", function () {
      kiesTab(app, tab.dataset.awTab, false);
      history.replaceState(null, "", "#" + tab.dataset.awTab);
    });
    tab.addEventListener("keydown", function (event) {
      const stap = { ArrowRight: 1, ArrowLeft: -1, Home: -i, End: tabs.length - 1 - i }[event.key];
      if (stap === undefined) return;
      event.preventDefault();
      const doel = tabs[(i + stap + tabs.length) % tabs.length];
      kiesTab(app, doel.dataset.awTab, true);
      history.replaceState(null, "", "#" + doel.dataset.awTab);
    });
  });
}

/* ---------- page ---------- */

function init() {
  const app = document.querySelector("[data-aw-app]");
  const configNode = document.getElementById("aw-rekenkern-config");
  if (!app || !configNode || app.dataset.awKlaar) return;
  app.dataset.awKlaar = "ja";
  const config = rekenkernConfig(configNode);
  app.querySelector("[data-aw-geen-js]").hidden = true;
  app.querySelector("[data-aw-tabs]").hidden = false;
  bindTabs(app);

  const melden = function (gebeurtenis) {
    // A new share of the download only moves the progress lines; the status at the top (a live region) follows the steps.
    const alleenProcent = gebeurtenis.soort === "voortgang" && state.laatste
      && state.laatste.stap === gebeurtenis.stap && state.laatste.tekst === gebeurtenis.tekst;
    if (gebeurtenis.soort === "voortgang") state.laatste = gebeurtenis;
    if (!alleenProcent) toonStatus(app, config);
    toonVoortgang(app, state);
    if (gebeurtenis.soort !== "voortgang") window.dispatchEvent(new CustomEvent("aw-rekenhulp", { detail: { soort: gebeurtenis.soort } }));
  };
  // Start the engine at once, the way that answers first on this connection: the form is usable while it
  // loads, and a calculation asked for in the meantime is answered as soon as it is ready.
  state.status = "laden";
  kiesStartpad(config).catch(function (error) {
    return { pad: "opstart", reden: "keuze mislukt: " + error };
  }).then(function (keuze) {
    state.startpad = keuze;  // diagnostics and the benchmark
    config.pad = keuze.pad;
    config.snapshotBewaren = snapshotBewaren();
    haalVooraf(config);
    startWorker(config, melden);
  });
  toonStatus(app, config);
  toonVoortgang(app, state);

  const params = new URLSearchParams(window.location.search);
  const gevraagd = params.get("rekenhulp") || window.location.hash.replace("#", "");
  const soorten = Array.from(app.querySelectorAll("[data-aw-rekenhulp]")).map(function (p) { return p.dataset.awRekenhulp; });
  const actief = soorten.includes(gevraagd) ? gevraagd : soorten[0];
  kiesTab(app, actief, false);

  app.querySelectorAll("[data-aw-rekenhulp]").forEach(function (paneel) {
    const soort = paneel.dataset.awRekenhulp;
    const form = paneel.querySelector("[data-aw-formulier]");
    form.hidden = false;
    if (!form.elements.zaak && soort === "tijdlijn") form.append(el("input", { type: "hidden", name: "zaak" }));
    // Defaults: the URL (a shared calculation) wins, then the remembered region, then today.
    if (!params.has("regio") && form.elements.regio) {
      const onthouden = bewaardeRegio();
      if (onthouden && Array.from(form.elements.regio.options).some(function (o) { return o.value === onthouden; })) form.elements.regio.value = onthouden;
    }
    paneel.querySelectorAll("[data-aw-vandaag]").forEach(function (veld) {
      if (!veld.value) veld.value = new Date().toLocaleDateString("sv-SE");  // a default value, not a computed date
    });
    if (soort === actief) vulFormulier(form, params);
    werkZichtbaarheidBij(form);
    form.addEventListener("change", function (event) {
      werkZichtbaarheidBij(form);
      if (event.target.name === "regio") bewaarRegio(event.target.value);
    });
    // Beside the answer: the peildatum (a field of the form) and the real date of an assumed one (copied into
    // the form's own field) recompute in place.
    paneel.querySelector("[data-aw-resultaat]").addEventListener("change", function (event) {
      const veld = event.target;
      if (!veld.matches("[data-aw-direct], [data-aw-vul-in]") || !volledigeDatum(veld.value)) return;
      if (veld.dataset.awVulIn) form.elements[veld.dataset.awVulIn].value = veld.value;
      form.awVanuit = veld;
      form.requestSubmit();
    });

    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const vanuit = form.awVanuit;  // the field beside the answer that asked for this recompute, if any
      form.awVanuit = null;
      const gestart = performance.now();
      wisFouten(paneel);
      zaakVoor(form);
      const invoer = formInvoer(form);
      const knop = form.querySelector("[data-aw-bereken]");
      const uitvoer = paneel.querySelector("[data-aw-resultaat]");
      knop.setAttribute("aria-busy", "true");
      uitvoer.setAttribute("aria-busy", "true");
      const gevraagd = bereken(soort, invoer);
      toonStatus(app, config);  // says the calculation is queued, if the engine is still loading
      toonVoortgang(app, state);
      if (state.status !== "klaar") voortgangInBeeld(paneel);
      let antwoord;
      try {
        ({ antwoord, ms: state.laatsteRekentijd } = await gevraagd);
      } catch (error) {
        return;
      } finally {
        knop.removeAttribute("aria-busy");
        uitvoer.removeAttribute("aria-busy");
      }
      state.laatsteAntwoord = antwoord;  // for diagnostics and the parity tests; holds only dates and choices
      if (!antwoord.ok) {
        if (vanuit && !uitvoer.hidden) { toonFoutenOpPlek(paneel, vanuit, antwoord.fouten); return; }
        uitvoer.hidden = true;
        toonFouten(paneel, form, antwoord.fouten);  // the form keeps every value
        return;
      }
      const omgeving = omgevingVoor(config, soort, invoer, antwoord.resultaat);
      toonResultaat(omgeving, paneel, soort, invoer, antwoord, Boolean(vanuit));
      state.laatsteGetoondOp = performance.now();  // since navigation: the benchmark's "answer on screen"
      window.dispatchEvent(new CustomEvent("aw-rekenhulp", { detail: { soort: "antwoord" } }));  // offline.js keeps the runtime
      state.laatsteDoorlooptijd = performance.now() - gestart;  // submit to result on screen (benchmark)
      // The address bar follows once the answer is drawn: updating it can take longer than drawing.
      requestAnimationFrame(function () { setTimeout(function () { history.replaceState(null, "", omgeving.adres); }, 0); });
    });

    // A shared link: calculate at once (queued until the engine is ready).
    if (soort === actief && (params.has("melding") || params.has("van"))) form.requestSubmit();
  });

  // On paper the quotes and readings are shown: open every disclosure of a result while printing.
  let geopend = [];
  window.addEventListener("beforeprint", function () {
    geopend = Array.from(app.querySelectorAll("[data-aw-resultaat] details:not([open])"));
    geopend.forEach(function (d) { d.open = true; });
    herteken(app, true);
  });
  window.addEventListener("afterprint", function () {
    geopend.forEach(function (d) { d.open = false; });
    herteken(app);
  });

  let wachten = null;
  window.addEventListener("resize", function () {
    clearTimeout(wachten);
    wachten = setTimeout(function () { herteken(app); }, 150);
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
