// summary-card classic-script loader, for CMSes that allow only
// <script async src>. It loads summary-card.js from beside itself; the module
// upgrades every [data-summary-card] element. Several copies of this tag
// load the module (and its wasm) once: the browser caches modules by URL.
(function () {
  var script = document.currentScript; // must be read now: null once this returns
  var base = (script && script.src) || (document.querySelector('script[src*="embed.js"]') || {}).src || document.baseURI;
  import(new URL("summary-card.js", base).href).catch(function (e) {
    console.error("summary-card: could not load summary-card.js", e);
  });
})();
