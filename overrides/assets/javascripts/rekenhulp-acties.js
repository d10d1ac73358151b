/* The actions beside an answer: the calendar file (the tijdlijn), the link to this calculation, printing.
 * They sit right under the headline, with the peildatum field (rendered with the form, see
 * macros/formulieren.py), so a professional can act without scrolling past the schedule.
 * The calendar file and everything in it, reminders included, come from the engine. */
import { el } from "./rekenhulp-gedeeld.js";

/* The address of a calculation: its inputs in the query. The peildatum only when another day than today
 * was asked for (the engine says which), so that the link opened later answers for that later day. */
export function deelbareUrl(soort, invoer, peildatumIsVandaag) {
  const params = new URLSearchParams();
  params.set("rekenhulp", soort);
  Object.entries(invoer).forEach(function ([key, value]) {
    if (value === false || value === "" || value === null || value === undefined) return;
    if (key === "peildatum" && peildatumIsVandaag) return;
    params.set(key, value === true ? "ja" : value);
  });
  const url = new URL(window.location.href);
  url.search = params.toString();
  url.hash = soort;
  return url;
}

function downloaden(naam, tekst) {
  const blob = new Blob([tekst], { type: "text/calendar;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: naam });
  document.body.append(link);
  link.click();
  link.remove();
}

/* What the download holds, in a sentence from the engine's counts and dates. */
function agendaMelding(r) {
  const n = r.afspraken.length;
  const herinneringen = r.afspraken.reduce(function (som, a) { return som + a.herinneringen.length; }, 0);
  return "Agenda-bestand ‘" + r.bestandsnaam + "’ is gedownload: " + n + (n === 1 ? " afspraak" : " afspraken") +
    (r.vanaf_tekst ? " vanaf " + r.vanaf_tekst : "") +
    (r.weggelaten ? " (" + r.weggelaten + " eerdere niet)" : "") +
    (herinneringen ? ", met een herinnering om 9:00 op de werkdag vóór elke termijn en op de dag zelf" : "") +
    ". Kenmerk in de titels: " + r.kenmerk + ". Er staan geen persoonsgegevens in.";
}

// The choice for earlier moments outlives a recompute (the buttons are drawn again with every answer).
let ookVoorbij = false;

function agendaKnop(omgeving, invoer, melding) {
  const id = "aw-agenda-voorbij";
  const voorbij = el("input", { type: "checkbox", id: id, checked: ookVoorbij });
  voorbij.addEventListener("change", function () { ookVoorbij = voorbij.checked; });
  const knop = el("button", { type: "button", class: "md-button", text: "In mijn agenda (.ics)" });
  knop.addEventListener("click", async function () {
    const { antwoord } = await omgeving.bereken("agenda", Object.assign({}, invoer, {
      site_url: omgeving.siteUrl, adres: omgeving.adres, ook_voorbij: voorbij.checked,
    }));
    if (!antwoord.ok) { melding.textContent = antwoord.fouten[0].melding; return; }
    const r = antwoord.resultaat;
    if (!r.afspraken.length) {
      melding.textContent = "Op of na " + r.vanaf_tekst + " liggen geen termijnen of overgangen meer. " +
        "Kies ‘Ook eerdere momenten’ om ze toch in uw agenda te zetten.";
      return;
    }
    downloaden(r.bestandsnaam, r.ics);
    melding.textContent = agendaMelding(r);
  });
  // The choice that goes with the file stays beside its button, also when the buttons wrap on a phone.
  return el("span", { class: "aw-acties__agenda" }, [knop, el("span", { class: "aw-acties__voorbij" }, [
    voorbij, " ", el("label", { for: id, text: "Ook eerdere momenten" })])]);
}

/* The buttons for one answer; ``melding`` is the status line under them (announced politely). */
export function acties(omgeving, soort, invoer, melding) {
  const agenda = soort === "tijdlijn" ? agendaKnop(omgeving, invoer, melding) : null;
  const kopieer = el("button", { type: "button", class: "md-button", text: "Link kopiëren" });
  kopieer.addEventListener("click", async function () {
    try {
      await navigator.clipboard.writeText(omgeving.adres);
      melding.textContent = "De link naar deze berekening is gekopieerd. Er staan alleen datums en keuzes in.";
    } catch (error) {
      melding.replaceChildren("Kopieer deze link: ", el("input", { type: "text", readonly: true, value: omgeving.adres, class: "aw-link-veld", "aria-label": "Link naar deze berekening" }));
      melding.querySelector("input").select();
    }
  });
  const afdrukken = el("button", { type: "button", class: "md-button", text: "Afdrukken" });
  afdrukken.addEventListener("click", function () { window.print(); });
  // Agenda first (what most need on a home visit), then the link, then paper.
  return [agenda, kopieer, afdrukken].filter(Boolean);
}
