/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

const src = fileURLToPath(new URL("./src", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/index.ts", import.meta.url));
const pureFolders = ["./src/criteria/", "./src/contract/", "./src/fhir/"].map((folder) =>
  fileURLToPath(new URL(folder, import.meta.url)),
);

/** Modules of the start page's bundle (see `npm run size`), besides React and react-hook-form. */
const START_PAGE_MODULES =
  /\/src\/web\/(app\/(router|session-end|focus-after-navigation|main-content)|components\/(account-placeholder|buttons|use-document-title|form-fields)|lib\/(storage|signed-in-here|submission|amending|date-parts|preloadable|prerendered)|features\/intake\/(draft|draft-storage|steps|load-document|hooks\/use-draft|components\/import-export))\.tsx?$/;

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      "@fixtures": fixtures,
      "@": src,
      // fhirclient (the record import's SMART client) falls back to this package where a browser
      // has no Web Crypto; every browser the app supports has it (see the module).
      // Its debug output would show the token response: silenced (see the module).
      debug: fileURLToPath(new URL("./src/web/features/record-import/silent-debug.cjs", import.meta.url)),
      "isomorphic-webcrypto": fileURLToPath(
        new URL("./src/web/features/record-import/browser-crypto.ts", import.meta.url),
      ),
    },
  },
  // fhirclient's "pure" build: no fetch or AbortController polyfills (every supported browser has both).
  define: { FHIRCLIENT_PURE: "true" },
  build: {
    outDir: "dist/web",
    sourcemap: true,
    // Every browser the app supports knows <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false },
    // The criteria library and the contract are pure (lint and their own tsconfig enforce it): a
    // module of theirs whose exports the page does not use is left out, zod schemas included.
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !pureFolders.some((folder) => id.startsWith(folder)) },
      // The start page's own small modules in one chunk rather than a dozen (each chunk costs its
      // imports, exports and gzip header): only modules the start page loads anyway.
      output: {
        codeSplitting: {
          groups: [
            // Vite's preload helper on its own (well under 1 kB): the entry needs nothing else before
            // the first paint, so the app's chunks are requested only after it (see src/web/boot.ts).
            { name: "preload-helper", test: /vite\/preload-helper/, priority: 2 },
            { name: "start", test: START_PAGE_MODULES, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "fixtures/**/*.test.ts", "e2e/support/**/*.test.ts"],
    environment: "node",
    setupFiles: ["src/web/test-setup.ts"],
    restoreMocks: true,
    // The JSON report feeds the closing count line of `npm test` (scripts/test-summary.ts).
    reporters: ["default", ["json", { outputFile: "reports/unit.json" }]],
  },
});
