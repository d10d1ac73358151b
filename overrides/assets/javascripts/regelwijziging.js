/* Regelwijziging voorbereiden: the page side of trying a rule change.
 *
 * The engine runs in the calculator's own worker (rekenhulp-worker.js, request kind "regelwijziging"). This
 * script fills the form from the chosen rule, sends the rule file and the published texts the build shipped
 * (assets/regelwijziging/bronnen-*.json, same origin) with every change, and shows the engine's answer: its
 * checks, the example before and after, the changed file and the change request to download. It computes no
 * date and checks nothing itself, and nothing leaves the browser: the downloads are made here, from the answer.
 */
import { el, rekenkernConfig } from "./rekenhulp-gedeeld.js";

const VELDEN = ["termijn", "eenheid", "ingang", "citaat", "interpretatie", "melding", "route"];
const WACHT_MS = 300;  // the engine answers each change; typing a quote should not ask it for every letter

const state = window.__awRegelwijziging = { status: "laden", volgnummer: 0, wachtend: new Map(), laatsteAntwoord: null };

/* ---------- the worker: the calculator's own, started with its configuration ---------- */

function startWorker(config, melden) {
  const worker = new Worker(config.worker, { type: "module" });
  worker.onmessage = function (event) {
    const bericht = event.data;
    if (bericht.type === "klaar") { state.status = "klaar"; melden(); }
    else if (bericht.type === "mislukt") { state.status = "mislukt"; state.fout = bericht; melden(); }
    // Nothing arrives any more: the worker says so, and may still recover (then "klaar" follows).
    else if (bericht.type === "vastgelopen") { state.status = "vastgelopen"; state.fout = bericht; melden(); }
    else if (bericht.type === "voortgang") { state.voortgang = bericht.tekst; melden(); }
    else if (bericht.type === "antwoord") {
      const klaar = state.wachtend.get(bericht.id);
      state.wachtend.delete(bericht.id);
      if (klaar) klaar(JSON.parse(bericht.antwoord));
    }
  };
  worker.onerror = function (event) {
    state.status = "mislukt";
    state.fout = { tekst: "De rekenhulp kon niet worden gestart.", detail: event.message || "" };
    melden();
  };
  worker.postMessage({ type: "start", config: config });
  return worker;
}

function vraag(worker, invoer) {
  return new Promise(function (resolve) {
    const id = ++state.volgnummer;
    state.wachtend.set(id, resolve);
    worker.postMessage({ type: "bereken", id: id, soort: "regelwijziging", invoer: invoer });
  });
}

/* ---------- the form ---------- */

function gekozenRegel(form) {
  return form.elements.regel.selectedOptions[0];
}

// The chosen rule's own values, so a change starts from what the file says now.
function vulVanRegel(form) {
  const optie = gekozenRegel(form);
  const termijn = optie.dataset.soort === "termijn";
  form.querySelector("[data-aw-alleen-termijn]").hidden = !termijn;
  form.elements.termijn.value = optie.dataset.termijn;
  form.elements.eenheid.value = optie.dataset.eenheid || form.elements.eenheid.options[0].value;
  form.elements.citaat.value = optie.dataset.citaat;
  form.elements.interpretatie.value = optie.dataset.interpretatie;
  form.elements.ingang.value = "";
  form.elements.route.value = optie.dataset.routes.split(" ")[0];
}

function invoerVan(form, bronnen) {
  const optie = gekozenRegel(form);
  const regio = optie.dataset.regio;
  const invoer = { regio: regio, regel: optie.value, bestand: bronnen.regels[regio], teksten: {} };
  bronnen.documenten[regio].forEach(function (code) { invoer.teksten[code] = bronnen.teksten[code]; });
  VELDEN.forEach(function (naam) {
    const veld = form.elements[naam];
    if (veld.closest("[hidden]")) return;
    if (veld.value.trim() !== "") invoer[naam] = veld.value.trim();
  });
  return invoer;
}

function wisFouten(app) {
  app.querySelectorAll("[data-aw-fout-voor]").forEach(function (p) { p.textContent = ""; p.hidden = true; });
  app.querySelectorAll("[aria-invalid]").forEach(function (v) { v.removeAttribute("aria-invalid"); });
  const samenvatting = app.querySelector("[data-aw-foutsamenvatting]");
  samenvatting.hidden = true;
  samenvatting.replaceChildren();
}

/* A message of the engine at its field (and in the summary above the form, with a link to the field). */
function toonBijVeld(app, form, fouten, kop) {
  const lijst = el("ul");
  fouten.forEach(function (fout) {
    const veld = fout.veld && form.elements[fout.veld];
    const plek = fout.veld && app.querySelector('[data-aw-fout-voor="' + fout.veld + '"]');
    if (veld && plek && !plek.parentElement.closest("[hidden]")) {
      veld.setAttribute("aria-invalid", "true");
      plek.textContent = fout.melding;
      plek.hidden = false;
      lijst.append(el("li", {}, [el("a", { href: "#" + veld.id, text: fout.melding })]));
    } else {
      lijst.append(el("li", { text: fout.melding }));
    }
  });
  const samenvatting = app.querySelector("[data-aw-foutsamenvatting]");
  samenvatting.replaceChildren(el("h3", { text: kop }), lijst);
  samenvatting.hidden = false;
}

/* ---------- the answer ---------- */

function download(naam, tekst, soort) {
  const link = el("a", { href: URL.createObjectURL(new Blob([tekst], { type: soort + ";charset=utf-8" })), download: naam });
  document.body.append(link);
  link.click();
  link.remove();
}

function controleBlok(r) {
  const c = r.controle;
  if (c.in_orde) {
    return el("div", { class: "aw-wijz__controle aw-wijz__controle--goed" }, [
      el("h3", { text: "Controle: in orde" }),
      el("p", { text: "Het regelbestand is geldig, elk citaat staat letterlijk in de gepubliceerde tekst en elk anker bestaat " +
        "(dezelfde controle als ‘python -m calculators controleer’)." }),
    ]);
  }
  return el("div", { class: "aw-wijz__controle aw-wijz__controle--fout" }, [
    el("h3", { text: "Controle: " + c.problemen.length + (c.problemen.length === 1 ? " probleem" : " problemen") }),
    el("ul", {}, c.problemen.map(function (p) { return el("li", { text: p.melding }); })),
  ]);
}

function voorbeeldBlok(r) {
  const v = r.voorbeeld;
  const rijen = v.rijen.map(function (rij) {
    return el("tr", { class: rij.anders ? "aw-wijz__anders" : null }, [
      el("th", { scope: "row" }, [rij.naam, rij.anders ? el("span", { class: "aw-status aw-status--anders", text: "Anders" }) : null]),
      el("td", { "data-label": "Nu", text: rij.voor || "—" }),
      el("td", { "data-label": "Met de wijziging", text: v.verantwoordelijk_na ? (rij.na || "—") : "niet te berekenen" }),
    ]);
  });
  const aantal = v.rijen.filter(function (rij) { return rij.anders; }).length;
  return el("div", { class: "aw-wijz__voorbeeld" }, [
    el("h3", { text: "Voorbeeld: een melding op " + v.geval }),
    el("p", { "data-aw-voorbeeld-samenvatting": true, text: !v.verantwoordelijk_na
      ? "Met de wijziging kan niet worden gerekend: los eerst de problemen van de controle op."
      : aantal ? aantal + (aantal === 1 ? " datum verandert." : " datums veranderen.") : "Geen datum verandert in dit voorbeeld." }),
    el("table", { class: "aw-wijz__tabel" }, [
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Moment" }), el("th", { scope: "col", text: "Nu" }),
        el("th", { scope: "col", text: "Met de wijziging" })])]),
      el("tbody", {}, rijen),
    ]),
    perioden("Wie is verantwoordelijk, nu", v.verantwoordelijk_voor),
    v.verantwoordelijk_na ? perioden("Wie is verantwoordelijk, met de wijziging", v.verantwoordelijk_na) : null,
  ]);
}

function perioden(titel, lijst) {
  return el("div", { class: "aw-wijz__perioden" }, [
    el("h4", { text: titel }),
    el("ul", {}, lijst.map(function (p) {
      return el("li", { text: p.partij + ": " + p.van + (p.tot_en_met ? " tot en met " + p.tot_en_met : " en verder") });
    })),
  ]);
}

function bestandBlok(r) {
  const bestand = el("button", { type: "button", class: "md-button md-button--primary", "data-aw-download": "bestand",
    text: "Download " + r.bestandsnaam });
  bestand.addEventListener("click", function () { download(r.bestandsnaam, r.bestand, "application/toml"); });
  const verzoek = el("button", { type: "button", class: "md-button", "data-aw-download": "verzoek",
    text: "Download het wijzigingsverzoek" });
  verzoek.addEventListener("click", function () { download(r.verzoek_bestandsnaam, r.verzoek, "text/plain"); });
  return el("div", { class: "aw-wijz__bestand" }, [
    el("h3", { text: "Het gewijzigde bestand en het verzoek" }),
    el("p", { text: r.gewijzigd ? "Stuur beide naar de beheerders van de site. Ze worden in uw browser gemaakt; er wordt niets verstuurd."
      : "U hebt nog niets gewijzigd: het bestand is gelijk aan het huidige." }),
    el("p", { class: "aw-wijz__knoppen" }, [bestand, " ", verzoek]),
    el("details", {}, [el("summary", { text: "Wat verandert in " + r.bestandsnaam }),
      el("pre", { class: "aw-wijz__verschil" }, [el("code", { text: r.verschil || "Geen verschil." })])]),
    el("details", {}, [el("summary", { text: "Het wijzigingsverzoek lezen" }),
      el("pre", { class: "aw-wijz__verzoek" }, [el("code", { text: r.verzoek })])]),
  ]);
}

function toonAntwoord(app, form, uitvoer, antwoord) {
  state.laatsteAntwoord = antwoord;  // the tests read it; it holds the rule data and dates only
  wisFouten(app);
  if (!antwoord.ok) {
    uitvoer.hidden = true;
    toonBijVeld(app, form, antwoord.fouten, "Controleer de invoer");
    return;
  }
  const r = antwoord.resultaat;
  if (!r.controle.in_orde) {
    toonBijVeld(app, form, r.controle.problemen, "De controle vond een probleem");
  }
  uitvoer.replaceChildren(
    el("h2", { id: "gevolgen", "data-aw-antwoord": true, text: "Gevolgen voor " + r.regio_naam + ": " + r.regel_naam }),
    controleBlok(r), voorbeeldBlok(r), bestandBlok(r));
  uitvoer.hidden = false;
}

/* ---------- start ---------- */

async function init() {
  const app = document.querySelector("[data-aw-voorbereiden]");
  const configNode = document.getElementById("aw-rekenkern-config");
  if (!app || !configNode) return;
  const config = rekenkernConfig(configNode, ["bronnen"]);
  const form = app.querySelector("[data-aw-formulier]");
  const uitvoer = app.querySelector("[data-aw-resultaat]");
  const status = app.querySelector("[data-aw-status]");
  app.querySelector("[data-aw-geen-js]").hidden = true;
  form.hidden = false;

  // The calculators' own status line, in their words.
  const melden = function () {
    status.className = "aw-status-balk aw-status-balk--" + state.status;
    if (state.status === "klaar") status.textContent = "Rekenhulp is klaar voor gebruik.";
    else if (state.status === "mislukt" || state.status === "vastgelopen") {
      status.textContent = (state.fout && state.fout.tekst || "De rekenhulp kon niet worden gestart.") + " " +
        (state.fout && state.fout.hulp || "");
    }
    else status.textContent = (state.voortgang || "Rekenhulp starten…") + " Dat duurt de eerste keer enkele seconden.";
  };
  melden();
  const worker = startWorker(config, melden);
  const bronnen = fetch(config.bronnen).then(function (r) {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  });

  let laatste = 0;
  const bekijk = async function () {
    const nummer = ++laatste;
    let invoer;
    try {
      invoer = invoerVan(form, await bronnen);
    } catch (error) {
      status.textContent = "De teksten voor de controle konden niet worden geladen (" + error.message + "). " +
        "Vraag de beheerder de hosting te controleren (pagina Hosting).";
      return;
    }
    uitvoer.setAttribute("aria-busy", "true");
    const antwoord = await vraag(worker, invoer);
    uitvoer.removeAttribute("aria-busy");
    if (nummer === laatste) toonAntwoord(app, form, uitvoer, antwoord);  // an older answer is not shown over a newer one
  };
  let wachten = null;
  const straks = function () { clearTimeout(wachten); wachten = setTimeout(bekijk, WACHT_MS); };

  vulVanRegel(form);
  form.elements.regel.addEventListener("change", function () { vulVanRegel(form); bekijk(); });
  form.addEventListener("input", function (event) { if (event.target.name !== "regel") straks(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(wachten); bekijk(); });
  bekijk();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
