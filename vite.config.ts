/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

const src = fileURLToPath(new URL("./src", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/index.ts", import.meta.url));
const pureFolders = ["./src/criteria/", "./src/contract/"].map((folder) =>
  fileURLToPath(new URL(folder, import.meta.url)),
);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { "@fixtures": fixtures, "@": src } },
  build: {
    outDir: "dist/web",
    sourcemap: true,
    // The criteria library and the contract are pure (lint and their own tsconfig enforce it): a
    // module of theirs whose exports the page does not use is left out, zod schemas included.
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !pureFolders.some((folder) => id.startsWith(folder)) },
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
