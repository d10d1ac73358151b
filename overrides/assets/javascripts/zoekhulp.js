/* What a search result offers besides its text (issue 24): under a section that states a term, a
 * link to the calculator with the region filled in; under the best result, the glossary entries of
 * the words of the question. Material draws the results; this adds to them. The data
 * (search/zoekhulp.json, written by hooks/zoekindex.py) is fetched once, when the search is first used.
 *
 * Material's Enter key opens the best link of the first result by the data-md-score of the link's
 * first child element: every link added here carries a score of 0 there, so Enter still opens the
 * best section. */
(function () {
  "use strict";

  const configuratie = document.getElementById("__config");
  const lijst = document.querySelector(".md-search-result__list");
  const veld = document.querySelector("input[data-md-component=search-query]");
  if (!configuratie || !lijst || !veld) return;
  const basis = JSON.parse(configuratie.textContent).base || ".";
  const root = new URL(basis.endsWith("/") ? basis : basis + "/", window.location.href);
  const MAX_BEGRIPPEN = 3;

  let hulp = null;
  let laden = null;

  function haal() {
    if (!laden) {
      laden = fetch(new URL("search/zoekhulp.json", root))
        .then(function (antwoord) { return antwoord.ok ? antwoord.json() : null; })
        .then(function (data) { hulp = data; versier(); })
        .catch(function () { /* without it the results are Material's own */ });
    }
    return laden;
  }

  function element(tag, attributen, kinderen) {
    const el = document.createElement(tag);
    Object.entries(attributen || {}).forEach(function ([sleutel, waarde]) {
      if (sleutel === "text") el.textContent = waarde; else el.setAttribute(sleutel, waarde);
    });
    (kinderen || []).forEach(function (kind) { el.append(kind); });
    return el;
  }

  /* 'midden-brabant/samenwerkingsafspraken/#par-4-1': a result's address as the index names it. */
  function plek(link) {
    const url = new URL(link.href);
    const pad = url.pathname.startsWith(root.pathname) ? url.pathname.slice(root.pathname.length) : url.pathname;
    return pad + url.hash;
  }

  function link(href, tekst, klasse) {
    return element("a", { class: klasse, href: href }, [element("span", { "data-md-score": "0", text: tekst })]);
  }

  function rekenlinks(item) {
    item.querySelectorAll("a.md-search-result__link").forEach(function (resultaat) {
      const reken = hulp.rekenen[plek(resultaat)];
      const volgende = resultaat.nextElementSibling;
      if (!reken || (volgende && volgende.classList.contains("aw-zoekhulp"))) return;
      resultaat.after(element("p", { class: "aw-zoekhulp" }, [link(new URL(reken.url, root).href, reken.tekst, "aw-zoekhulp__reken")]));
    });
  }

  function begrippenVoor(vraag) {
    const tekst = " " + vraag.toLowerCase().replace(/[^\p{L}\p{N}()&-]+/gu, " ") + " ";
    const gevonden = [];
    for (const begrip of hulp.begrippen) {
      const vorm = begrip.woorden.filter(function (w) { return tekst.indexOf(" " + w + " ") >= 0; })
        .sort(function (a, b) { return b.length - a.length; })[0];
      if (vorm) gevonden.push({ begrip: begrip, lengte: vorm.length });
    }
    return gevonden.sort(function (a, b) { return b.lengte - a.lengte; }).slice(0, MAX_BEGRIPPEN)
      .map(function (g) { return g.begrip; });
  }

  function begrippen(item) {
    if (item.querySelector(".aw-zoekhulp--begrippen")) return;
    const gevonden = begrippenVoor(veld.value.trim());
    if (!gevonden.length) return;
    const regel = element("p", { class: "aw-zoekhulp aw-zoekhulp--begrippen" }, ["In de begrippenlijst: "]);
    gevonden.forEach(function (begrip, i) {
      if (i) regel.append(" · ");
      const a = link(new URL("begrippenlijst/#" + begrip.anker, root).href, begrip.naam, "aw-zoekhulp__begrip");
      if (begrip.uitleg) a.setAttribute("title", begrip.uitleg);
      regel.append(a);
    });
    item.append(regel);
  }

  /* Material empties the list for every answer and appends the results (more as the reader scrolls). */
  function versier() {
    if (!hulp) return;
    const items = lijst.querySelectorAll(".md-search-result__item");
    items.forEach(rekenlinks);
    if (items.length) begrippen(items[0]);
  }

  new MutationObserver(function () { if (hulp) versier(); else haal(); }).observe(lijst, { childList: true });
  veld.addEventListener("focus", haal, { once: true });
})();
