// theming.html: live controls for the card's --sc-* tokens and attributes,
// and the snippet a site owner pastes to get the same card. Tokens are set
// with style.setProperty() on the host element (CSSOM, allowed by a strict
// style-src); nothing here uses inline script, style attributes or innerHTML.
const card = document.getElementById("preview");
const form = document.getElementById("controls");
const snippet = document.getElementById("snippet");

// The card's own defaults (src/card.css), shown while a colour token is unset.
const PALETTES = {
  light: { bg: "#ffffff", fg: "#1b1c21", mut: "#5c6170", bd: "#e3e4ea", acc: "#4f46e5" },
  dark: { bg: "#17181d", fg: "#ecedf1", mut: "#a3a7b3", bd: "#30323b", acc: "#a5b4fc" },
};
const darkQuery = matchMedia("(prefers-color-scheme: dark)");

const tokenControls = [...form.querySelectorAll("[data-token]")];
const attrControls = [...form.querySelectorAll("[data-attr]")];
/** Tokens the reader has set, in control order: name -> CSS value. */
const set = new Map();

function palette() {
  const theme = card.getAttribute("theme") || "auto";
  return PALETTES[theme === "auto" ? (darkQuery.matches ? "dark" : "light") : theme];
}

/** Shows a token control's default value (colour from the current palette). */
function showDefault(input) {
  if (input.type === "color") input.value = palette()[input.dataset.palette];
  else if (input.type === "range") input.value = input.dataset.default;
  else input.value = "";
  showOutput(input);
}

function showOutput(input) {
  const out = input.type === "range" && document.querySelector(`output[for="${input.id}"]`);
  if (out) out.value = `${input.value} px`;
}

function tokenValue(input) {
  return input.value + (input.dataset.unit || "");
}

function applyToken(input) {
  const name = input.dataset.token;
  const value = tokenValue(input);
  if (value === "" || value === (input.dataset.default || "") + (input.dataset.unit || "")) {
    set.delete(name);
    card.style.removeProperty(name);
  } else {
    set.set(name, value);
    card.style.setProperty(name, value);
  }
  input.closest(".ctl").classList.toggle("is-set", set.has(name));
}

function unsetToken(input) {
  set.delete(input.dataset.token);
  card.style.removeProperty(input.dataset.token);
  input.closest(".ctl").classList.remove("is-set");
  showDefault(input);
}

function applyAttr(select) {
  const name = select.dataset.attr;
  if (select.value === select.dataset.default) card.removeAttribute(name);
  else card.setAttribute(name, select.value);
}

/** Colour controls that are still unset follow the theme's palette. */
function refreshUnsetColours() {
  for (const input of tokenControls) if (input.type === "color" && !set.has(input.dataset.token)) showDefault(input);
}

function render() {
  const attrs = attrControls
    .filter((s) => s.value !== s.dataset.default)
    .map((s) => ` ${s.dataset.attr}="${s.value}"`)
    .join("");
  const lines = [];
  if (set.size) {
    lines.push("/* in your stylesheet */", "summary-card {");
    for (const input of tokenControls) {
      if (set.has(input.dataset.token)) lines.push(`  ${input.dataset.token}: ${set.get(input.dataset.token)};`);
    }
    lines.push("}", "", "<!-- in your page -->");
  }
  lines.push(
    '<script type="module" src="/dist/summary-card.js"></script>',
    `<summary-card src="/episodes/ilya.json"${attrs}></summary-card>`,
  );
  snippet.textContent = lines.join("\n");
}

form.addEventListener("input", (e) => {
  const el = e.target;
  if (el.dataset.token) {
    showOutput(el);
    applyToken(el);
  } else if (el.dataset.attr) {
    applyAttr(el);
    if (el.dataset.attr === "theme") refreshUnsetColours();
  }
  render();
});

form.addEventListener("click", (e) => {
  const id = e.target.closest("[data-unset]")?.dataset.unset;
  if (!id) return;
  unsetToken(document.getElementById(id));
  render();
});

// Reset: every token unset, every attribute back to its default.
form.addEventListener("reset", (e) => {
  e.preventDefault();
  for (const input of tokenControls) unsetToken(input);
  for (const select of attrControls) {
    select.value = select.dataset.default;
    applyAttr(select);
  }
  refreshUnsetColours();
  render();
});

darkQuery.addEventListener("change", refreshUnsetColours);

const copied = document.getElementById("copied");
document.getElementById("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    copied.textContent = "Copied.";
  } catch {
    // No clipboard (insecure origin, or refused): select the text instead.
    getSelection().selectAllChildren(snippet);
    copied.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
  }
});

// Start from the page's state (a browser may restore form values on reload).
for (const select of attrControls) applyAttr(select);
for (const input of tokenControls) {
  if (input.type === "color") showDefault(input);
  else {
    showOutput(input);
    applyToken(input);
  }
}
render();
