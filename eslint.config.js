// @ts-check
import { readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import pluginQuery from "@tanstack/eslint-plugin-query";
import globals from "globals";

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith("_") && !m.startsWith("node:"));
const noNodeScheme = { regex: "^node:", message: "No Node.js APIs here: this code also runs in the browser." };

/** Import boundaries (see README "Architecture"): criteria imports nothing of ours; web and server never meet. */
const restrict = (
  /** @type {{ regex: string, message: string }[]} */ patterns,
  /** @type {string[]} */ paths = [],
) => ({
  "no-restricted-imports": [
    "error",
    {
      paths: paths.map((name) => ({ name, message: `${name} is not allowed here (import boundary).` })),
      patterns,
    },
  ],
});

/** Test helpers stay out of the app (and so out of its bundle): only tests import them. */
const testSupportOnlyInTests = {
  regex: "^(@/web/|\\./|(\\.\\./)+)test-support(/|$)",
  message: "src/web/test-support is for tests only: the app must not import it.",
};

const criteriaOnlyViaEntry = {
  regex: "^@/criteria/",
  message: "Import the criteria library through its public entry, '@/criteria'.",
};

const contractOnlyViaEntry = {
  regex: "^@/contract/",
  message: "Import the HTTP contract through its public entry, '@/contract'.",
};

/** What every file of the web app may not import (the server, test helpers, the libraries' insides). */
const webPatterns = [
  { regex: "^@/(server|cli)(/|$)", message: "The web app never imports the server." },
  { regex: "^(\\.\\./)+(server|cli)(/|$)", message: "The web app never imports the server." },
  testSupportOnlyInTests,
  criteriaOnlyViaEntry,
  contractOnlyViaEntry,
  noNodeScheme,
];

/**
 * Features stand alone: app/ wires them, so a feature imports neither app/ nor another feature.
 * What two features share lives in components/, lib/ or api/. Every folder of features/ is fenced.
 */
const FEATURES = readdirSync(join(import.meta.dirname, "src/web/features"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureFences = FEATURES.map((feature) => {
  const others = FEATURES.filter((f) => f !== feature).join("|");
  return {
    files: [`src/web/features/${feature}/**/*.{ts,tsx}`],
    ignores: ["src/web/**/*.test.{ts,tsx}"],
    rules: restrict(
      [
        ...webPatterns,
        { regex: "^@/web/app(/|$)", message: "A feature never imports app/: app/ wires the features." },
        { regex: "^(\\.\\./)+app(/|$)", message: "A feature never imports app/: app/ wires the features." },
        {
          regex: `^@/web/features/(${others})(/|$)`,
          message: `Features do not import each other (${feature}): share through components/, lib/ or api/.`,
        },
        {
          regex: `^(\\.\\./)+(features/)?(${others})(/|$)`,
          message: `Features do not import each other (${feature}): share through components/, lib/ or api/.`,
        },
      ],
      nodeBuiltins,
    ),
  };
});

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "test-results/**", "playwright-report/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            "src/*/lint-probe.ts",
            "src/*/lint-probe.tsx",
            "src/*/lint-probe.test.tsx",
            // The feature fences are probed from these two.
            "src/web/features/intake/lint-probe.ts",
            "src/web/features/review/components/lint-probe.tsx",
          ],
          // One probe file per fenced folder (criteria, contract, fhir, server, web and two features):
          // past typescript-eslint's default of 8. Only the architecture test's probes use it.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 12,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // `onClick={() => setOpen(false)}` is idiomatic React.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
    },
  },
  {
    // Fastify handlers are async by contract, awaited or not.
    files: ["src/server/**/*.ts"],
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    // Tests build broken documents on purpose. src/web/test-support holds test-only helpers.
    files: ["**/*.test.ts", "**/*.test.tsx", "src/web/test-support/**/*.{ts,tsx}"],
    // `expect(spy.method).toHaveBeenCalled()` reads a method without calling it, on purpose.
    rules: { "@typescript-eslint/no-dynamic-delete": "off", "@typescript-eslint/unbound-method": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ["src/criteria/**/*.ts"],
    ignores: ["src/criteria/**/*.test.ts", "src/criteria/**/*.bench.ts"],
    rules: restrict(
      [
        { regex: "^@/", message: "The criteria library imports nothing of ours." },
        {
          regex: "^(\\.\\./)+(web|server|cli|contract|fhir)(/|$)",
          message: "The criteria library imports nothing of ours.",
        },
        { regex: "^(react|react-dom)(/|$)", message: "The criteria library is pure TypeScript: no React." },
        noNodeScheme,
      ],
      nodeBuiltins,
    ),
  },
  {
    // The HTTP contract: pure like the criteria library, which is all of ours it may import.
    files: ["src/contract/**/*.ts"],
    ignores: ["src/contract/**/*.test.ts"],
    rules: restrict(
      [
        { regex: "^@/(web|server|cli|fhir)(/|$)", message: "The contract imports only the criteria library." },
        { regex: "^(\\.\\./)+", message: "The contract imports only the criteria library, through '@/criteria'." },
        { regex: "^(react|react-dom)(/|$)", message: "The contract is pure TypeScript: no React." },
        criteriaOnlyViaEntry,
        noNodeScheme,
      ],
      nodeBuiltins,
    ),
  },
  {
    // FHIR import and export: pure like the contract; may import the criteria library and the contract.
    files: ["src/fhir/**/*.ts"],
    ignores: ["src/fhir/**/*.test.ts"],
    rules: restrict(
      [
        { regex: "^@/(web|server|cli)(/|$)", message: "src/fhir imports only the criteria library and the contract." },
        {
          regex: "^(\\.\\./)+",
          message:
            "src/fhir imports only the criteria library and the contract, through '@/criteria' and '@/contract'.",
        },
        { regex: "^(react|react-dom)(/|$)", message: "src/fhir is pure TypeScript: no React." },
        criteriaOnlyViaEntry,
        contractOnlyViaEntry,
        noNodeScheme,
      ],
      nodeBuiltins,
    ),
  },
  {
    files: ["src/web/**/*.{ts,tsx}"],
    ignores: ["src/web/**/*.test.{ts,tsx}", "src/web/test-support/**"],
    rules: restrict(webPatterns, nodeBuiltins),
  },
  // After the web rule: a file's last no-restricted-imports wins, so each fence repeats webPatterns.
  ...featureFences,
  {
    files: ["src/server/**/*.ts", "src/cli/**/*.ts"],
    rules: restrict([
      { regex: "^@/web(/|$)", message: "The server never imports the web app." },
      { regex: "^(\\.\\./)+web(/|$)", message: "The server never imports the web app." },
      { regex: "^(react|react-dom)(/|$)", message: "The server does not use React." },
      criteriaOnlyViaEntry,
      contractOnlyViaEntry,
    ]),
  },
  {
    files: ["src/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react-hooks/exhaustive-deps": "error",
      "react-hooks/rules-of-hooks": "error",
    },
    languageOptions: { globals: globals.browser },
  },
  ...pluginQuery.configs["flat/recommended"],
);
