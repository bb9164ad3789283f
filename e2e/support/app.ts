/**
 * Shared helpers for the end-to-end tests: reading the eligibility panel and the summary as a user
 * sees them, what the criteria library says they should show, importing documents, navigating.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { checkRequest, OUTCOME_LABELS, STATUS_LABELS, type Evaluation, type RequestDocument } from "@/criteria";
import { document } from "@fixtures";

/** What an evaluation looks like on screen: the outcome, then each criterion's id and status, in order. */
export interface Shown {
  outcome: string;
  criteria: { id: string; status: string }[];
  referral: string | null;
}

export const IMPORT_LABEL = "Import a request document (JSON)";

/** The library's evaluation of a document that must be valid. */
export function libraryEvaluation(input: unknown): Evaluation {
  const result = checkRequest(input);
  if ("errors" in result) throw new Error(`Expected a valid document, got ${JSON.stringify(result.errors)}`);
  return result;
}

/** What the panel and the summary must show for `input`, in the library's words. */
export function expectedShown(input: unknown): Shown {
  const evaluation = libraryEvaluation(input);
  return {
    outcome: OUTCOME_LABELS[evaluation.outcome],
    criteria: evaluation.criteria.map((c) => ({ id: c.id, status: STATUS_LABELS[c.status] })),
    referral: evaluation.referral?.policy ?? null,
  };
}

export const panel = (page: Page): Locator => page.getByRole("complementary", { name: "Eligibility so far" });

/** The panel's polite live region (it should hold the outcome and nothing else). */
export const panelLiveRegion = (page: Page): Locator => panel(page).locator("[aria-live]");

/** The panel as a user reads it (text hidden from assistive technology, such as the ✓ marks, left out). */
export async function readPanel(page: Page): Promise<Shown> {
  return panel(page).evaluate((aside) => {
    const spoken = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
      if (node instanceof Element && node.getAttribute("aria-hidden") === "true") return "";
      return Array.from(node.childNodes).map(spoken).join("");
    };
    const clean = (text: string): string => text.replace(/\s+/g, " ").trim();
    const live = aside.querySelector("[aria-live]");
    const criteria = Array.from(aside.querySelectorAll("ol > li")).map((item) => ({
      id: clean(spoken(item.querySelector("a") ?? item)).split(" ")[0] ?? "",
      status: clean(spoken(item.querySelector("span") ?? item)),
    }));
    const referral = /under policy (\S+?)\.(\s|$)/.exec(clean(spoken(aside)))?.[1] ?? null;
    return { outcome: live === null ? "" : clean(spoken(live)), criteria, referral };
  });
}

/** The printable summary as a user reads it: outcome (without "Outcome: "), criteria table, referral. */
export async function readSummary(page: Page): Promise<Shown> {
  const heading = page.getByRole("heading", { level: 1, name: "Prior authorization request summary" });
  await expect(heading).toBeVisible();
  const article = page.locator("article", { has: heading });
  return article.evaluate((root) => {
    const clean = (text: string | null | undefined): string => (text ?? "").replace(/\s+/g, " ").trim();
    const outcome = clean(root.querySelector("#outcome-title")?.textContent).replace(/^Outcome: /, "");
    const criteria = Array.from(root.querySelectorAll("tbody tr")).map((row) => ({
      id: clean(row.querySelector("th")?.textContent),
      status: clean(row.querySelector("td")?.textContent),
    }));
    const referral = /Refer under policy (\S+?):/.exec(clean(root.textContent))?.[1] ?? null;
    return { outcome, criteria, referral };
  });
}

/** Waits until the panel shows exactly what the library gives for `input`. */
export async function expectPanelToShow(page: Page, input: unknown): Promise<void> {
  await expect.poll(() => readPanel(page)).toEqual(expectedShown(input));
}

/** One criterion's status in the panel, as a user reads it. */
export async function panelStatus(page: Page, id: string): Promise<string | undefined> {
  return (await readPanel(page)).criteria.find((c) => c.id === id)?.status;
}

export async function expectPanelStatus(page: Page, id: string, status: string): Promise<void> {
  await expect.poll(() => panelStatus(page, id), { message: `panel status of ${id}` }).toBe(status);
}

/** A fixture with changes, for tests that need a particular starting request. */
export function fixtureWith(name: string, change: (doc: RequestDocument) => void): RequestDocument {
  const doc = document(name);
  change(doc);
  return doc;
}

/** The question asked when a valid file would replace answers already in the request. */
export const replaceQuestion = (page: Page, fileName: string): Locator =>
  page.getByRole("alertdialog", { name: `Replace the answers in this request with ${fileName}?` });

/**
 * After choosing `fileName` in the import: waits until it is imported, saying yes if the app asks
 * whether it may replace the answers already there (what someone importing on purpose does).
 */
export async function expectImported(page: Page, fileName: string): Promise<void> {
  const imported = page.getByText(`Imported ${fileName}.`);
  const question = replaceQuestion(page, fileName);
  await expect(imported.or(question)).toBeVisible();
  if (await question.isVisible()) await question.getByRole("button", { name: "Yes, replace them" }).click();
  await expect(imported).toBeVisible();
}

/** Imports a request document through the file input (on the start page or "Check your answers"). */
export async function importDocument(page: Page, doc: unknown, fileName = "request.json"): Promise<void> {
  // A prerendered page is inert until the app has taken it over; setInputFiles, unlike a person,
  // does not wait for that (scripts/prerender.ts).
  await page.locator("#root:not([inert])").waitFor();
  await page.getByLabel(IMPORT_LABEL).setInputFiles({
    name: fileName,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc, null, 2)),
  });
  await expectImported(page, fileName);
}

/** Opens the start page and imports `doc`: the quickest way to a known request. */
export async function startWith(page: Page, doc: unknown): Promise<void> {
  await page.goto("/");
  await importDocument(page, doc);
}

/** Moves to a step through the step list (no reload), as a user clicking it would. */
export async function openStep(page: Page, title: string): Promise<void> {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const steps = page.getByRole("navigation", { name: "Steps of the request" });
  const link = steps.getByRole("link", { name: new RegExp(`^\\d+\\. ${escaped}\\b`) });
  // On a phone the start page has no step list (it lists the steps itself): go into the request
  // first; there the list is folded into one line: unfold it, as a person would.
  const unfold = steps.getByRole("button", { expanded: false });
  if (!(await link.isVisible()) && !(await unfold.isVisible()))
    await page.getByRole("button", { name: /^(Start now|Continue the request)$/ }).click();
  if (!(await link.isVisible())) await unfold.click();
  await link.click();
  await expect(page.locator("#step-title")).toHaveText(title);
}

/** The stored draft, exactly as this browser keeps it. */
export const storedDraft = (page: Page): Promise<string | null> =>
  page.evaluate(() => localStorage.getItem("hemgenix-pa:draft:v1"));

/** axe violations in a readable form (rule, impact, offending nodes). */
export function describeViolations(
  violations: readonly { id: string; impact?: string | null; nodes: readonly { target: unknown }[] }[],
): { id: string; impact: string | null | undefined; targets: string[] }[] {
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => JSON.stringify(n.target)),
  }));
}

/** A radio button by its group (the document path) and value. */
export const radio = (page: Page, name: string, value: string): Locator =>
  page.locator(`input[type="radio"][name="${name}"][value="${value}"]`);

/** Presses the page's Continue button. */
export async function clickContinue(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Continue", exact: true }).click();
}

/** The GOV.UK error summary ("There is a problem"). */
export const errorSummary = (page: Page): Locator =>
  page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });

/** A date's day, month and year as a person types them into the three boxes ("2025-09-04" → 4, 9, 2025). */
export function dateParts(iso: string): { day: string; month: string; year: string } {
  const [year = "", month = "", day = ""] = iso.split("-");
  return iso === ""
    ? { day: "", month: "", year: "" }
    : { day: String(Number(day)), month: String(Number(month)), year };
}

/** The boxes of a date question (GOV.UK date input) by the question's id, which the Day box carries. */
export const dateBoxes = (page: Page, id: string): { day: Locator; month: Locator; year: Locator } => ({
  day: page.locator(`#${id}`),
  month: page.locator(`#${id}-month`),
  year: page.locator(`#${id}-year`),
});

/** Fills a date question's day, month and year (`iso` YYYY-MM-DD, or "" to empty it). */
export async function fillDate(page: Page, id: string, iso: string): Promise<void> {
  const boxes = dateBoxes(page, id);
  const parts = dateParts(iso);
  await boxes.day.fill(parts.day);
  await boxes.month.fill(parts.month);
  await boxes.year.fill(parts.year);
}

/** Expects a date question to show `iso`'s day, month and year. */
export async function expectDate(page: Page, id: string, iso: string): Promise<void> {
  const boxes = dateBoxes(page, id);
  const parts = dateParts(iso);
  await expect(boxes.day).toHaveValue(parts.day);
  await expect(boxes.month).toHaveValue(parts.month);
  await expect(boxes.year).toHaveValue(parts.year);
}
