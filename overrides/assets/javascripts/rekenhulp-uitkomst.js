/* What a calculator shows, in two parts around the actions (rekenhulp.js puts the peildatum, agenda, link and
 * print between them):
 *   kop:  the answer (who holds zicht op veiligheid now, until when, what is next), saying in the same sentence
 *         when it rests on an assumed date, with the field to enter the real one;
 *   rest: the case (inputs and assumptions), the schedule per date, the periods, the figure, the engine's
 *         notes, and what only paper needs (the address to reopen it, what this calculation is not).
 * Everything shown comes from the engine's JSON, dates in its own words; this module only lays it out.
 *
 * ``omgeving``: basis (the site root), adres (this calculation's address). */
import { afstand, el, hoofdletter, partijKlasse, tijd } from "./rekenhulp-gedeeld.js";
import { tijdlijnFiguur } from "./rekenhulp-figuur.js";

const ROL_LABEL = {
  termijn: "Uiterste datum", gebeurtenis: "Gebeurtenis", wissel: "Verantwoordelijkheid", monitoring: "Monitoring",
  versie: "Andere afspraken",
};
const VOLGENDE = { wissel: "Volgende overgang", gebeurtenis: "Volgende gebeurtenis", monitoring: "Volgende monitoring",
  versie: "Volgende wijziging" };
const NIET_GEHEEL = "Dit is een rekenhulp bij de samenwerkingsafspraken, geen advies: bij twijfel gelden de vastgestelde " +
  "tekst en het overleg tussen Veilig Thuis en het lokale (wijk)team.";

function siteUrl(omgeving, relatief) {
  return relatief ? omgeving.basis + relatief.replace(/^\//, "") : null;
}

/* "§ 4.1" of the region's own text, "Kwaliteitskader § 2.1" for another document (labels from the engine). */
function bronLabel(bron, eigen) {
  return bron.document === eigen ? bron.paragraaf_label : bron.document_kort + " " + bron.paragraaf_label;
}

/* A visible link to the paragraph, and the quote (and the chosen reading) in a disclosure. */
function bron(omgeving, bronData, eigen, lezing) {
  const link = el("a", { href: siteUrl(omgeving, bronData.url), text: bronLabel(bronData, eigen) });
  const inhoud = [
    el("p", { class: "aw-bron-doc", text: bronData.document_naam + ", " + bronData.paragraaf_label }),
    el("blockquote", { class: "aw-citaat", text: "“" + bronData.citaat + "”" }),
    bronData.herkomst ? el("p", { class: "aw-hint", text: "Herkomst: " + bronData.herkomst }) : null,
    lezing ? el("p", { class: "aw-lezing-tekst" }, [el("strong", { text: "Zo leest de rekenhulp dit: " }), lezing]) : null,
  ];
  return el("span", { class: "aw-bron-regel" }, [
    "Bron: ", link, " ",
    el("details", { class: "aw-lezing" }, [el("summary", { text: lezing ? "Citaat en hoe de rekenhulp het leest" : "Citaat" }), ...inhoud]),
  ]);
}

function partijNaam(resultaat, code) {
  return code ? (resultaat.partij_namen[code] || code) : "niemand aangewezen";
}

/* A date in the engine's words; a day that is no working day is flagged beside it. */
function dag(iso, tekst, nietWerkdag) {
  return [tijd(iso, tekst), nietWerkdag ? el("span", { class: "aw-label aw-label--vrij", text: "geen werkdag" }) : null];
}

/* ---------- the answer first ---------- */

/* "Als de overdracht op ma 10 maart 2025 was: " before the headline, when the answer rests on an assumed date. */
function voorwaarde(tekst) {
  return tekst ? el("span", { class: "aw-antwoord__voorwaarde", text: tekst + ": " }) : null;
}

/* For each assumed date the answer rests on: the field to enter the real one, right under the headline.
 * rekenhulp.js copies a value into the form's own field and recomputes in place. */
function invullen(omgeving, soort, aannames) {
  if (!aannames || !aannames.length) return null;
  const uitleg = "aw-" + soort + "-werkelijk-uitleg";
  return el("div", { class: "aw-antwoord__invullen" }, [
    el("p", { class: "aw-hint", id: uitleg, text: "Weet u de werkelijke datum? Vul hem in; het antwoord verandert meteen." }),
  ].concat(aannames.map(function (a) {
    const id = "aw-" + soort + "-werkelijk-" + a.veld;
    return el("div", { class: "aw-veld aw-veld--invullen" }, [
      el("label", { for: id, text: "Werkelijke datum van " + a.naam }),
      el("input", { type: "date", id: id, "data-aw-vul-in": a.veld, "aria-describedby": uitleg + " " + id + "-fout" }),
      el("p", { class: "aw-fout", id: id + "-fout", "data-aw-fout-inline": a.veld, hidden: true }),
    ]);
  })));
}

/* The engine's warning that the meldingsdatum lies after today: clear, but the calculation stands. */
function waarschuwingen(notities) {
  const toekomst = (notities || []).filter(function (n) { return n.code === "melding-in-de-toekomst"; });
  return toekomst.map(function (n) { return el("p", { class: "aw-waarschuwing", text: n.tekst }); });
}

function kopWie(p, tekst, klasse) {
  return el("h3", { class: "aw-antwoord__wie" + (klasse ? " aw-antwoord__wie--" + klasse : ""), id: "aw-antwoord-tijdlijn" },
    [voorwaarde(p.voorwaarde_tekst)].concat(tekst));
}

function antwoordVoorNu(omgeving, resultaat) {
  const p = resultaat.op_peildatum;
  // After "Als …:" the sentence goes on in lower case (a party's name keeps the engine's own capitals).
  const begin = function (tekst) { return p.voorwaarde_tekst ? tekst.charAt(0).toLowerCase() + tekst.slice(1) : tekst; };
  const partij = p.voorwaarde_tekst ? p.partij_naam : hoofdletter(p.partij_naam);
  const delen = [el("p", { class: "aw-antwoord__dag" }, [resultaat.peildatum_is_vandaag ? "Vandaag, " : "Op ", tijd(p.datum, p.datum_tekst)])];
  delen.push(...waarschuwingen(resultaat.notities));
  const totEnMet = p.tot_en_met ? [", tot en met ", el("strong", {}, [tijd(p.tot_en_met, p.tot_en_met_tekst)])] : [];
  if (p.sinds === null) {
    delen.push(kopWie(p, [el("strong", { text: "Nog geen melding op deze dag" })]));
  } else if (p.aanwijzing === "onbepaald") {
    // The party depends on a fact of the case the calculator does not know: the readings are in the toelichting.
    delen.push(kopWie(p, [el("strong", { text: begin("Hangt af van de casus") })], "niemand"));
    delen.push(el("p", { class: "aw-antwoord__tot" }, ["Wie zicht op veiligheid heeft, hangt af van een feit dat de rekenhulp niet kent"].concat(totEnMet, ["."])));
  } else if (p.partij === null) {
    delen.push(kopWie(p, [el("strong", { text: begin("Nog niet bij Veilig Thuis") })], "niemand"));
    delen.push(el("p", { class: "aw-antwoord__tot" }, ["De afspraken wijzen voor deze dagen niemand aan voor zicht op veiligheid"].concat(totEnMet, ["."])));
  } else {
    delen.push(kopWie(p, [el("strong", { text: partij }), " heeft zicht op veiligheid"], partijKlasse(p.partij)));
    delen.push(el("p", { class: "aw-antwoord__tot" }, p.tot_en_met
      ? ["tot en met ", el("strong", {}, [tijd(p.tot_en_met, p.tot_en_met_tekst)]), " (sinds ", tijd(p.sinds, p.sinds_tekst), ")"]
      : ["sinds ", tijd(p.sinds, p.sinds_tekst), ", zonder einddatum"]));
  }
  delen.push(invullen(omgeving, "tijdlijn", p.hangt_af_van));
  if (p.toelichting) delen.push(el("p", { class: "aw-antwoord__toelichting", text: p.toelichting }));
  const v = p.volgende;
  if (v) {
    delen.push(el("p", { class: "aw-antwoord__volgende" }, [
      el("span", { class: "aw-antwoord__label", text: VOLGENDE[v.rol] || "Volgende termijn" }), " ",
      v.omschrijving, " — ", el("strong", {}, dag(v.datum, v.datum_tekst, v.niet_werkdag)), " (" + afstand(v) + ")",
      v.hangt_af_van_aanname || v.status === "aangenomen" ? el("span", { class: "aw-status aw-status--aangenomen", text: " berekend uit een aanname" }) : null,
    ]));
  } else {
    delen.push(el("p", { class: "aw-antwoord__volgende" }, [el("span", { class: "aw-antwoord__label", text: "Volgende termijn" }), " geen: alle termijnen van deze tijdlijn liggen eerder"]));
  }
  if (p.daarna) {
    delen.push(el("p", { class: "aw-antwoord__daarna" }, [
      el("span", { class: "aw-antwoord__label", text: "Daarna" }), " ",
      hoofdletter(p.daarna.partij_naam), p.daarna.binnen_een_dag ? ", op " : ", vanaf ", tijd(p.daarna.vanaf, p.daarna.vanaf_tekst),
      p.daarna.binnen_een_dag ? " (tot een overgang later die dag)" : "",
    ]));
  }
  return delen;
}

function antwoordSectie(soort, delen) {
  return el("section", { class: "aw-antwoord", tabindex: "-1", "data-aw-antwoord": "", "aria-labelledby": "aw-antwoord-" + soort }, delen);
}

/* ---------- the case: inputs and assumptions ---------- */

function berekendOp(resultaat) {
  return el("p", { class: "aw-antwoord__berekend" }, ["Berekend op ", el("time", { datetime: resultaat.berekend_op, text: resultaat.berekend_op_tekst })]);
}

function aannames(lijst) {
  const relevant = (lijst || []).filter(function (a) { return a.kort; });
  if (!relevant.length) return null;
  return el("ul", { class: "aw-antwoord__aannames", "aria-label": "Aannames" },
    relevant.map(function (a) { return el("li", { text: a.kort }); }));
}

function casus(soort, titel, rijen, resultaat) {
  const dl = el("dl", { class: "aw-antwoord__casus" });
  rijen.forEach(function ([k, w]) { if (w) dl.append(el("dt", { text: k }), el("dd", {}, [].concat(w))); });
  return el("section", { class: "aw-casus", "aria-labelledby": "aw-casus-" + soort }, [
    el("h3", { id: "aw-casus-" + soort, text: titel }), dl, aannames(resultaat.aannames), berekendOp(resultaat)]);
}

function tijdlijnCasus(resultaat) {
  const melding = resultaat.momenten.find(function (m) { return m.code === "melding"; });
  const versies = (resultaat.afspraken_versies || []).map(function (v, i) { return v.naam + (i ? " (vanaf " + v.vanaf_tekst + ")" : ""); });
  return casus("tijdlijn", "Invoer en aannames", [
    ["Regio", resultaat.regio_naam], ["Route", resultaat.route_naam],
    ["Melding", melding ? tijd(melding.datum, melding.datum_tekst) : null],
    ["Antwoord voor", tijd(resultaat.op_peildatum.datum, resultaat.op_peildatum.datum_tekst)],
    ["Afspraken", versies.join("; ")], ["Werkdagen", resultaat.kalender.naam],
  ], resultaat);
}

/* What only paper needs: the address to reopen this calculation, and what it is not. */
function opPapier(omgeving) {
  return el("div", { class: "aw-alleen-op-papier" }, [
    el("p", {}, ["Deze berekening opnieuw openen: ", el("span", { class: "aw-adres", text: omgeving.adres })]),
    el("p", { text: NIET_GEHEEL }),
  ]);
}

/* ---------- the schedule ---------- */

function rooster(omgeving, resultaat) {
  const groepen = [];
  resultaat.momenten.forEach(function (m) {
    const laatste = groepen[groepen.length - 1];
    if (laatste && laatste.datum === m.datum) laatste.momenten.push(m);
    else groepen.push({ datum: m.datum, momenten: [m] });
  });
  return el("ol", { class: "aw-rooster" }, groepen.map(function (g) {
    const eerste = g.momenten[0];
    const wanneer = { voorbij: "verleden", vandaag: "vandaag", komt: "straks" }[eerste.tov_peildatum];
    return el("li", { class: "aw-rooster__dag aw-rooster__dag--" + wanneer }, [
      el("p", { class: "aw-rooster__datum" }, dag(g.datum, eerste.datum_tekst, eerste.niet_werkdag).concat([
        wanneer === "vandaag" ? el("span", { class: "aw-rooster__nu", text: resultaat.peildatum_is_vandaag ? "vandaag" : "peildatum" }) : null])),
      el("ul", { class: "aw-rooster__items" }, g.momenten.map(function (m) { return item(omgeving, resultaat, m); })),
    ]);
  }));
}

function item(omgeving, resultaat, m) {
  // "Landelijke regel" only where a regional text is silent and a national term or change applies (an
  // event such as the melding happens whatever the rules).
  const landelijk = m.landelijk_terugval && resultaat.regio !== "landelijk" && m.rol !== "gebeurtenis";
  return el("li", { class: "aw-item aw-item--" + m.rol, "data-aw-moment": m.code }, [
    el("span", { class: "aw-item__soort", text: ROL_LABEL[m.rol] || m.rol }),
    el("span", { class: "aw-item__wat", text: m.omschrijving }),
    m.status === "aangenomen" ? el("span", { class: "aw-status aw-status--aangenomen", text: "aangenomen" }) : null,
    m.status === "berekend" && m.hangt_af_van_aanname ? el("span", { class: "aw-status aw-status--aanname", text: "berekend uit een aanname" }) : null,
    m.status === "opgegeven" ? el("span", { class: "aw-status aw-status--opgegeven", text: "opgegeven" }) : null,
    landelijk ? el("span", { class: "aw-label", text: "landelijke regel", title: "De regionale tekst zegt hier niets over; het landelijk kader geldt" }) : null,
    m.rol === "wissel" && m.verantwoordelijke ? el("span", { class: "aw-item__wie" }, ["Vanaf deze dag: ", el("strong", { text: partijNaam(resultaat, m.verantwoordelijke) })]) : null,
    bron(omgeving, m.bron, resultaat.regio, m.interpretatie),
  ]);
}

function perioden(omgeving, resultaat) {
  return el("ol", { class: "aw-perioden" }, resultaat.verantwoordelijkheid.map(function (v) {
    const nu = v.op_peildatum;
    const wanneer = v.binnen_een_dag ? ["op ", tijd(v.van, v.van_tekst), ", tot een overgang later die dag"]
      : v.tot_en_met ? [tijd(v.van, v.van_tekst), " tot en met ", tijd(v.tot_en_met, v.tot_en_met_tekst)]
        : ["vanaf ", tijd(v.van, v.van_tekst), ", zonder einddatum"];
    return el("li", { class: "aw-periode aw-periode--" + partijKlasse(v.partij) + (nu ? " aw-periode--nu" : "") }, [
      el("p", { class: "aw-periode__wie" }, [el("strong", { text: hoofdletter(v.partij_naam) }),
        nu ? el("span", { class: "aw-rooster__nu", text: resultaat.peildatum_is_vandaag ? "nu" : "op de peildatum" }) : null]),
      el("p", { class: "aw-periode__wanneer" }, wanneer),
      v.toelichting ? el("p", { class: "aw-hint", text: v.toelichting }) : null,
      bron(omgeving, v.bron, resultaat.regio, v.interpretatie),
    ]);
  }));
}

/* The engine's notes, each marked with its code: an assumption is also listed with the case (paper shows it
 * there only), a melding after today is already said in the answer. */
function opmerkingen(resultaat) {
  const gezien = new Set();
  const lijst = [];
  if (resultaat.monitoring_toelichting) lijst.push({ code: "monitoring", tekst: resultaat.monitoring_toelichting });
  resultaat.notities.forEach(function (n) {
    if (n.code !== "aanname-onmogelijk" && n.code !== "melding-in-de-toekomst") lijst.push(n);
  });
  const uniek = lijst.filter(function (n) { const nieuw = !gezien.has(n.tekst); gezien.add(n.tekst); return nieuw; });
  if (!uniek.length) return [];
  return [el("h3", { class: "aw-opmerkingen-kop", text: "Opmerkingen van de rekenhulp" }),
    el("ul", { class: "aw-opmerkingen" }, uniek.map(function (n) { return el("li", { class: "aw-opmerking--" + n.code, text: n.tekst }); }))];
}

export function tijdlijnUitkomst(omgeving, resultaat, figuurBreedte) {
  return {
    kop: [antwoordSectie("tijdlijn", antwoordVoorNu(omgeving, resultaat))],
    rest: [tijdlijnCasus(resultaat),
      el("h3", { text: "Wat er gebeurt, per datum" }), rooster(omgeving, resultaat),
      el("h3", { class: "aw-perioden-kop", text: "Wie heeft zicht op veiligheid" }), perioden(omgeving, resultaat),
      el("h3", { text: "Tijdlijn als figuur" }), tijdlijnFiguur(resultaat, figuurBreedte),
    ].concat(opmerkingen(resultaat), [opPapier(omgeving)]),
  };
}

/* ---------- the other two calculators ---------- */

export function werkdagenUitkomst(omgeving, resultaat) {
  const optellen = resultaat.bewerking === "optellen";
  const n = resultaat.aantal_werkdagen;
  const werkdagen = n + " werkdag" + (n === 1 ? "" : "en");
  const kop = optellen
    ? [werkdagen + " na ", tijd(resultaat.van, resultaat.van_tekst), " is ", el("strong", {}, [tijd(resultaat.tot, resultaat.tot_tekst)])]
    : [el("strong", { text: werkdagen }), " van ", tijd(resultaat.van, resultaat.van_tekst), " tot en met ", tijd(resultaat.tot, resultaat.tot_tekst)];
  const antwoord = antwoordSectie("werkdagen", [
    el("h3", { class: "aw-antwoord__wie", id: "aw-antwoord-werkdagen" }, kop),
    el("p", { class: "aw-antwoord__toelichting", text: optellen ? "De eerste getelde dag is de dag na de begindatum." : "De begindatum telt niet mee, de einddatum wel." }),
  ]);
  const rest = [casus("werkdagen", "Invoer", [["Werkdagen", resultaat.kalender.naam]], resultaat)];
  if (resultaat.niet_werkdagen.length) {
    rest.push(el("h3", { text: "Telt niet mee" }));
    rest.push(el("ul", { class: "aw-niet-werkdagen" }, resultaat.niet_werkdagen.map(function (d) {
      return el("li", {}, [tijd(d.datum, d.datum_tekst), ": " + d.naam + " ", el("span", { class: "aw-hint", text: "(" + d.grondslag + ")" })]);
    })));
  } else {
    rest.push(el("p", { text: "In deze periode vallen geen weekenden of feestdagen." }));
  }
  rest.push(opPapier(omgeving));
  return { kop: [antwoord], rest: rest };
}

export function terugkoppelingUitkomst(omgeving, resultaat) {
  const u = resultaat.uiterlijk, p = resultaat.peildatum;
  const team = resultaat.partij_namen["lokaal-team"];
  const status = p.dagen_tot < 0 ? "Deze termijn is verstreken (" + afstand(p) + ")." : "Dat is " + afstand(p) + ".";
  const wie = hoofdletter(team) + " kan de casus teruggeven tot en met ";
  const antwoord = antwoordSectie("terugkoppeling", [
    el("p", { class: "aw-antwoord__dag" }, [p.is_vandaag ? "Vandaag, " : "Op ", tijd(p.datum, p.datum_tekst)]),
    ...waarschuwingen(resultaat.notities),
    el("h3", { class: "aw-antwoord__wie", id: "aw-antwoord-terugkoppeling" }, [
      voorwaarde(resultaat.voorwaarde_tekst), resultaat.voorwaarde_tekst ? wie.charAt(0).toLowerCase() + wie.slice(1) : wie,
      el("strong", {}, dag(u.datum, u.datum_tekst, u.niet_werkdag))]),
    invullen(omgeving, "terugkoppeling", resultaat.hangt_af_van),
    el("p", { class: "aw-antwoord__toelichting", text: status }),
    el("p", {}, [bron(omgeving, u.bron, resultaat.regio, u.interpretatie)]),
  ]);
  const rest = [casus("terugkoppeling", "Invoer en aannames", [
    ["Overdracht", [tijd(resultaat.overdracht.datum, resultaat.overdracht.datum_tekst), resultaat.overdracht.status === "aangenomen" ? " (aangenomen)" : ""]],
    ["Werkdagen", resultaat.kalender.naam],
  ], resultaat)];
  if (resultaat.criteria && resultaat.criteria.length) {
    rest.push(el("h3", { text: "Wanneer kan het team de casus teruggeven?" }));
    rest.push(el("p", { text: "Als een van deze criteria van toepassing is:" }));
    rest.push(el("ol", {}, resultaat.criteria.map(function (c) { return el("li", { text: c }); })));
    if (resultaat.criteria_bron) rest.push(el("p", {}, [bron(omgeving, resultaat.criteria_bron, resultaat.regio)]));
  }
  rest.push(opPapier(omgeving));
  return { kop: [antwoord], rest: rest };
}
