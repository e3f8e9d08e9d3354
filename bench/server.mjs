// The benchmark's static server (no dependencies):
//   /dist/*                   dist/ (the widget as built)
//   /bench/pages/NAME.html    generated pages (bench/pages.mjs), ?impl=ours|base
//   /bench/data/episode.json  episode ?i=N of the seed, after ?delay=MS
//   /bench/baseline/card.css  src/card.css itself (the baseline's stylesheet;
//                             the runner serves both baseline files minified)
//   /bench/*                  bench/
//   /episodes/*               www/episodes/
// `node bench/server.mjs` serves it on http://127.0.0.1:8081/bench/ to look
// at the pages by hand.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PAGES, IMPLS, episode, index } from "./pages.mjs";
import { TYPES, inside } from "../scripts/serve.mjs";

const top = fileURLToPath(new URL("..", import.meta.url));
function send(res, status, type, body) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-cache" });
  res.end(body);
}

/** Where /dist/ and the baseline come from (the runner serves a snapshot). */
const from = { dist: join(top, "dist"), baseline: null, css: join(top, "src", "card.css") };

async function handle(req, res) {
  const url = new URL(req.url, "http://x");
  const path = decodeURIComponent(url.pathname);
  const q = url.searchParams;
  if (path === "/favicon.ico") return send(res, 204, "text/plain", "");
  if (path === "/bench/" || path === "/bench/pages/") return send(res, 200, TYPES[".html"], index());
  const m = /^\/bench\/pages\/([\w-]+)\.html$/.exec(path);
  if (m && PAGES[m[1]]) {
    const impl = q.get("impl") || "ours";
    if (!IMPLS[impl]) return send(res, 400, "text/plain", "impl must be ours or base");
    return send(res, 200, TYPES[".html"], PAGES[m[1]](impl, q));
  }
  if (path === "/bench/data/episode.json") {
    const delay = Math.min(Number(q.get("delay") || 0), 10_000);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    return send(res, 200, TYPES[".json"], JSON.stringify(episode(Number(q.get("i") || 0))));
  }
  let file;
  if (from.baseline && path.startsWith("/bench/baseline/")) file = inside(from.baseline, path.slice(16));
  else if (path === "/bench/baseline/card.css") file = from.css;
  else if (path.startsWith("/dist/")) file = inside(from.dist, path.slice(6));
  else if (path.startsWith("/bench/")) file = inside(join(top, "bench"), path.slice(7));
  else if (path.startsWith("/episodes/")) file = inside(join(top, "www", "episodes"), path.slice(10));
  try {
    if (!file || (await stat(file)).isDirectory()) throw new Error("not a file");
    send(res, 200, TYPES[extname(file)] || "application/octet-stream", await readFile(file));
  } catch {
    send(res, 404, "text/plain", "not found");
  }
}

/**
 * Starts the server; port 0 picks a free one. `dist` and `baseline`
 * (directories) replace dist/ and bench/baseline/ (with src/card.css).
 * Resolves to { url, close }.
 */
export function serve(port = 0, host = "127.0.0.1", { dist, baseline } = {}) {
  if (dist) from.dist = dist;
  if (baseline) from.baseline = baseline;
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => handle(req, res).catch(() => res.end()));
    server.keepAliveTimeout = 1000;
    server.on("error", reject);
    server.listen(port, host, () => {
      resolve({
        url: `http://${host}:${server.address().port}`,
        close: () => new Promise((r) => (server.closeAllConnections?.(), server.close(r))),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.env.PORT || 8081));
  console.log(`benchmark pages: ${url}/bench/  (Ctrl-C to stop)`);
}
