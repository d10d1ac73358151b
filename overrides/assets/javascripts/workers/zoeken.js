/* The site search worker: Material's own (named in ?material=, see hooks/zoekindex.py), with the
 * query rewritten so that a question finds its subject.
 *
 * Material appends a wildcard to every word. A word with a wildcard skips lunr's stemmer, while the
 * index holds stems, so "verantwoordelijk*" never found "verantwoordelijkheid" (stem "verantwoord")
 * and "overdracht*" found the title "Overdrachtsbrief" first. Stop words matched as prefixes too
 * ("op" in "zicht op veiligheid" found every title starting with "Op…").
 *
 * So each word of a query is searched as a whole word through the stemmer, the last one also as a
 * prefix while it is being typed. Stop words, question words and the verbs of a question ("wie",
 * "moet", "duurt") are left out, so "wie is verantwoordelijk na overdracht" searches its subject.
 * A word of the glossary's word list (docs/includes/begrippen.toml, delivered in the index's config
 * as aw_woordgroepen) also finds its other forms: "overdracht" finds "overdragen", "VHB" finds
 * "veiligheidsbeoordeling". A word in half the agreements' sections ("veilig", "thuis", "lokale";
 * aw_achtergrond) weighs little: it does not say which section answers. "Hoe lang" asks for a duur,
 * "hoe snel" for the latest date (the texts say "uiterlijk").
 * A query with lunr syntax (a leading + or -, ~, ^, *, :, quotes) is left as it is. */
"use strict";

const SETUP = 0, QUERY = 2, RESULT = 3; // Material's SearchMessageType
const material = new URL(self.location.href).searchParams.get("material") || "";

// Words of a question that carry no subject: question words and the common verbs around them.
const VRAAGWOORDEN = new Set((
  "wie wat wanneer waar waarom hoe hoelang hoeveel hoever welke welk waarmee waarover waardoor waarna " +
  "mag mogen moet moeten kan kunnen kun zal zullen wil willen is zijn ben bent wordt worden werd werden " +
  "heeft hebben heb had doet doen gaat gaan krijgt krijgen komt komen gebeurt gebeuren geldt gelden " +
  "duurt duren staat staan lang snel klaar af precies eigenlijk nog ik je jij u we wij mijn ons onze iemand iets"
).split(" "));
// Phrases of a question that name its subject in other words.
const VRAGEN = [[/\bhoe lang\b/g, "duur"], [/\bhoe snel\b/g, "uiterlijk"], [/\bbinnen hoeveel\b/g, "uiterlijk"]];
// A background word in a title (a title weighs a thousand times the text) must not outweigh the subject in the text.
const GEWICHT = { woord: 100000, vorm: 30000, begin: 30000, achtergrond: 1 };

let woordgroepen = [];
let achtergrond = new Set();
let achtergrondStammen = null; // made on the first query: the stemmer loads with the index
let scheiding = /[\s]+/;       // the index's own word separator (config.separator)

function stam(woord) {
  const nl = self.lunr && self.lunr.nl;
  return nl && nl.stemmer ? nl.stemmer(new self.lunr.Token(woord)).toString() : woord;
}

/* A word as the index holds it. Material judges which query words a result contains by comparing
 * them with the index's words (stems) as prefixes, and ranks results that contain more of them
 * higher; so the query names the stem, where stemming it again gives the same. */
function alsInIndex(woord) {
  const s = stam(woord);
  return stam(s) === s ? s : woord;
}

function stopwoord(woord) {
  const filter = self.lunr && self.lunr.nl && self.lunr.nl.stopWordFilter; // loaded by Material on setup
  return (filter && !filter(woord)) || VRAAGWOORDEN.has(woord);
}

/* The other forms of a word: every member of a group that holds the word or a word with its stem,
 * one per stem (one stem matches the same words in the index). */
function vormen(woord) {
  const eigen = stam(woord);
  const gezien = new Set([eigen]);
  const uit = [];
  for (const groep of woordgroepen) {
    if (!groep.some(function (w) { return w === woord || stam(w) === eigen; })) continue;
    for (const w of groep) {
      const s = stam(w);
      if (!gezien.has(s)) {
        gezien.add(s);
        uit.push(w);
      }
    }
  }
  return uit;
}

/* The words of a query as the index splits them ("Zuid-Limburg" is two words), in lower case. */
function woordenVan(query) {
  let tekst = query.split(scheiding).join(" ").toLowerCase();
  for (const [vraag, onderwerp] of VRAGEN) tekst = tekst.replace(vraag, onderwerp);
  return tekst.split(/\s+/).filter(Boolean);
}

function isAchtergrond(woord) {
  if (!achtergrondStammen) achtergrondStammen = new Set(Array.from(achtergrond).map(stam));
  return achtergrond.has(woord) || achtergrondStammen.has(stam(woord));
}

// Lunr's own syntax: a leading + or -, a wildcard, a boost or fuzziness, a field, quotes.
const SYNTAX = /(^|\s)[+-]|[~^*:"]/;

function zoekvraag(query) {
  if (SYNTAX.test(query)) return query;
  const woorden = woordenVan(query);
  const inhoud = woorden.filter(function (w) { return !stopwoord(w); });
  if (!inhoud.length) return query;
  // Only background words ("zicht op veiligheid"): then they are the subject.
  const alleenAchtergrond = inhoud.every(isAchtergrond);
  const typt = !/[\s?!.]$/.test(query); // the last word may not be finished yet
  const delen = [];
  inhoud.forEach(function (woord, i) {
    const weinig = isAchtergrond(woord) && !alleenAchtergrond;
    delen.push(alsInIndex(woord) + "^" + (weinig ? GEWICHT.achtergrond : GEWICHT.woord));
    if (!weinig) {
      vormen(woord).forEach(function (vorm) { delen.push(alsInIndex(vorm) + "^" + GEWICHT.vorm); });
    }
    if (typt && i === inhoud.length - 1 && woord === woorden[woorden.length - 1]) {
      delen.push(woord + "*^" + (weinig ? GEWICHT.achtergrond : GEWICHT.begin));
    }
  });
  return delen.join(" ");
}

/* The answer, reordered for a question. Lunr ranks a section with one query word in its title far
 * above a section that has every word of the question in its text (a title weighs a thousand
 * times the text). So the texts of the agreements come first, as the page weights already say
 * (hooks/zoekindex.py); among them, and among the other pages, results with more words of the
 * question's subject, the reader's own word counting more than another form of it; among equals,
 * lunr's score. A question that names a region (aw_regios) puts that region's text first. One
 * subject word: lunr's order, unchanged.
 *
 * Which words a result contains: Material marks, per result, each clause of the query it found
 * (``terms``; the query names stems, so this is exact). It shows the reader the ones it did not
 * find ("Ontbreekt: …"); those are the reader's own words again, not the forms the query added. */
const VOLGORDE = 1e9; // per subject word found: more than any lunr score
const AFSPRAKEN = 1e12; // a section of an agreement: more than every subject word found
const AFSPRAKEN_GEWICHT = 1; // the page weight from which a page is an agreement (its annexes included)
const ALLEEN_VORM = 0.6; // a subject word found only in another form
let vorigeVraag = "";
let regios = [];

function herorden(resultaat) {
  const woorden = woordenVan(vorigeVraag).filter(function (w) { return !stopwoord(w); });
  const regio = regios.find(function (r) { return r.woorden.every(function (w) { return woorden.indexOf(w) >= 0; }); });
  const onderwerp = woorden.filter(function (w) { return !isAchtergrond(w); });
  const andere = woorden.map(function (woord) { return vormen(woord).map(alsInIndex); });
  for (const groep of resultaat.items || []) {
    for (const item of groep) {
      const clausules = item.terms || {};
      const termen = {}, zelf = {};
      woorden.forEach(function (woord, i) {
        zelf[woord] = Boolean(clausules[alsInIndex(woord)] || clausules[woord]);
        termen[woord] = zelf[woord] || andere[i].some(function (vorm) { return clausules[vorm]; });
      });
      item.terms = termen;
      const raak = onderwerp.reduce(function (som, w, i) {
        // A number counts with the word after it ("7 dagen"), not alone ("7 maart").
        if (/^\d+$/.test(w) && !(i + 1 < onderwerp.length && termen[onderwerp[i + 1]])) return som;
        return som + (zelf[w] ? 1 : termen[w] ? ALLEEN_VORM : 0);
      }, 0) +
        (regio && item.location.startsWith(regio.map) ? 1 : 0);
      if (onderwerp.length > 1 || regio) {
        item.score += raak * VOLGORDE + ((item.boost || 1) >= AFSPRAKEN_GEWICHT ? AFSPRAKEN : 0);
      }
    }
    groep.sort(function (a, b) { return b.score - a.score; });
  }
  (resultaat.items || []).sort(function (a, b) { return b[0].score - a[0].score; });
}

// Registered before Material's own listener, so this one sees every message first.
addEventListener("message", function (event) {
  const message = event.data;
  if (!message) return;
  if (message.type === SETUP && message.data && message.data.config) {
    const config = message.data.config;
    woordgroepen = (config.aw_woordgroepen || []).map(function (g) {
      return g.map(function (w) { return w.toLowerCase(); });
    });
    achtergrond = new Set(config.aw_achtergrond || []);
    regios = config.aw_regios || [];
    achtergrondStammen = null;
    if (config.separator) scheiding = new RegExp(config.separator, "g");
  } else if (message.type === QUERY && typeof message.data === "string") {
    vorigeVraag = message.data;
    message.data = zoekvraag(message.data);
  }
});

// Material answers with postMessage(); the answer to a rewritten query names the reader's own words.
const verstuur = self.postMessage.bind(self);
self.postMessage = function (message) {
  if (message && message.type === RESULT && message.data && !SYNTAX.test(vorigeVraag)) {
    herorden(message.data);
  }
  verstuur(message);
};

if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) throw new Error("zoeken.js: zoekworker van Material ontbreekt");
importScripts(material);
