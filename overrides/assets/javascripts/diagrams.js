/* Process diagrams (```mermaid blocks) rendered by the site's own copy of Mermaid.
 * Loaded only on pages that have a diagram; the text version next to each diagram
 * stays the primary content, so nothing is lost when scripts are off. */
(function () {
  "use strict";
  let loading = null;

  function loadMermaid(url) {
    // The ES-module build fetches only the chunks a diagram needs.
    if (!loading) loading = import(new URL(url, window.location.href).href).then(function (module) { return module.default; });
    return loading;
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  async function render() {
    const blocks = Array.from(document.querySelectorAll("pre.aw-diagram:not([data-aw-rendered])"));
    const meta = document.querySelector('meta[name="aw-mermaid-url"]');
    if (!blocks.length || !meta) return;
    let mermaid;
    try {
      mermaid = await loadMermaid(meta.content);
    } catch (error) {
      blocks.forEach(function (block) { block.setAttribute("data-aw-rendered", "fout"); });
      return;
    }
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: isDark() ? "dark" : "default" });
    for (const [index, block] of blocks.entries()) {
      const source = block.textContent;
      try {
        const { svg } = await mermaid.render("aw-diagram-" + index + "-" + Date.now(), source);
        const figure = document.createElement("div");
        figure.className = "aw-diagram-svg";
        figure.setAttribute("role", "img");
        const label = block.closest("figure, div, section")?.getAttribute("data-aw-label");
        figure.setAttribute("aria-label", label || "Processchema; de stappen staan hieronder als tekst.");
        figure.innerHTML = svg;
        block.setAttribute("data-aw-rendered", "ja");
        block.hidden = true;
        block.after(figure);
      } catch (error) {
        block.setAttribute("data-aw-rendered", "fout");
      }
    }
  }

  if (window.document$) {
    window.document$.subscribe(render);
  } else {
    document.addEventListener("DOMContentLoaded", render);
  }
})();
