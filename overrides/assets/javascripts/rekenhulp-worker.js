/* Web Worker that runs the rules engine (calculators/) in the site's own Pyodide.
 *
 * Messages in:  {type: "start", config}   config: pyodide, lock, pakketten, groottes, wielen, pad, opslag,
 *                                        snapshot {url, bytes, adler32, raw_bytes, stdlib_url, stdlib_bytes},
 *                                        opstart_stdlib {url, bytes} (the compiled standard library for a boot)
 *               {type: "bereken", id, soort, invoer}
 * Messages out: {type: "voortgang", stap, tekst, procent}   procent: share of the runtime's download that is in
 *               {type: "vastgelopen", tekst, hulp, detail} nothing arrives any more; the start may still recover
 *               {type: "klaar", ms, via}                 via: "snapshot" (memory snapshot restored) or "opstart"
 *               {type: "nageladen", gelukt}              after a boot: the modules the engine could import later were (not) added
 *               {type: "bewaard", gelukt}                the unpacked snapshot was (or could not be) kept for the next visit
 *               {type: "mislukt", tekst, hulp, detail}   tekst: the cause in Dutch; hulp: what to do; detail: technical
 *               {type: "antwoord", id, antwoord, ms}     antwoord: the engine's JSON text
 *
 * How the runtime is fetched, checked and restored is decided in rekenhulp-laden.js; this file starts
 * it once and passes calculations to the engine.
 */
import { startRekenomgeving } from "./rekenhulp-laden.js";
import { alsStoring } from "./rekenhulp-storingen.js";

let engine = null;
let starting = null;
let naHetEersteAntwoord = null;  // what waits until the first answer is out

function post(message) {
  self.postMessage(message);
}

function storingBericht(type, storing) {
  return { type: type, tekst: storing.tekst, hulp: storing.hulp, detail: storing.detail };
}

async function start(config) {
  const t0 = performance.now();
  post({ type: "voortgang", stap: 1, tekst: "Rekenomgeving downloaden", procent: 0 });
  const { pyodide, via, bewaren, naladen } = await startRekenomgeving(config, {
    voortgang: function (stap, tekst, procent) { post({ type: "voortgang", stap: stap, tekst: tekst, procent: procent }); },
    vastgelopen: function (storing) { post(storingBericht("vastgelopen", storing)); },
  });
  const bereken = pyodide.runPython("import calculators.uitvoer.verzoek\ncalculators.uitvoer.verzoek.bereken_json");
  engine = { bereken: bereken };
  post({ type: "klaar", ms: Math.round(performance.now() - t0), via: via });
  naHetEersteAntwoord = async function () {
    // A failure here leaves the engine as it is: it answers with what it has.
    if (naladen) post({ type: "nageladen", gelukt: await naladen().then(function () { return true; }, function () { return false; }) });
    if (bewaren) post({ type: "bewaard", gelukt: await bewaren() });
  };
}

self.onmessage = async function (event) {
  const message = event.data;
  if (message.type === "start") {
    if (!starting) {
      starting = start(message.config).catch(function (error) { post(storingBericht("mislukt", alsStoring(error))); });
    }
    return;
  }
  if (message.type === "bereken") {
    await starting;
    if (!engine) return;
    const t0 = performance.now();
    let antwoord;
    try {
      antwoord = engine.bereken(message.soort, JSON.stringify(message.invoer));
    } catch (error) {
      antwoord = JSON.stringify({ ok: false, fouten: [{ veld: null, melding: "Er ging iets mis bij het rekenen. Probeer het opnieuw of meld dit bij de beheerder.", technisch: String(error) }] });
    }
    // As text: one string crosses to the page faster than a cloned tree of objects.
    post({ type: "antwoord", id: message.id, antwoord: antwoord, ms: performance.now() - t0 });
    if (naHetEersteAntwoord) {
      const daarna = naHetEersteAntwoord;
      naHetEersteAntwoord = null;
      daarna();
    }
  }
};
