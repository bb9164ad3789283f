/**
 * Fill from the patient's record, in Chromium against the real app and a real FHIR server
 * (e2e/support/fhir-server.ts, started by playwright.config.ts with the synthetic patients): a
 * SMART standalone launch into an empty wizard, an EHR launch, a Bundle file, answers typed before
 * and their conflicts, each bad input (its message, and nothing changed), axe, and the keyboard.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { evaluatePartial, OUTCOME_LABELS, STATUS_LABELS } from "@/criteria";
import { testPatients, type TestPatient } from "@/fhir";
import {
  describeViolations,
  expectPanelToShow,
  fixtureWith,
  importDocument,
  openStep,
  radio,
  readPanel,
  storedDraft,
} from "./support/app";
import { ehrLaunchToken, type Tenant } from "./support/fhir-server";
import { tabTo, typeInto } from "./support/keyboard";

const FHIR_ORIGIN = `http://127.0.0.1:${process.env.E2E_FHIR_PORT ?? ""}`;
const base = (tenant: Tenant = "fhir"): string =>
  tenant === "fhir" ? `${FHIR_ORIGIN}/fhir` : `${FHIR_ORIGIN}/${tenant}/fhir`;
const PATIENTS = testPatients();
const PROVENANCE_KEY = "hemgenix-pa:record-provenance:v1";

const get = (doc: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], doc);

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect.soft(describeViolations(results.violations), `axe violations on ${where}`).toEqual([]);
}

/** From the start page's link to the record page. */
async function openRecordPage(page: Page): Promise<void> {
  await page.locator("#root:not([inert])").waitFor();
  await page.getByRole("link", { name: "Fill from the patient's record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fill from the patient's record" })).toBeVisible();
}

/** A standalone launch: the server's address, its patient picker, back to the review (or a failure). */
async function connect(page: Page, patient: TestPatient, tenant: Tenant = "fhir"): Promise<void> {
  await page.getByLabel("FHIR server address (base URL)").fill(base(tenant));
  await page.getByRole("button", { name: "Connect to the server" }).click();
  await expect(page.getByRole("heading", { name: "Choose a patient" })).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`\\(Patient/${patient.patientId}\\)$`) }).click();
}

const reviewHeading = (page: Page) => page.getByRole("heading", { level: 1, name: "Check what the record would fill" });

async function exportedDocument(page: Page): Promise<Record<string, unknown>> {
  await page.goto("/check");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export this request as JSON" }).click();
  return JSON.parse(readFileSync(await (await downloading).path(), "utf8")) as Record<string, unknown>;
}

test("a standalone launch fills an empty wizard, and the panel shows the library's evaluation of it", async ({
  page,
}) => {
  const patient = PATIENTS.eligible;
  // Even with fhirclient's debug output asked for, nothing of the sign-in is logged.
  const logged: string[] = [];
  page.on("console", (message) => logged.push(message.text()));
  await page.goto("/");
  await page.evaluate(() => localStorage.setItem("debug", "*"));
  await openRecordPage(page);
  await expectNoAxeViolations(page, "the record page");
  await connect(page, patient);

  await expect(reviewHeading(page)).toBeVisible();
  await expect(page.getByText(`From the FHIR server at ${FHIR_ORIGIN}`)).toBeVisible();
  const fills = page.getByRole("region", { name: "Answers the record would fill" });
  await expect(fills.getByText(/^Source: Observation\//).first()).toBeVisible();
  await expectNoAxeViolations(page, "the review");
  // The address holds no code, state or patient once the launch is done.
  expect(new URL(page.url()).search).toBe("");
  // The token is not kept anywhere in the browser.
  const kept = await page.evaluate(() =>
    [localStorage, sessionStorage]
      .flatMap((area) => Object.keys(area).map((key) => `${key}=${area.getItem(key) ?? ""}`))
      .join("\n"),
  );
  expect(kept).not.toMatch(/access_token|tokenResponse/);
  expect(logged.join("\n")).not.toMatch(/token|Bearer/i);

  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /answers filled from the patient's record$/ }),
  ).toBeFocused();
  await expectNoAxeViolations(page, "the confirmation");

  // No record says the line of business (the plan's product): the person answers it.
  await openStep(page, "Request");
  await radio(page, "lineOfBusiness", "commercial").check();
  const doc = await exportedDocument(page);
  for (const [path, value] of Object.entries(patient.expected)) {
    // The AAV5 result carries the test lab's own code, which this app is not configured with: not filled.
    if (!path.startsWith("aav5.")) expect.soft(get(doc, path), path).toEqual(value);
  }
  expect(get(doc, "aav5")).toBeUndefined();
  // The panel shows what the criteria library gives for the request as it now stands.
  const { evaluation } = evaluatePartial(doc);
  if (evaluation === undefined) throw new Error("the filled request cannot be evaluated");
  await expect
    .poll(async () => {
      const shown = await readPanel(page);
      return { outcome: shown.outcome, criteria: shown.criteria };
    })
    .toEqual({
      outcome: OUTCOME_LABELS[evaluation.outcome],
      criteria: evaluation.criteria.map((c) => ({ id: c.id, status: STATUS_LABELS[c.status] })),
    });

  // Each filled answer says where it came from, until it is changed.
  await openStep(page, "Member");
  const mark = page.getByText("From the patient's record:");
  await expect(mark.first()).toBeVisible();
  await expect(page.locator("p", { has: mark }).filter({ hasText: "Patient/eligible-patient" }).first()).toBeVisible();
  const marksBefore = await mark.count();
  await page.getByLabel("First name").fill("Adah");
  await expect(mark).toHaveCount(marksBefore - 1);
});

test("typed answers plus the record give the eligible request: the panel shows the library's outcome", async ({
  page,
}) => {
  const patient = PATIENTS.eligible;
  await page.goto("/");
  // What no record holds is typed (here imported), the AAV5 result from the lab's report included.
  await importDocument(page, { ...patient.typed, aav5: fixtureWith("eligible", () => undefined).aav5 });
  await openRecordPage(page);
  await connect(page, patient);
  await expect(reviewHeading(page)).toBeVisible();
  await expect(page.getByRole("region", { name: "Answers that differ from what was typed" })).toHaveCount(0);
  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /filled from the patient's record$/ })).toBeVisible();
  // The patients' typed answers plus the eligible record are the spec's eligible example.
  await expectPanelToShow(
    page,
    fixtureWith("eligible", () => undefined),
  );
  // The summary prints where each filled answer came from.
  await page.goto("/summary");
  const list = page.getByRole("region", { name: "Filled from the patient's record" });
  await expect(list).toContainText("(Observation/");
});

test("an EHR launch goes straight to the review of the patient the EHR named", async ({ page }) => {
  const patient = PATIENTS.twoWeights;
  await page.goto(`/record/launch?iss=${encodeURIComponent(base())}&launch=${ehrLaunchToken(patient.patientId)}`);
  await expect(reviewHeading(page)).toBeVisible();
  const weight = page
    .getByRole("region", { name: "Answers the record would fill" })
    .locator("div", { hasText: /^Weight/ });
  await expect(weight).toContainText("80.5");
  await expect(weight.getByText("1 other result in the record, not used")).toBeVisible();
});

test("an EHR launch naming no web address is refused in words, and nothing is opened", async ({ page }) => {
  await page.goto(`/record/launch?iss=${encodeURIComponent("javascript:alert(1)")}&launch=x`);
  await expect(page.getByRole("alert")).toContainText("Enter the FHIR server's address as a web address");
  await expect(page.getByRole("alert")).not.toContainText("null");
  expect(new URL(page.url()).pathname).toBe("/record/launch");
});

test("over typed answers: each conflict is shown side by side and filled only as chosen", async ({ page }) => {
  const patient = PATIENTS.eligible;
  const typed = fixtureWith("eligible", (doc) => {
    doc.member = { ...doc.member, weight: { value: 70, unit: "kg" } };
    if (doc.liver?.enzymes?.alt !== undefined) doc.liver.enzymes.alt.value = 20;
  });
  await page.goto("/");
  await importDocument(page, typed);
  const draftBefore = await storedDraft(page);
  await openRecordPage(page);
  await connect(page, patient);
  const conflicts = page.getByRole("region", { name: "Answers that differ from what was typed" });
  await expect(conflicts).toBeVisible();
  const weight = conflicts.getByRole("group", { name: "Weight" });
  const alt = conflicts.getByRole("group", { name: /ALT/ });
  await expect(weight.getByLabel("Keep what was typed: 70 kg")).toBeVisible();
  await expect(weight.getByLabel(/^Use the record: 80/)).toBeVisible();
  await expectNoAxeViolations(page, "the review with conflicts");

  // No choice, no change: the error summary names each.
  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Choose whether to keep what was typed or use the record for Weight",
  );
  expect(await storedDraft(page)).toBe(draftBefore);
  await expectNoAxeViolations(page, "the review's error summary");

  await weight.getByLabel(/^Use the record: 80/).check();
  await alt.getByLabel(/^Keep what was typed: 20/).check();
  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /filled from the patient's record$/ })).toBeVisible();
  const doc = await exportedDocument(page);
  expect(get(doc, "member.weight")).toEqual(patient.expected["member.weight"]);
  expect(get(doc, "liver.enzymes.alt.value")).toBe(20);
  const marks = await page.evaluate((key) => localStorage.getItem(key), PROVENANCE_KEY);
  expect(marks).toContain('"member.weight"');
  expect(marks).not.toContain('"liver.enzymes.alt.value"');
});

test("a Bundle file: the weight in pounds is converted, reviewed and filled", async ({ page }) => {
  const patient = PATIENTS.weightInPounds;
  await page.goto("/");
  await openRecordPage(page);
  await page.getByLabel("A patient's record as a FHIR R4 Bundle (JSON)").setInputFiles({
    name: "record.json",
    mimeType: "application/fhir+json",
    buffer: Buffer.from(JSON.stringify(patient.bundle)),
  });
  await expect(reviewHeading(page)).toBeVisible();
  await expect(page.getByText("From the file record.json")).toBeVisible();
  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /filled from the patient's record$/ })).toBeVisible();
  expect(get(await exportedDocument(page), "member.weight")).toEqual({ value: 79.8, unit: "kg" });
});

test.describe("bad input: each says what happened and what to do, and changes nothing", () => {
  // The bad-input records of src/fhir (fixtures/fhir/bad), each refused as a whole.
  const files: { name: string; says: RegExp }[] = [
    { name: "not-json.txt", says: /not-json\.txt was not read: The file is not JSON/ },
    {
      name: "patient-only.json",
      says: /patient-only\.json was not read: The file holds one Patient resource, not a Bundle/,
    },
    { name: "r5-bundle.json", says: /r5-bundle\.json was not read: .*another FHIR version than R4/ },
    { name: "batch-bundle.json", says: /batch-bundle\.json was not read: The Bundle's type is "batch"/ },
    { name: "no-patient.json", says: /no-patient\.json was not read: The record holds no Patient resource/ },
    { name: "two-patients.json", says: /two-patients\.json was not read: The record holds 2 different patients/ },
  ];

  async function startTyped(
    page: Page,
  ): Promise<{ draft: string | null; panel: Awaited<ReturnType<typeof readPanel>> }> {
    await page.goto("/");
    await importDocument(
      page,
      fixtureWith("eligible", () => undefined),
    );
    await expect.poll(async () => (await readPanel(page)).criteria.length).toBeGreaterThan(0);
    return { draft: await storedDraft(page), panel: await readPanel(page) };
  }

  async function expectUnchanged(page: Page, before: Awaited<ReturnType<typeof startTyped>>): Promise<void> {
    await expect(page.getByRole("alert")).toContainText("Nothing in the current request was changed.");
    expect(await storedDraft(page)).toBe(before.draft);
    expect(await readPanel(page)).toEqual(before.panel);
  }

  for (const file of files) {
    test(`a file: ${file.name}`, async ({ page }) => {
      const before = await startTyped(page);
      await openRecordPage(page);
      await page
        .getByLabel("A patient's record as a FHIR R4 Bundle (JSON)")
        .setInputFiles(`fixtures/fhir/bad/${file.name}`);
      await expect(page.getByRole("alert")).toContainText(file.says);
      await expect(page.getByRole("alert")).toContainText(
        "Choose a patient's record exported from the EHR as a FHIR R4 JSON Bundle.",
      );
      await expectUnchanged(page, before);
    });
  }

  const servers: { tenant: Tenant; says: RegExp; advice: RegExp }[] = [
    {
      tenant: "expired",
      says: /refused the request: the sign-in is missing or has expired \(401\)/,
      advice: /Sign in again/,
    },
    {
      tenant: "refusing",
      says: /refused to share this patient's record \(403\)/,
      advice: /Ask the EHR's administrator for access/,
    },
    {
      tenant: "failing",
      says: /answered with an error \(500\).*The server said: “The record system is down for maintenance until 14:00”/,
      advice: /Try again later/,
    },
  ];
  for (const server of servers) {
    test(`a server: ${server.tenant}`, async ({ page }) => {
      const before = await startTyped(page);
      await openRecordPage(page);
      await connect(page, PATIENTS.eligible, server.tenant);
      const alert = page.getByRole("alert");
      await expect(alert).toContainText(server.says);
      await expect(alert).toContainText(server.advice);
      await expectUnchanged(page, before);
      await expectNoAxeViolations(page, `the failure (${server.tenant})`);
    });
  }

  test("a server that does not answer: said within 15 seconds", async ({ page }) => {
    test.setTimeout(60_000);
    const before = await startTyped(page);
    await openRecordPage(page);
    await connect(page, PATIENTS.eligible, "slow");
    const started = Date.now();
    await expect(page.getByRole("alert")).toContainText("The FHIR server did not answer within 12 seconds", {
      timeout: 15_000,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    await expectUnchanged(page, before);
  });
});

test("a record's unknown codes, inconvertible units and future results are listed, not filled", async ({ page }) => {
  await page.goto("/");
  await openRecordPage(page);
  await page
    .getByLabel("A patient's record as a FHIR R4 Bundle (JSON)")
    .setInputFiles("fixtures/fhir/bad/future-unit-unknown.json");
  await expect(reviewHeading(page)).toBeVisible();
  const problems = page.getByRole("region", { name: "What the record could not fill" });
  await expect(problems).toContainText('is in "[stone_av]", which this import does not convert');
  await expect(problems).toContainText("is dated after the request date, so it is not used");
  await expect(problems).toContainText("has a code this import does not read");
  await expectNoAxeViolations(page, "the review with problems");
});

test("keyboard only: connect, pick the patient, resolve a conflict, fill", async ({ page }) => {
  const patient = PATIENTS.eligible;
  await page.goto("/");
  await importDocument(
    page,
    fixtureWith("eligible", (doc) => (doc.member = { ...doc.member, weight: { value: 70, unit: "kg" } })),
  );
  const link = page.getByRole("link", { name: "Fill from the patient's record" });
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await typeInto(page, page.getByLabel("FHIR server address (base URL)"), base());
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: new RegExp(`\\(Patient/${patient.patientId}\\)$`) }));
  await page.keyboard.press("Enter");
  await expect(reviewHeading(page)).toBeFocused();
  const useRecord = page.getByRole("group", { name: "Weight" }).getByLabel(/^Use the record/);
  await tabTo(page, page.getByRole("group", { name: "Weight" }).getByLabel(/^Keep what was typed/));
  await page.keyboard.press("ArrowDown");
  await expect(useRecord).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Fill the request" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /filled from the patient's record$/ })).toBeFocused();
});
