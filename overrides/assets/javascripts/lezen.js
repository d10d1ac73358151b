/* Reading aids on every page: a search that answers a pasted query, and a button that prints
 * the page itself (the whole-site print edition has its own page, afdrukversie/). */
(function () {
  "use strict";

  // Material's search reads the query on keyup only (and once when its index is ready). A
  // query that arrives without a keyup (pasted with the mouse, dictated, filled in by the
  // phone's autocomplete) was never answered. Forward every input as the keyup Material
  // listens for; a typed key then counts twice, which Material's distinct check absorbs.
  document.addEventListener("input", function (event) {
    const field = event.target;
    if (field instanceof HTMLInputElement && field.matches("[data-md-component=search-query]")) {
      field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }
  }, true);

  // The print button in the page header (overrides/partials/actions.html). Inline handlers
  // would break the site's Content-Security-Policy, hence a delegated listener.
  document.addEventListener("click", function (event) {
    const button = event.target instanceof Element && event.target.closest("[data-aw-afdrukken]");
    if (button) {
      event.preventDefault();
      window.print();
    }
  });
})();
