/* Naast elkaar: show the two chosen versions side by side and mark the topics where they differ.
 *
 * Which topics differ was worked out by the engine when the site was built (macros/naast_elkaar.py) and is
 * in the page as data; this script only shows the two chosen columns, in the chosen order, marks those rows
 * and keeps the choice in the address, so a comparison can be shared. It computes nothing itself.
 */
const form = document.querySelector("[data-aw-naast]");
const tabel = document.querySelector(".aw-naast__tabel");
const data = JSON.parse(document.getElementById("aw-naast-verschillen").textContent);
const samenvatting = document.querySelector("[data-aw-naast-samenvatting]");

function paar(a, b) {
  return [a, b].sort().join("|");
}

function toon() {
  const a = form.elements.a.value;
  const b = form.elements.b.value;
  tabel.querySelectorAll("tr").forEach(function (rij) {
    const cellen = Array.from(rij.querySelectorAll("[data-keuze]"));
    cellen.forEach(function (cel) { cel.hidden = cel.dataset.keuze !== a && cel.dataset.keuze !== b; });
    // The first choice left, the second right: move the second column after the first.
    const eerste = cellen.find(function (cel) { return cel.dataset.keuze === a; });
    const tweede = cellen.find(function (cel) { return cel.dataset.keuze === b; });
    if (eerste && tweede && eerste !== tweede) eerste.after(tweede);
  });
  const anders = a === b ? [] : data.rijen[paar(a, b)] || [];
  tabel.querySelectorAll("tbody tr[data-onderwerp]").forEach(function (rij) {
    const verschilt = anders.includes(Number(rij.dataset.onderwerp));
    rij.classList.toggle("aw-naast__rij--anders", verschilt);
    rij.querySelector("[data-aw-verschilt]").hidden = !verschilt;
  });
  samenvatting.textContent = a === b ? "Kies twee verschillende afspraken." : data.teksten[paar(a, b)];
  const adres = new URL(window.location.href);
  adres.searchParams.set("a", a);
  adres.searchParams.set("b", b);
  history.replaceState(null, "", adres);
}

if (form && tabel) {
  const vraag = new URLSearchParams(window.location.search);
  ["a", "b"].forEach(function (naam) {
    const gevraagd = vraag.get(naam);
    if (gevraagd && Array.from(form.elements[naam].options).some(function (o) { return o.value === gevraagd; })) {
      form.elements[naam].value = gevraagd;
    }
  });
  form.addEventListener("change", toon);
  toon();
}
