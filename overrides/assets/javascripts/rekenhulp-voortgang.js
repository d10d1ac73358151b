/* The progress next to each calculate button: what is loading and how far (percent of the runtime's download),
 * where the reader is, not only at the top of the calculator. It ends when the runtime is ready (the answer
 * follows) or in the Dutch message of the failure (its full text and what to do stay in the status at the
 * top). Not a live region: a screen reader hears the steps from the status at the top, not every percent.
 */
import { el } from "./rekenhulp-gedeeld.js";

function tekstBijLaden(laatste) {
  const procent = laatste && typeof laatste.procent === "number" ? laatste.procent : 0;
  if (procent >= 100) return "Rekenhulp starten…";
  return ((laatste && laatste.tekst) || "Rekenomgeving downloaden") + ": " + procent + " %";
}

/* Draw every progress line from the calculator's state (rekenhulp.js: status, laatste, fout, wachtrij). */
export function toonVoortgang(app, state) {
  app.querySelectorAll("[data-aw-voortgang]").forEach(function (plek) {
    if (state.status === "klaar") {
      plek.hidden = true;
      plek.replaceChildren();
      return;
    }
    plek.hidden = false;
    if (state.status === "laden" || state.status === "uit") {
      let balk = plek.querySelector("progress");
      let tekst = plek.querySelector("[data-aw-voortgang-tekst]");
      if (!balk || !tekst) {
        balk = el("progress", { max: "100", value: "0", "aria-label": "Rekenhulp laden" });
        tekst = el("span", { "data-aw-voortgang-tekst": "" });
        plek.className = "aw-voortgang";
        plek.replaceChildren(balk, " ", tekst);
      }
      const procent = state.laatste && state.laatste.procent || 0;
      balk.value = procent;
      balk.setAttribute("aria-valuetext", procent + " %");
      const stap = tekstBijLaden(state.laatste);
      tekst.textContent = state.wachtrij.length ? stap + (stap.endsWith("…") ? " " : ". ") + "Uw berekening volgt." : stap;
      return;
    }
    // vastgelopen (the runtime may still come) or mislukt: the cause, in the reader's words.
    const fout = state.fout || {};
    plek.className = "aw-voortgang aw-voortgang--melding";
    plek.replaceChildren(el("span", {
      text: (fout.tekst || "De rekenhulp werkt niet in deze browser.")
        + (state.status === "vastgelopen" && state.wachtrij.length ? " Uw berekening volgt zodra de rekenhulp klaar is." : " Zie de melding boven de rekenhulp."),
    }));
  });
}

/* A calculation asked for while the runtime loads: its progress line in view (it is next to the button). A
 * shared link asks while the page still loads: after the browser has scrolled to the link's #anchor. */
export function voortgangInBeeld(paneel) {
  const plek = paneel.querySelector("[data-aw-voortgang]");
  const inBeeld = function () { if (plek && !plek.hidden) plek.scrollIntoView({ block: "center" }); };
  if (document.readyState === "complete") inBeeld();
  else window.addEventListener("load", function () { requestAnimationFrame(inBeeld); }, { once: true });
}
