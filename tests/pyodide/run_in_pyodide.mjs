// Runs the engine's own pytest suite inside the npm Pyodide runtime under Node (no browser).
// Usage: node run_in_pyodide.mjs [--snapshot=<file>] <bundle-dir> <host-dir>:<pyodide-dir>… -- <pytest args…>
// The bundle dir holds our pyodide-lock.json and wheels; the engine is imported from its wheel,
// never from the working tree (only tests, docs and seeds are mounted).
// With --snapshot, Python is not booted but restored from the site's memory snapshot (as the calculator
// page does): the engine is then the one in the snapshot's memory, and the wheels only put files back.
import { loadPyodide } from "pyodide";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";

let args = process.argv.slice(2);
let snapshot = null;
if (args[0].startsWith("--snapshot=")) {
  snapshot = gunzipSync(readFileSync(args[0].slice("--snapshot=".length)));
  args = args.slice(1);
}
const split = args.indexOf("--");
const [bundleDir, ...mounts] = args.slice(0, split);
const pytestArgs = args.slice(split + 1);

const lockFile = path.resolve(bundleDir, "pyodide-lock.json");
const options = { lockFileURL: lockFile, packageBaseUrl: path.resolve(bundleDir) + "/", env: { HOME: "/home/pyodide" } };
const pyodide = await loadPyodide(snapshot ? { ...options, _loadSnapshot: snapshot } : options);
const lock = JSON.parse(await readFile(lockFile, "utf8"));
if (snapshot) {
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
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
process.exit(code);
