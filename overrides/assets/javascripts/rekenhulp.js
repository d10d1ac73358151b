/* Rekenhulpen: the page side of the calculators.
 *
 * The rules live in Python (calculators/), which runs in a Web Worker on the site's own
 * Pyodide (rekenhulp-worker.js). This script only reads the form, shows progress, and turns
 * the engine's JSON answer into tables, a timeline figure and the actions (agenda, print,
 * link). It never computes a date itself, and never stores anything but the chosen region.
 * Documentation pages have no calculator root, so nothing is started there.
 */
(function () {
  "use strict";

  const START_TIMEOUT_MS = 45000;
  const REGIO_KEY = "afsprakenwijzer.regio";
  const PARTIJ_KLASSE = { "veilig-thuis": "vt", "lokaal-team": "lt" };

  // One worker per browser tab, kept across Material's instant navigation.
  const state = window.__awRekenhulp || (window.__awRekenhulp = {
    worker: null, status: "uit", wachtrij: [], volgnummer: 0, callbacks: new Map(), luisteraars: new Set(),
  });

  /* ---------- worker ---------- */

  function startWorker(config) {
    if (state.worker) return;
    state.status = "laden";
    state.startTijd = performance.now();
    try {
      state.worker = new Worker(config.worker, { type: "module" });
    } catch (error) {
      mislukt("Deze browser kan de rekenhulp niet starten (geen ondersteuning voor module-workers).", String(error));
      return;
    }
    state.worker.onmessage = function (event) { verwerk(event.data); };
    state.worker.onerror = function (event) {
      mislukt("De rekenomgeving kon niet worden gestart.", event.message || "worker-fout");
    };
    state.worker.postMessage({ type: "start", pyodideUrl: config.pyodide, lockUrl: config.lock, packages: config.pakketten });
    state.timer = setTimeout(function () {
      if (state.status === "laden") {
        mislukt("De rekenomgeving reageert niet binnen " + START_TIMEOUT_MS / 1000 + " seconden.", "time-out");
      }
    }, START_TIMEOUT_MS);
  }

  function verwerk(message) {
    if (message.type === "voortgang") {
      melden({ soort: "voortgang", stap: message.stap, tekst: message.tekst });
    } else if (message.type === "klaar") {
      clearTimeout(state.timer);
      state.status = "klaar";
      state.opstartMs = message.ms;
      melden({ soort: "klaar" });
      state.wachtrij.splice(0).forEach(function (item) { state.worker.postMessage(item); });
    } else if (message.type === "mislukt") {
      mislukt(message.tekst, message.detail);
    } else if (message.type === "antwoord") {
      const callback = state.callbacks.get(message.id);
      state.callbacks.delete(message.id);
      if (callback) callback(message.antwoord, message.ms);
    }
  }

  function mislukt(tekst, detail) {
    clearTimeout(state.timer);
    state.status = "mislukt";
    state.fout = { tekst: tekst, detail: detail };
    melden({ soort: "mislukt" });
    state.callbacks.clear();
    state.wachtrij.length = 0;
  }

  function melden(gebeurtenis) {
    state.laatste = gebeurtenis;
    state.luisteraars.forEach(function (luisteraar) { luisteraar(gebeurtenis); });
  }

  function bereken(soort, invoer) {
    return new Promise(function (resolve, reject) {
      if (state.status === "mislukt") { reject(new Error("mislukt")); return; }
      const id = ++state.volgnummer;
      state.callbacks.set(id, function (antwoord, ms) { resolve({ antwoord: antwoord, ms: ms }); });
      const bericht = { type: "bereken", id: id, soort: soort, invoer: invoer };
      if (state.status === "klaar") state.worker.postMessage(bericht);
      else state.wachtrij.push(bericht);
    });
  }

  /* ---------- helpers ---------- */

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(function ([key, value]) {
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  const datumFormaat = new Intl.DateTimeFormat("nl-NL", { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const kortDatumFormaat = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  function datumTekst(iso) {
    if (!iso) return "open";
    return datumFormaat.format(new Date(iso + "T00:00:00Z"));
  }
  function datumCel(iso) {
    return iso ? el("time", { datetime: iso, text: datumTekst(iso) }) : "open einde";
  }

  function siteUrl(config, relative) {
    return relative ? config.basis + relative.replace(/^\//, "") : null;
  }

  // Short region names come from the form's own region list (rendered from the engine's data).
  function regioNaam(code) {
    const optie = document.querySelector('#aw-regio option[value="' + code + '"]');
    return optie ? optie.textContent : null;
  }

  function bronLink(config, bron, eigenRegio) {
    if (!bron) return "";
    const paragraaf = bron.paragraaf ? "§ " + bron.paragraaf : bron.document_naam;
    const label = bron.document === eigenRegio ? paragraaf : (regioNaam(bron.document) || bron.document_naam) + " " + paragraaf;
    const href = siteUrl(config, bron.url);
    const link = href ? el("a", { href: href, text: label }) : el("span", { text: label });
    link.setAttribute("title", bron.document_naam + (bron.citaat ? ": “" + bron.citaat + "”" : ""));
    return link;
  }

  /* ---------- form ---------- */

  function formInvoer(form) {
    const invoer = {};
    Array.from(form.elements).forEach(function (field) {
      if (!field.name || field.disabled || field.closest("[hidden]")) return;
      if (field.type === "checkbox") invoer[field.name] = field.checked;
      else if (field.type === "radio") { if (field.checked) invoer[field.name] = field.value; }
      else if (field.value.trim() !== "") invoer[field.name] = field.value.trim();
    });
    return invoer;
  }

  function vulFormulier(form, params) {
    params.forEach(function (value, key) {
      const fields = form.querySelectorAll('[name="' + CSS.escape(key) + '"]');
      fields.forEach(function (field) {
        if (field.type === "checkbox") field.checked = value === "ja" || value === "true" || value === "1";
        else if (field.type === "radio") field.checked = field.value === value;
        else field.value = value;
      });
    });
  }

  function deelbareUrl(invoer) {
    const params = new URLSearchParams();
    Object.entries(invoer).forEach(function ([key, value]) {
      if (value === false) return;
      params.set(key, value === true ? "ja" : value);
    });
    const url = new URL(window.location.href);
    url.search = params.toString();
    url.hash = "";
    return url;
  }

  // Fields that only apply to some regions or routes (data-aw-toon-bij="regio=midden-brabant;route=direct").
  function werkZichtbaarheidBij(form) {
    const invoer = formInvoer(form);
    form.querySelectorAll("[data-aw-toon-bij]").forEach(function (block) {
      const zichtbaar = block.getAttribute("data-aw-toon-bij").split(";").every(function (voorwaarde) {
        const [naam, waarden] = voorwaarde.split("=");
        const veld = form.elements[naam];
        const waarde = veld ? (veld.value || invoer[naam]) : invoer[naam];
        return waarden.split("|").includes(waarde);
      });
      block.hidden = !zichtbaar;
    });
  }

  function wisFouten(root) {
    root.querySelectorAll("[data-aw-fout-voor]").forEach(function (node) { node.textContent = ""; node.hidden = true; });
    root.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    const samenvatting = root.querySelector("[data-aw-foutsamenvatting]");
    samenvatting.hidden = true;
    samenvatting.replaceChildren();
  }

  function toonFouten(root, form, fouten) {
    const samenvatting = root.querySelector("[data-aw-foutsamenvatting]");
    const lijst = el("ul");
    let eersteVeld = null;
    fouten.forEach(function (fout) {
      const veld = fout.veld ? form.elements[fout.veld] : null;
      const plek = fout.veld ? root.querySelector('[data-aw-fout-voor="' + fout.veld + '"]') : null;
      if (veld && plek && !plek.parentElement.closest("[hidden]")) {
        (veld instanceof RadioNodeList ? Array.from(veld) : [veld]).forEach(function (v) { v.setAttribute("aria-invalid", "true"); });
        plek.textContent = fout.melding;
        plek.hidden = false;
        eersteVeld = eersteVeld || (veld instanceof RadioNodeList ? veld[0] : veld);
        lijst.append(el("li", {}, [el("a", { href: "#" + (veld.id || (veld[0] && veld[0].id)), text: fout.melding })]));
      } else {
        lijst.append(el("li", { text: fout.melding }));
      }
    });
    samenvatting.replaceChildren(el("h2", { text: "Controleer de invoer" }), lijst);
    samenvatting.hidden = false;
    samenvatting.focus();
  }

  /* ---------- results ---------- */

  function tabel(caption, koppen, rijen, klasse) {
    return el("div", { class: "md-typeset__scrollwrap" }, [
      el("div", { class: "md-typeset__table" + (klasse ? " " + klasse : "") }, [
        el("table", {}, [
          el("caption", { text: caption }),
          el("thead", {}, [el("tr", {}, koppen.map(function (kop) { return el("th", { scope: "col", text: kop }); }))]),
          el("tbody", {}, rijen.map(function (cellen) {
            return el("tr", {}, cellen.map(function (cel, index) { return el(index === 0 ? "th" : "td", index === 0 ? { scope: "row" } : {}, [cel]); }));
          })),
        ]),
      ]),
    ]);
  }

  function partijNaam(resultaat, code) {
    if (!code) return "—";
    return (resultaat.partij_namen && resultaat.partij_namen[code]) || code;
  }

  function statusLabel(moment) {
    if (moment.status === "berekend" && moment.hangt_af_van_aanname) return "berekend uit een aanname";
    return moment.status;
  }

  function tijdlijnResultaat(config, resultaat) {
    const delen = [];
    const versie = resultaat.afspraken_versie || {};
    delen.push(el("p", { class: "aw-samenvatting" }, [
      el("strong", { text: resultaat.regio_naam || resultaat.regio }), " · route ",
      el("strong", { text: resultaat.route_naam || resultaat.route }), " · afspraken: ",
      versie.naam || "", versie.geldig_vanaf ? " (geldig vanaf " + kortDatumFormaat.format(new Date(versie.geldig_vanaf + "T00:00:00Z")) + ")" : "",
      " · werkdagen volgens: ", resultaat.kalender ? resultaat.kalender.naam : "",
    ]));
    if (resultaat.opmerkingen && resultaat.opmerkingen.length) {
      delen.push(el("div", { class: "admonition note" }, [
        el("p", { class: "admonition-title", text: "Let op" }),
        el("ul", {}, resultaat.opmerkingen.map(function (tekst) { return el("li", { text: tekst }); })),
      ]));
    }
    const momenten = resultaat.momenten;
    const regio = resultaat.regio;
    delen.push(el("h3", { id: "momenten", text: "Momenten en termijnen" }));
    delen.push(tabel("Momenten en termijnen, op datum", ["Datum", "Wat", "Daarna verantwoordelijk", "Status", "Bron"],
      momenten.map(function (moment) {
        const wat = el("div", {}, [
          moment.omschrijving,
          moment.landelijk_terugval ? el("span", { class: "aw-label", text: "landelijke regel" }) : null,
          moment.interpretatie ? el("details", { class: "aw-lezing" }, [el("summary", { text: "Gekozen lezing" }), el("p", { text: moment.interpretatie })]) : null,
        ]);
        return [datumCel(moment.datum), wat, partijNaam(resultaat, moment.verantwoordelijke),
          el("span", { class: "aw-status aw-status--" + moment.status, text: statusLabel(moment) }),
          bronLink(config, moment.bron, regio)];
      }), "aw-momenten"));
    delen.push(el("h3", { id: "verantwoordelijkheid", text: "Verantwoordelijk voor zicht op veiligheid" }));
    delen.push(tabel("Wie is verantwoordelijk, van wanneer tot en met wanneer", ["Van", "Tot en met", "Verantwoordelijk", "Bron"],
      resultaat.verantwoordelijkheid.map(function (v) {
        const wie = el("div", {}, [v.partij_naam,
          v.toelichting ? el("p", { class: "aw-hint", text: v.toelichting }) : null,
          v.interpretatie ? el("details", { class: "aw-lezing" }, [el("summary", { text: "Gekozen lezing" }), el("p", { text: v.interpretatie })]) : null]);
        return [datumCel(v.van), v.tot_en_met ? datumCel(v.tot_en_met) : "open einde", wie, bronLink(config, v.bron, regio)];
      })));
    const monitoring = momenten.filter(function (m) { return m.code.indexOf("monitoring") === 0; });
    delen.push(el("h3", { id: "monitoring", text: "Monitoring" }));
    if (monitoring.length) {
      delen.push(el("ul", {}, monitoring.map(function (m) {
        return el("li", {}, [datumCel(m.datum), ": ", m.omschrijving, " (", bronLink(config, m.bron, regio), ")"]);
      })));
    } else {
      delen.push(el("p", { text: resultaat.monitoring_toelichting }));  // the engine explains why there is none
    }
    delen.push(el("h3", { id: "figuur", text: "Tijdlijn als figuur" }));
    delen.push(tijdlijnFiguur(resultaat));
    return delen;
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(function ([key, value]) { node.setAttribute(key, value); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function afbreken(tekst, breedte) {
    const regels = [];
    let regel = "";
    tekst.split(/\s+/).forEach(function (woord) {
      if ((regel + " " + woord).trim().length > breedte) { if (regel) regels.push(regel); regel = woord; }
      else regel = (regel + " " + woord).trim();
    });
    if (regel) regels.push(regel);
    return regels;
  }

  // Vertical timeline: one row per moment, the coloured band shows who is responsible then.
  function tijdlijnFiguur(resultaat) {
    const rijHoogte = 20;
    const rijen = [];
    let y = 30;
    resultaat.momenten.forEach(function (moment) {
      const regels = afbreken(moment.omschrijving, 62);
      rijen.push({ moment: moment, y: y, regels: regels });
      y += Math.max(2, regels.length) * rijHoogte * 0.8 + 12;
    });
    const hoogte = y + 10;
    const svg = svgEl("svg", { viewBox: "0 0 720 " + hoogte, width: "100%", role: "img", "aria-labelledby": "aw-fig-titel aw-fig-desc", class: "aw-tijdlijn" });
    svg.append(svgEl("title", { id: "aw-fig-titel" }, "Tijdlijn: momenten en verantwoordelijkheid voor zicht op veiligheid"));
    svg.append(svgEl("desc", { id: "aw-fig-desc" }, "Dezelfde inhoud als de tabel ‘Momenten en termijnen’: " +
      resultaat.momenten.map(function (m) { return m.datum + " " + m.omschrijving; }).join("; ")));
    function partijOp(iso) {
      const interval = resultaat.verantwoordelijkheid.find(function (v) { return v.van <= iso && (!v.tot || iso < v.tot); });
      return interval ? interval.partij : null;
    }
    rijen.forEach(function (rij, index) {
      const volgende = rijen[index + 1];
      const partij = partijOp(rij.moment.datum);
      const klasse = "aw-band aw-band--" + (PARTIJ_KLASSE[partij] || "anders");
      svg.append(svgEl("rect", { x: 8, y: rij.y - 6, width: 14, height: (volgende ? volgende.y : hoogte - 4) - rij.y + 6, class: klasse }));
      svg.append(svgEl("circle", { cx: 15, cy: rij.y, r: 6, class: "aw-punt aw-punt--" + rij.moment.status }));
      svg.append(svgEl("text", { x: 34, y: rij.y + 5, class: "aw-fig-datum" }, datumTekst(rij.moment.datum)));
      rij.regels.forEach(function (regel, n) {
        svg.append(svgEl("text", { x: 230, y: rij.y + 5 + n * 16, class: "aw-fig-tekst" }, regel));
      });
    });
    const legenda = el("p", { class: "aw-legenda" }, [
      el("span", { class: "aw-legenda__vt" }), " Veilig Thuis verantwoordelijk  ",
      el("span", { class: "aw-legenda__lt" }), " lokaal (wijk)team verantwoordelijk  ",
      el("span", { class: "aw-legenda__anders" }), " anders / nog niet bij Veilig Thuis",
    ]);
    return el("figure", { class: "aw-figuur" }, [svg, legenda]);
  }

  function werkdagenResultaat(config, resultaat) {
    const delen = [el("p", { class: "aw-samenvatting" }, [resultaat.samenvatting, " · werkdagen volgens: ", resultaat.kalender.naam])];
    if (resultaat.niet_werkdagen && resultaat.niet_werkdagen.length) {
      delen.push(el("h3", { id: "niet-werkdagen", text: "Geen werkdag in deze periode" }));
      delen.push(tabel("Dagen die niet meetellen, met hun grondslag", ["Datum", "Wat", "Grondslag"],
        resultaat.niet_werkdagen.map(function (dag) { return [datumCel(dag.datum), dag.naam, dag.grondslag]; })));
    } else {
      delen.push(el("p", { text: "In deze periode vallen geen weekenden of feestdagen." }));
    }
    return delen;
  }

  function terugkoppelingResultaat(config, resultaat) {
    const delen = [el("p", { class: "aw-uitkomst" }, [
      "Het lokale (wijk)team kan de casus teruggeven aan Veilig Thuis tot en met ",
      el("strong", {}, [datumCel(resultaat.uiterlijk.datum)]), ".",
    ])];
    delen.push(el("p", {}, ["Bron: ", bronLink(config, resultaat.uiterlijk.bron, "midden-brabant"),
      resultaat.uiterlijk.interpretatie ? " · Gekozen lezing: " + resultaat.uiterlijk.interpretatie : ""]));
    if (resultaat.criteria && resultaat.criteria.length) {
      delen.push(el("h3", { id: "criteria", text: "Wanneer kan het team de casus teruggeven?" }));
      delen.push(el("ol", {}, resultaat.criteria.map(function (criterium) { return el("li", { text: criterium }); })));
      if (resultaat.criteria_bron) delen.push(el("p", {}, ["Bron: ", bronLink(config, resultaat.criteria_bron, "midden-brabant")]));
    }
    return delen;
  }

  const WEERGAVE = { tijdlijn: tijdlijnResultaat, werkdagen: werkdagenResultaat, terugkoppeling: terugkoppelingResultaat };

  /* ---------- actions ---------- */

  function acties(soort, invoer) {
    const balk = el("div", { class: "aw-acties", role: "group", "aria-label": "Acties voor dit resultaat" });
    const melding = el("p", { class: "aw-actie-melding", role: "status" });
    if (soort === "tijdlijn") {
      const agenda = el("button", { type: "button", class: "md-button", text: "Agenda-bestand (.ics)" });
      agenda.addEventListener("click", async function () {
        const { antwoord } = await bereken("agenda", invoer);
        if (!antwoord.ok) { melding.textContent = antwoord.fouten[0].melding; return; }
        const blob = new Blob([antwoord.resultaat.ics], { type: "text/calendar;charset=utf-8" });
        const link = el("a", { href: URL.createObjectURL(blob), download: antwoord.resultaat.bestandsnaam });
        document.body.append(link);
        link.click();
        link.remove();
        melding.textContent = "Agenda-bestand ‘" + antwoord.resultaat.bestandsnaam + "’ is gedownload.";
      });
      balk.append(agenda);
    }
    const afdrukken = el("button", { type: "button", class: "md-button", text: "Afdrukken" });
    afdrukken.addEventListener("click", function () { window.print(); });
    const kopieer = el("button", { type: "button", class: "md-button", text: "Link kopiëren" });
    kopieer.addEventListener("click", async function () {
      const url = deelbareUrl(invoer).href;
      try {
        await navigator.clipboard.writeText(url);
        melding.textContent = "De link naar deze berekening is gekopieerd. Er staan alleen datums en keuzes in.";
      } catch (error) {
        melding.replaceChildren("Kopieer deze link: ", el("input", { type: "text", readonly: true, value: url, class: "aw-link-veld", "aria-label": "Link naar deze berekening" }));
        melding.querySelector("input").select();
      }
    });
    balk.append(afdrukken, kopieer);
    return [balk, melding];
  }

  /* ---------- status ---------- */

  function toonStatus(root, config, gebeurtenis) {
    const status = root.querySelector("[data-aw-status]");
    const knop = root.querySelector("[data-aw-bereken]");
    if (!gebeurtenis || gebeurtenis.soort === "voortgang") {
      status.className = "aw-status-balk aw-status-balk--laden";
      const stap = gebeurtenis ? gebeurtenis.stap : 0;
      status.replaceChildren(
        el("progress", { max: "3", value: String(stap), "aria-label": "Voortgang rekenhulp laden" }),
        " ", gebeurtenis ? gebeurtenis.tekst : "Rekenhulp starten…");
      root.setAttribute("aria-busy", "true");
    } else if (gebeurtenis.soort === "klaar") {
      status.className = "aw-status-balk aw-status-balk--klaar";
      status.textContent = "Rekenhulp is klaar voor gebruik.";
      root.removeAttribute("aria-busy");
      knop.disabled = false;
    } else if (gebeurtenis.soort === "mislukt") {
      status.className = "aw-status-balk aw-status-balk--mislukt";
      root.removeAttribute("aria-busy");
      status.replaceChildren(
        el("strong", { text: state.fout.tekst + " " }),
        "De rekenhulp werkt daardoor niet in deze browser. De termijnen staan ook in de ",
        el("a", { href: config.basis + "vergelijking/", text: "termijnentabellen per regio" }),
        ". Vraag de beheerder van deze site om de hostinginstructies te controleren (MIME-type van .wasm en .mjs, Content-Security-Policy). ",
        el("small", { text: "Technische melding: " + state.fout.detail }));
      knop.disabled = true;
    }
  }

  /* ---------- page ---------- */

  function init() {
    const root = document.querySelector("[data-aw-rekenhulp]");
    const configNode = document.getElementById("aw-rekenkern-config");
    if (!root || !configNode || root.dataset.awKlaar) return;
    root.dataset.awKlaar = "ja";
    const config = JSON.parse(configNode.textContent);
    // The template writes paths relative to the page; the worker needs absolute URLs.
    ["basis", "worker", "pyodide", "lock"].forEach(function (key) { config[key] = new URL(config[key], window.location.href).href; });
    const soort = root.getAttribute("data-aw-rekenhulp");
    const form = root.querySelector("form");
    const uitvoer = root.querySelector("[data-aw-resultaat]");
    root.querySelector("[data-aw-geen-js]").hidden = true;
    form.hidden = false;

    // Defaults: the URL (a shared calculation) wins, then the remembered region, then today.
    const params = new URLSearchParams(window.location.search);
    if (!params.has("regio") && form.elements.regio) {
      const onthouden = window.localStorage && localStorage.getItem(REGIO_KEY);
      if (onthouden && Array.from(form.elements.regio.options || []).some(function (o) { return o.value === onthouden; })) form.elements.regio.value = onthouden;
    }
    form.querySelectorAll("[data-aw-vandaag]").forEach(function (veld) {
      if (!veld.value) veld.value = new Date().toLocaleDateString("sv-SE");
    });
    vulFormulier(form, params);
    werkZichtbaarheidBij(form);
    form.addEventListener("change", function (event) {
      werkZichtbaarheidBij(form);
      if (event.target.name === "regio" && window.localStorage) localStorage.setItem(REGIO_KEY, event.target.value);
    });

    const luisteraar = function (gebeurtenis) { toonStatus(root, config, gebeurtenis); };
    state.luisteraars.clear();  // instant navigation: only the current page listens
    state.luisteraars.add(luisteraar);
    toonStatus(root, config, state.status === "uit" ? null : state.laatste);
    startWorker(config);

    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const gestart = performance.now();
      wisFouten(root);
      const invoer = formInvoer(form);
      const knop = root.querySelector("[data-aw-bereken]");
      knop.setAttribute("aria-busy", "true");
      let antwoord;
      try {
        ({ antwoord, ms: state.laatsteRekentijd } = await bereken(soort, invoer));
      } catch (error) {
        knop.removeAttribute("aria-busy");
        return;
      }
      knop.removeAttribute("aria-busy");
      state.laatsteAntwoord = antwoord;  // for diagnostics and the parity tests; holds only dates and choices
      if (!antwoord.ok) {
        uitvoer.hidden = true;
        toonFouten(root, form, antwoord.fouten);
        return;
      }
      const kop = el("h2", { id: "resultaat", tabindex: "-1", text: "Resultaat" });
      uitvoer.replaceChildren(kop, ...WEERGAVE[soort](config, antwoord.resultaat), ...acties(soort, invoer));
      uitvoer.hidden = false;
      history.replaceState(null, "", deelbareUrl(invoer));
      kop.focus();
      state.laatsteDoorlooptijd = performance.now() - gestart;  // submit to result on screen (benchmark)
    });

    if (params.toString()) form.requestSubmit();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
