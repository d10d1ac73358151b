/* How the calculator's runtime gets into the worker: what is fetched, how it is checked, and whether
 * the engine is restored from its memory snapshot or booted. The one place that decides this.
 *
 * Fast path: restore the memory snapshot of the warmed-up engine that the build made (a tenth of a
 * normal boot), with only the part of the standard library the engine can still import after that
 * (config.snapshot.stdlib_url). Where it comes from:
 * - a service worker that holds the runtime (offline.js, sw.js): its copy, as any other file;
 * - otherwise, after the first visit, the unpacked copy the browser keeps in IndexedDB
 *   (rekenhulp-opslag.js; over plain HTTP there is no service worker);
 * - otherwise the web server, which sends it compressed (brotli or gzip, unpacked by the browser itself);
 *   a server that sends it as it is gets asked for the .gz beside it, unpacked here.
 * The file (rekenhulp-snapshotbestand.js) leaves out what the runtime's .wasm already holds; the .wasm
 * Pyodide downloads anyway gives it back. Nothing here needs a secure context, so a plain-HTTP intranet
 * host gets the fast path too:
 * - the snapshot's address holds the sha256 of its content (checked at build time and by
 *   deploy/controleer-hosting), so another build is another address and an old file is never used;
 * - the file's size and checksum (Adler-32) are checked, its layout while unpacking, then the size of the
 *   snapshot; Pyodide itself refuses a snapshot of another runtime. A file that fails any of these, or does not arrive within
 *   seconds, is dropped and the engine boots the normal way: the reader notices only the time.
 * The lock file is fetched here too, so that a web page in its place (a login page, a proxy's error)
 * is named as such. Everything comes from the site's own origin.
 */
import { bewaardeSnapshot, bewaarSnapshot, vergeetSnapshot } from "./rekenhulp-opslag.js";
import {
  Storing, alsStoring, compileerfout, geenWebAssembly, mimeType, nietOpTeHalen, onleesbareLijst, ontbrekendBestand,
  paginaInPlaatsVanBestand, rekenregelsOntbreken, vastgelopen, verkeerdType,
} from "./rekenhulp-storingen.js";
import { teDownloaden } from "./rekenhulp-bestanden.js";
import { meetDownload } from "./rekenhulp-meter.js";
import { voegLaterToe } from "./rekenhulp-later.js";
import { adler32, herstel } from "./rekenhulp-snapshotbestand.js";
import { bewaak, gebeurtenis, haalZelf, nieuwVerzoek, vangBytes } from "./rekenhulp-waakhond.js";

// A snapshot that sends nothing for this long (while nothing else arrives either) is dropped: booting
// without it is slower, but certain.
const SNAPSHOT_STIL_MS = 4000;
// Silence on the whole line this long during the boot is reported to the reader (within 10 s of a stall).
const STIL_MS = 6000;

const RUNTIME = "de rekenomgeving";
const SCRIPTS = "de scripts van de rekenomgeving";
const LIJST = "de lijst met onderdelen van de rekenkern";

/* ---------- checks that name the cause ---------- */

// The usual causes, checked in parallel with the boot so that a broken host fails in seconds: WebAssembly
// blocked by the policy, the runtime missing, replaced by a web page, or sent with a MIME type the
// browser refuses to compile.
async function vooraf(config) {
  try {
    await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  } catch (error) {
    throw geenWebAssembly(error);
  }
  const bestanden = [
    ["pyodide.asm.wasm", ["application/wasm"], "application/wasm", RUNTIME],
    ["pyodide.mjs", ["text/javascript", "application/javascript"], "text/javascript", SCRIPTS],
  ];
  await Promise.all(bestanden.map(async function ([naam, goed, moet, wat]) {
    const url = new URL(naam, config.pyodide).href;
    let response;
    try {
      response = await fetch(url, { method: "HEAD", cache: "no-store" });
    } catch (error) {
      throw nietOpTeHalen(url, error, wat);
    }
    if (response.status === 405 || response.status === 501) return;  // HEAD not supported: the real request decides
    const type = mimeType(response);
    if (type === "text/html") {
      // A page is small: read it to tell a login page or a proxy's message from any other page.
      const pagina = await fetch(url, { cache: "no-store" }).then(function (r) { return r.text(); }).catch(function () { return ""; });
      throw paginaInPlaatsVanBestand(url, response, pagina, wat);
    }
    if (!response.ok) throw ontbrekendBestand(url, response, wat);
    if (type && !goed.includes(type)) throw verkeerdType(url, response, wat, moet);
  }));
}

// Pyodide swallows a failed compile of its runtime ("wasm instantiation failed!") and then waits for
// ever. Watching WebAssembly itself turns that into an immediate, specific error.
function bewaakWebAssembly(url) {
  let weiger;
  const mislukt = new Promise(function (_, reject) { weiger = reject; });
  for (const naam of ["instantiateStreaming", "instantiate", "compileStreaming"]) {
    const origineel = WebAssembly[naam];
    if (typeof origineel !== "function") continue;
    WebAssembly[naam] = async function () {
      try {
        return await origineel.apply(WebAssembly, arguments);
      } catch (error) {
        weiger(compileerfout(url, error));
        throw error;
      }
    };
  }
  mislukt.catch(function () {});
  return mislukt;
}

/* The lock file, read here instead of by Pyodide: a page in its place is named for what it is. */
async function haalLijst(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw nietOpTeHalen(url, error, LIJST);
  }
  const tekst = await response.text().catch(function () { return ""; });
  if (mimeType(response) === "text/html" || /^\s*</.test(tekst)) throw paginaInPlaatsVanBestand(url, response, tekst, LIJST);
  if (!response.ok) throw ontbrekendBestand(url, response, LIJST);
  let lijst;
  try {
    lijst = JSON.parse(tekst);
  } catch (error) {
    throw onleesbareLijst(url, response, error);
  }
  if (!lijst || typeof lijst.packages !== "object") throw onleesbareLijst(url, response, "geen 'packages'");
  return lijst;
}

/* ---------- the snapshot ---------- */

// What a service worker adds to an answer from its own copy (sw.js): the file is then whole, however the
// server once sent it.
const UIT_OFFLINEKOPIE = "x-afsprakenwijzer-offline";

/* The snapshot file from ``url``, streamed through the watchdog's eyes; a gzip file (the .gz) is unpacked
 * here. With ``alleenGecomprimeerd``, null when the server starts to send the whole file uncompressed (it
 * did not compress it, as the shipped configurations do): then the caller asks for the .gz instead. */
async function leesSnapshotBestand(url, snapshot, alleenGecomprimeerd) {
  const afbreken = new AbortController();
  const verzoek = nieuwVerzoek(url, {
    stilMs: SNAPSHOT_STIL_MS,
    bijStilte: function (beschrijving) { afbreken.abort(new Error("snapshot komt niet binnen: " + beschrijving)); },
  });
  try {
    const response = await haalZelf(url, { signal: afbreken.signal });
    verzoek.beantwoord(response);
    if (!response.ok) throw new Error("snapshot: HTTP " + response.status);
    const ongecomprimeerd = !response.headers.get("content-encoding") && !response.headers.has(UIT_OFFLINEKOPIE)
      && Number(response.headers.get("content-length")) === snapshot.bytes;
    if (alleenGecomprimeerd && ongecomprimeerd) {
      afbreken.abort(new Error("snapshot komt ongecomprimeerd"));
      return null;
    }
    const lezer = response.body.getReader();
    const eerste = await lezer.read();
    const begin = eerste.done ? new Uint8Array(0) : eerste.value;
    verzoek.ontvangen(begin.byteLength);
    const stroom = new ReadableStream({
      start: function (controller) { if (begin.byteLength) controller.enqueue(begin); },
      pull: async function (controller) {
        const { done, value } = await lezer.read();
        if (done) { controller.close(); return; }
        verzoek.ontvangen(value.byteLength);
        controller.enqueue(value);
      },
      cancel: function (reden) { return lezer.cancel(reden); },
    });
    // A .gz served without Content-Encoding arrives as it is stored: unpacked here, which also checks the gzip
    // trailer (CRC32 and length). A server that did add Content-Encoding hands over the unpacked bytes.
    const gzip = begin[0] === 0x1f && begin[1] === 0x8b;
    const bytes = new Uint8Array(await new Response(gzip ? stroom.pipeThrough(new DecompressionStream("gzip")) : stroom).arrayBuffer());
    if (bytes.byteLength !== snapshot.bytes) throw new Error("snapshot: " + bytes.byteLength + " bytes, verwacht " + snapshot.bytes);
    return bytes;
  } finally {
    verzoek.klaar();
  }
}

async function snapshotBestand(snapshot) {
  return (await leesSnapshotBestand(snapshot.url, snapshot, true)) || leesSnapshotBestand(snapshot.url + ".gz", snapshot, false);
}

/* {bytes, uitOpslag}: the unpacked snapshot, and whether it came from the copy the browser kept. ``wasm`` is
 * the capture of the runtime's .wasm (vangBytes), which gives back what the file leaves out. */
async function haalSnapshot(config, wasm) {
  const bewaard = config.opslag !== "serviceworker" ? await bewaardeSnapshot(config.snapshot) : null;
  if (bewaard) {
    wasm.stop();
    return { bytes: bewaard, uitOpslag: true };
  }
  const bestand = await snapshotBestand(config.snapshot);
  if (adler32(bestand) !== config.snapshot.adler32) throw new Error("snapshot: controlegetal klopt niet");
  const runtime = await wasm.bytes;
  if (!runtime) throw new Error("snapshot: de rekenomgeving (.wasm) kwam niet binnen");
  const bytes = herstel(bestand, runtime);
  if (bytes.byteLength !== config.snapshot.raw_bytes) throw new Error("snapshot: " + bytes.byteLength + " bytes, verwacht " + config.snapshot.raw_bytes);
  return { bytes: bytes, uitOpslag: false };
}

/* ---------- Pyodide ---------- */

async function laadPyodide(config, lijst, extra) {
  const { loadPyodide } = await import(config.pyodide + "pyodide.mjs");
  gebeurtenis();
  return loadPyodide(Object.assign({
    indexURL: config.pyodide,
    lockFileContents: lijst,
    packageBaseUrl: new URL(".", config.lock).href,
    env: { HOME: "/home/pyodide" },  // as when the snapshot was made
    checkAPIVersion: true,
    stdout: function () {},
    stderr: function () {},
  }, extra));
}

// Fetching and unpacking the snapshot runs while Pyodide loads its own scripts: loadPyodide takes the
// snapshot as a promise and waits for it only when it needs the memory. The engine's wheels are not put
// back: calculators.uitvoer.verzoek.opwarmen() read every rule file and imported every module before the
// snapshot was made, and the engine imports nothing later (tests/engine/test_lagen.py).
async function vanSnapshot(config, lijst) {
  // Caught before Pyodide asks for it, from the same download.
  const wasm = vangBytes(new URL("pyodide.asm.wasm", config.pyodide).href);
  const opgehaald = haalSnapshot(config, wasm);
  try {
    const pyodide = await laadPyodide(config, lijst, {
      _loadSnapshot: opgehaald.then(function (s) { return s.bytes; }),
      stdLibURL: config.snapshot.stdlib_url,
    });
    pyodide.runPython("import random\nrandom.seed()");  // a snapshot freezes the seed
    return { pyodide: pyodide, opgehaald: opgehaald };
  } catch (error) {
    // A kept copy that does not restore is dropped, so that the next visit unpacks the server's file again.
    opgehaald.then(function (s) { if (s.uitOpslag) vergeetSnapshot(); }, function () {});
    throw error;
  } finally {
    wasm.stop();
  }
}

// A boot takes the standard library the build compiled for it (hooks/stdlib_afsluiting.py: only the modules a
// boot and the engine need, as .pyc: two fifths of the bytes of python_stdlib.zip and no compiling on the device).
async function opstarten(config, lijst, voortgang) {
  const pyodide = await laadPyodide(config, lijst, config.opstart_stdlib ? { stdLibURL: config.opstart_stdlib.url } : {});
  voortgang(2, "Rekenregels laden…");
  const problemen = [];
  // loadPackage does not throw when a package fails: collect its error messages instead.
  await pyodide.loadPackage(config.pakketten, {
    messageCallback: function () {},
    errorCallback: function (message) { problemen.push(message); },
  });
  if (problemen.length) throw rekenregelsOntbreken(problemen);
  return pyodide;
}

/* The started runtime: {pyodide, via, bewaren, naladen}. via is "snapshot" or "opstart"; bewaren, if set, keeps
 * the unpacked snapshot for the next visit (call it after the first answer; it resolves to true or false);
 * naladen, if set, adds the modules the engine could still import after a boot (rekenhulp-later.js; call it
 * after the first answer too).
 * meld.voortgang(stap, tekst, procent) reports steps and how much of the download is in;
 * meld.vastgelopen(storing) a stall the boot may still recover from. A cause that makes starting
 * impossible is thrown as a Storing. config.pad "opstart" skips the snapshot (the page's choice for the
 * connection, rekenhulp-startpad.js). */
export async function startRekenomgeving(config, meld) {
  const stopWaakhond = bewaak({
    stilMs: STIL_MS,
    bijStilte: function (beschrijving) { meld.vastgelopen(vastgelopen(beschrijving, STIL_MS / 1000)); },
    verwachteScripts: [config.pyodide + "pyodide.mjs", config.pyodide + "pyodide.asm.mjs"],
  });
  try {
    return await start(config, meld);
  } finally {
    stopWaakhond();
  }
}

async function start(config, meld) {
  const check = vooraf(config);
  check.catch(function () {});  // handled below
  const wasmFout = bewaakWebAssembly(new URL("pyodide.asm.wasm", config.pyodide).href);
  const lijst = haalLijst(config.lock);
  lijst.catch(function () {});  // Pyodide waits for it; its Storing surfaces through the boot
  // A failed compile waits for the checks: their message names what the server sent (the type, the
  // status); the compile error itself only says what was expected.
  const compileFout = wasmFout.catch(async function (fout) { await check; throw fout; });
  compileFout.catch(function () {});
  const race = function (belofte) {
    return Promise.race([belofte, compileFout, check.then(function () { return new Promise(function () {}); })]);
  };
  // Any other failure also waits for the checks and the lock file, which name the cause more precisely.
  const benoem = async function (error) {
    await check;
    await lijst;
    throw alsStoring(error);
  };
  // The step the reader sees, with the share of the download that is in (rekenhulp-meter.js).
  const stand = { stap: 1, tekst: "Rekenomgeving downloaden", procent: 0 };
  const voortgang = function (stap, tekst) { stand.stap = stap; stand.tekst = tekst; meld.voortgang(stap, tekst, stand.procent); };
  const meet = function (pad) {
    return meetDownload(teDownloaden(config, pad), function (procent) {
      stand.procent = procent;
      meld.voortgang(stand.stap, stand.tekst, procent);
    });
  };
  let pyodide = null;
  let opgehaald = null;
  let via = "opstart";
  if (config.snapshot && config.pad !== "opstart") {
    const stopMeten = meet("snapshot");
    try {
      ({ pyodide, opgehaald } = await race(vanSnapshot(config, lijst)));
      via = "snapshot";
    } catch (error) {
      if (error instanceof Storing) throw error;  // the host is broken: a normal boot would fail the same way
      gebeurtenis();  // missing, damaged, stalled or for another build: boot as usual
    } finally {
      stopMeten();
    }
  }
  if (!pyodide) {
    stand.procent = 0;
    const stopMeten = meet("opstart");
    try {
      pyodide = await race(opstarten(config, lijst, voortgang));
    } catch (error) {
      await benoem(error);
    } finally {
      stopMeten();
    }
  }
  await check;
  let bewaren = null;
  if (opgehaald) {
    const { bytes, uitOpslag } = await opgehaald;
    if (!uitOpslag && config.opslag !== "serviceworker") bewaren = function () { return bewaarSnapshot(config.snapshot, bytes); };
  } else if (config.pad === "opstart" && config.snapshot && config.snapshotBewaren && config.opslag !== "serviceworker") {
    // After a boot the start rule chose: the snapshot fetched and unpacked for the next start (where there is a
    // service worker, its copy of the runtime holds the snapshot, offline.js). Not after a snapshot that failed.
    bewaren = async function () {
      try {
        const bestand = await snapshotBestand(config.snapshot);
        if (adler32(bestand) !== config.snapshot.adler32) return false;
        const wasm = await fetch(new URL("pyodide.asm.wasm", config.pyodide).href);
        if (!wasm.ok) return false;
        return await bewaarSnapshot(config.snapshot, herstel(bestand, new Uint8Array(await wasm.arrayBuffer())));
      } catch (error) {
        return false;
      }
    };
  }
  let naladen = null;
  if (via === "opstart" && config.opstart_stdlib && config.snapshot) {
    naladen = async function () {
      const response = await fetch(config.snapshot.stdlib_url);
      if (!response.ok) throw new Error("HTTP " + response.status + " · " + config.snapshot.stdlib_url);
      voegLaterToe(pyodide, new Uint8Array(await response.arrayBuffer()));
    };
  }
  return { pyodide: pyodide, via: via, bewaren: bewaren, naladen: naladen };
}
