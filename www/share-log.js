// Shows every summary-card:share event on the sharing demo page.
const log = document.getElementById("log");
let first = true;
document.addEventListener("summary-card:share", (e) => {
  const line = `${e.target.id}: ${e.detail.target} ${e.detail.url}`;
  log.textContent = first ? line : log.textContent + "\n" + line;
  first = false;
});
