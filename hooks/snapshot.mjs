// Makes the memory snapshot the calculator page restores instead of booting Python, and the reduced standard
// library that goes with it (hooks/browser_runtime.py runs this with Node at build time).
//
//   node hooks/snapshot.mjs <pyodide dir> <output dir> <wheel> [<wheel> ...]
//
// Writes to <output dir>: engine.snapshot (the file format of rekenhulp-snapshotbestand.js), stdlib.zip (the
// modules the engine can still import after a restore, hooks/stdlib_afsluiting.py) and opstart.zip (the
// standard library a boot without the snapshot needs, compiled), and prints one JSON line with the figures
// for the build log. (hooks/comprimeren.py compresses them with the rest of the site.)
//
// Four Pyodides, one after the other: the first works out the reduced standard library (parsing the closure
// fills memory that should not end up in the snapshot), the second boots as the browser does without the
// snapshot and says what that loads; the third is booted with _makeSnapshot, gets the engine's wheels unpacked
// into site-packages (no loadPackage and no live pyimport proxies: those make makeMemorySnapshot refuse with
// "Unexpected hiwire entry"), warms the engine up (every rule file read, every kind of calculation done once,
// because files are not part of a snapshot) and is snapshotted after dropping what only the warm-up needed, its
// free memory zeroed (vrij_geheugen.mjs); the fourth restores that snapshot as the browser does and must answer
// every kind of calculation as the engine did before.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";
import { herstel, maakBestand } from "../overrides/assets/javascripts/rekenhulp-snapshotbestand.js";
import { wisVrijGeheugen } from "./vrij_geheugen.mjs";

const [pyodideDir, outputDir, ...wheels] = process.argv.slice(2);
if (!pyodideDir || !outputDir || wheels.length === 0) {
  console.error("gebruik: node hooks/snapshot.mjs <pyodide-map> <uitvoermap> <wiel> [<wiel> ...]");
  process.exit(2);
}

const t0 = performance.now();
const indexURL = resolve(pyodideDir) + "/";
const hier = dirname(new URL(import.meta.url).pathname);
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const ENGINE = ["calculators", "dateutil", "six"];

async function opgewarmd(extra, { metLoadPackage = false } = {}) {
  const pyodide = await loadPyodide({
    indexURL,
    // The same environment the browser has: nothing from the build machine ends up in the snapshot.
    env: { HOME: "/home/pyodide" },
    stdout: () => {},
    stderr: (line) => process.stderr.write(line + "\n"),
    ...extra,
  });
  if (metLoadPackage) {
    await pyodide.loadPackage(wheels, { messageCallback: () => {} });
  } else {
    const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
    for (const wheel of wheels) {
      pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
    }
  }
  pyodide.runPython("import calculators.uitvoer.verzoek\ncalculators.uitvoer.verzoek.opwarmen()");
  return pyodide;
}

// 1. The reduced standard library.
const verkenner = await opgewarmd({});
verkenner.runPython(readFileSync(join(hier, "stdlib_afsluiting.py"), "utf8"));
verkenner.globals.set("engine_pakketten", verkenner.toPy(ENGINE));
const modules = verkenner.runPython("later_te_importeren(list(engine_pakketten))").toJs();
verkenner.globals.set("modules", verkenner.toPy(modules));
const stdlib = verkenner.runPython("beperkt_archief(list(modules))").toJs();

// 2. The compiled standard library for a boot without the snapshot: every module of the archive that Python,
// Pyodide, its package loader (a boot installs the wheels with loadPackage) and the warmed-up engine load. What
// the engine could import later is the reduced archive above: after a boot the calculator adds it once the first
// answer is out (rekenhulp-laden.js). Read from a Pyodide of its own, booted as the browser boots: working out
// the closure above loads packages of its own.
const opstarter = await opgewarmd({}, { metLoadPackage: true });
opstarter.runPython("import sys\nal_geladen = list(sys.modules)");
opstarter.runPython(readFileSync(join(hier, "stdlib_afsluiting.py"), "utf8"));
const opstartModules = opstarter.runPython("uit_archief(al_geladen)").toJs();
opstarter.globals.set("opstart_modules", opstarter.toPy(opstartModules));
const opstart = opstarter.runPython("opstart_archief(list(opstart_modules))").toJs();

// 3. The snapshot. The warm-up's leftovers go first: the zip directory of the full standard library (after a
// restore the reduced archive is read afresh), source lines kept for tracebacks, garbage.
const pyodide = await opgewarmd({ _makeSnapshot: true });
pyodide.runPython(`
import gc, linecache, sys, zipimport
zipimport._zip_directory_cache.clear()
linecache.clearcache()
sys._clear_internal_caches()
gc.collect()
`);
const version = pyodide.version;
const heap = { begin: pyodide._module.___heap_base, einde: pyodide._module._sbrk(0) };
const snapshot = pyodide.makeMemorySnapshot();
// Every kind of calculation once, as the warmed-up engine answers it: the restored snapshot must answer the same.
// (The examples are read here: after a restore the engine has no rule files, only what it read before.)
const VOORBEELDEN = pyodide.runPython("import json\nfrom calculators.uitvoer import verzoek\njson.dumps(list(verzoek.voorbeelden()))");
// What depends on the moment or on chance is left out of the comparison: when it was calculated, an agenda file's
// time stamps, a new case's random token.
const ANTWOORDEN = `
import json, re, secrets
from calculators.uitvoer import verzoek
secrets.token_hex = lambda n=8: "0" * (2 * n)
def _zonder_tijdstip(antwoord):
    for sleutel in ("berekend_op", "berekend_op_tekst"):
        antwoord.get("resultaat", {}).pop(sleutel, None)
    return antwoord
re.sub(r"(DTSTAMP|SEQUENCE):[0-9TZ]+", r"\\1:-", json.dumps(
    [_zonder_tijdstip(verzoek.bereken(soort, invoer)) for soort, invoer in json.loads(${JSON.stringify(VOORBEELDEN)})],
    sort_keys=True,
))
`;
const verwacht = pyodide.runPython(ANTWOORDEN);
const gewist = wisVrijGeheugen(snapshot, heap.begin, heap.einde);
const wasm = new Uint8Array(readFileSync(join(indexURL, "pyodide.asm.wasm")));
const bestand = maakBestand(snapshot, wasm);
const terug = herstel(bestand, wasm);
if (terug.length !== snapshot.length || terug.some((b, i) => b !== snapshot[i])) {
  console.error("het snapshotbestand geeft de snapshot niet terug");
  process.exit(3);
}

writeFileSync(join(outputDir, "engine.snapshot"), bestand);
writeFileSync(join(outputDir, "stdlib.zip"), stdlib);
writeFileSync(join(outputDir, "opstart.zip"), opstart);

// 4. The proof: restored as the browser restores it (with only the reduced standard library), the snapshot answers
// every kind of calculation as the engine did before it was made.
const proef = await loadPyodide({
  indexURL,
  env: { HOME: "/home/pyodide" },
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
  _loadSnapshot: terug,
  stdLibURL: join(outputDir, "stdlib.zip"),
});
if (proef.runPython(ANTWOORDEN) !== verwacht) {
  console.error("de teruggezette snapshot rekent anders dan de rekenkern waarvan hij gemaakt is");
  process.exit(4);
}

const figures = {
  pyodide: version,
  raw_bytes: snapshot.byteLength,
  vrij_gewist_bytes: gewist ? gewist.bytes : 0,
  bytes: bestand.length,
  stdlib_modules: modules.length,
  stdlib_bytes: stdlib.length,
  opstart_modules: opstartModules.length,
  opstart_bytes: opstart.length,
  ms: Math.round(performance.now() - t0),
};
console.log(JSON.stringify(figures));
process.exit(0);
