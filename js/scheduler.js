// When cards mount and when they fetch, so that a page of 1,000 cards never
// makes a long task and costs only the requests a reader scrolls to. The
// state below is this module's alone.
import { instanceCards } from "./wasm.js";

// Mounting is queued and done in slices of at most SLICE_MS, yielding to the
// browser between slices, so 1,000 inline cards never make a long task; the
// queue runs in arrival (document) order, so the first screenful goes first.
// A slice that leaves in the page a card laid out in full (one of the first
// EAGER) ends after SLICE_MS, since the frame after it lays that card out
// (about 5 ms a card); other slices (far cards, with farSheet, or cards
// already removed from the page) after FAR_SLICE_MS, since they cost the
// frame little: fewer frames, each still well under 50 ms.
const SLICE_MS = 8;
const FAR_SLICE_MS = 24;
const jobs = [];
let draining = false;
// The current slice, else null: it opens with the first job of a task and
// closes at the task's end. Jobs queued from many promise callbacks in one
// task each start a drain, so the budget spans drains, not one. `fullHosts`:
// the hosts of the cards laid out in full that it mounted.
let slice = null;

function openSlice() {
  if (slice) return;
  slice = { start: performance.now(), fullHosts: [] };
  // Closed, it holds no card: a destroyed one must not stay in memory.
  setTimeout(() => (slice = null));
}

/** How long the current slice may run. */
const sliceBudget = () => (slice.fullHosts.some((host) => host.isConnected) ? SLICE_MS : FAR_SLICE_MS);

/** Runs `job` (synchronous) when its turn comes; settles as it does. */
export function queueMount(job) {
  return new Promise((resolve, reject) => {
    jobs.push(() => {
      try {
        resolve(job());
      } catch (e) {
        reject(e);
      }
    });
    if (!draining) drain();
  });
}

/** Notes that the running job mounted a card laid out in full, in `host`. */
export const noteFullCard = (host) => slice.fullHosts.push(host);

async function drain() {
  draining = true;
  openSlice();
  while (jobs.length) {
    if (performance.now() - slice.start > sliceBudget() && document.visibilityState !== "hidden") {
      await nextFrame();
      slice = null;
      openSlice();
    }
    jobs.shift()();
  }
  draining = false;
}

/**
 * Waits for the next frame to be painted (so each frame lays out only the
 * cards of one slice), or 100 ms where frames are not coming (a hidden tab).
 */
function nextFrame() {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(resolve, 0);
    });
  });
}

// A page's first EAGER `src` cards load at once, wherever they are (a page
// with a few cards shows them all, as readers and tests expect); cards
// beyond EAGER also get farSheet. Beyond those, a card far from the viewport
// waits until it comes within NEAR of it before fetching, and its skeleton
// holds its place meanwhile (so that it stays far): a season of 1,000
// episodes costs only the requests a reader scrolls to.
const EAGER = 24;
const NEAR = "250% 0px";
let eagerCount = 0;
const waiting = new Map(); // host -> resolve
let nearObserver = null;

/** Whether a `src` card starting now fetches at once (one of the first EAGER); counts it. */
export function fetchesAtOnce() {
  if (typeof IntersectionObserver !== "function") return true;
  if (eagerCount >= EAGER) return false;
  eagerCount++;
  return true;
}

/** Resolves once `host` (not fetching at once) comes near the viewport. */
export function whenNearViewport(host) {
  nearObserver ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        nearObserver.unobserve(e.target);
        waiting.get(e.target)?.();
        waiting.delete(e.target);
      }
    },
    { rootMargin: NEAR },
  );
  return new Promise((resolve) => {
    waiting.set(host, resolve);
    nearObserver.observe(host);
  });
}

/** Stops waiting for `host` to come near (it was removed or reloaded). */
export function stopWaitingForViewport(host) {
  if (waiting.delete(host)) nearObserver.unobserve(host);
}

/** Whether a card shown now is beyond the page's first EAGER: far, so given farSheet. */
export const isFar = () => instanceCards.size >= EAGER;
