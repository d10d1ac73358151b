// Runs the engine's own pytest suite inside the npm Pyodide runtime under Node (no browser).
// Usage: node run_in_pyodide.mjs <bundle-dir> <host-dir>:<pyodide-dir>… -- <pytest args…>
// The bundle dir holds our pyodide-lock.json and wheels; the engine is imported from its wheel,
// never from the working tree (only tests, docs and seeds are mounted).
import { loadPyodide } from "pyodide";
import { readFile } from "node:fs/promises";
import path from "node:path";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const [bundleDir, ...mounts] = args.slice(0, split);
const pytestArgs = args.slice(split + 1);

const lockFile = path.resolve(bundleDir, "pyodide-lock.json");
const pyodide = await loadPyodide({ lockFileURL: lockFile, packageBaseUrl: path.resolve(bundleDir) + "/" });
const lock = JSON.parse(await readFile(lockFile, "utf8"));
const problems = [];
await pyodide.loadPackage(Object.keys(lock.packages), {
  messageCallback: () => {},
  errorCallback: (message) => problems.push(message),
});
if (problems.length) {
  console.error("Pakketten konden niet worden geladen:", problems.join("; "));
  process.exit(3);
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
