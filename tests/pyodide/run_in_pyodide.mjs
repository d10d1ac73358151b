// Runs the engine's own pytest suite inside the npm Pyodide runtime under Node (no browser).
// Usage: node run_in_pyodide.mjs <bundle-dir with pyodide-lock.json> <tests-dir> [pytest args…]
import { loadPyodide } from "pyodide";
import path from "node:path";

const [bundleDir, testsDir, ...pytestArgs] = process.argv.slice(2);
const lockFile = path.resolve(bundleDir, "pyodide-lock.json");
const pyodide = await loadPyodide({ lockFileURL: lockFile, packageBaseUrl: path.resolve(bundleDir) + "/" });
const lock = JSON.parse(await (await import("node:fs/promises")).readFile(lockFile, "utf8"));
const problems = [];
await pyodide.loadPackage(Object.keys(lock.packages), {
  messageCallback: () => {},
  errorCallback: (message) => problems.push(message),
});
if (problems.length) {
  console.error("Pakketten konden niet worden geladen:", problems.join("; "));
  process.exit(3);
}
pyodide.FS.mkdirTree("/project/tests");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(testsDir) }, "/project/tests");
pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
const code = pyodide.runPython(`
import os, sys
os.chdir("/project")
sys.path.insert(0, "/project")
print("Python", sys.version.split()[0], "op", sys.platform)
import pytest
int(pytest.main(["-p", "no:cacheprovider", *pytest_args]))
`);
process.exit(code);
