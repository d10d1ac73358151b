/* An old calculator address (rekenhulpen/tijdlijn/ and the like): forward to the calculator page with the
 * same query, so shared links keep working. Runs in the <head>, before the page shows. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="aw-doorsturen"]');
  if (!meta) return;
  var doel = new URL("../", window.location.href);
  var zoek = new URLSearchParams(window.location.search);
  zoek.set("rekenhulp", meta.content);
  doel.search = zoek.toString();
  doel.hash = meta.content;
  window.location.replace(doel.href);
})();
