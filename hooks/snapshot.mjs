// Makes the memory snapshot the calculator page restores instead of booting Python (hooks/browser_runtime.py
// runs this with Node at build time).
//
//   node hooks/snapshot.mjs <pyodide dir> <output file> <wheel> [<wheel> ...]
//
// Boots the npm Pyodide with _makeSnapshot, unpacks the engine's wheels into site-packages (no loadPackage
// and no live pyimport proxies: those make makeMemorySnapshot refuse with "Unexpected hiwire entry"), warms
// the engine up (every rule file read, every kind of calculation done once, because files are not part of a
// snapshot) and writes the snapshot gzip-compressed. Prints one JSON line with figures for the build log.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";

const [pyodideDir, output, ...wheels] = process.argv.slice(2);
if (!pyodideDir || !output || wheels.length === 0) {
  console.error("gebruik: node hooks/snapshot.mjs <pyodide-map> <uitvoer> <wiel> [<wiel> ...]");
  process.exit(2);
}

const t0 = performance.now();
const indexURL = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  _makeSnapshot: true,
  // The same environment the browser has: nothing from the build machine ends up in the snapshot.
  env: { HOME: "/home/pyodide" },
  stdout: () => {},
  stderr: (line) => process.stderr.write(line + "\n"),
});
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const wheel of wheels) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
}
pyodide.runPython("import calculators.uitvoer.verzoek\ncalculators.uitvoer.verzoek.opwarmen()");
const version = pyodide.version;
const snapshot = pyodide.makeMemorySnapshot();
const compressed = gzipSync(snapshot, { level: 9 });
writeFileSync(output, compressed);
console.log(JSON.stringify({
  pyodide: version,
  raw_bytes: snapshot.byteLength,
  gzip_bytes: compressed.byteLength,
  ms: Math.round(performance.now() - t0),
}));
process.exit(0);
