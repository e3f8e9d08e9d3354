// embed-guide.html: a Copy button under each snippet. The snippets are
// already on the page as text; this only copies it (or selects it where the
// clipboard is refused) and says which one in a live region.
const status = document.getElementById("copy-status");
let timer = 0;

function say(message) {
  status.textContent = "";
  clearTimeout(timer);
  timer = setTimeout(() => (status.textContent = message), 50);
}

/** The snippet's name for buttons and messages: the heading above it. */
function nameOf(pre) {
  let e = pre.previousElementSibling;
  while (e && !/^H[2-6]$/.test(e.tagName)) e = e.previousElementSibling;
  return e ? e.textContent.replace(/\s+/g, " ").replace(/^\d+\.\s*/, "").trim() : "snippet";
}

for (const [i, pre] of [...document.querySelectorAll("pre.snippet")].entries()) {
  const code = pre.querySelector("code") || pre;
  pre.id ||= `snippet-${i + 1}`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy";
  button.textContent = "Copy";
  const what = nameOf(pre);
  button.setAttribute("aria-label", `Copy: ${what}, snippet ${i + 1}`);
  button.setAttribute("aria-controls", pre.id);
  button.addEventListener("click", async () => {
    try {
      if (!navigator.clipboard || !navigator.clipboard.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(code.textContent);
      say(`Copied snippet ${i + 1} (${what}).`);
    } catch {
      getSelection().selectAllChildren(code);
      say(`Could not copy: snippet ${i + 1} is selected, press Ctrl+C (⌘C on a Mac) to copy it.`);
    }
  });
  const row = document.createElement("p");
  row.className = "copy-row";
  row.append(button);
  pre.after(row);
}
