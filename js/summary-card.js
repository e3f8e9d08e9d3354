// summary-card: the module entry. Defines <summary-card>, upgrades every
// [data-summary-card] element (now and later), and exports render/validate.
//
// The shim around the wasm core, one concern a module:
//   wasm.js         loads the one instance; replaces it when it traps
//   locales.js      the message tables of languages other than English
//   styles.js       the stylesheets every card shares
//   follow-page.js  the page's colour scheme and language
//   scheduler.js    when cards mount (slices, frames) and fetch (near the viewport)
//   card.js         one card: its data, state, events and lifetime
//   share.js        its share buttons: the share module (summary-card-share.js), imported on first use
//   elements.js     <summary-card> and [data-summary-card] hooks
//   api.js          render() and validate()
import { defineElements } from "./elements.js";
import { wasmReady } from "./wasm.js";

export { render, validate } from "./api.js";

defineElements();

// The exports work synchronously once this module has evaluated.
await wasmReady;
