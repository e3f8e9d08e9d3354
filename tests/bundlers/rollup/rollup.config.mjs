import { nodeResolve } from "@rollup/plugin-node-resolve";
import { importMetaAssets } from "@web/rollup-plugin-import-meta-assets";

export default {
  input: "src/main.js",
  output: { dir: "public/build", format: "es" },
  // importMetaAssets(): the one line summary-card needs (it copies the .wasm
  // and locales/ that the module names with new URL(..., import.meta.url)).
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
