/**
 * Types the spec's eligible request (fixtures/requests/eligible.json) into the wizard with the
 * keyboard only, page by page, from the start page to "Check your answers". No `fill`, `click` or
 * `focus()`: Tab moves focus, Space and arrow keys answer radios and selects, Enter presses buttons,
 * and dates are typed box by box: day, month, year (see ./keyboard.ts).
 */
import { expect, type Page } from "@playwright/test";
import { BLEED_SITE_LABELS } from "@/criteria";
import { document } from "@fixtures";
import { libraryEvaluation } from "./app";
import {
  chooseOption,
  chooseRadio,
  continueWithKeyboard,
  pressEnterOn,
  typeDate,
  typeDateHere,
  typeInto,
} from "./keyboard";

const yes = (value: boolean | undefined): string => (value === true ? "yes" : "no");

async function expectStep(page: Page, title: string): Promise<void> {
  await expect(page.locator("#step-title")).toHaveText(title);
}

export async function typeEligibleRequestWithKeyboard(page: Page): Promise<void> {
  const doc = document("eligible");
  const { member, prescriber, diagnosis, prophylaxis, bleeds, inhibitor, liver, aav5 } = doc;
  if (
    member?.weight === undefined ||
    prescriber === undefined ||
    diagnosis === undefined ||
    prophylaxis === undefined ||
    bleeds?.[0] === undefined ||
    inhibitor?.assays?.[0] === undefined ||
    liver?.enzymes === undefined ||
    aav5 === undefined
  )
    throw new Error("eligible.json no longer has every section this walk-through types");
  const bleed = bleeds[0];
  const assay = inhibitor.assays[0];

  await page.goto("/");
  await pressEnterOn(page, page.getByRole("button", { name: "Start now" }));

  await expectStep(page, "Request");
  await chooseRadio(page, "requestType", doc.requestType);
  await typeDate(page, "f-requestDate", doc.requestDate);
  await chooseRadio(page, "lineOfBusiness", doc.lineOfBusiness);
  await continueWithKeyboard(page);

  await expectStep(page, "Member");
  await typeInto(page, page.getByLabel("First name"), member.firstName ?? "");
  await typeInto(page, page.getByLabel("Last name"), member.lastName ?? "");
  await typeInto(page, page.getByLabel("Member ID"), member.memberId ?? "");
  await typeDate(page, "f-member-dateOfBirth", member.dateOfBirth ?? "");
  await typeInto(page, page.getByLabel("Weight value"), String(member.weight.value));
  await chooseRadio(page, "member.weight.unit", member.weight.unit ?? "kg");
  await continueWithKeyboard(page);

  await expectStep(page, "Prescriber");
  await typeInto(page, page.getByLabel("Prescriber's name"), prescriber.name ?? "");
  await typeInto(page, page.getByLabel("Prescriber's NPI"), prescriber.npi ?? "");
  await expect(page.getByText("This NPI's check digit is correct.")).toBeVisible();
  await chooseRadio(page, "prescriber.specialty", prescriber.specialty ?? "");
  await continueWithKeyboard(page);

  await expectStep(page, "Diagnosis");
  await chooseRadio(page, "diagnosis.condition", diagnosis.condition ?? "");
  await typeInto(page, page.getByLabel("Baseline factor IX activity"), String(diagnosis.factorIxActivityPercent));
  await continueWithKeyboard(page);

  await expectStep(page, "Prophylaxis and bleeds");
  await chooseOption(
    page,
    page.getByLabel("Factor IX product used for routine prophylaxis"),
    prophylaxis.product ?? "",
  );
  await typeDate(page, "f-prophylaxis-startDate", prophylaxis.startDate ?? "");
  await chooseRadio(page, "prophylaxis.adherenceDocumented", yes(prophylaxis.adherenceDocumented));
  await chooseRadio(page, "bleedsOnRecord", "yes");
  await pressEnterOn(page, page.getByRole("button", { name: "Add a bleeding episode" }));
  // The app moves focus to the new episode's date, so the user types straight away.
  await typeDateHere(page, "f-bleeds-0-date", bleed.date ?? "");
  await chooseOption(
    page,
    page.locator("#f-bleeds-0-site"),
    bleed.site === undefined ? "" : BLEED_SITE_LABELS[bleed.site],
  );
  await chooseRadio(page, "bleeds.0.spontaneous", yes(bleed.spontaneous));
  await continueWithKeyboard(page);

  await expectStep(page, "Exposure days");
  await typeInto(page, page.getByLabel("Cumulative factor IX exposure days"), String(doc.exposureDays));
  await continueWithKeyboard(page);

  await expectStep(page, "Inhibitor");
  await chooseRadio(page, "inhibitor.historyOfInhibitor", yes(inhibitor.historyOfInhibitor));
  await chooseRadio(page, "inhibitor.assaysOnRecord", "yes");
  await pressEnterOn(page, page.getByRole("button", { name: "Add an assay" }));
  await typeDateHere(page, "f-inhibitor-assays-0-date", assay.date ?? "");
  await typeInto(page, page.locator("#f-inhibitor-assays-0-bethesdaUnits"), String(assay.bethesdaUnits));
  await continueWithKeyboard(page);

  await expectStep(page, "Liver workup");
  const enzymes = liver.enzymes;
  await typeDate(page, "f-liver-enzymes-date", enzymes.date ?? "");
  for (const key of ["alt", "ast", "alp", "totalBilirubin"] as const) {
    await typeInto(page, page.locator(`#f-liver-enzymes-${key}-value`), String(enzymes[key]?.value));
    await typeInto(page, page.locator(`#f-liver-enzymes-${key}-upperLimit`), String(enzymes[key]?.upperLimit));
  }
  await typeDate(page, "f-liver-ultrasound-date", liver.ultrasound?.date ?? "");
  await chooseRadio(page, "liver.ultrasound.result", liver.ultrasound?.result ?? "");
  await typeDate(page, "f-liver-elastography-date", liver.elastography?.date ?? "");
  await chooseRadio(page, "liver.elastography.result", liver.elastography?.result ?? "");
  await continueWithKeyboard(page);

  await expectStep(page, "Gene therapy and AAV5");
  await chooseRadio(page, "priorGeneTherapy", yes(doc.priorGeneTherapy));
  await chooseRadio(page, "aav5.result", aav5.result ?? "");
  await typeInto(page, page.getByLabel("AAV5 neutralizing antibody titer"), String(aav5.titer));
  await continueWithKeyboard(page);

  await expectStep(page, "Dose");
  // The requested dose is entered in units of 10^13 gc/kg.
  const dose = page.getByLabel("Requested dose");
  await typeInto(page, dose, String((doc.dose?.requestedGcPerKg ?? 0) / 1e13));
  const vials = libraryEvaluation(doc).dose?.vials;
  await expect(page.getByRole("definition").filter({ hasText: `${vials} (at least 10 mL each)` })).toBeVisible();
  await continueWithKeyboard(page);

  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await expect(page).toHaveURL(/\/check$/);
}
