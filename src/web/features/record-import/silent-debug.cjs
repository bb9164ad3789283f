/**
 * What fhirclient asks the `debug` package for, silenced: its debug output includes the token
 * response ("Token response: %O") whenever `localStorage.debug` names it, and a token must never
 * be logged. The alias in vite.config.ts points the package here (which also keeps it out of the
 * chunk). CommonJS, as fhirclient requires it: `require("debug")` is the function itself.
 */
"use strict";

function silent() {}
silent.extend = () => silent;
silent.enabled = false;

module.exports = function debug() {
  return silent;
};
