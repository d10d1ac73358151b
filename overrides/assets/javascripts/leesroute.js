/* The reading route (Start hier, macros/leesroute.py): which steps a reader has read, kept in this
 * browser only — the keys of the steps, nothing a reader types — and shown on the route and on the
 * pages it leads to. Where the browser keeps nothing (storage blocked by a policy), the boxes still
 * tick for the page in view and the route says that nothing is kept. */
(function () {
  "use strict";

  const SLEUTEL = "afsprakenwijzer.leesroute";
  const vakjes = Array.from(document.querySelectorAll("input[data-aw-gelezen]"));
  if (!vakjes.length) return;

  function bewaard() {
    try {
      const waarde = JSON.parse(window.localStorage.getItem(SLEUTEL) || "[]");
      return Array.isArray(waarde) ? waarde.filter(function (x) { return typeof x === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function bewaar(stappen) {
    try {
      window.localStorage.setItem(SLEUTEL, JSON.stringify(stappen));
      return true;
    } catch (error) {
      return false;
    }
  }

  let gelezen = new Set(bewaard());
  let kanBewaren = true;

  function toon() {
    vakjes.forEach(function (vakje) { vakje.checked = gelezen.has(vakje.dataset.awGelezen); });
    document.querySelectorAll("[data-aw-stap]").forEach(function (stap) {
      stap.classList.toggle("aw-gelezen", gelezen.has(stap.dataset.awStap));
    });
    const voortgang = document.querySelector("[data-aw-voortgang]");
    if (!voortgang) return;
    const stappen = Array.from(document.querySelectorAll(".aw-leesroute__stap:not([data-aw-optioneel])"));
    const klaar = stappen.filter(function (stap) { return gelezen.has(stap.dataset.awStap); }).length;
    voortgang.querySelector("progress").value = klaar;
    let tekst = klaar === stappen.length ? "U hebt alle stappen van de leesroute gelezen."
      : "U hebt " + klaar + " van de " + stappen.length + " stappen gelezen.";
    if (!kanBewaren) tekst += " Uw browser bewaart dit niet: de vinkjes gelden alleen zolang deze pagina open is.";
    voortgang.querySelector("[data-aw-voortgang-tekst]").textContent = tekst;
  }

  function zet(stap, aan) {
    if (aan) gelezen.add(stap); else gelezen.delete(stap);
    kanBewaren = bewaar(Array.from(gelezen));
    toon();
  }

  document.addEventListener("change", function (event) {
    const vakje = event.target;
    if (vakje instanceof HTMLInputElement && vakje.matches("[data-aw-gelezen]")) zet(vakje.dataset.awGelezen, vakje.checked);
  });

  // Going on to the next step says this one is read.
  document.addEventListener("click", function (event) {
    const verder = event.target instanceof Element && event.target.closest("[data-aw-volgende]");
    if (verder) zet(verder.dataset.awVolgende, true);
    const opnieuw = event.target instanceof Element && event.target.closest("[data-aw-opnieuw]");
    if (opnieuw) {
      gelezen = new Set();
      kanBewaren = bewaar([]);
      toon();
    }
  });

  // Another tab of the site ticked a step.
  window.addEventListener("storage", function (event) {
    if (event.key === SLEUTEL) {
      gelezen = new Set(bewaard());
      toon();
    }
  });

  document.querySelectorAll(".aw-leesroute__gelezen, .aw-routestap__gelezen, [data-aw-voortgang]").forEach(function (el) {
    el.hidden = false;
  });
  toon();
})();
