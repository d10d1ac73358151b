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

async function start({ pyodideUrl, lockUrl, packages }) {
  const t0 = performance.now();
  post({ type: "voortgang", stap: 1, tekst: "Rekenomgeving laden…" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideUrl).href);
  const pyodide = await loadPyodide({
    indexURL: pyodideUrl,
    lockFileURL: lockUrl,
    packageBaseUrl: new URL(".", lockUrl).href,
    checkAPIVersion: true,
    stdout: () => {},
    stderr: () => {},
  });
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
