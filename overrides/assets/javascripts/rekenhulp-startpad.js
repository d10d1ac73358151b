/* Which way the calculator's runtime starts on this visit: "snapshot" (restore the warmed-up engine) or
 * "opstart" (boot Python and load the engine). Placeholder until measured: always the snapshot. */
export function kiesStartpad(config) {
  if (!config.snapshot) return "opstart";
  return window.__awStartpad || "snapshot";
}
