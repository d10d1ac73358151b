/* The file the build ships for the memory snapshot, and how to turn it back into Pyodide's snapshot.
 *
 * A Pyodide snapshot is a small header and a copy of the whole WebAssembly memory (31 MB). Two parts of
 * that copy need not travel:
 * - the first 4 MB hold the static data the runtime's .wasm file writes into memory when it starts, and
 *   which the snapshot repeats almost unchanged: the file holds that region XOR the .wasm's own data
 *   segments, mostly zeros, and the page puts it back from the .wasm it loads anyway (a quarter less
 *   to download);
 * - most of the memory is never touched (zeros): the file keeps only the 64 KB pages that are not all
 *   zero, so a browser's copy takes 13 MB instead of 31 MB.
 *
 * Layout: "AWSNAP\x01\x00", u32 size of the snapshot, u32 number of runs, per run u32 first page and u32
 * number of pages, then the pages of every run (all little-endian). Used by the worker
 * (rekenhulp-laden.js), the build (hooks/snapshot.mjs) and the Node test runner, so the three agree.
 *
 * The build names the file's Adler-32 checksum (zlib's, cheap enough to check on every visit: about 12 ms):
 * a copy damaged on the way, which brotli would unpack without noticing, is then not restored.
 */

const MAGIE = [0x41, 0x57, 0x53, 0x4e, 0x41, 0x50, 0x01, 0x00];  // "AWSNAP" 1 0
const PAGINA = 65536;
const PYODIDE_MAGIE_LENGTE = 16;  // Pyodide's header: magic, offset of the memory, length of its JSON, 0

/* The active data segments of a .wasm file: [[offset in memory, bytes], ...]. Only segments placed at a
 * constant address (i32.const) take part; any other kind is left alone (the snapshot then carries it). */
export function dataSegmenten(wasm) {
  let i = 8;
  const leb = function () {
    let waarde = 0, schuif = 0, byte;
    do { byte = wasm[i++]; waarde += (byte & 0x7f) * 2 ** schuif; schuif += 7; } while (byte & 0x80);
    return waarde;
  };
  const sleb = function () {
    let waarde = 0, schuif = 0, byte;
    do { byte = wasm[i++]; waarde |= (byte & 0x7f) << schuif; schuif += 7; } while (byte & 0x80 && schuif < 35);
    while (byte & 0x80) byte = wasm[i++];  // a wider constant (i64): only skipped
    if (schuif < 32 && (byte & 0x40)) waarde |= -1 << schuif;
    return waarde;
  };
  // An offset expression: its value when it is one i32.const, otherwise null (then it is only skipped).
  const adresExpressie = function () {
    const instructies = [];
    for (;;) {
      const op = wasm[i++];
      if (op === 0x0b) break;
      if (op === 0x41 || op === 0x42) instructies.push([op, sleb()]);
      else if (op === 0x23) instructies.push([op, leb()]);
      else if (op === 0x6a || op === 0x7c) instructies.push([op]);
      else throw new Error("onbekende instructie in een datasegment: 0x" + op.toString(16));
    }
    return instructies.length === 1 && instructies[0][0] === 0x41 ? instructies[0][1] >>> 0 : null;
  };
  if (wasm[0] !== 0x00 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) throw new Error("geen WebAssembly");
  while (i < wasm.length) {
    const soort = wasm[i++];
    const grootte = leb();
    const einde = i + grootte;
    if (soort !== 11) { i = einde; continue; }
    const segmenten = [];
    const aantal = leb();
    for (let n = 0; n < aantal; n++) {
      const vlag = leb();
      let adres = null;
      if (vlag === 2) leb();  // memory index
      if (vlag === 0 || vlag === 2) adres = adresExpressie();
      const lengte = leb();
      if (adres !== null) segmenten.push([adres, wasm.subarray(i, i + lengte)]);
      i += lengte;
    }
    return segmenten;
  }
  return [];
}

function xorSegmenten(snapshot, wasm) {
  const begin = new DataView(snapshot.buffer, snapshot.byteOffset, PYODIDE_MAGIE_LENGTE).getUint32(4, true);
  for (const [adres, bytes] of dataSegmenten(wasm)) {
    const doel = begin + adres;
    const stuk = snapshot.subarray(doel, Math.min(snapshot.length, doel + bytes.length));
    for (let j = 0; j < stuk.length; j++) stuk[j] ^= bytes[j];
  }
}

/* The file for a snapshot (build time). */
export function maakBestand(snapshot, wasm) {
  const werk = new Uint8Array(snapshot);
  xorSegmenten(werk, wasm);
  const paginas = Math.ceil(werk.length / PAGINA);
  const runs = [];
  for (let p = 0; p < paginas; p++) {
    const pagina = werk.subarray(p * PAGINA, (p + 1) * PAGINA);
    if (!pagina.some(function (b) { return b !== 0; })) continue;
    const laatste = runs[runs.length - 1];
    if (laatste && laatste[0] + laatste[1] === p) laatste[1]++;
    else runs.push([p, 1]);
  }
  const kop = 8 + 4 + 4 + runs.length * 8;
  const data = runs.reduce(function (som, [p, n]) { return som + Math.min(n * PAGINA, werk.length - p * PAGINA); }, 0);
  const bestand = new Uint8Array(kop + data);
  const zicht = new DataView(bestand.buffer);
  bestand.set(MAGIE, 0);
  zicht.setUint32(8, werk.length, true);
  zicht.setUint32(12, runs.length, true);
  let plek = kop;
  runs.forEach(function ([p, n], r) {
    zicht.setUint32(16 + r * 8, p, true);
    zicht.setUint32(20 + r * 8, n, true);
    const stuk = werk.subarray(p * PAGINA, Math.min(werk.length, (p + n) * PAGINA));
    bestand.set(stuk, plek);
    plek += stuk.length;
  });
  return bestand;
}

/* Pyodide's snapshot from the file and the .wasm it was made with. Throws when the file is not one. */
export function herstel(bestand, wasm) {
  if (bestand.length < 16 || MAGIE.some(function (b, i) { return bestand[i] !== b; })) throw new Error("snapshot: onbekend bestandsformaat");
  const zicht = new DataView(bestand.buffer, bestand.byteOffset, bestand.byteLength);
  const grootte = zicht.getUint32(8, true);
  const aantal = zicht.getUint32(12, true);
  const snapshot = new Uint8Array(grootte);
  let plek = 16 + aantal * 8;
  for (let r = 0; r < aantal; r++) {
    const p = zicht.getUint32(16 + r * 8, true);
    const n = zicht.getUint32(20 + r * 8, true);
    const lengte = Math.min(n * PAGINA, grootte - p * PAGINA);
    if (lengte <= 0 || plek + lengte > bestand.length) throw new Error("snapshot: bestand afgekapt of beschadigd");
    snapshot.set(bestand.subarray(plek, plek + lengte), p * PAGINA);
    plek += lengte;
  }
  if (plek !== bestand.length) throw new Error("snapshot: bestand heeft " + bestand.length + " bytes, verwacht " + plek);
  xorSegmenten(snapshot, wasm);
  return snapshot;
}

/* zlib's Adler-32 of ``bytes`` (Python: zlib.adler32). */
export function adler32(bytes) {
  let a = 1, b = 0;
  for (let i = 0; i < bytes.length;) {
    const einde = Math.min(bytes.length, i + 5552);  // the most bytes before the sums can overflow
    for (; i < einde; i++) { a += bytes[i]; b += a; }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
