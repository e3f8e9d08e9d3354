// End-to-end tests of dist/ in Debian's Chromium (never a downloaded browser).
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "tests/e2e",
  // Packs the package (when dist/ changed) and builds the bundler fixtures
  // with it, for package.spec.mjs and bundlers.spec.mjs.
  globalSetup: "./tests/bundlers/prepare.mjs",
  timeout: 30_000,
  workers: 2,
  reporter: [["list"]],
  // Reference images for toHaveScreenshot() (tests/e2e/visual.spec.mjs) live in
  // tests/visual/; no other spec uses toHaveScreenshot. Update them on purpose with
  // `npx playwright test tests/e2e/visual.spec.mjs --update-snapshots`.
  expect: { toHaveScreenshot: { pathTemplate: "{testDir}/../visual/{arg}{ext}" } },
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
});
