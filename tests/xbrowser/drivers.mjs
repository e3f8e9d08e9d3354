// The browsers of the cross-browser suite and their WebDriver servers, as
// scripts/setup.sh --browsers installs them: Debian's Firefox ESR, headless,
// through geckodriver (from crates.io), and Debian's WebKitGTK (Safari's
// engine) through its WebKitWebDriver, which drives WebKitGTK's MiniBrowser
// on an Xvfb display started here (WebKitGTK has no headless mode).
// Each driver is a child process on a free port; selenium-webdriver only
// talks to it (usingServer), so Selenium Manager never looks for, nor
// downloads, a driver or a browser.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder } from "selenium-webdriver";

/** The first of `paths` that exists, else null. */
const first = (paths) => paths.find((p) => p && existsSync(p)) || null;

/** A command's path: on PATH, else the first existing of `fallbacks`. */
function which(cmd, fallbacks = []) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return (r.status === 0 && r.stdout.trim()) || first(fallbacks);
}

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers HTTP (the driver is listening), or rejects after `ms`. */
async function waitForHttp(url, child, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${child.spawnfile} did not answer on ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Kills a child process we started and waits for it to go. */
function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

/**
 * Starts Xvfb on a display it picks itself (-displayfd: no fixed display
 * number that another run could hold). Resolves to { display, close }.
 */
async function startXvfb() {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  let log = "";
  xvfb.stderr.on("data", (d) => (log += d));
  const display = await new Promise((resolve, reject) => {
    let out = "";
    xvfb.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(":" + out.trim());
    });
    xvfb.once("error", reject);
    xvfb.once("exit", (code) => reject(new Error(`Xvfb exited with ${code}: ${log.trim()}`)));
  });
  return { display, close: () => stop(xvfb) };
}

const GECKODRIVER = which("geckodriver", [join(homedir(), ".cargo/bin/geckodriver")]);
const FIREFOX = first(["/usr/bin/firefox-esr", "/usr/bin/firefox"]);
const WEBKITDRIVER = which("WebKitWebDriver", ["/usr/bin/WebKitWebDriver"]);
// MiniBrowser sits in the multiarch folder of libwebkit2gtk-4.1-0.
const MINIBROWSER = first(
  ["x86_64-linux-gnu", "aarch64-linux-gnu", "arm-linux-gnueabihf", "i386-linux-gnu"].map(
    (a) => `/usr/lib/${a}/webkit2gtk-4.1/MiniBrowser`,
  ),
);
const XVFB = which("Xvfb");

/**
 * Starts `command ARGS... --port=PORT` (a WebDriver server; each allows one
 * session at a time) with `env`, opens a session with `capabilities`, and
 * resolves to { driver, close } (close ends the session, then the server).
 */
async function session(command, args, env, capabilities) {
  const port = await freePort();
  const child = spawn(command, [...args, `--port=${port}`], { env: { ...process.env, ...env }, stdio: "ignore" });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/status`, child);
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
    return {
      driver,
      close: async () => {
        await driver.quit().catch(() => {});
        await stop(child);
      },
    };
  } catch (e) {
    await stop(child);
    throw e;
  }
}

/**
 * The browsers: for each, why it cannot run here (null when it can), and
 * `open`, which starts its driver with one session and resolves to
 * { driver, close } (`javascript: false`: JavaScript off in the browser's own
 * settings; WebDriver's scripts still run, as a tester's devtools would).
 */
export const BROWSERS = {
  "firefox-esr": {
    missing: !GECKODRIVER
      ? "geckodriver not found (run scripts/setup.sh --browsers)"
      : !FIREFOX
        ? "/usr/bin/firefox-esr not found (run scripts/setup.sh --browsers)"
        : null,
    open: ({ javascript = true } = {}) =>
      session(GECKODRIVER, ["--host=127.0.0.1"], {}, {
        browserName: "firefox",
        "moz:firefoxOptions": {
          binary: FIREFOX,
          args: ["-headless"],
          prefs: javascript ? {} : { "javascript.enabled": false },
        },
      }),
  },
  webkitgtk: {
    missing: !WEBKITDRIVER
      ? "WebKitWebDriver not found (Debian's webkit2gtk-driver; run scripts/setup.sh --browsers)"
      : !MINIBROWSER
        ? "WebKitGTK's MiniBrowser not found (Debian's libwebkit2gtk-4.1-0; run scripts/setup.sh --browsers)"
        : !XVFB
          ? "Xvfb not found (Debian's xvfb; run scripts/setup.sh --browsers)"
          : null,
    async open({ javascript = true } = {}) {
      const xvfb = await startXvfb();
      try {
        const s = await session(WEBKITDRIVER, [], { DISPLAY: xvfb.display }, {
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": {
            binary: MINIBROWSER,
            // MiniBrowser takes WebKitSettings as options.
            args: ["--automation", ...(javascript ? [] : ["--enable-javascript=false"])],
          },
        });
        return { driver: s.driver, close: () => s.close().finally(() => xvfb.close()) };
      } catch (e) {
        await xvfb.close();
        throw e;
      }
    },
  },
};
