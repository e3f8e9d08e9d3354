// How a TypeScript user calls summary-card, checked by `tsc -p tests/types`
// (tests/node/types.test.mjs). Every `@ts-expect-error` line is misuse that the
// types must reject: if one of them type-checks, tsc fails with TS2578.
import * as summaryCard from "summary-card";
import { render, validate } from "summary-card";
import type {
  CardData,
  CardHandle,
  CollectionData,
  Cta,
  Layout,
  Link,
  Point,
  RenderOptions,
  ShareTarget,
  Show,
  SummaryCardElement,
  SummaryCardErrorDetail,
  SummaryCardErrorEvent,
  SummaryCardEventMap,
  SummaryCardReadyDetail,
  SummaryCardReadyEvent,
  SummaryCardShareDetail,
  SummaryCardShareEvent,
  SummaryData,
  Theme,
  ValidationError,
} from "summary-card";
// The repository's own data files must fit the types as JSON imports infer them.
import seed from "../../www/episodes/ilya.json" with { type: "json" };
import season from "../../www/episodes/season.json" with { type: "json" };
import showcase from "../../www/episodes/showcase.json" with { type: "json" };

/** Compile-time equality of two types. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

// ---- data

const show: Show = { name: "Dwarkesh Podcast", url: "https://www.dwarkesh.com/podcast", artwork: "https://example.com/a.jpg" };
const point: Point = { title: "RL Training Limitations", text: "Current reinforcement learning creates models…" };
const untitled: Point = { text: "A point without a title." };
const link: Link = { label: "Spotify", url: "https://open.spotify.com/show/x" };
const cta: Cta = { text: "Subscribe", url: "mailto:hello@example.com" };

const episode: CardData = {
  version: 1,
  id: "ep-1",
  url: "https://example.com/episodes/1",
  show,
  title: "Episode one",
  guests: ["Ilya Sutskever"],
  published: "2025-11-25",
  duration: 5760,
  topics: ["Startups"],
  ai_generated: true,
  takeaways: [point, untitled],
  covers: "What it covers.",
  questions: [{ title: "Why?", text: "Because." }],
  notable_moment: "A moment.",
  listen: [link],
  cta,
};
const rssDuration: CardData = { title: "Two", takeaways: [{ text: "x" }], duration: "1:36:00" };
const minimal = { title: "Three", takeaways: [{ text: "x" }] } satisfies CardData;
const collection: CollectionData = { version: 1, episodes: [episode, rssDuration, minimal] };
const documents: SummaryData[] = [episode, collection, seed, season, showcase];

// @ts-expect-error a card needs a title
const noTitle: CardData = { takeaways: [{ text: "x" }] };
// @ts-expect-error a card needs takeaways
const noTakeaways: CardData = { title: "t" };
// @ts-expect-error takeaways is an array of points, not one point
const notArray: CardData = { title: "t", takeaways: { text: "x" } };
// @ts-expect-error a point needs its text
const noText: CardData = { title: "t", takeaways: [{ title: "only a title" }] };
// @ts-expect-error duration is seconds or "H:MM:SS", not a boolean
const badDuration: CardData = { title: "t", takeaways: [{ text: "x" }], duration: true };
// @ts-expect-error guests are names, not one string
const badGuests: CardData = { title: "t", takeaways: [{ text: "x" }], guests: "Ilya" };
// @ts-expect-error a link needs a label
const badLink: Link = { url: "https://example.com" };
// @ts-expect-error a show needs a name
const badShow: Show = { url: "https://example.com" };
// @ts-expect-error a collection's episodes are cards
const badCollection: CollectionData = { episodes: [{ title: "no takeaways" }] };

// ---- render, update, destroy, validate

const theme: Theme = "dark";
const layout: Layout = "compact";
const share: ShareTarget[] = ["copy", "bluesky", "email"];
const options: RenderOptions = { theme, layout, locale: "fr-CA", wpm: 300, share: share.join(","), headingLevel: 3 };

// An option left undefined falls back to the attribute (exactOptionalPropertyTypes is on).
const fromPage: RenderOptions = { theme: undefined, locale: document.documentElement.lang || undefined };

const div = document.createElement("div");
document.body.append(div);
const card = await render(div, seed, options);
assertType<Equal<typeof card, CardHandle<HTMLDivElement>>>();
const host: HTMLDivElement = card.element;
const shown: readonly ValidationError[] = card.errors;
if (shown.length) console.error(shown.map((e) => `${e.path || "(document)"}: ${e.message}`).join("\n"));
await card.update(episode);
await card.update(JSON.stringify(collection));
card.destroy();

// Any element found in the page, and JSON text; options are optional.
const found = document.querySelector(".summary");
if (found) await render(found, '{"title": "t", "takeaways": [{"text": "x"}]}');
await render(document.createElement("section"), collection, {});

const problems: ValidationError[] = validate(await (await fetch("/episodes/ilya.json")).json());
const fromText = validate("{}");
const firstPath: string | undefined = fromText[0]?.path;
for (const d of documents) if (validate(d).length) throw new Error(`invalid: ${problems.length}`);

// @ts-expect-error "sepia" is not a theme
await render(div, seed, { theme: "sepia" });
// @ts-expect-error "grid" is not a layout
await render(div, seed, { layout: "grid" });
// @ts-expect-error wpm is a number
await render(div, seed, { wpm: "fast" });
// @ts-expect-error render needs an element
await render(null, seed);
// @ts-expect-error the data is a card, a collection or JSON text, not a number
await render(div, 42);
// @ts-expect-error update takes data, not a number
await card.update(42);
// @ts-expect-error update takes a card, not a list of cards
await card.update([episode]);
// @ts-expect-error errors is read-only
card.errors = [];
// @ts-expect-error validate returns paths and messages, no line numbers
validate(seed)[0]?.line;
// @ts-expect-error "facebook" is not a share target
const badTarget: ShareTarget = "facebook";

// ---- the element and its events

const el = document.createElement("summary-card");
assertType<Equal<typeof el, SummaryCardElement>>();
el.setAttribute("src", "/episodes/ilya.json");
el.setAttribute("theme", theme);
document.body.append(el);
const again: SummaryCardElement | null = document.querySelector("summary-card");
await render(el, showcase, { layout: "compact" });
const Ctor = customElements.get("summary-card");
if (Ctor && !(again instanceof Ctor)) throw new Error("not upgraded");

el.addEventListener("summary-card:ready", (e) => {
  const detail: SummaryCardReadyDetail = e.detail;
  console.log("ready", e.target, detail);
});
el.addEventListener("summary-card:error", (e) => {
  const detail: SummaryCardErrorDetail = e.detail;
  for (const { path, message } of detail.errors) console.warn(path, message);
});
// The events bubble out of the card: document and window see them, typed.
document.addEventListener("summary-card:share", (e) => {
  const detail: SummaryCardShareDetail = e.detail;
  const t: ShareTarget | "native" = detail.target;
  console.log(t, detail.url.toUpperCase());
});
window.addEventListener("summary-card:error", (e) => console.log(e.detail.errors.length));
div.addEventListener("summary-card:share", (e) => {
  // @ts-expect-error the share detail has no errors
  e.detail.errors;
});

const onReady = (e: SummaryCardReadyEvent) => e.detail;
const onError = (e: SummaryCardErrorEvent) => e.detail.errors;
const onShare = (e: SummaryCardShareEvent) => e.detail.target;
el.addEventListener("summary-card:ready", onReady);
el.addEventListener("summary-card:error", onError);
el.addEventListener("summary-card:share", onShare);
// @ts-expect-error a share listener does not take ready events
el.addEventListener("summary-card:ready", onShare);
assertType<Equal<SummaryCardEventMap["summary-card:error"], SummaryCardErrorEvent>>();
assertType<Equal<HTMLElementEventMap["summary-card:share"], SummaryCardShareEvent>>();
const events: (keyof SummaryCardEventMap)[] = ["summary-card:ready", "summary-card:error", "summary-card:share"];
for (const name of events) el.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: {} }));

// The module's values are exactly render and validate (the element class is not exported).
assertType<Equal<keyof typeof summaryCard, "render" | "validate">>();
// @ts-expect-error the element class is not exported as a value
new summaryCard.SummaryCardElement();

export {
  again,
  badCollection,
  badDuration,
  badGuests,
  badLink,
  badShow,
  badTarget,
  firstPath,
  fromPage,
  host,
  minimal,
  noText,
  noTakeaways,
  noTitle,
  notArray,
  rssDuration,
};
