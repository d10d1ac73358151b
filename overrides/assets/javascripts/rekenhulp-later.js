/* After a boot (not a restore) the engine runs from the compiled standard library the build made for a boot
 * (hooks/stdlib_afsluiting.py): every module a boot and every kind of calculation load. The modules it could
 * still import later, a safety net the engine does not use (tests/engine/test_lagen.py), come after the first
 * answer, in the reduced archive the snapshot path uses too: off the path to the first answer, which on a phone
 * network is a third of a second sooner.
 *
 * This adds that archive behind the first: on sys.path, and inside every package already loaded from the first
 * (a submodule is looked for in its package's __path__, not on sys.path). The worker (rekenhulp-laden.js) and
 * the Pyodide test runner (tests/pyodide/run_in_pyodide.mjs) both add it through here.
 */

export const LATER_ARCHIEF = "/lib/later.zip";

const VOEG_TOE = `
import importlib, sys

def _voeg_toe(archief):
    eerste = next(p for p in sys.path if p.endswith(".zip"))
    if archief not in sys.path:
        sys.path.append(archief)
    for module in list(sys.modules.values()):
        pad = getattr(module, "__path__", None)
        if isinstance(pad, list):
            pad.extend(archief + p[len(eerste):] for p in list(pad) if p.startswith(eerste + "/"))
    importlib.invalidate_caches()

_voeg_toe(${JSON.stringify(LATER_ARCHIEF)})
del _voeg_toe
`;

/* Puts ``bytes`` (a zip of modules) behind the standard library of a running ``pyodide``. */
export function voegLaterToe(pyodide, bytes) {
  pyodide.FS.writeFile(LATER_ARCHIEF, bytes);
  pyodide.runPython(VOEG_TOE);
}
