// The page scripts (overrides/assets/javascripts) and the Node scripts of the build and the tests, checked by
// ESLint's recommended rules (tests/test_kwaliteit.py runs it; the version is locked in package-lock.json).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/**", "site/**", ".cache/**", ".venv/**"] },
  js.configs.recommended,
  {
    // Page modules and the calculator's worker: browser globals, ES modules.
    files: ["overrides/assets/javascripts/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // Classic scripts that run before or beside the modules (no import/export).
    files: ["overrides/assets/javascripts/lezen.js", "overrides/assets/javascripts/doorsturen.js",
            "overrides/assets/javascripts/diagrams.js", "overrides/assets/javascripts/workers/zoeken.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser, ...globals.worker, mermaid: "readonly" } },
  },
  {
    // The service worker (a classic script at the site's root, hooks/offline.py fills in its lists).
    files: ["overrides/sw.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: globals.serviceworker },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
];
