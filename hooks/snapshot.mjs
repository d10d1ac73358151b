// Makes the memory snapshot the calculator page restores instead of booting Python, and the reduced standard
// library that goes with it (hooks/browser_runtime.py runs this with Node at build time).
//
//   node hooks/snapshot.mjs <pyodide dir> <output dir> <wheel> [<wheel> ...]
//
// Writes to <output dir>: engine.snapshot (the file format of rekenhulp-snapshotbestand.js) and stdlib.zip (the
// modules the engine can still import after a restore, hooks/stdlib_afsluiting.py), and prints one JSON line
// with the figures for the build log. (hooks/comprimeren.py compresses both with the rest of the site.)
//
// Two Pyodides, one after the other: the first works out the reduced standard library (parsing the closure
// fills memory that should not end up in the snapshot); the second is booted with _makeSnapshot, gets the
// engine's wheels unpacked into site-packages (no loadPackage and no live pyimport proxies: those make
// makeMemorySnapshot refuse with "Unexpected hiwire entry"), warms the engine up (every rule file read,
// every kind of calculation done once, because files are not part of a snapshot) and is snapshotted after
// dropping what only the warm-up needed.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";
import { herstel, maakBestand } from "../overrides/assets/javascripts/rekenhulp-snapshotbestand.js";

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

async function opgewarmd(extra) {
  const pyodide = await loadPyodide({
    indexURL,
    // The same environment the browser has: nothing from the build machine ends up in the snapshot.
    env: { HOME: "/home/pyodide" },
    stdout: () => {},
    stderr: (line) => process.stderr.write(line + "\n"),
    ...extra,
  });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  for (const wheel of wheels) {
    pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
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

// 2. The snapshot. The warm-up's leftovers go first: the zip directory of the full standard library (after a
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
const snapshot = pyodide.makeMemorySnapshot();
const wasm = new Uint8Array(readFileSync(join(indexURL, "pyodide.asm.wasm")));
const bestand = maakBestand(snapshot, wasm);
const terug = herstel(bestand, wasm);
if (terug.length !== snapshot.length || terug.some((b, i) => b !== snapshot[i])) {
  console.error("het snapshotbestand geeft de snapshot niet terug");
  process.exit(3);
}

writeFileSync(join(outputDir, "engine.snapshot"), bestand);
writeFileSync(join(outputDir, "stdlib.zip"), stdlib);

const figures = {
  pyodide: version,
  raw_bytes: snapshot.byteLength,
  bytes: bestand.length,
  stdlib_modules: modules.length,
  stdlib_bytes: stdlib.length,
  ms: Math.round(performance.now() - t0),
};
console.log(JSON.stringify(figures));
process.exit(0);
