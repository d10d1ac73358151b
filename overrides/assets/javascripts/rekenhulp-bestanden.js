/* The files a start of the calculator's runtime downloads, with their unpacked sizes (the build wrote them into
 * the config): what the progress counts against (rekenhulp-meter.js) and what the page asks for early
 * (rekenhulp.js). No side effects, so the page and the worker can both import it. */

/* [[address, bytes], ...] of what a start downloads: via "snapshot" or "opstart". */
export function teDownloaden(config, via) {
  const runtime = function (naam) { return [new URL(naam, config.pyodide).href, config.groottes[naam] || 0]; };
  const gedeeld = [runtime("pyodide.mjs"), runtime("pyodide.asm.mjs"), runtime("pyodide.asm.wasm")];
  if (via === "snapshot") {
    return gedeeld.concat([[config.snapshot.url, config.snapshot.bytes], [config.snapshot.stdlib_url, config.snapshot.stdlib_bytes]]);
  }
  const stdlib = config.opstart_stdlib ? [config.opstart_stdlib.url, config.opstart_stdlib.bytes] : runtime("python_stdlib.zip");
  return gedeeld.concat([stdlib], (config.wielen || []).map(function ([naam, bytes]) {
    return [new URL(naam, config.lock).href, bytes];
  }));
}
