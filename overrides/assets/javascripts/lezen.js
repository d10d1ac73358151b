/* Reading aids on every page: a search that answers a pasted query. */
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
})();
