/* Web Worker that runs the rules engine (calculators/) in the site's own Pyodide.
 *
 * Messages in:  {type: "start", config}   config: pyodide, lock, pakketten, snapshot {url, sha256, raw_bytes}
 *               {type: "bereken", id, soort, invoer}
 * Messages out: {type: "voortgang", stap, tekst}
 *               {type: "klaar", ms, via}                 via: "snapshot" (memory snapshot restored) or "opstart"
 *               {type: "bewaard", gelukt}                the unpacked snapshot was (or could not be) kept for the next visit
 *               {type: "mislukt", tekst, hulp, detail}   tekst: the cause in Dutch; hulp: what to do; detail: technical
 *               {type: "antwoord", id, antwoord, ms}     antwoord: the engine's JSON text
 *
 * Everything comes from the site's own origin. The fast path restores the build-made memory snapshot of
 * the warmed-up engine (a tenth of a normal boot), after the first visit from the unpacked copy the
 * browser keeps (rekenhulp-snapshot.js); if it is missing, damaged or for another build, the worker
 * boots Python as usual and the user notices nothing but time.
 */
import { bewaarSnapshot, haalSnapshot, vergeetSnapshot } from "./rekenhulp-snapshot.js";

let engine = null;
let starting = null;
let nogBewaren = null;  // keeping the unpacked snapshot waits until the first answer is out

function post(message) {
  self.postMessage(message);
}

/* A failure with a cause the user or the administrator can act on. */
class Storing extends Error {
  constructor(tekst, hulp, detail) {
    super(tekst);
    this.tekst = tekst;
    this.hulp = hulp || "Vraag de beheerder van deze site om de hostinginstructies na te lopen (pagina Hosting).";
    this.detail = detail || "";
  }
}

const HOSTING = "De beheerder kan dit nagaan met het controleprogramma op de pagina Hosting.";

function mimeType(response) {
  return (response.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
}

// The usual causes, checked in parallel with the boot so that a broken host fails in seconds,
// not after the page's time-out: WebAssembly blocked by the policy, the runtime missing, replaced by
// a web page, or sent with a MIME type the browser refuses to compile.
async function preflight(config) {
  try {
    await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  } catch (error) {
    throw new Storing("Deze browser of de beveiligingsinstellingen van de site staan WebAssembly niet toe.",
      "De Content-Security-Policy moet 'wasm-unsafe-eval' toestaan (zie Hosting). " + HOSTING, String(error));
  }
  const checks = [
    ["pyodide.asm.wasm", ["application/wasm"], "application/wasm"],
    ["pyodide.mjs", ["text/javascript", "application/javascript"], "text/javascript"],
  ];
  await Promise.all(checks.map(async function ([naam, goed, moet]) {
    let response;
    try {
      response = await fetch(new URL(naam, config.pyodide), { method: "HEAD", cache: "no-store" });
    } catch (error) {
      throw new Storing("De rekenomgeving (" + naam + ") kan niet worden opgehaald.",
        "Controleer of de map assets/pyodide/ op de server staat. " + HOSTING, String(error));
    }
    if (response.status === 405 || response.status === 501) return;  // HEAD not supported: Pyodide's own request decides
    if (!response.ok) {
      throw new Storing("De server geeft geen " + naam + " (HTTP " + response.status + ").",
        "Alle bestanden van de map site/ moeten op de server staan, ook assets/pyodide/. " + HOSTING);
    }
    const type = mimeType(response);
    if (type === "text/html") {
      throw new Storing("De server geeft een webpagina in plaats van " + naam + " (een aanmeld- of foutpagina?).",
        "De bestanden van de rekenhulp moeten zonder aanmelden bereikbaar zijn. " + HOSTING);
    }
    if (type && !goed.includes(type)) {
      throw new Storing("De server stuurt " + naam + " als ‘" + type + "’; dat moet ‘" + moet + "’ zijn, anders kan de browser het niet gebruiken.",
        "Zet het MIME-type van ." + naam.split(".").pop() + " op " + moet + " (zie Hosting). " + HOSTING);
    }
  }));
}

// Pyodide swallows a failed compile of its runtime ("wasm instantiation failed!") and then waits for
// ever. Watching WebAssembly itself turns that into an immediate, specific error.
function bewaakWebAssembly() {
  let weiger;
  const mislukt = new Promise(function (_, reject) { weiger = reject; });
  const vertaal = function (error) {
    const tekst = String(error && error.message ? error.message : error);
    if (/mime/i.test(tekst)) {
      return new Storing("De server stuurt pyodide.asm.wasm niet als ‘application/wasm’; de browser weigert het daarom.",
        "De server moet .wasm-bestanden als application/wasm sturen (zie Hosting). " + HOSTING, tekst);
    }
    return new Storing("Het bestand pyodide.asm.wasm is onvolledig of beschadigd aangekomen (afgekapt door de server of een proxy?).",
      "Plaats de map assets/pyodide/ opnieuw, en controleer dat een proxy grote bestanden niet afkapt. " + HOSTING, tekst);
  };
  for (const naam of ["instantiateStreaming", "instantiate", "compileStreaming"]) {
    const origineel = WebAssembly[naam];
    if (typeof origineel !== "function") continue;
    WebAssembly[naam] = async function () {
      try {
        return await origineel.apply(WebAssembly, arguments);
      } catch (error) {
        weiger(vertaal(error));
        throw error;
      }
    };
  }
  mislukt.catch(function () {});
  return mislukt;
}

async function laadPyodide(config, extra) {
  const { loadPyodide } = await import(config.pyodide + "pyodide.mjs");
  return loadPyodide(Object.assign({
    indexURL: config.pyodide,
    lockFileURL: config.lock,
    packageBaseUrl: new URL(".", config.lock).href,
    env: { HOME: "/home/pyodide" },  // as when the snapshot was made
    checkAPIVersion: true,
    stdout: function () {},
    stderr: function () {},
  }, extra));
}

// Fetching and unpacking the snapshot runs while Pyodide loads its own scripts: loadPyodide takes the
// snapshot as a promise and waits for it only when it needs the memory. The engine's files (its wheels)
// are not part of a snapshot and are not put back: calculators.uitvoer.verzoek.opwarmen() read every rule file
// and imported every module before the snapshot was made, and the engine imports nothing later
// (tests/engine/test_lagen.py), so the page's calculations never touch them.
async function vanSnapshot(config) {
  const opgehaald = haalSnapshot(config.snapshot);
  try {
    const pyodide = await laadPyodide(config, { _loadSnapshot: opgehaald.then(function (s) { return s.bytes; }) });
    pyodide.runPython("import random\nrandom.seed()");  // a snapshot freezes the seed
    return { pyodide: pyodide, opgehaald: opgehaald };
  } catch (error) {
    // A kept copy that does not restore is dropped, so that the next visit unpacks the server's file again.
    opgehaald.then(function (s) { if (s.uitCache) vergeetSnapshot(); }, function () {});
    throw error;
  }
}

async function opstarten(config) {
  const pyodide = await laadPyodide(config, {});
  post({ type: "voortgang", stap: 2, tekst: "Rekenregels laden…" });
  const problemen = [];
  // loadPackage does not throw when a package fails: collect its error messages instead.
  await pyodide.loadPackage(config.pakketten, {
    messageCallback: function () {},
    errorCallback: function (message) { problemen.push(message); },
  });
  if (problemen.length) {
    throw new Storing("De rekenregels konden niet worden geladen.",
      "Controleer of de map assets/rekenkern/ volledig op de server staat. " + HOSTING, problemen.join("; "));
  }
  return pyodide;
}

function alsStoring(error) {
  if (error instanceof Storing) return error;
  const tekst = String(error && error.message ? error.message : error);
  if (/JSON/.test(tekst) && /lock/i.test(tekst + (error && error.stack))) {
    return new Storing("Het pakketoverzicht van de rekenkern (pyodide-lock.json) is onleesbaar.",
      "Plaats de map assets/rekenkern/ opnieuw en controleer dat .json als application/json wordt gestuurd. " + HOSTING, tekst);
  }
  if (/module script|MIME/i.test(tekst)) {
    return new Storing("De server stuurt de scripts van de rekenomgeving met een verkeerd MIME-type.",
      "Zet het MIME-type van .mjs op text/javascript (zie Hosting). " + HOSTING, tekst);
  }
  return new Storing("De rekenomgeving kon niet worden gestart.", undefined, tekst);
}

async function start(config) {
  const t0 = performance.now();
  post({ type: "voortgang", stap: 1, tekst: "Rekenomgeving laden…" });
  const check = preflight(config);
  check.catch(function () {});  // handled in the race below
  const wasmFout = bewaakWebAssembly();
  let pyodide = null;
  let via = "opstart";
  // A failed compile waits for the preflight: its message names what the server sent (the type, the
  // status); the compile error itself only says what was expected.
  const compileFout = wasmFout.catch(async function (fout) { await check; throw fout; });
  compileFout.catch(function () {});
  const race = function (belofte) { return Promise.race([belofte, compileFout, check.then(function () { return new Promise(function () {}); })]); };
  let opgehaald = null;
  if (config.snapshot) {
    try {
      ({ pyodide, opgehaald } = await race(vanSnapshot(config)));
      via = "snapshot";
    } catch (error) {
      if (error instanceof Storing) throw error;  // the host is broken: a normal boot would fail the same way
      pyodide = null;  // damaged, missing or for another build: boot as usual
    }
  }
  if (!pyodide) pyodide = await race(opstarten(config));
  await check;
  const bereken = pyodide.runPython("import calculators.uitvoer.verzoek\ncalculators.uitvoer.verzoek.bereken_json");
  engine = { bereken: bereken };
  post({ type: "klaar", ms: Math.round(performance.now() - t0), via: via });
  if (opgehaald) {
    const { bytes, uitCache } = await opgehaald;
    if (!uitCache) {
      nogBewaren = async function () { post({ type: "bewaard", gelukt: await bewaarSnapshot(config.snapshot, bytes) }); };
    }
  }
}

self.onmessage = async function (event) {
  const message = event.data;
  if (message.type === "start") {
    if (!starting) {
      starting = start(message.config).catch(function (error) {
        const storing = alsStoring(error);
        post({ type: "mislukt", tekst: storing.tekst, hulp: storing.hulp, detail: storing.detail });
      });
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
    if (nogBewaren) {
      const bewaren = nogBewaren;
      nogBewaren = null;
      bewaren();
    }
  }
};
