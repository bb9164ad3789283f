// @ts-check
import { builtinModules } from "node:module";
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

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "test-results/**", "playwright-report/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["src/*/lint-probe.ts", "src/*/lint-probe.tsx", "src/*/lint-probe.test.tsx"],
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
    files: ["**/*.js"],
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
          regex: "^(\\.\\./)+(web|server|cli|contract)(/|$)",
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
        { regex: "^@/(web|server|cli)(/|$)", message: "The contract imports only the criteria library." },
        { regex: "^(\\.\\./)+", message: "The contract imports only the criteria library, through '@/criteria'." },
        { regex: "^(react|react-dom)(/|$)", message: "The contract is pure TypeScript: no React." },
        criteriaOnlyViaEntry,
        noNodeScheme,
      ],
      nodeBuiltins,
    ),
  },
  {
    files: ["src/web/**/*.{ts,tsx}"],
    ignores: ["src/web/**/*.test.{ts,tsx}", "src/web/test-support/**"],
    rules: restrict(
      [
        { regex: "^@/(server|cli)(/|$)", message: "The web app never imports the server." },
        { regex: "^(\\.\\./)+(server|cli)(/|$)", message: "The web app never imports the server." },
        testSupportOnlyInTests,
        criteriaOnlyViaEntry,
        contractOnlyViaEntry,
        noNodeScheme,
      ],
      nodeBuiltins,
    ),
  },
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
