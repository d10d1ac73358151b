/* Web Worker that runs the rules engine (calculators/) in the site's own Pyodide.
 *
 * Messages in:  {type: "start", pyodideUrl, lockUrl, packages}
 *               {type: "bereken", id, soort, invoer}
 * Messages out: {type: "voortgang", stap, tekst}
 *               {type: "klaar", ms}
 *               {type: "mislukt", tekst, detail}
 *               {type: "antwoord", id, antwoord}   (antwoord is the engine's JSON, parsed)
 *
 * Everything is fetched from the site's own origin: the runtime from pyodideUrl, the engine
 * and its dependencies as wheels listed (with sha256) in our own lock file.
 */
let engine = null;
let starting = null;

function post(message) {
  self.postMessage(message);
}

// Pyodide does not always reject when its runtime cannot load (a blocked or missing .wasm can
// leave it waiting forever), so check the two usual causes ourselves, in parallel with the boot.
async function preflight(pyodideUrl) {
  try {
    await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  } catch (error) {
    throw new Error("WebAssembly is geblokkeerd; staat 'wasm-unsafe-eval' in de Content-Security-Policy? (" + error.message + ")");
  }
  let response;
  try {
    response = await fetch(new URL("pyodide.asm.wasm", pyodideUrl), { method: "HEAD" });
  } catch (error) {
    throw new Error("pyodide.asm.wasm kon niet worden opgehaald (" + error.message + ")");
  }
  if (!response.ok) throw new Error("pyodide.asm.wasm: de server antwoordt met HTTP " + response.status);
  // An HTML answer is a login, proxy or error page instead of the runtime: that never works.
  // Another wrong type (e.g. text/plain on IIS) still loads, only slower: Pyodide falls back.
  const type = (response.headers.get("content-type") || "").split(";")[0].trim();
  if (type === "text/html") {
    throw new Error("de server geeft een webpagina in plaats van pyodide.asm.wasm (aanmeld- of foutpagina?)");
  }
}

async function start({ pyodideUrl, lockUrl, packages }) {
  const t0 = performance.now();
  post({ type: "voortgang", stap: 1, tekst: "Rekenomgeving laden…" });
  const check = preflight(pyodideUrl);
  check.catch(() => {});  // handled by Promise.all below; this only avoids an "unhandled rejection" warning
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideUrl).href);
  const [pyodide] = await Promise.all([loadPyodide({
    indexURL: pyodideUrl,
    lockFileURL: lockUrl,
    packageBaseUrl: new URL(".", lockUrl).href,
    checkAPIVersion: true,
    stdout: () => {},
    stderr: () => {},
  }), check]);
  post({ type: "voortgang", stap: 2, tekst: "Rekenregels laden…" });
  const problems = [];
  // loadPackage does not throw when a package fails: collect its error messages instead.
  await pyodide.loadPackage(packages, {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (problems.length) {
    throw new Error("Rekenregels konden niet worden geladen: " + problems.join("; "));
  }
  pyodide.runPython("import calculators.verzoek");
  const bereken = pyodide.pyimport("calculators.verzoek").bereken_json;
  engine = { bereken };
  post({ type: "klaar", ms: Math.round(performance.now() - t0) });
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "start") {
    if (!starting) {
      starting = start(message).catch((error) => {
        post({
          type: "mislukt",
          tekst: "De rekenomgeving kon niet worden gestart.",
          detail: String(error && error.message ? error.message : error),
        });
      });
    }
    return;
  }
  if (message.type === "bereken") {
    await starting;
    if (!engine) return;
    const t0 = performance.now();
    try {
      const antwoord = JSON.parse(engine.bereken(message.soort, JSON.stringify(message.invoer)));
      post({ type: "antwoord", id: message.id, antwoord, ms: performance.now() - t0 });
    } catch (error) {
      post({
        type: "antwoord",
        id: message.id,
        antwoord: { ok: false, fouten: [{ veld: null, melding: "Er ging iets mis bij het rekenen. Probeer het opnieuw of meld dit bij de beheerder." }] },
      });
    }
  }
};
