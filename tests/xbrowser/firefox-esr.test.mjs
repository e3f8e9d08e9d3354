// The cross-browser smoke suite (smoke.mjs) in Firefox ESR (Debian's firefox-esr) through geckodriver.
import { smoke } from "./smoke.mjs";

smoke("firefox-esr");
