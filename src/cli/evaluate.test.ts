// @vitest-environment node
/**
 * The real command-line evaluator, spawned as a process (spec, "The command-line evaluator"):
 * one JSON line per file in order, "-" for standard input, exit 0 only when every file was valid.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { eligible, fixtureNames, fixturePath } from "@fixtures";
import { checkRequest } from "@/criteria";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TIMEOUT = 60_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(files: readonly string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/evaluate.ts", ...files],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: TIMEOUT },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== "number") {
          reject(new Error(`the evaluator did not run: ${error.message}`));
          return;
        }
        resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

/** The output as lines; the last line ends with a newline, and nothing else is printed. */
function linesOf(stdout: string): string[] {
  expect(stdout.endsWith("\n")).toBe(true);
  return stdout.slice(0, -1).split("\n");
}

const expectedFor = (file: string): unknown => checkRequest(JSON.parse(readFileSync(file, "utf8")));

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "hemgenix-cli-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("npm run evaluate", () => {
  it(
    "prints one line per fixture, in order, equal to checkRequest of the file, and exits 1 because some are invalid",
    async () => {
      const names = fixtureNames();
      const files = names.map(fixturePath);
      const { code, stdout } = await runCli(files);
      const lines = linesOf(stdout);
      expect(lines).toHaveLength(files.length);
      lines.forEach((line, i) => {
        const file = files[i] as string;
        expect(JSON.parse(line), names[i]).toEqual(expectedFor(file));
      });
      expect(names.some((n) => n.startsWith("invalid-"))).toBe(true);
      expect(code).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "exits 0 when every file is valid",
    async () => {
      const files = fixtureNames()
        .filter((n) => !n.startsWith("invalid-"))
        .map(fixturePath);
      const { code, stdout } = await runCli(files);
      const lines = linesOf(stdout);
      expect(lines).toHaveLength(files.length);
      for (const line of lines) expect(JSON.parse(line)).not.toHaveProperty("errors");
      expect(code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "prints the evaluation of a single valid file as one line of JSON",
    async () => {
      const { code, stdout } = await runCli([fixturePath("eligible")]);
      const lines = linesOf(stdout);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? "")).toEqual(checkRequest(eligible()));
      expect(JSON.parse(stdout)).toMatchObject({
        policy: "CP.PHAR.580",
        outcome: "meets_criteria",
        medicalDirectorReview: true,
      });
      expect(code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "prints the errors of an invalid file and exits 1",
    async () => {
      const { code, stdout } = await runCli([fixturePath("invalid-impossible-date")]);
      const [line, ...rest] = linesOf(stdout);
      expect(rest).toEqual([]);
      const parsed = JSON.parse(line ?? "") as { errors: { path: string; message: string }[] };
      expect(parsed.errors.map((e) => e.path)).toEqual(["member.dateOfBirth"]);
      expect(parsed).toEqual(expectedFor(fixturePath("invalid-impossible-date")));
      expect(code).toBe(1);
    },
    TIMEOUT,
  );

  it(
    'reads standard input for "-", in its place among the files',
    async () => {
      const stdin = readFileSync(fixturePath("incomplete"), "utf8");
      const { code, stdout } = await runCli([fixturePath("eligible"), "-", fixturePath("continuation")], stdin);
      const lines = linesOf(stdout).map((l) => JSON.parse(l) as unknown);
      expect(lines).toEqual([
        expectedFor(fixturePath("eligible")),
        expectedFor(fixturePath("incomplete")),
        expectedFor(fixturePath("continuation")),
      ]);
      expect(code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    "reports invalid standard input and exits 1",
    async () => {
      const { code, stdout } = await runCli(["-"], JSON.stringify({ ...eligible(), exposureDays: -1 }));
      const lines = linesOf(stdout);
      expect(lines).toHaveLength(1);
      expect((JSON.parse(lines[0] ?? "") as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
        "exposureDays",
      ]);
      expect(code).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "gives an unreadable file and a non-JSON file an error line at the empty path, keeps going, and exits 1",
    async () => {
      const dir = tempDir();
      const missing = join(dir, "does-not-exist.json");
      const notJson = join(dir, "not-json.json");
      const truncated = join(dir, "truncated.json");
      const empty = join(dir, "empty.json");
      writeFileSync(notJson, "schemaVersion: 1\nrequestType: initial\n");
      writeFileSync(truncated, readFileSync(fixturePath("eligible"), "utf8").slice(0, 120));
      writeFileSync(empty, "");
      const files = [missing, fixturePath("eligible"), notJson, dir, truncated, empty];
      const { code, stdout } = await runCli(files);
      const lines = linesOf(stdout).map((l) => JSON.parse(l) as unknown);
      expect(lines).toHaveLength(files.length);
      for (const index of [0, 2, 3, 4, 5]) {
        const line = lines[index] as { errors?: unknown };
        expect(Object.keys(line), files[index]).toEqual(["errors"]);
        expect(line.errors).toEqual([{ path: "", message: expect.stringMatching(/\S/) as unknown }]);
      }
      expect(lines[1]).toEqual(expectedFor(fixturePath("eligible")));
      expect(code).toBe(1);
    },
    TIMEOUT,
  );

  it(
    "evaluates 100 files in one invocation, one line each, in order",
    async () => {
      const dir = tempDir();
      const files: string[] = [];
      for (let i = 0; i < 100; i++) {
        const file = join(dir, `request-${String(i).padStart(3, "0")}.json`);
        const doc = eligible((d) => {
          d.exposureDays = 100 + i;
          if (d.aav5 !== undefined) d.aav5.titer = 600 + i;
        });
        writeFileSync(file, JSON.stringify(doc));
        files.push(file);
      }
      const { code, stdout } = await runCli(files);
      const lines = linesOf(stdout);
      expect(lines).toHaveLength(100);
      lines.forEach((line, i) => expect(JSON.parse(line)).toEqual(expectedFor(files[i] as string)));
      expect(lines.map((l) => (JSON.parse(l) as { outcome: string }).outcome)).toEqual(
        files.map((_, i) => (100 + i >= 150 && 600 + i <= 678 ? "meets_criteria" : "does_not_meet")),
      );
      expect(code).toBe(0);
    },
    TIMEOUT,
  );
});
