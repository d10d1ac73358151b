/* Oefenen: check an answer against the one written into the page at build time, say what went wrong, and keep
 * score.
 *
 * The questions, answers, explanations and the typical wrong answers come from the engine (macros/oefenen.py); this
 * script works out no date. It compares the reader's choice with data-aw-juist and with the wrong answers typical
 * mistakes give (data-aw-valkuilen), echoes the answer in the engine's words where the page has them, shows the
 * explanation that is already on the page, and counts. On the device it keeps only the chosen region (the same key
 * as the calculators) and, per question, whether the first answer was right: never what was typed.
 */
import { bewaardeRegio, bewaarRegio } from "./rekenhulp-gedeeld.js";

const DATUM = /^\d{4}-\d{2}-\d{2}$/;
const VOORTGANG_KEY = "afsprakenwijzer.oefenen";
// Only for echoing a date the page has no words for (an answer no typical mistake gives); never to work one out.
const ECHO = new Intl.DateTimeFormat("nl-NL", { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function voortgang() {
  try { return JSON.parse(window.localStorage.getItem(VOORTGANG_KEY) || "{}") || {}; } catch (error) { return {}; }
}

function bewaarVoortgang(stand) {
  try { window.localStorage.setItem(VOORTGANG_KEY, JSON.stringify(stand)); } catch (error) { /* not remembering is fine */ }
}

function vragen(sectie) {
  return Array.from(sectie.querySelectorAll("[data-aw-oefen-vraag]"));
}

function toonStand(app) {
  const sectie = app.querySelector("[data-aw-oefen-regio]:not([hidden])");
  const alle = vragen(sectie);
  const beantwoord = alle.filter(function (v) { return v.dataset.awOordeel; });
  const goed = beantwoord.filter(function (v) { return v.dataset.awOordeel === "goed"; });
  app.querySelector("[data-aw-oefen-stand]").textContent =
    beantwoord.length + " van " + alle.length + " vragen beantwoord, " + goed.length + " goed.";
  const uitslag = sectie.querySelector("[data-aw-oefen-uitslag]");
  if (beantwoord.length < alle.length) { uitslag.hidden = true; return false; }
  const opnieuw = document.createElement("button");
  opnieuw.type = "button";
  opnieuw.className = "md-button";
  opnieuw.textContent = "Opnieuw beginnen";
  opnieuw.addEventListener("click", function () { begin(app, sectie); });
  const kop = document.createElement("h3");
  kop.textContent = "Klaar: " + goed.length + " van de " + alle.length + " vragen goed";
  const tekst = document.createElement("p");
  tekst.textContent = goed.length === alle.length
    ? "Alles goed. De termijnen van deze regio zitten erin."
    : "Lees bij de vragen die niet goed waren de uitleg en de paragraaf nog eens, en probeer het opnieuw.";
  uitslag.replaceChildren(kop, tekst, opnieuw);
  uitslag.hidden = false;
  return true;
}

function begin(app, sectie) {
  const stand = voortgang();
  vragen(sectie).forEach(function (vraag) {
    delete stand[vraag.id];
    vraag.reset();
    delete vraag.dataset.awOordeel;
    vraag.querySelectorAll("input").forEach(function (veld) { veld.removeAttribute("aria-invalid"); });
    vraag.querySelector("[data-aw-oefen-oordeel]").hidden = true;
    vraag.querySelector("[data-aw-oefen-fout]").hidden = true;
    vraag.querySelector("[data-aw-oefen-uitleg]").open = false;
  });
  bewaarVoortgang(stand);
  toonStand(app);
  const eerste = sectie.querySelector("[data-aw-oefen-vraag] input");
  if (eerste) eerste.focus();
}

function antwoordVan(vraag) {
  const velden = Array.from(vraag.elements).filter(function (veld) { return veld.name === "antwoord"; });
  if (velden[0].type === "radio") {
    const gekozen = velden.find(function (veld) { return veld.checked; });
    return gekozen ? { waarde: gekozen.value } : { fout: "Kies een van de antwoorden.", veld: velden[0] };
  }
  const waarde = velden[0].value.trim();
  if (!waarde) return { fout: "Vul een datum in.", veld: velden[0] };
  if (!DATUM.test(waarde)) return { fout: "Vul de datum in als jjjj-mm-dd, bijvoorbeeld 2025-04-29.", veld: velden[0] };
  return { waarde: waarde };
}

function controleer(app, vraag) {
  const fout = vraag.querySelector("[data-aw-oefen-fout]");
  const antwoord = antwoordVan(vraag);
  vraag.querySelectorAll("input").forEach(function (veld) { veld.removeAttribute("aria-invalid"); });
  if (antwoord.fout) {
    fout.textContent = antwoord.fout;
    fout.hidden = false;
    antwoord.veld.setAttribute("aria-invalid", "true");
    antwoord.veld.focus();
    return;
  }
  fout.hidden = true;
  const goed = antwoord.waarde === vraag.dataset.awJuist;
  // The first answer counts; checking again after reading the explanation is practice, not score.
  if (!vraag.dataset.awOordeel) {
    vraag.dataset.awOordeel = goed ? "goed" : "fout";
    const stand = voortgang();
    stand[vraag.id] = vraag.dataset.awOordeel;
    bewaarVoortgang(stand);
  }
  const oordeel = vraag.querySelector("[data-aw-oefen-oordeel]");
  oordeel.className = "aw-oefen-oordeel aw-oefen-oordeel--" + (goed ? "goed" : "fout");
  oordeel.replaceChildren(...oordeelTekst(vraag, antwoord.waarde, goed));
  oordeel.hidden = false;
  vraag.querySelector("[data-aw-oefen-uitleg]").open = true;
  const klaar = toonStand(app);
  const sectie = vraag.closest("[data-aw-oefen-regio]");
  (klaar ? sectie.querySelector("[data-aw-oefen-uitslag]") : oordeel).focus();
}

function genoemd(vraag, waarde) {
  if (!DATUM.test(waarde)) {
    const keuze = vraag.querySelector('input[type="radio"][value="' + CSS.escape(waarde) + '"]');
    return keuze ? keuze.labels[0].textContent : waarde;
  }
  const teksten = JSON.parse(vraag.dataset.awDatumteksten || "{}");
  return teksten[waarde] || ECHO.format(new Date(waarde + "T00:00:00Z"));
}

/* "Goed." or: the answer given, what went wrong (the typical mistake it matches, if any) and the right answer. */
function oordeelTekst(vraag, waarde, goed) {
  const gegeven = document.createElement("strong");
  gegeven.textContent = genoemd(vraag, waarde);
  if (goed) return ["Goed: ", gegeven, "."];
  const juist = document.createElement("strong");
  juist.textContent = vraag.dataset.awJuistTekst;
  const valkuil = JSON.parse(vraag.dataset.awValkuilen || "[]").find(function (v) { return v.waarde === waarde; });
  const waarom = valkuil ? valkuil.uitleg : (DATUM.test(waarde)
    ? "Dat is niet de datum die de afspraken geven. Hieronder staat hoe de dagen tellen."
    : "Dat is niet wie de afspraken op die dag aanwijzen.");
  return ["Niet goed. U antwoordde ", gegeven, ". " + waarom + " Het juiste antwoord is ", juist, "."];
}

/* Questions answered before on this device: their first result, without what was typed. */
function herstel(app) {
  const stand = voortgang();
  app.querySelectorAll("[data-aw-oefen-vraag]").forEach(function (vraag) {
    if (stand[vraag.id] === "goed" || stand[vraag.id] === "fout") vraag.dataset.awOordeel = stand[vraag.id];
  });
}

function toonRegio(app, regio) {
  app.querySelectorAll("[data-aw-oefen-regio]").forEach(function (sectie) {
    sectie.hidden = sectie.dataset.awOefenRegio !== regio;
  });
  toonStand(app);
}

function init() {
  const app = document.querySelector("[data-aw-oefenen]");
  if (!app || app.dataset.awKlaar) return;
  app.dataset.awKlaar = "ja";
  const kies = app.querySelector("[data-aw-oefen-kies]");
  const codes = Array.from(kies.options, function (optie) { return optie.value; });
  const gevraagd = new URLSearchParams(window.location.search).get("regio");
  kies.value = [gevraagd, bewaardeRegio()].find(function (code) { return codes.includes(code); }) || codes[0];
  app.querySelector("[data-aw-oefen-balk]").hidden = false;
  herstel(app);
  toonRegio(app, kies.value);
  kies.addEventListener("change", function () {
    bewaarRegio(kies.value);
    toonRegio(app, kies.value);
  });
  app.querySelector("[data-aw-oefen-afdrukken]").addEventListener("click", function () { window.print(); });
  app.querySelector("[data-aw-oefen-opnieuw]").addEventListener("click", function () {
    begin(app, app.querySelector("[data-aw-oefen-regio]:not([hidden])"));
  });
  app.querySelectorAll("[data-aw-oefen-vraag]").forEach(function (vraag) {
    vraag.addEventListener("submit", function (event) {
      event.preventDefault();
      controleer(app, vraag);
    });
  });
}

init();
