// summary-card classic-script loader, for CMSes that allow only
// <script async src>. It loads summary-card.js from beside itself; the module
// upgrades every [data-summary-card] element. Several copies of this tag
// load the module (and its wasm) once: the browser caches modules by URL.
(function () {
  // Its own URL: document.currentScript (read now: null once this returns),
  // else, where that is null (a script inside a shadow root), the script URL
  // of this code's own stack frame. Never another script's: a page's
  // "embed.js" from somebody else may be anywhere.
  var script = document.currentScript;
  var own = (script && script.src) || ownUrl();
  if (!own) {
    console.error("summary-card: embed.js cannot find its own URL; load summary-card.js as a module.");
    return;
  }
  import(new URL("summary-card.js", own).href).catch(function (e) {
    console.error("summary-card: could not load summary-card.js", e);
  });

  /** The URL in the innermost frame of a stack trace ("at f (URL:1:2)", "f@URL:1:2"), if it names a script. */
  function ownUrl() {
    var stack = String(new Error().stack || "");
    var m = /(https?:\/\/[^\s()'"]+?\.js)(?:\?[^\s():]*)?:\d+:\d+/.exec(stack);
    return m ? m[1] : null;
  }
})();
