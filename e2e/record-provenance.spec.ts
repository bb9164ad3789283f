/**
 * The request keeps the provenance (#12), in Chromium against the real server: staff fill the
 * request from a patient's record (a FHIR Bundle file), edit one filled answer (its mark goes),
 * submit, and the answers still as the record gave them are listed with their sources on the
 * summary as submitted and on the reviewer's page, the edited one not among them.
 */
import { expect, test, type Page } from "@playwright/test";
import { testPatients } from "@/fhir";
import { signedIn, expectNoAxeViolations } from "./support/accounts";
import { fixtureWith, importDocument, openStep } from "./support/app";
import { ownStaffAccount, submitRequest } from "./support/submit";

const provenanceList = (page: Page) => page.getByRole("region", { name: "Filled from the patient's record" });

test("the answers filled from the record and not edited reach the reviewer with their sources", async ({ browser }) => {
  // An account of its own: its server draft is this test's alone.
  const page = await (await ownStaffAccount(browser))();
  const patient = testPatients().eligible;
  await page.goto("/");
  // What no record holds is typed (here imported), the AAV5 result from the lab's report included.
  await importDocument(page, { ...patient.typed, aav5: fixtureWith("eligible", () => undefined).aav5 });
  await page.getByRole("link", { name: "Fill from the patient's record" }).click();
  await page.getByLabel("A patient's record as a FHIR R4 Bundle (JSON)").setInputFiles("fixtures/fhir/eligible.json");
  await expect(page.getByRole("heading", { level: 1, name: "Check what the record would fill" })).toBeVisible();
  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /filled from the patient's record$/ })).toBeVisible();

  // One filled answer edited: its mark goes, the others stay.
  await openStep(page, "Member");
  const marks = page.getByText("From the patient's record:");
  await expect(marks.first()).toBeVisible();
  const before = await marks.count();
  await page.getByLabel("First name").fill("Adah");
  await expect(marks).toHaveCount(before - 1);

  const reference = await submitRequest(page);
  expect(reference).toMatch(/^HGX-/);

  // The practice's summary as submitted prints the list.
  await page.goto(`/requests/${reference}/summary`);
  await expect(provenanceList(page)).toContainText("Member's last name: Example (Patient/");
  await expect(provenanceList(page)).not.toContainText("first name");

  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await reviewer.goto(`/review/${reference}`);
  const list = provenanceList(reviewer);
  await expect(list).toBeVisible();
  const items = await list.getByRole("listitem").allTextContents();
  expect(items).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Member's last name: Example \(Patient\/eligible-patient\)$/),
      expect.stringMatching(/^ALT: .+ \(Observation\/[^,]+, 20 Oct 2026\)$/),
    ]),
  );
  expect(items.some((item) => item.startsWith("Member's first name"))).toBe(false);
  await expectNoAxeViolations(reviewer);
});
