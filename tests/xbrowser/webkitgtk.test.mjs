// The cross-browser smoke suite (smoke.mjs) in WebKitGTK, Safari's engine (Debian's MiniBrowser), through WebKitWebDriver under Xvfb.
import { smoke } from "./smoke.mjs";

smoke("webkitgtk");
