/* Why the calculator's runtime did not start, in Dutch: the cause a reader can pass on, what to do,
 * and the technical detail (file, status, type, the browser's own error) for the disclosure only.
 *
 * Used by the worker's loader (rekenhulp-laden.js). Every message names a cause the reader or the
 * administrator can act on; the hosting page and deploy/controleer-hosting use the same words.
 */

const CONTROLE = "Voor de beheerder: zie de pagina Hosting (controleer-hosting).";

/* A failure with a cause the reader or the administrator can act on. */
export class Storing extends Error {
  constructor(tekst, hulp, detail) {
    super(tekst);
    this.tekst = tekst;
    this.hulp = hulp || "Laad de pagina opnieuw. Blijft het zo, vraag dan de beheerder van deze site de hosting na te lopen. " + CONTROLE;
    this.detail = detail || "";
  }
}

export function bestandsnaam(url) {
  return decodeURIComponent(new URL(url, self.location.href).pathname.split("/").pop() || url);
}

export function mimeType(response) {
  return (response.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
}

// What a proxy or filter in between typically says or sends; a proxy's own login (407) counts as a proxy.
const PROXY_HEADERS = ["proxy-authenticate", "x-squid-error", "x-proxy-error", "x-bluecoat-via"];
const PROXY_WOORDEN = /\b(proxy|squid|gateway|firewall|web ?filter|zscaler|bluecoat|forcepoint|websense|fortiguard|netskope|access denied|geblokkeerd|geweigerd|blocked)\b/i;
const AANMELD_ADRES = /(log[-_]?in|log[-_]?on|sign[-_]?in|sso|auth|aanmelden|inloggen|adfs|saml|oauth)/i;
const AANMELD_WOORDEN = /(type=["']?password|\b(inloggen|aanmelden|log in|login|sign in|wachtwoord|password|gebruikersnaam)\b)/i;

/* "proxy", "aanmelden" or "webpagina": what kind of page came back instead of a runtime file. The body
 * is optional (a HEAD request has none); status, redirect and headers decide first. */
export function soortPagina(response, body) {
  const tekst = (body || "").slice(0, 20000);
  if ([407, 502, 503, 504].includes(response.status) || PROXY_HEADERS.some(function (h) { return response.headers.has(h); })) return "proxy";
  if ([401, 403].includes(response.status) || (response.redirected && AANMELD_ADRES.test(new URL(response.url).pathname))) return "aanmelden";
  if (AANMELD_WOORDEN.test(tekst)) return "aanmelden";
  if (PROXY_WOORDEN.test(tekst)) return "proxy";
  return "webpagina";
}

function technisch(url, response, extra) {
  const delen = [bestandsnaam(url)];
  if (response) {
    delen.push("HTTP " + response.status);
    delen.push("Content-Type " + (mimeType(response) || "ontbreekt"));
    if (response.redirected) delen.push("doorgestuurd naar " + response.url);
  }
  if (extra) delen.push(extra);
  return delen.join(" · ");
}

/* A page where a runtime file should be: a login page, a proxy's error page, or an ordinary web page. */
export function paginaInPlaatsVanBestand(url, response, body, wat) {
  const detail = technisch(url, response);
  const soort = soortPagina(response, body);
  if (soort === "aanmelden") {
    return new Storing("Er staat een aanmeldpagina tussen: de server vraagt om in te loggen voordat de rekenhulp " + wat + " krijgt.",
      "Laad de pagina opnieuw en meld u zo nodig aan. Blijft het zo, dan moet de beheerder de map assets/ bereikbaar maken zonder aparte aanmelding. " + CONTROLE, detail);
  }
  if (soort === "proxy") {
    return new Storing("Een proxy of beveiligingsfilter tussen u en de server houdt " + wat + " tegen.",
      "Probeer het over een paar minuten opnieuw. Blijft het zo, dan moet de beheerder de proxy of het filter de map assets/ van deze site laten doorlaten. " + CONTROLE, detail);
  }
  return new Storing("De server stuurt een gewone webpagina waar de rekenhulp " + wat + " verwacht.",
    "Meestal ontbreekt het bestand op de server, die dan een andere pagina stuurt. De beheerder moet de hele map site/ opnieuw plaatsen, inclusief assets/. " + CONTROLE, detail);
}

/* An HTTP error for a runtime file that is not a page (a 404 or 500 from the server itself). */
export function ontbrekendBestand(url, response, wat) {
  if (response.status === 404 || response.status === 410) {
    return new Storing("Op de server ontbreekt " + wat + ".",
      "De beheerder moet de hele map site/ opnieuw plaatsen, inclusief assets/. " + CONTROLE, technisch(url, response));
  }
  return new Storing("De server geeft een foutmelding in plaats van " + wat + ".",
    "Probeer het later opnieuw. Blijft het zo, dan staat de oorzaak in het foutenlog van de webserver. " + CONTROLE, technisch(url, response));
}

export function verkeerdType(url, response, wat, moet) {
  const extensie = bestandsnaam(url).split(".").pop();
  return new Storing("De server stuurt " + wat + " met een verkeerd bestandstype; de browser weigert het daarom.",
    "De beheerder moet ." + extensie + "-bestanden als " + moet + " laten sturen. " + CONTROLE,
    technisch(url, response, "verwacht " + moet));
}

export function nietOpTeHalen(url, error, wat) {
  return new Storing("De rekenhulp kan " + wat + " niet ophalen: de verbinding met de server werd verbroken of geweigerd.",
    "Controleer de netwerkverbinding en laad de pagina opnieuw. Blijft het zo, dan houdt mogelijk een proxy of filter de bestanden tegen. " + CONTROLE,
    technisch(url, null, String(error)));
}

export function geenWebAssembly(error) {
  return new Storing("De beveiligingsinstellingen van de site (of van deze browser) staan de rekenomgeving niet toe.",
    "De beheerder moet de Content-Security-Policy 'wasm-unsafe-eval' laten toestaan, ook in een tweede policy van een proxy. " + CONTROLE,
    String(error));
}

/* A failed compile of the runtime: the type the server sent, or a file cut short on the way. */
export function compileerfout(url, error) {
  const tekst = String(error && error.message ? error.message : error);
  if (/mime/i.test(tekst)) {
    return new Storing("De server stuurt de rekenomgeving met een verkeerd bestandstype; de browser weigert het daarom.",
      "De beheerder moet .wasm-bestanden als application/wasm laten sturen. " + CONTROLE, technisch(url, null, tekst));
  }
  return new Storing("De rekenomgeving is onvolledig of beschadigd aangekomen.",
    "Laad de pagina opnieuw. Blijft het zo, dan moet de beheerder de map assets/pyodide/ opnieuw plaatsen en nagaan of een proxy of virusscanner grote bestanden afkapt. " + CONTROLE,
    technisch(url, null, tekst));
}

export function onleesbareLijst(url, response, fout) {
  return new Storing("De lijst met onderdelen van de rekenkern is onleesbaar aangekomen.",
    "De beheerder moet de map assets/rekenkern/ opnieuw plaatsen; .json moet als application/json worden gestuurd. " + CONTROLE,
    technisch(url, response, String(fout)));
}

export function rekenregelsOntbreken(problemen) {
  return new Storing("De rekenregels konden niet worden geladen.",
    "De beheerder moet de map assets/rekenkern/ volledig op de server zetten. " + CONTROLE, problemen.join("; "));
}

/* Nothing arrives any more: a request without an answer, or an answer that stopped halfway. */
export function vastgelopen(beschrijving, seconden) {
  return new Storing("De rekenomgeving komt niet binnen: de server stuurt al " + seconden + " seconden niets.",
    "Wacht nog even: komt het bestand alsnog, dan start de rekenhulp vanzelf. Anders: laad de pagina opnieuw. Blijft het zo, dan houdt de server of een proxy de bestanden vast. " + CONTROLE,
    beschrijving);
}

/* Anything else, with the browser's own words in the disclosure. */
export function alsStoring(error) {
  if (error instanceof Storing) return error;
  const tekst = String(error && error.message ? error.message : error);
  if (/module script|MIME|dynamically imported module/i.test(tekst)) {
    return new Storing("De server stuurt de scripts van de rekenomgeving met een verkeerd bestandstype.",
      "De beheerder moet .mjs-bestanden als text/javascript laten sturen. " + CONTROLE, tekst);
  }
  return new Storing("De rekenomgeving kon niet worden gestart.", undefined, tekst);
}
