// Runs the engine's own pytest suite inside the npm Pyodide runtime under Node (no browser).
// Usage: node run_in_pyodide.mjs [--snapshot=<file> --stdlib=<zip>] <bundle-dir> <host-dir>:<pyodide-dir>… -- <pytest args…>
// The bundle dir holds our pyodide-lock.json and wheels; the engine is imported from its wheel,
// never from the working tree (only tests, docs and seeds are mounted).
// With --snapshot, Python is not booted but restored from the site's snapshot file (as the calculator
// page does, rekenhulp-snapshotbestand.js): the engine is then the one in the snapshot's memory, and the
// wheels only put files back. With --stdlib, the standard library is the given archive, as in the browser
// (with --snapshot the reduced one, without it the compiled one a boot takes, with --later=<zip> the reduced one
// added behind it as the worker adds it after the first answer); the full one comes after it
// for pytest, watched by stdlib_wacht.py: a module the engine takes from there would be missing in the
// browser, and fails the run.
import { loadPyodide } from "pyodide";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { LATER_ARCHIEF, voegLaterToe } from "../../overrides/assets/javascripts/rekenhulp-later.js";
import { herstel } from "../../overrides/assets/javascripts/rekenhulp-snapshotbestand.js";

let args = process.argv.slice(2);
const opties = {};
while (args[0] && args[0].startsWith("--")) {
  const [naam, waarde] = args[0].slice(2).split("=");
  opties[naam] = waarde;
  args = args.slice(1);
}
const split = args.indexOf("--");
const [bundleDir, ...mounts] = args.slice(0, split);
const pytestArgs = args.slice(split + 1);

const pyodideDir = path.dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
const snapshot = opties.snapshot
  ? herstel(new Uint8Array(readFileSync(opties.snapshot)), new Uint8Array(readFileSync(path.join(pyodideDir, "pyodide.asm.wasm"))))
  : null;
const lockFile = path.resolve(bundleDir, "pyodide-lock.json");
const options = { lockFileURL: lockFile, packageBaseUrl: path.resolve(bundleDir) + "/", env: { HOME: "/home/pyodide" } };
if (opties.stdlib) options.stdLibURL = path.resolve(opties.stdlib);
const pyodide = await loadPyodide(snapshot ? { ...options, _loadSnapshot: snapshot } : options);
const lock = JSON.parse(await readFile(lockFile, "utf8"));
let wacht = false;
// The guard (stdlib_wacht.py): the full standard library after the given one, every module the engine takes from
// it noted. ``kern``: the engine's modules as they are in memory before the tests start.
function bewaakStdlib() {
  pyodide.runPython("import sys; kern = {n for n in sys.modules if n.split('.')[0] in ('calculators', 'dateutil', 'six')}");
  pyodide.FS.writeFile("/lib/volledig.zip", new Uint8Array(readFileSync(path.join(pyodideDir, "python_stdlib.zip"))));
  pyodide.runPython(readFileSync(new URL("stdlib_wacht.py", import.meta.url), "utf8"));
  pyodide.runPython(`
import sys, zipfile
beperkt = next(p for p in sys.path if p.endswith(".zip"))
wacht = installeer("/lib/volledig.zip", beperkt, kern, ${JSON.stringify(opties.later ? [LATER_ARCHIEF] : [])})
print("Beperkte standaardbibliotheek:", len(zipfile.ZipFile(beperkt).namelist()), "bestanden")
`);
  wacht = true;
}
if (snapshot) {
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  // Before anything else is imported: the engine as restored is what the guard holds to account.
  if (opties.stdlib) bewaakStdlib();
  for (const pkg of Object.values(lock.packages)) {
    pyodide.unpackArchive(new Uint8Array(await readFile(path.resolve(bundleDir, pkg.file_name))), "wheel", { extractDir: sitePackages });
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  console.log("Uit de geheugensnapshot:", pyodide.runPython("import sys; str('calculators.uitvoer.verzoek' in sys.modules)"));
} else {
  const problems = [];
  await pyodide.loadPackage(Object.keys(lock.packages), {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (problems.length) {
    console.error("Pakketten konden niet worden geladen:", problems.join("; "));
    process.exit(3);
  }
  if (opties.stdlib) {
    // A boot from the given archive alone, as the calculator page boots: the engine imported and every kind of
    // calculation made once (what a first answer can need), then the guard for the rest.
    pyodide.runPython("import calculators.uitvoer.verzoek\ncalculators.uitvoer.verzoek.opwarmen()");
    console.log("Opgestart uit:", pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('.zip'))"));
    // Then what the worker adds after the first answer (--later: the reduced archive), added the same way.
    if (opties.later) voegLaterToe(pyodide, new Uint8Array(readFileSync(opties.later)));
    bewaakStdlib();
  }
}
for (const mount of mounts) {
  const [host, guest] = mount.split(":");
  pyodide.FS.mkdirTree(guest);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(host) }, guest);
}
pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
const code = pyodide.runPython(`
import os, sys
os.chdir("/project")
print("Python", sys.version.split()[0], "op", sys.platform)
import pytest
int(pytest.main(["-p", "no:cacheprovider", *pytest_args]))
`);
if (wacht) {
  const geleend = pyodide.runPython("[f'{naam} ← {door}' for naam, door in wacht.geleend]").toJs();
  console.log("Uit de beperkte standaardbibliotheek geïmporteerd:", pyodide.runPython("', '.join(sorted(wacht.beperkt)) or '(niets)'"));
  console.log("Door de rekenkern uit de volledige standaardbibliotheek geleend:", geleend.length ? geleend.join("; ") : "niets");
  if (geleend.length) process.exit(5);
}
process.exit(code);
