/* The timeline figure of a calculator result: a time scale with a band per responsible party, the
 * deadlines and events on it (coinciding dates merged), and a marker for the peildatum.
 *
 * Every date and every distance comes from the engine's JSON (resultaat.figuur gives each date as a
 * number of days after the melding, and its short label); this module only turns those numbers into
 * positions. The scale is not linear (the first weeks get more room than the months after); the figure
 * says so, and the list of moments next to it is the text equivalent (role="img" with a title and a
 * description in the engine's words, naming a weekend day or feestdag).
 *
 * Horizontal where there is room, vertical on a phone. Drawn in CSS pixels (viewBox = the drawn size),
 * so text is never smaller than 12 px on screen. The peildatum line crosses only the band, never a label:
 * its own label takes a place among the others.
 */
import { el, partijKlasse } from "./rekenhulp-gedeeld.js";

const SVG = "http://www.w3.org/2000/svg";
const TEKST = 13;  // px
const KLEIN = 12;  // px, the smallest text in the figure

function svgEl(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(function ([key, value]) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  });
  if (text !== undefined) node.textContent = text;
  return node;
}

// Log-like scale: a day in the first week is wider than a day after a year, but order and rough
// proportion stay (log(1 + d / 7)).
function schaal(dag) {
  return Math.log(1 + Math.max(0, dag) / 7);
}

function tekstBreedte(tekst, grootte) {
  return tekst.length * grootte * 0.56;
}

// Moments per date, in the engine's order.
function perDatum(resultaat) {
  const groepen = [];
  resultaat.momenten.forEach(function (m) {
    const laatste = groepen[groepen.length - 1];
    if (laatste && laatste.datum === m.datum) laatste.momenten.push(m);
    else groepen.push({ datum: m.datum, dag: resultaat.figuur.dagen[m.datum], momenten: [m] });
  });
  return groepen;
}

function markering(moment) {
  if (moment.rol === "wissel" || moment.rol === "versie") return "wissel";
  if (moment.rol === "termijn") return "termijn";
  if (moment.rol === "monitoring") return "monitoring";
  return "gebeurtenis";
}

function tekenMarkering(groep, x, y, moment) {
  const soort = markering(moment);
  const klasse = "aw-fig-punt aw-fig-punt--" + soort + (moment.hangt_af_van_aanname || moment.status === "aangenomen" ? " aw-fig-punt--aanname" : "");
  if (soort === "termijn") return groep.append(svgEl("path", { d: `M${x} ${y - 7} L${x + 7} ${y} L${x} ${y + 7} L${x - 7} ${y} Z`, class: klasse }));
  if (soort === "wissel") return groep.append(svgEl("rect", { x: x - 6, y: y - 6, width: 12, height: 12, class: klasse }));
  return groep.append(svgEl("circle", { cx: x, cy: y, r: soort === "monitoring" ? 6 : 5, class: klasse }));
}

function labelRegels(groep) {
  const namen = groep.momenten.map(function (m) { return m.kort || m.omschrijving; });
  const uniek = namen.filter(function (n, i) { return namen.indexOf(n) === i; });
  const regels = uniek.slice(0, 3);
  if (uniek.length > 3) regels.push("+ " + (uniek.length - 3) + " meer");
  return regels;
}

function beschrijving(resultaat) {
  const delen = resultaat.verantwoordelijkheid.map(function (v) {
    return v.partij_naam + (v.binnen_een_dag ? " op " + v.van_tekst : " van " + v.van_tekst + (v.tot_en_met ? " tot en met " + v.tot_en_met_tekst : ", zonder einddatum"));
  });
  const p = resultaat.op_peildatum;
  return "Zicht op veiligheid: " + delen.join("; ") + ". Peildatum " + p.datum_tekst + ". " +
    perDatum(resultaat).map(function (g) { return g.momenten[0].datum_tekst + ": " + labelRegels(g).join(", "); }).join("; ") + ".";
}

function peilTekst(resultaat) {
  return resultaat.peildatum_is_vandaag ? "vandaag" : "peildatum";
}

function bandKlasse(v) {
  return "aw-fig-band aw-fig-band--" + partijKlasse(v.partij);
}

/* Horizontal: the scale runs left to right; labels hang below the band in rows, with a line to their mark. */
function horizontaal(resultaat, breedte) {
  const f = resultaat.figuur;
  const links = 16, rechts = 24;
  const eindDag = f.eind + Math.max(7, f.eind * 0.1);  // room to show an open last period runs on
  const x = function (dag) { return links + (breedte - links - rechts) * schaal(dag) / schaal(eindDag); };
  const groepen = perDatum(resultaat);
  // Place every label in the first row where it does not touch the previous one.
  const rijen = [];
  groepen.forEach(function (g) {
    const regels = [f.labels[g.datum]].concat(labelRegels(g));
    const w = Math.max.apply(null, regels.map(function (r) { return tekstBreedte(r, TEKST); })) + 10;
    let lx = Math.min(Math.max(x(g.dag) - 4, 2), breedte - w - 2);
    let rij = rijen.findIndex(function (eind) { return eind <= lx; });
    if (rij === -1) { rij = rijen.length; rijen.push(0); }
    rijen[rij] = lx + w;
    g.label = { x: lx, rij: rij, regels: regels };
  });
  const bandY = 46, bandH = 22, rijH = 4 * (TEKST + 4) + 8;
  const hoogte = bandY + bandH + 24 + rijen.length * rijH;
  const svg = svgEl("svg", { viewBox: `0 0 ${breedte} ${hoogte}`, width: breedte, height: hoogte, class: "aw-fig aw-fig--horizontaal" });
  // The peildatum's label sits above the band beside its line (left of it near the right edge), in a row of
  // its own; the line crosses only the band, and scale marks under the label start below it.
  const px = x(f.peildatum), peil = peilTekst(resultaat);
  const pw = tekstBreedte(peil, KLEIN) * 1.2;  // bold
  const rechtsErvan = px + 4 + pw <= breedte - 2;
  const pLinks = rechtsErvan ? px + 4 : px - 4 - pw;
  // Scale marks.
  f.schaal.forEach(function (s) {
    const onderLabel = x(s.dag) >= pLinks - 2 && x(s.dag) <= pLinks + pw + 2;
    svg.append(svgEl("line", { x1: x(s.dag), x2: x(s.dag), y1: onderLabel ? bandY - 1 : 30, y2: bandY + bandH + 6, class: "aw-fig-streep" }));
    // A mark near the right edge has its label on its left, not cut off.
    const past = x(s.dag) + 3 + tekstBreedte(s.label, KLEIN) <= breedte;
    svg.append(svgEl("text", { x: past ? x(s.dag) + 3 : x(s.dag) - 3, y: 24, "text-anchor": past ? "start" : "end",
      class: "aw-fig-schaal", "font-size": KLEIN }, s.label));
  });
  // Bands of responsibility.
  resultaat.verantwoordelijkheid.forEach(function (v) {
    const van = f.dagen[v.van];
    const tot = v.tot ? f.dagen[v.tot] : eindDag;
    const x1 = x(van), x2 = v.binnen_een_dag ? x(van) + 4 : x(tot);
    svg.append(svgEl("rect", { x: x1, y: bandY, width: Math.max(2, x2 - x1), height: bandH, class: bandKlasse(v) }));
  });
  // Peildatum.
  svg.append(svgEl("line", { x1: px, x2: px, y1: bandY - 14, y2: bandY + bandH + 4, class: "aw-fig-vandaag" }));
  svg.append(svgEl("text", { x: rechtsErvan ? px + 4 : px - 4, y: bandY - 4, "text-anchor": rechtsErvan ? "start" : "end",
    class: "aw-fig-vandaag-tekst", "font-size": KLEIN }, peil));
  // Marks and labels: every line first, every text after, so no line is drawn over a label (a label's halo in
  // the background colour hides a line that passes under it).
  const my = bandY + bandH / 2;
  const ly = function (g) { return bandY + bandH + 24 + g.label.rij * rijH; };
  groepen.forEach(function (g) {
    const mx = x(g.dag);
    svg.append(svgEl("line", { x1: mx, x2: Math.max(g.label.x + 2, Math.min(mx, g.label.x + 8)), y1: my, y2: ly(g) - TEKST, class: "aw-fig-lijn" }));
  });
  groepen.forEach(function (g) { tekenMarkering(svg, x(g.dag), my, g.momenten[0]); });
  // Behind each label a patch of background (also on paper, where a text halo is not printed).
  groepen.forEach(function (g) {
    const w = Math.max.apply(null, g.label.regels.map(function (r) { return tekstBreedte(r, TEKST); })) * 1.1 + 6;
    svg.append(svgEl("rect", { x: g.label.x + 1, y: ly(g) - TEKST, width: w, height: g.label.regels.length * (TEKST + 4) + 2, class: "aw-fig-achter" }));
  });
  groepen.forEach(function (g) {
    g.label.regels.forEach(function (regel, i) {
      svg.append(svgEl("text", { x: g.label.x + 4, y: ly(g) + i * (TEKST + 4), class: i === 0 ? "aw-fig-datum" : "aw-fig-tekst", "font-size": TEKST }, regel));
    });
  });
  return svg;
}

/* Vertical (a phone): the scale runs top to bottom, the band on the left, labels to the right. */
function verticaal(resultaat, breedte) {
  const f = resultaat.figuur;
  const groepen = perDatum(resultaat);
  // The scale's labels to the left of the band, as wide as the longest needs.
  const bandX = Math.max(56, Math.ceil(Math.max.apply(null, f.schaal.map(function (s) { return tekstBreedte(s.label, KLEIN); }))) + 10);
  const boven = 22, bandW = 16, labelX = bandX + bandW + 22;
  const eindDag = f.eind + Math.max(7, f.eind * 0.1);
  const bruikbaar = Math.max(360, groepen.length * 62);
  const y = function (dag) { return boven + bruikbaar * schaal(dag) / schaal(eindDag); };
  // Labels stacked downwards without overlap; the peildatum's label takes its place among them, so that its
  // line crosses the band and runs to its own label, never through another.
  const peil = { dag: f.peildatum, peil: true };
  const labels = groepen.concat([peil]).sort(function (a, b) { return a.dag - b.dag || (a.peil ? 1 : 0) - (b.peil ? 1 : 0); });
  let vrij = 0;
  labels.forEach(function (g) {
    const regels = g.peil ? [peilTekst(resultaat)] : [f.labels[g.datum]].concat(labelRegels(g));
    const ly = Math.max(y(g.dag) + 4, vrij + TEKST);
    g.label = { y: ly, regels: regels };
    vrij = ly + regels.length * (TEKST + 3) + 6;
  });
  const hoogte = Math.max(boven + bruikbaar + 30, vrij + 10);
  const svg = svgEl("svg", { viewBox: `0 0 ${breedte} ${hoogte}`, width: breedte, height: hoogte, class: "aw-fig aw-fig--verticaal" });
  f.schaal.forEach(function (s) {
    svg.append(svgEl("line", { x1: bandX - 6, x2: bandX + bandW + 6, y1: y(s.dag), y2: y(s.dag), class: "aw-fig-streep" }));
    svg.append(svgEl("text", { x: 2, y: y(s.dag) + 4, class: "aw-fig-schaal", "font-size": KLEIN }, s.label));
  });
  resultaat.verantwoordelijkheid.forEach(function (v) {
    const y1 = y(f.dagen[v.van]);
    const y2 = v.binnen_een_dag ? y1 + 4 : (v.tot ? y(f.dagen[v.tot]) : y(eindDag) + 20);
    svg.append(svgEl("rect", { x: bandX, y: y1, width: bandW, height: Math.max(2, y2 - y1), class: bandKlasse(v) }));
  });
  const py = y(f.peildatum);
  svg.append(svgEl("path", { d: `M${bandX - 4} ${py} H${bandX + bandW + 8} L${labelX - 4} ${peil.label.y - 4}`, class: "aw-fig-vandaag" }));
  svg.append(svgEl("text", { x: labelX, y: peil.label.y, class: "aw-fig-vandaag-tekst", "font-size": KLEIN }, peil.label.regels[0]));
  const mx = bandX + bandW / 2;
  groepen.forEach(function (g) { svg.append(svgEl("line", { x1: mx, x2: labelX - 4, y1: y(g.dag), y2: g.label.y - 4, class: "aw-fig-lijn" })); });
  groepen.forEach(function (g) { tekenMarkering(svg, mx, y(g.dag), g.momenten[0]); });
  groepen.forEach(function (g) {
    g.label.regels.forEach(function (regel, i) {
      svg.append(svgEl("text", { x: labelX, y: g.label.y + i * (TEKST + 3), class: i === 0 ? "aw-fig-datum" : "aw-fig-tekst", "font-size": TEKST }, regel));
    });
  });
  return svg;
}

function legenda(resultaat) {
  const partijen = [];
  resultaat.verantwoordelijkheid.forEach(function (v) {
    if (!partijen.some(function (p) { return p.partij === v.partij; })) partijen.push(v);
  });
  return el("ul", { class: "aw-fig-legenda" }, partijen.map(function (v) {
    return el("li", {}, [el("span", { class: "aw-fig-legenda__kleur aw-fig-legenda__kleur--" + partijKlasse(v.partij), "aria-hidden": "true" }), v.partij_naam]);
  }).concat([
    el("li", {}, [el("span", { class: "aw-fig-legenda__vorm aw-fig-legenda__vorm--termijn", "aria-hidden": "true" }), "uiterste datum"]),
    el("li", {}, [el("span", { class: "aw-fig-legenda__vorm aw-fig-legenda__vorm--wissel", "aria-hidden": "true" }), "verantwoordelijkheid gaat over"]),
    el("li", {}, [el("span", { class: "aw-fig-legenda__vorm aw-fig-legenda__vorm--gebeurtenis", "aria-hidden": "true" }), "gebeurtenis of monitoring"]),
    el("li", {}, [el("span", { class: "aw-fig-legenda__vorm aw-fig-legenda__vorm--aanname", "aria-hidden": "true" }), "aangenomen of berekend uit een aanname"]),
  ]));
}

/* The figure for ``resultaat``, sized for ``breedte`` CSS pixels. */
export function tijdlijnFiguur(resultaat, breedte) {
  const svg = breedte >= 560 ? horizontaal(resultaat, breedte) : verticaal(resultaat, breedte);
  const titelId = "aw-fig-titel", descId = "aw-fig-desc";
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", titelId + " " + descId);
  svg.prepend(svgEl("desc", { id: descId }, beschrijving(resultaat)));
  svg.prepend(svgEl("title", { id: titelId }, "Tijdlijn van de casus: wie zicht op veiligheid heeft, en de termijnen"));
  return el("figure", { class: "aw-figuur" }, [
    svg,
    el("figcaption", {}, [legenda(resultaat),
      el("p", { class: "aw-fig-noot", text: "De tijdschaal is niet evenredig: de eerste weken krijgen meer ruimte dan de maanden daarna. De lijst hierboven zegt hetzelfde in woorden." })]),
  ]);
}
