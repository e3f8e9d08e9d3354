// Only English is built into the wasm. A card in another language first
// loads its message table, locales/<tag>.json beside this module: one request
// per language per instance, shared by its cards. If that fails, the card
// shows English and the console says why, once.
import { load_locale, locale_file, shim_words } from "../build/pkg/summary_card.js";
import { assetBase, generation, wasmReady } from "./wasm.js";

// Each table is named by a literal `new URL("./…", import.meta.url)`, the one
// form every bundler (Vite, webpack, Parcel, Rollup's import-meta-assets)
// recognises as an asset to copy and rename; a template literal would make
// Vite look for a glob and webpack for a context. (The build pads each table
// to 4 KB, Vite's limit for inlining an asset into the bundle as a data:
// URL.) `scripts/check-package.mjs` checks this list against dist/locales/.
const LOCALE_URLS = {
  ar: () => new URL("./locales/ar.json", import.meta.url),
  de: () => new URL("./locales/de.json", import.meta.url),
  es: () => new URL("./locales/es.json", import.meta.url),
  fr: () => new URL("./locales/fr.json", import.meta.url),
  he: () => new URL("./locales/he.json", import.meta.url),
  hi: () => new URL("./locales/hi.json", import.meta.url),
  ja: () => new URL("./locales/ja.json", import.meta.url),
  pt: () => new URL("./locales/pt.json", import.meta.url),
  zh: () => new URL("./locales/zh.json", import.meta.url),
};

/** tag + instance generation -> a promise, settled once that instance has the table (or will not). */
const tableRequests = new Map();
/** tag -> the table's text, once loaded: the share module loads it too. */
const tableTexts = new Map();

/** Where `locales/<tag>.json` is: beside the .wasm that loaded, if it was not beside this module. */
const tableUrl = (tag) => (assetBase ? new URL(`locales/${tag}.json`, assetBase) : LOCALE_URLS[tag]());

/** Fetches the table `tag` into the wasm; says so on the console when it cannot. */
async function loadTable(tag) {
  const url = tableUrl(tag);
  try {
    const res = await fetch(url);
    const text = res.ok && (await res.text());
    if (text && load_locale(tag, text)) return void tableTexts.set(tag, text);
  } catch {}
  console.warn(`summary-card: could not load ${url}; showing English.`);
}

/** Resolves once the words for `locale` are in the wasm, or will not be. Never rejects. */
export const whenLocaleLoaded = (locale) =>
  wasmReady
    .then((ok) => {
      const tag = ok && locale_file(locale);
      // A fresh instance (after a trap) has only English.
      if (!tag) return;
      const key = tag + generation;
      if (!tableRequests.has(key)) tableRequests.set(key, loadTable(tag));
      return tableRequests.get(key);
    })
    .catch(() => {});

/** The shim's own words in `locale`, `[retry, loading]` (English without wasm). */
export function shimWords(locale) {
  try {
    return shim_words(locale);
  } catch {
    return ["Retry", "Loading summary…"];
  }
}

/** `[tag, json]`: the message table the wasm has for `locale`, else null (English, or not loaded). */
export function localeTable(locale) {
  try {
    const tag = locale_file(locale);
    return tag && tableTexts.has(tag) ? [tag, tableTexts.get(tag)] : null;
  } catch {
    return null;
  }
}
