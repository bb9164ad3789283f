// @vitest-environment node
/**
 * The import boundaries are enforced by lint (eslint.config.js). These cases prove each rule
 * fires on a deliberate violation, and stays quiet on the allowed direction.
 */
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // A probe that does not parse would have no boundary errors to report: fail instead.
  const fatal = result?.messages.find((m) => m.fatal === true);
  if (fatal !== undefined) throw new Error(`${filePath} did not lint: ${fatal.message}`);
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  // The first lint builds the type-aware program for the whole project: slow, and only once.
  beforeAll(async () => {
    await eslint.lintText("export {};\n", { filePath: "src/criteria/lint-probe.ts" });
  }, 120_000);

  it.each([
    [
      "src/criteria/lint-probe.ts",
      'import { App } from "@/web/app/app";\nexport const x = App;\n',
      "imports nothing of ours",
    ],
    [
      "src/criteria/lint-probe.ts",
      'import { buildApp } from "../server/app";\nexport const x = buildApp;\n',
      "imports nothing of ours",
    ],
    ["src/criteria/lint-probe.ts", 'import { useState } from "react";\nexport const x = useState;\n', "no React"],
    [
      "src/criteria/lint-probe.ts",
      'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
      "No Node.js APIs",
    ],
    [
      "src/criteria/lint-probe.ts",
      'import { readFileSync } from "fs";\nexport const x = readFileSync;\n',
      "not allowed here",
    ],
    [
      "src/web/lint-probe.ts",
      'import { buildApp } from "@/server/app";\nexport const x = buildApp;\n',
      "never imports the server",
    ],
    [
      "src/web/lint-probe.ts",
      'import { buildApp } from "../server/app";\nexport const x = buildApp;\n',
      "never imports the server",
    ],
    [
      "src/web/lint-probe.ts",
      'import { evaluate } from "@/criteria/evaluate";\nexport const x = evaluate;\n',
      "public entry",
    ],
    [
      "src/web/lint-probe.tsx",
      'import { renderInForm } from "@/web/test-support/render-in-form";\nexport const x = renderInForm;\n',
      "for tests only",
    ],
    [
      "src/web/lint-probe.tsx",
      'import { renderInForm } from "./test-support/render-in-form";\nexport const x = renderInForm;\n',
      "for tests only",
    ],
    [
      "src/server/lint-probe.ts",
      'import { App } from "@/web/app/app";\nexport const x = App;\n',
      "never imports the web app",
    ],
    [
      "src/criteria/lint-probe.ts",
      'import { ROLES } from "../contract";\nexport const x = ROLES;\n',
      "imports nothing of ours",
    ],
    [
      "src/criteria/lint-probe.ts",
      'import { ROLES } from "@/contract";\nexport const x = ROLES;\n',
      "imports nothing of ours",
    ],
    [
      "src/contract/lint-probe.ts",
      'import { api } from "@/web/lib/api-client";\nexport const x = api;\n',
      "imports only the criteria library",
    ],
    [
      "src/contract/lint-probe.ts",
      'import { buildApp } from "../server/app";\nexport const x = buildApp;\n',
      "imports only the criteria library",
    ],
    [
      "src/contract/lint-probe.ts",
      'import { evaluate } from "@/criteria/evaluate";\nexport const x = evaluate;\n',
      "public entry",
    ],
    [
      "src/contract/lint-probe.ts",
      'import { randomBytes } from "node:crypto";\nexport const x = randomBytes;\n',
      "No Node.js APIs",
    ],
    ["src/contract/lint-probe.ts", 'import { useState } from "react";\nexport const x = useState;\n', "no React"],
    ["src/web/lint-probe.ts", 'import { ROLES } from "@/contract/api";\nexport const x = ROLES;\n', "public entry"],
    ["src/server/lint-probe.ts", 'import { ROLES } from "@/contract/api";\nexport const x = ROLES;\n', "public entry"],
    [
      "src/server/lint-probe.ts",
      'import { App } from "../web/app/app";\nexport const x = App;\n',
      "never imports the web app",
    ],
    [
      "src/web/features/intake/lint-probe.ts",
      'import { App } from "@/web/app/app";\nexport const x = App;\n',
      "never imports app/",
    ],
    [
      "src/web/features/review/components/lint-probe.tsx",
      'import { App } from "../../../app/app";\nexport const x = App;\n',
      "never imports app/",
    ],
    [
      "src/web/features/review/components/lint-probe.tsx",
      'import { SubmitPanel } from "@/web/features/submissions/components/submit-panel";\nexport const x = SubmitPanel;\n',
      "Features do not import each other",
    ],
    [
      "src/web/features/review/components/lint-probe.tsx",
      'import { SubmitPanel } from "../../submissions/components/submit-panel";\nexport const x = SubmitPanel;\n',
      "Features do not import each other",
    ],
    [
      "src/web/features/intake/lint-probe.ts",
      'import { SignInPage } from "../../features/auth/components/sign-in-page";\nexport const x = SignInPage;\n',
      "Features do not import each other",
    ],
    [
      "src/web/features/intake/lint-probe.ts",
      'import { useDecide } from "../review/api/decide";\nexport const x = useDecide;\n',
      "Features do not import each other",
    ],
    [
      "src/web/features/intake/lint-probe.ts",
      'import { buildApp } from "@/server/app";\nexport const x = buildApp;\n',
      "never imports the server",
    ],
    [
      "src/web/features/intake/lint-probe.ts",
      'import { evaluate } from "@/criteria/evaluate";\nexport const x = evaluate;\n',
      "public entry",
    ],
    [
      "src/fhir/lint-probe.ts",
      'import { App } from "@/web/app/app";\nexport const x = App;\n',
      "src/fhir imports only the criteria library and the contract",
    ],
    [
      "src/fhir/lint-probe.ts",
      'import { buildApp } from "../server/app";\nexport const x = buildApp;\n',
      "src/fhir imports only the criteria library and the contract",
    ],
    [
      "src/fhir/lint-probe.ts",
      'import { evaluate } from "@/criteria/evaluate";\nexport const x = evaluate;\n',
      "public entry",
    ],
    ["src/fhir/lint-probe.ts", 'import { ROLES } from "@/contract/api";\nexport const x = ROLES;\n', "public entry"],
    [
      "src/fhir/lint-probe.ts",
      'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
      "No Node.js APIs",
    ],
    ["src/fhir/lint-probe.ts", 'import { useState } from "react";\nexport const x = useState;\n', "no React"],
    [
      "src/criteria/lint-probe.ts",
      'import { mapRecord } from "../fhir";\nexport const x = mapRecord;\n',
      "imports nothing of ours",
    ],
    [
      "src/criteria/lint-probe.ts",
      'import { mapRecord } from "@/fhir";\nexport const x = mapRecord;\n',
      "imports nothing of ours",
    ],
    [
      "src/contract/lint-probe.ts",
      'import { mapRecord } from "@/fhir";\nexport const x = mapRecord;\n',
      "imports only the criteria library",
    ],
  ])(
    "%s: %s is refused",
    async (filePath, code, expected) => {
      const errors = await boundaryErrors(filePath, code);
      expect(errors.join("\n")).toContain(expected);
    },
    30_000,
  );

  it.each([
    ["src/web/lint-probe.ts", 'import { evaluate } from "@/criteria";\nexport const x = evaluate;\n'],
    [
      "src/web/lint-probe.test.tsx",
      'import { renderInForm } from "@/web/test-support/render-in-form";\nexport const x = renderInForm;\n',
    ],
    ["src/server/lint-probe.ts", 'import { evaluate } from "@/criteria";\nexport const x = evaluate;\n'],
    ["src/criteria/lint-probe.ts", 'import { addDays } from "./dates";\nexport const x = addDays;\n'],
    ["src/contract/lint-probe.ts", 'import { evaluate } from "@/criteria";\nexport const x = evaluate;\n'],
    ["src/web/lint-probe.ts", 'import { ROLES } from "@/contract";\nexport const x = ROLES;\n'],
    [
      "src/web/features/intake/lint-probe.ts",
      'import { paths } from "@/web/lib/paths";\nimport { AppLink } from "@/web/components/app-link";\nimport { useSession } from "@/web/api/session";\nexport const x = [paths, AppLink, useSession];\n',
    ],
    [
      "src/web/features/intake/lint-probe.ts",
      'import { STEP_IDS } from "./steps";\nimport { isStepId } from "@/web/features/intake/steps";\nexport const x = [STEP_IDS, isStepId];\n',
    ],
    [
      "src/web/features/review/components/lint-probe.tsx",
      'import { useDecide } from "../api/decide";\nimport { SameMemberRequests } from "./same-member";\nexport const x = [useDecide, SameMemberRequests];\n',
    ],
    [
      "src/web/lint-probe.ts",
      'import { IntakePage } from "@/web/features/intake/components/intake-page";\nexport const x = IntakePage;\n',
    ],
    [
      "src/fhir/lint-probe.ts",
      'import { evaluate } from "@/criteria";\nimport { ROLES } from "@/contract";\nimport { SYSTEMS } from "./codes";\nexport const x = [evaluate, ROLES, SYSTEMS];\n',
    ],
    ["src/web/lint-probe.ts", 'import { mapRecord } from "@/fhir";\nexport const x = mapRecord;\n'],
  ])(
    "%s: the allowed direction passes",
    async (filePath, code) => {
      expect(await boundaryErrors(filePath, code)).toEqual([]);
    },
    30_000,
  );
});
