// Types for summary-card (the npm package "summary-card", dist/summary-card.js):
// the data format (docs/contract.md §6) and the JS API (§5). Browser only: these
// types use the DOM lib. Importing the module defines <summary-card>.

// ---------------------------------------------------------------- data, version 1

/** A takeaway or a question: an optional short title and its text. */
export interface Point {
  /** Short bold heading, e.g. "RL Training Limitations". */
  title?: string;
  /** The point itself, a sentence or a short paragraph. Required, not blank. */
  text: string;
}

/** A "listen on" link. */
export interface Link {
  /** What the reader sees, e.g. "Spotify". */
  label: string;
  /** Absolute https: or http: URL; anything else is a validation error. */
  url: string;
}

/** The podcast the episode belongs to. */
export interface Show {
  /** The show's name, e.g. "Dwarkesh Podcast". */
  name: string;
  /** The show's home page; absolute https: or http:. */
  url?: string;
  /** Square cover art, shown at 64×64; absolute https: or http:. The show's initial is shown where it fails to load. */
  artwork?: string;
}

/** The call to action under the card, e.g. a newsletter sign-up. */
export interface Cta {
  /** The link's words. */
  text: string;
  /** Absolute https: or http: URL, or mailto:. */
  url: string;
}

/**
 * One episode's summary, data format version 1. Only `title` and `takeaways`
 * are required. Unknown fields are ignored (forward compatibility). Strings
 * are plain text (never HTML), at most 5,000 characters; lists hold at most
 * 100 items.
 */
export interface CardData {
  /**
   * Data format version: 1, the only one (validate() refuses others). Typed
   * as a number so that data imported from a .json file type-checks.
   */
  version?: number;
  /** Names the card in share links (`#id`): a letter or digit, then letters, digits, '-' and '_' (at most 100). */
  id?: string;
  /** Canonical link to the episode or its summary; absolute https: or http:. Shared links point here. */
  url?: string;
  /** The podcast. */
  show?: Show;
  /** The episode's title. Required, not blank. */
  title: string;
  /** Guests' names, shown as "with A and B". */
  guests?: string[];
  /** Publication date, ISO 8601, e.g. "2025-11-25" (a time after it is allowed). */
  published?: string;
  /** Episode length: seconds as a number, or "H:MM:SS" / "MM:SS" as in podcast RSS feeds (1 second to 1,000 hours). */
  duration?: number | string;
  /** Topic tags, e.g. ["Startups", "Science & Discovery"]. */
  topics?: string[];
  /** Shows the "AI-generated summary" label when true. */
  ai_generated?: boolean;
  /** The summary's main points. Required: at least one. */
  takeaways: Point[];
  /** What the episode covers, one paragraph. */
  covers?: string;
  /** Questions the episode answers. */
  questions?: Point[];
  /** One notable moment, one paragraph. */
  notable_moment?: string;
  /** Where to listen to the episode. */
  listen?: Link[];
  /** Call to action; its `url` may also be mailto:. */
  cta?: Cta;
}

/** A podcaster's showcase: several episodes, shown as a list of compact cards. */
export interface CollectionData {
  /** Data format version: 1, the only one. */
  version?: number;
  /** The episodes, at least one and at most 500; each is checked like a single card. */
  episodes: CardData[];
}

/** Everything `render()`, `validate()` and `<summary-card>` accept: one card or a collection. */
export type SummaryData = CardData | CollectionData;

// ---------------------------------------------------------------- JS API

/** `light`, `dark`, or `auto` (follows the page and the OS; the default). */
export type Theme = "light" | "dark" | "auto";

/** `full` (the default) or `compact` (three takeaways, then a "Show all" button). */
export type Layout = "full" | "compact";

/** A share menu entry: the names used by the `share` option and in `summary-card:share`. */
export type ShareTarget =
  | "copy"
  | "copy-takeaways"
  | "x"
  | "bluesky"
  | "linkedin"
  | "whatsapp"
  | "reddit"
  | "telegram"
  | "email"
  | "mastodon"
  /** "Share as image": the quote card as a PNG, shared as a file or downloaded. */
  | "image";

/** Options of `render()`; each one left out (or undefined) falls back to the element's attribute (or `data-*` attribute), then the default. */
export interface RenderOptions {
  /** Colour scheme (default "auto"; an unknown value also gives auto). */
  theme?: Theme | undefined;
  /** Layout (default "full"; an unknown value also gives full). */
  layout?: Layout | undefined;
  /**
   * BCP 47 language tag of the card's own words: en, es, de, fr, pt, ja, zh,
   * ar, hi or he (any region); others give English. Default: the nearest
   * `lang` attribute, else English. Tables other than English are fetched
   * from `locales/<tag>.json` beside the module.
   */
  locale?: string | undefined;
  /** Reading speed for the read time: a whole number of words per minute, 50 to 2000; anything else gives the default, 238. */
  wpm?: number | undefined;
  /** Share menu entries and their order, comma-separated, e.g. "copy,bluesky,email" (default: all). */
  share?: string | undefined;
  /** The title's heading level, 1 to 6 (anything else gives the default, 2); the card's sections sit one below. */
  headingLevel?: number | undefined;
}

/** One problem in the data. */
export interface ValidationError {
  /** JSON path of the value, e.g. "takeaways[2].title"; "" for the document as a whole. */
  path: string;
  /** What is wrong, in English, e.g. "expected a string, found 42". */
  message: string;
}

/** What `render()` resolves to: the card in `element`. */
export interface CardHandle<E extends Element = Element> {
  /** The element given to `render()`. */
  readonly element: E;
  /** The problems the card shows ([] when it rendered); a copy on each read. */
  readonly errors: ValidationError[];
  /**
   * Renders new data (an object, or JSON text) in place, with the same
   * options. Resolves when it is shown; never rejects. Once the card was
   * destroyed (by `destroy()`, by removing the element, or by a later
   * `render()` into the same element) it does nothing and warns once.
   */
  update(data: SummaryData | string): Promise<void>;
  /** Removes the card and every listener it added; the element shows its own children again. Does nothing once the card was replaced. */
  destroy(): void;
}

/**
 * Renders `data` (an object, or JSON text) into an open shadow root of
 * `element`, which must be able to hold one (`<summary-card>`, a custom
 * element, `div`, `section`, `article`, `span`…). Resolves when the card is ready or shows its error (then
 * `errors` is not empty and `summary-card:error` has fired). Rejects only
 * with a TypeError when `element` is not an element.
 * A card already in `element` is replaced.
 */
export function render<E extends Element>(
  element: E,
  data: SummaryData | string,
  options?: RenderOptions,
): Promise<CardHandle<E>>;

/** Every problem in `data` (an object, or JSON text); [] when it is valid. Synchronous. */
export function validate(data: unknown): ValidationError[];

// ---------------------------------------------------------------- element and events

/**
 * `<summary-card>`, defined when the module is imported. Attributes (read
 * live; a change re-renders): `src` (URL of the JSON), `theme`, `layout`,
 * `locale`, `wpm`, `share`, `heading-level`. Without `src`, the data is a
 * `<script type="application/json">` child. `data-state` is `loading`, then
 * `ready` or `error`. The class is not exported: use
 * `customElements.get("summary-card")` or `document.createElement("summary-card")`.
 */
export interface SummaryCardElement extends HTMLElement {}

/** `detail` of `summary-card:ready`: empty. */
export interface SummaryCardReadyDetail {}

/** `detail` of `summary-card:error`. */
export interface SummaryCardErrorDetail {
  /** What went wrong: the data's problems, or one `{ path: "", message }` for a failed request or load. */
  errors: ValidationError[];
}

/** `detail` of `summary-card:share`. */
export interface SummaryCardShareDetail {
  /** The menu entry chosen, or "native" for the browser's own share sheet. */
  target: ShareTarget | "native";
  /**
   * The link shared: the card's `url`, else the page's URL with a fragment
   * naming the card (its `id`, else a slug of the title); for one takeaway,
   * that link with `#<id>-takeaway-<n>`.
   */
  url: string;
}

/** Fired on the host element when the card is shown; bubbles, composed. */
export interface SummaryCardReadyEvent extends CustomEvent<SummaryCardReadyDetail> {}
/** Fired on the host element when the card shows an error; bubbles, composed. */
export interface SummaryCardErrorEvent extends CustomEvent<SummaryCardErrorDetail> {}
/** Fired on the host element on every share action; bubbles, composed. */
export interface SummaryCardShareEvent extends CustomEvent<SummaryCardShareDetail> {}

/** The card's events by name. */
export interface SummaryCardEventMap {
  "summary-card:ready": SummaryCardReadyEvent;
  "summary-card:error": SummaryCardErrorEvent;
  "summary-card:share": SummaryCardShareEvent;
}

declare global {
  interface HTMLElementTagNameMap {
    "summary-card": SummaryCardElement;
  }
  // The events bubble and are composed, so elements, document and window
  // (whose event maps all extend this one) see them.
  interface GlobalEventHandlersEventMap {
    "summary-card:ready": SummaryCardReadyEvent;
    "summary-card:error": SummaryCardErrorEvent;
    "summary-card:share": SummaryCardShareEvent;
  }
}
