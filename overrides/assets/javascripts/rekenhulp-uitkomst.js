/* What a calculator shows: the answer first (who holds zicht op veiligheid now, until when, what is
 * next), then the moments per date as a schedule, the periods of responsibility, the figure and the
 * engine's notes. Everything shown comes from the engine's JSON; this module only lays it out. */
import { afstand, datum, el, hoofdletter, langeDatum, partijKlasse, tijd } from "./rekenhulp-gedeeld.js";
import { tijdlijnFiguur } from "./rekenhulp-figuur.js";

const ROL_LABEL = {
  termijn: "Uiterste datum", gebeurtenis: "Gebeurtenis", wissel: "Verantwoordelijkheid", monitoring: "Monitoring",
  versie: "Andere afspraken",
};

function siteUrl(config, relatief) {
  return relatief ? config.basis + relatief.replace(/^\//, "") : null;
}

/* "§ 4.1" of the region's own text, "Kwaliteitskader § 2.1" for another document (labels from the engine). */
function bronLabel(bron, eigen) {
  return bron.document === eigen ? bron.paragraaf_label : bron.document_kort + " " + bron.paragraaf_label;
}

/* A visible link to the paragraph, and the quote (and the chosen reading) in a disclosure. */
function bron(config, bronData, eigen, lezing) {
  const link = el("a", { href: siteUrl(config, bronData.url), text: bronLabel(bronData, eigen) });
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

/* ---------- the answer first ---------- */

function antwoordVoorNu(resultaat) {
  const p = resultaat.op_peildatum;
  const dag = resultaat.peildatum_is_vandaag ? "Vandaag, " + langeDatum(p.datum) : "Op " + langeDatum(p.datum);
  const delen = [el("p", { class: "aw-antwoord__dag", text: dag })];
  if (p.sinds === null) {
    delen.push(el("h3", { class: "aw-antwoord__wie", id: "aw-antwoord-tijdlijn", text: "Nog geen melding op deze dag" }));
  } else if (p.aanwijzing === "onbepaald") {
    // The party depends on a fact of the case the calculator does not know: the readings are in the toelichting.
    delen.push(el("h3", { class: "aw-antwoord__wie aw-antwoord__wie--niemand", id: "aw-antwoord-tijdlijn", text: "Hangt af van de casus" }));
    delen.push(el("p", { class: "aw-antwoord__tot" }, [
      "Wie zicht op veiligheid heeft, hangt af van een feit dat de rekenhulp niet kent",
      p.tot_en_met ? [", tot en met ", el("strong", {}, [tijd(p.tot_en_met)])] : "", ".",
    ].flat()));
  } else if (p.partij === null) {
    delen.push(el("h3", { class: "aw-antwoord__wie aw-antwoord__wie--niemand", id: "aw-antwoord-tijdlijn", text: "Nog niet bij Veilig Thuis" }));
    delen.push(el("p", { class: "aw-antwoord__tot" }, [
      "De afspraken wijzen voor deze dagen niemand aan voor zicht op veiligheid",
      p.tot_en_met ? [", tot en met ", el("strong", {}, [tijd(p.tot_en_met)])] : "", ".",
    ].flat()));
  } else {
    delen.push(el("h3", { class: "aw-antwoord__wie aw-antwoord__wie--" + partijKlasse(p.partij), id: "aw-antwoord-tijdlijn" }, [
      el("strong", { text: hoofdletter(p.partij_naam) }), " heeft zicht op veiligheid",
    ]));
    delen.push(el("p", { class: "aw-antwoord__tot" }, p.tot_en_met
      ? ["tot en met ", el("strong", {}, [tijd(p.tot_en_met)]), " (sinds ", tijd(p.sinds), ")"]
      : ["sinds ", tijd(p.sinds), ", zonder einddatum"]));
  }
  if (p.toelichting) delen.push(el("p", { class: "aw-antwoord__toelichting", text: p.toelichting }));
  const v = p.volgende;
  if (v) {
    const wissel = v.rol === "wissel";
    delen.push(el("p", { class: "aw-antwoord__volgende" }, [
      el("span", { class: "aw-antwoord__label", text: wissel ? "Volgende overgang" : "Volgende termijn" }), " ",
      v.omschrijving, " — ", el("strong", {}, [tijd(v.datum)]), " (" + afstand(v) + ")",
      v.hangt_af_van_aanname || v.status === "aangenomen" ? el("span", { class: "aw-status aw-status--aangenomen", text: " berekend uit een aanname" }) : null,
    ]));
  } else {
    delen.push(el("p", { class: "aw-antwoord__volgende" }, [el("span", { class: "aw-antwoord__label", text: "Volgende termijn" }), " geen: alle termijnen van deze tijdlijn liggen eerder"]));
  }
  if (p.daarna) {
    delen.push(el("p", { class: "aw-antwoord__daarna" }, [
      el("span", { class: "aw-antwoord__label", text: "Daarna" }), " ",
      hoofdletter(p.daarna.partij_naam), p.daarna.binnen_een_dag ? ", op " : ", vanaf ", tijd(p.daarna.vanaf),
      p.daarna.binnen_een_dag ? " (tot een overgang later die dag)" : "",
    ]));
  }
  return delen;
}

function casusGegevens(resultaat, extra) {
  const versies = resultaat.afspraken_versies || [];
  const rijen = [
    ["Regio", resultaat.regio_naam], ["Route", resultaat.route_naam],
    ["Melding", langeDatum(resultaat.invoer.melding)],
  ].concat(extra || []).concat([
    ["Afspraken", versies.map(function (v, i) { return v.naam + (i ? " (vanaf " + datum(v.vanaf) + ")" : ""); }).join("; ")],
    ["Werkdagen", resultaat.kalender.naam],
  ]);
  const dl = el("dl", { class: "aw-antwoord__casus" });
  rijen.forEach(function ([k, w]) { if (w) dl.append(el("dt", { text: k }), el("dd", { text: w })); });
  return dl;
}

function aannames(lijst) {
  const relevant = (lijst || []).filter(function (a) { return a.kort; });
  if (!relevant.length) return null;
  return el("ul", { class: "aw-antwoord__aannames", "aria-label": "Aannames die het antwoord bepalen" },
    relevant.map(function (a) { return el("li", { text: a.kort }); }));
}

function berekendOp(resultaat) {
  return el("p", { class: "aw-antwoord__berekend" }, ["Berekend op ", el("time", { datetime: resultaat.berekend_op, text: resultaat.berekend_op_tekst })]);
}

/* ---------- the schedule ---------- */

function rooster(config, resultaat) {
  const groepen = [];
  resultaat.momenten.forEach(function (m) {
    const laatste = groepen[groepen.length - 1];
    if (laatste && laatste.datum === m.datum) laatste.momenten.push(m);
    else groepen.push({ datum: m.datum, momenten: [m] });
  });
  return el("ol", { class: "aw-rooster" }, groepen.map(function (g) {
    const wanneer = { voorbij: "verleden", vandaag: "vandaag", komt: "straks" }[g.momenten[0].tov_peildatum];
    return el("li", { class: "aw-rooster__dag aw-rooster__dag--" + wanneer }, [
      el("p", { class: "aw-rooster__datum" }, [tijd(g.datum, langeDatum),
        wanneer === "vandaag" ? el("span", { class: "aw-rooster__nu", text: resultaat.peildatum_is_vandaag ? "vandaag" : "peildatum" }) : null]),
      el("ul", { class: "aw-rooster__items" }, g.momenten.map(function (m) { return item(config, resultaat, m); })),
    ]);
  }));
}

function item(config, resultaat, m) {
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
    bron(config, m.bron, resultaat.regio, m.interpretatie),
  ]);
}

function perioden(config, resultaat) {
  return el("ol", { class: "aw-perioden" }, resultaat.verantwoordelijkheid.map(function (v) {
    const nu = v.op_peildatum;
    const wanneer = v.binnen_een_dag ? ["op ", tijd(v.van), ", tot een overgang later die dag"]
      : v.tot_en_met ? [tijd(v.van), " tot en met ", tijd(v.tot_en_met)] : ["vanaf ", tijd(v.van), ", zonder einddatum"];
    return el("li", { class: "aw-periode aw-periode--" + partijKlasse(v.partij) + (nu ? " aw-periode--nu" : "") }, [
      el("p", { class: "aw-periode__wie" }, [el("strong", { text: hoofdletter(v.partij_naam) }),
        nu ? el("span", { class: "aw-rooster__nu", text: resultaat.peildatum_is_vandaag ? "nu" : "op de peildatum" }) : null]),
      el("p", { class: "aw-periode__wanneer" }, wanneer),
      v.toelichting ? el("p", { class: "aw-hint", text: v.toelichting }) : null,
      bron(config, v.bron, resultaat.regio, v.interpretatie),
    ]);
  }));
}

function opmerkingen(resultaat) {
  const lijst = (resultaat.opmerkingen || []).slice();
  if (resultaat.monitoring_toelichting && !lijst.some(function (o) { return o === resultaat.monitoring_toelichting; })) {
    lijst.unshift(resultaat.monitoring_toelichting);
  }
  if (!lijst.length) return [];
  return [el("h4", { text: "Opmerkingen van de rekenhulp" }),
    el("ul", { class: "aw-opmerkingen" }, lijst.map(function (tekst) { return el("li", { text: tekst }); }))];
}

export function tijdlijnUitkomst(config, resultaat, figuurBreedte) {
  const antwoord = el("section", { class: "aw-antwoord", tabindex: "-1", "data-aw-antwoord": "", "aria-labelledby": "aw-antwoord-tijdlijn" },
    antwoordVoorNu(resultaat).concat([
      casusGegevens(resultaat, resultaat.peildatum_is_vandaag ? [] : [["Antwoord voor", langeDatum(resultaat.op_peildatum.datum)]]),
      aannames(resultaat.aannames), berekendOp(resultaat)]));
  return [antwoord,
    el("h3", { text: "Wat er gebeurt, per datum" }), rooster(config, resultaat),
    el("h3", { text: "Wie heeft zicht op veiligheid" }), perioden(config, resultaat),
    el("h3", { text: "Tijdlijn als figuur" }), tijdlijnFiguur(resultaat, figuurBreedte),
  ].concat(opmerkingen(resultaat));
}

/* ---------- the other two calculators ---------- */

export function werkdagenUitkomst(config, resultaat) {
  const optellen = resultaat.bewerking === "optellen";
  const n = resultaat.aantal_werkdagen;
  const kop = optellen
    ? [n + " werkdag" + (n === 1 ? "" : "en") + " na " + langeDatum(resultaat.van) + " is ", el("strong", {}, [tijd(resultaat.tot, langeDatum)])]
    : [el("strong", { text: n + " werkdag" + (n === 1 ? "" : "en") }), " van " + langeDatum(resultaat.van) + " tot en met " + langeDatum(resultaat.tot)];
  const antwoord = el("section", { class: "aw-antwoord", tabindex: "-1", "data-aw-antwoord": "", "aria-labelledby": "aw-antwoord-werkdagen" }, [
    el("h3", { class: "aw-antwoord__wie", id: "aw-antwoord-werkdagen" }, kop),
    el("p", { class: "aw-antwoord__toelichting", text: optellen ? "De eerste getelde dag is de dag na de begindatum." : "De begindatum telt niet mee, de einddatum wel." }),
    el("dl", { class: "aw-antwoord__casus" }, [el("dt", { text: "Werkdagen" }), el("dd", { text: resultaat.kalender.naam })]),
    berekendOp(resultaat),
  ]);
  const delen = [antwoord];
  if (resultaat.niet_werkdagen.length) {
    delen.push(el("h3", { text: "Telt niet mee" }));
    delen.push(el("ul", { class: "aw-niet-werkdagen" }, resultaat.niet_werkdagen.map(function (dag) {
      return el("li", {}, [tijd(dag.datum, langeDatum), ": " + dag.naam + " ", el("span", { class: "aw-hint", text: "(" + dag.grondslag + ")" })]);
    })));
  } else {
    delen.push(el("p", { text: "In deze periode vallen geen weekenden of feestdagen." }));
  }
  return delen;
}

export function terugkoppelingUitkomst(config, resultaat) {
  const u = resultaat.uiterlijk, p = resultaat.peildatum;
  const team = resultaat.partij_namen["lokaal-team"];
  const status = p.dagen_tot < 0 ? "Deze termijn is verstreken (" + afstand(p) + ")." : "Dat is " + afstand(p) + ".";
  const antwoord = el("section", { class: "aw-antwoord", tabindex: "-1", "data-aw-antwoord": "", "aria-labelledby": "aw-antwoord-terugkoppeling" }, [
    el("p", { class: "aw-antwoord__dag", text: (p.is_vandaag ? "Vandaag, " : "Op ") + langeDatum(p.datum) }),
    el("h3", { class: "aw-antwoord__wie", id: "aw-antwoord-terugkoppeling" }, [hoofdletter(team) + " kan de casus teruggeven tot en met ", el("strong", {}, [tijd(u.datum, langeDatum)])]),
    el("p", { class: "aw-antwoord__toelichting", text: status }),
    el("dl", { class: "aw-antwoord__casus" }, [
      el("dt", { text: "Overdracht" }), el("dd", { text: langeDatum(resultaat.overdracht.datum) + (resultaat.overdracht.status === "aangenomen" ? " (aangenomen)" : "") }),
      el("dt", { text: "Werkdagen" }), el("dd", { text: resultaat.kalender.naam }),
    ]),
    aannames(resultaat.aannames),
    el("p", {}, [bron(config, u.bron, "midden-brabant", u.interpretatie)]),
    berekendOp(resultaat),
  ]);
  const delen = [antwoord];
  if (resultaat.criteria && resultaat.criteria.length) {
    delen.push(el("h3", { text: "Wanneer kan het team de casus teruggeven?" }));
    delen.push(el("p", { text: "Als een van deze criteria van toepassing is:" }));
    delen.push(el("ol", {}, resultaat.criteria.map(function (c) { return el("li", { text: c }); })));
    if (resultaat.criteria_bron) delen.push(el("p", {}, [bron(config, resultaat.criteria_bron, "midden-brabant")]));
  }
  return delen;
}
