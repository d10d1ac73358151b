/* The site search worker: Material's own (named in ?material=, see hooks/zoekindex.py), with one
 * change to the query. Material appends a wildcard to every word, also to stop words, so the
 * "op" of "zicht op veiligheid" matched every title starting with "op" ("Opschaal …") and
 * outranked the sections about zicht op veiligheid. Stop words are left out of a query that has
 * other words; a query of stop words only is searched as it is. */
"use strict";

const QUERY = 2; // Material's SearchMessageType.QUERY
const material = new URL(self.location.href).searchParams.get("material") || "";

// Registered before Material's own listener, so this one sees a query first.
addEventListener("message", function (event) {
  const message = event.data;
  if (message && message.type === QUERY && typeof message.data === "string") {
    message.data = zonderStopwoorden(message.data);
  }
});

function zonderStopwoorden(query) {
  const lunr = self.lunr;
  const filter = lunr && lunr.nl && lunr.nl.stopWordFilter; // loaded by Material on setup
  if (!filter) return query;
  const woorden = query.trim().split(/\s+/);
  // Only plain words: a word with a modifier (+, -, *, ~, ^), quotes or digits stays.
  const stopwoord = function (woord) { return /^\p{L}+$/u.test(woord) && !filter(woord.toLowerCase()); };
  const inhoud = woorden.filter(function (woord) { return !stopwoord(woord); });
  return inhoud.length ? inhoud.join(" ") : query;
}

if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("zoeken.js: zoekworker van Material ontbreekt");
importScripts(material);
