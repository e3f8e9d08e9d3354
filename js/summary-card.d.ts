// Types for summary-card: the data format (CONTRACT.md §6) and the JS API (§5).

/** A takeaway or a question: a short bold title and its text. */
export interface Point {
  title?: string;
  text: string;
}

export interface Link {
  label: string;
  /** Absolute https: or http: URL. */
  url: string;
}

/** One episode's summary, data format version 1. Unknown fields are ignored. */
export interface CardData {
  version?: 1;
  /** Names the card in share links (`#id`): letters, digits, '-' and '_'. */
  id?: string;
  /** Canonical link to the episode or summary; absolute https: or http:. */
  url?: string;
  show?: { name: string; url?: string; artwork?: string };
  title: string;
  guests?: string[];
  /** ISO 8601 date, e.g. "2025-11-25". */
  published?: string;
  /** Seconds, or "H:MM:SS" / "MM:SS" as in podcast RSS feeds. */
  duration?: number | string;
  topics?: string[];
  ai_generated?: boolean;
  /** At least one. */
  takeaways: Point[];
  covers?: string;
  questions?: Point[];
  notable_moment?: string;
  listen?: Link[];
  /** Call to action; `url` may also be mailto:. */
  cta?: { text: string; url: string };
}

/** A podcaster's showcase: shown as a list of compact cards. */
export interface CollectionData {
  version?: 1;
  episodes: CardData[];
}

export type SummaryData = CardData | CollectionData;

export interface RenderOptions {
  theme?: "light" | "dark" | "auto";
  layout?: "full" | "compact";
  /** BCP 47 language tag of the card's own words: en, es, de, fr, pt, ja, zh,
   * ar, hi or he (any region); others give English. Default: the nearest
   * `lang` attribute, else English. */
  locale?: string;
  /** Reading speed in words per minute (default 238). */
  wpm?: number;
  /** Share menu entries and their order, e.g. "copy,bluesky,email". */
  share?: string;
  /** The title's heading level, 1 to 6 (default 2); sections sit one below. */
  headingLevel?: number;
}

export interface ValidationError {
  /** JSON path of the value, e.g. "takeaways[2].title"; "" for the document. */
  path: string;
  message: string;
}

export interface CardHandle {
  readonly element: Element;
  /** The problems shown in the card; [] when it rendered. */
  readonly errors: ValidationError[];
  /** Re-renders in place with new data. */
  update(data: SummaryData | string): Promise<void>;
  /** Removes the card and every listener it added. */
  destroy(): void;
}

/** Renders `data` (an object, or JSON text) into `element`'s shadow root. Never rejects. */
export function render(element: Element, data: SummaryData | string, options?: RenderOptions): Promise<CardHandle>;

/** Every problem in `data`; [] when it is valid. */
export function validate(data: unknown): ValidationError[];

export interface SummaryCardReadyEvent extends CustomEvent<Record<string, never>> {}
export interface SummaryCardErrorEvent extends CustomEvent<{ errors: ValidationError[] }> {}
/** `target`: "native", "copy", "copy-takeaways", "x", "bluesky", "linkedin", "whatsapp", "reddit", "telegram", "email" or "mastodon". */
export interface SummaryCardShareEvent extends CustomEvent<{ target: string; url: string }> {}

declare global {
  interface HTMLElementTagNameMap {
    "summary-card": HTMLElement;
  }
  interface HTMLElementEventMap {
    "summary-card:ready": SummaryCardReadyEvent;
    "summary-card:error": SummaryCardErrorEvent;
    "summary-card:share": SummaryCardShareEvent;
  }
}
