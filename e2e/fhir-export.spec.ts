/**
 * FHIR out in the browser: in self-check, a fixture imported, exported as a QuestionnaireResponse
 * (made in the page: nothing sent) that is valid R4 and reads back as the same document; the PAS
 * Bundle likewise; the public Questionnaire; and a stored request's exports from the staff and
 * reviewer pages.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { fhirErrors } from "../fixtures/fhir-validator";
import { document } from "@fixtures";
import { fromQuestionnaireResponse } from "@/fhir/questionnaire-response";
import { QUESTIONNAIRE_CANONICAL, QUESTIONNAIRE_URL } from "@/fhir/questionnaire";
import { startWith } from "./support/app";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { submitByApi } from "./support/requests-api";

async function downloaded(page: Page, button: string): Promise<{ name: string; json: Record<string, unknown> }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const download = await downloading;
  return {
    name: download.suggestedFilename(),
    json: JSON.parse(readFileSync(await download.path(), "utf8")) as Record<string, unknown>,
  };
}

test("self-check: a fixture exported as a FHIR QuestionnaireResponse and PAS Bundle, made in the browser", async ({
  page,
}) => {
  const doc = document("positive-inhibitor-with-retest");
  await startWith(page, doc);
  // The header asks once who is signed in (it sends nothing of the request); the export must add
  // nothing to that. Its lazy part may ask after the import on a slow machine: wait for its answer.
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/") || request.method() !== "GET")
      sent.push(`${request.method()} ${request.url()}`);
  });

  const response = await downloaded(page, "Export as FHIR QuestionnaireResponse");
  expect(response.name).toBe("hemgenix-questionnaire-response.json");
  expect(response.json).toMatchObject({
    resourceType: "QuestionnaireResponse",
    questionnaire: QUESTIONNAIRE_CANONICAL,
  });
  expect(fhirErrors(response.json)).toEqual([]);
  expect(fromQuestionnaireResponse(response.json)).toEqual({ ok: true, document: doc });
  // The answers are there as answers: both assays, the retest's date among them.
  const text = JSON.stringify(response.json);
  for (const assay of doc.inhibitor?.assays ?? []) expect(text).toContain(`"valueDate":"${assay.date ?? ""}"`);

  const bundle = await downloaded(page, "Export as FHIR PAS claim Bundle");
  expect(bundle.name).toBe("hemgenix-claim-bundle.json");
  expect(bundle.json).toMatchObject({ resourceType: "Bundle", type: "collection" });
  expect(fhirErrors(bundle.json)).toEqual([]);

  expect(sent).toEqual([]);
  await expectNoAxeViolations(page);
});

test("the Questionnaire is served at its stable address as application/fhir+json", async ({ request }) => {
  const res = await request.get("/fhir/Questionnaire/cp-phar-580");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/fhir+json; charset=utf-8");
  const questionnaire = (await res.json()) as Record<string, unknown>;
  expect(questionnaire).toMatchObject({ resourceType: "Questionnaire", url: QUESTIONNAIRE_URL, status: "active" });
  expect(fhirErrors(questionnaire)).toEqual([]);
});

test("a stored request: staff and reviewer download its FHIR exports from its page", async ({ browser }) => {
  const staff = await signedIn(browser, "staff@demo.test");
  const reference = await submitByApi(staff, document("eligible"));
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  for (const [page, address] of [
    [staff, `/requests/${reference}`],
    [reviewer, `/review/${reference}`],
  ] as const) {
    await page.goto(address);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "QuestionnaireResponse (JSON)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${reference}-questionnaire-response.json`);
    const json = JSON.parse(readFileSync(await download.path(), "utf8")) as Record<string, unknown>;
    expect(json).toMatchObject({ resourceType: "QuestionnaireResponse", id: reference, status: "completed" });
    expect(fhirErrors(json)).toEqual([]);
    const bundle = await page.request.get(`/api/requests/${reference}/fhir/claim-bundle`);
    expect(bundle.status()).toBe(200);
    expect(fhirErrors((await bundle.json()) as object)).toEqual([]);
    await expectNoAxeViolations(page);
  }
});
