// Opens a page, clicks a selector (inside shadow roots too), screenshots.
import { chromium } from "playwright-core";
const [url, selector, out, width = "900"] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
p.on("console", (m) => console.log("console:", m.type(), m.text()));
p.on("pageerror", (e) => console.log("pageerror:", e.message));
await p.goto(url);
await p.locator(selector).first().click();
await p.waitForTimeout(500);
await p.screenshot({ path: out, fullPage: true });
await b.close();
