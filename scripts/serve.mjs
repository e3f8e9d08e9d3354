// A small static server for the demo site and the end-to-end tests:
// /dist/* from dist/, everything else from www/. No dependencies.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const top = fileURLToPath(new URL("..", import.meta.url));
/** Content types by file extension (shared with bench/server.mjs). */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/** Resolves a request path inside `root`, or null when it escapes it. */
export function inside(root, path) {
  const full = normalize(join(root, path));
  return full.startsWith(root + sep) || full === root ? full : null;
}

/** The demo's folders: /dist/* from dist/, everything else from www/. Returns [folder, path inside it]. */
export const demoFolders = (path) => (path.startsWith("/dist/") ? [join(top, "dist"), path.slice(5)] : [join(top, "www"), path]);

async function handle(req, res, folders) {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const [root, rest] = folders(path);
  let file = inside(root, rest);
  try {
    if (file && (await stat(file)).isDirectory()) file = join(file, "index.html");
    if (!file) throw new Error("outside");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}

/**
 * Starts the server; port 0 picks a free one. `folders` maps a request path
 * to [folder, path inside it] (default: the demo's). Resolves to { url, close }.
 */
export function serve(port = 0, host = "127.0.0.1", folders = demoFolders) {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => handle(req, res, folders).catch(() => res.end()));
    server.on("error", reject);
    server.listen(port, host, () => {
      resolve({ url: `http://${host}:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.env.PORT || 8080));
  console.log(`summary-card demo: ${url}/  (Ctrl-C to stop)`);
}
