// The share buttons, as the card's wasm leaves them: marked (data-share on
// each button, data-share-status on the card's status line) but not wired.
// Each card has one set of listeners on its shadow root; the first share
// click on the page loads the share module (summary-card-share.js and its
// wasm, once per page) and hands the click to the card's session there. A
// pointer over or focus on a share button starts the load early.
// Nothing here throws into the page: a module that cannot load says so in
// the card's status line and on the console.

/** The share module once it runs; until then null. */
let shareModule = null;
/** The load under way, else null (a failed load is tried again on the next click). */
let loading = null;

/** Resolves to the running share module. */
function load() {
  loading ??= import("./summary-card-share.js")
    .then(async (m) => {
      await m.start();
      return (shareModule = m);
    })
    .catch((e) => {
      loading = null;
      throw e;
    });
  return loading;
}

/** The share button that `e` happened on, else null. */
const shareButton = (e) => e.target?.closest?.("[data-share]") ?? null;

/**
 * Listens on `root` (a card's shadow root) until `signal` aborts. `card`
 * gives the session: `card.shareSession(module)` makes or returns it, or
 * null when the card shows none.
 */
export function listenForShare(root, signal, card) {
  const soon = (e) => {
    if (shareButton(e)) load().catch(() => {});
  };
  const click = (e) => {
    const button = shareButton(e);
    if (!button) return;
    const run = (m) => {
      if (signal.aborted || !button.isConnected) return;
      try {
        const session = card.shareSession(m);
        if (session) m.open(session, button);
      } catch (e) {
        console.error("summary-card: sharing failed", e);
      }
    };
    // Loaded: at once, inside the click (navigator.share needs its user
    // activation). Else as soon as the module runs, well within it.
    if (shareModule) return run(shareModule);
    load().then(run, (e) => {
      console.error("summary-card: the share menu could not be loaded: " + (e?.message ?? e), e);
      const n = button.getAttribute("data-share").split(".")[0];
      const status = root.querySelector(`[data-share-status="${CSS.escape(n)}"]`);
      if (status && !signal.aborted) status.textContent = "Sharing is not available right now; please try again.";
    });
  };
  root.addEventListener("pointerover", soon, { signal, passive: true });
  root.addEventListener("focusin", soon, { signal });
  root.addEventListener("click", click, { signal });
}
