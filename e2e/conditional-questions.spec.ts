/**
 * Each conditional question appears and disappears with its condition, the evaluation follows,
 * and whatever was typed into a question while it was hidden is back when it reappears.
 */
import { expect, test } from "@playwright/test";
import { OUTCOME_LABELS, type LineOfBusiness } from "@/criteria";
import { document } from "@fixtures";
import {
  expectPanelStatus,
  expectPanelToShow,
  fixtureWith,
  openStep,
  radio,
  readPanel,
  startWith,
  fillDate,
  expectDate,
} from "./support/app";

test("'Was a hematologist consulted?' is asked only for another specialty, and keeps its answer", async ({ page }) => {
  await startWith(page, document("eligible"));
  await openStep(page, "Prescriber");
  const question = page.getByRole("group", { name: "Was a hematologist consulted?" });
  await expect(question).toHaveCount(0);
  await expectPanelStatus(page, "I.A.2", "Met");

  await radio(page, "prescriber.specialty", "other").check();
  await expect(question).toBeVisible();
  await expectPanelStatus(page, "I.A.2", "Not answered yet");
  await radio(page, "prescriber.hematologistConsulted", "no").check();
  await expectPanelStatus(page, "I.A.2", "Not met");

  await radio(page, "prescriber.specialty", "hematology").check();
  await expect(question).toHaveCount(0);
  await expectPanelStatus(page, "I.A.2", "Met");

  await radio(page, "prescriber.specialty", "other").check();
  await expect(question).toBeVisible();
  await expect(radio(page, "prescriber.hematologistConsulted", "no")).toBeChecked();
  await expectPanelStatus(page, "I.A.2", "Not met");
  await radio(page, "prescriber.hematologistConsulted", "yes").check();
  await expectPanelStatus(page, "I.A.2", "Met");
  await expectPanelToShow(
    page,
    fixtureWith("eligible", (d) => {
      d.prescriber = { ...d.prescriber, specialty: "other", hematologistConsulted: true };
    }),
  );
});

test("factor IX activity and ICD-10 for any diagnosis; label change, formulary and the referral box only for another diagnosis", async ({
  page,
}) => {
  await startWith(page, document("eligible"));
  await openStep(page, "Diagnosis");
  const factorIx = page.getByLabel("Baseline factor IX activity");
  const description = page.getByLabel("Describe the diagnosis or use");
  const labelChange = page.getByRole("group", { name: /label change in the last 6 months/ });
  const formulary = page.getByRole("group", { name: /on the formulary/ });
  const referralBox = page.getByRole("heading", { name: /^This request goes to policy / });

  await expect(factorIx).toHaveValue("1");
  await factorIx.fill("1.5");
  await expectPanelStatus(page, "I.A.4", "Met");
  for (const hidden of [description, labelChange, formulary, referralBox]) await expect(hidden).toHaveCount(0);

  await radio(page, "diagnosis.condition", "other").check();
  await expect(factorIx).toHaveValue("1.5"); // asked for every diagnosis: imported values survive a referral
  await expect(description).toBeVisible();
  await expect(labelChange).toBeVisible();
  await expect(formulary).toHaveCount(0);
  // Label change not answered yet: the spec's "otherwise", the off-label policy.
  await expect(referralBox).toHaveText("This request goes to policy CP.CPA.09");
  await expect.poll(async () => (await readPanel(page)).outcome).toBe(OUTCOME_LABELS.refer);

  await description.fill("Hemophilia A");
  await radio(page, "diagnosis.recentLabelChange", "yes").check();
  await expect(formulary).toBeVisible();
  await expect(referralBox).toHaveText("This request goes to policy CP.CPA.09"); // formulary not answered yet
  await radio(page, "diagnosis.onFormulary", "no").check();
  await expect(referralBox).toHaveText("This request goes to policy CP.CPA.190");

  await radio(page, "diagnosis.recentLabelChange", "no").check();
  await expect(formulary).toHaveCount(0);
  await expect(referralBox).toHaveText("This request goes to policy CP.CPA.09");
  await radio(page, "diagnosis.recentLabelChange", "yes").check();
  await expect(formulary).toBeVisible();
  await expect(radio(page, "diagnosis.onFormulary", "no")).toBeChecked();
  await expect(referralBox).toHaveText("This request goes to policy CP.CPA.190");

  await radio(page, "diagnosis.condition", "congenital_hemophilia_b").check();
  for (const hidden of [description, labelChange, formulary, referralBox]) await expect(hidden).toHaveCount(0);
  await expect(factorIx).toBeVisible();
  await expect(factorIx).toHaveValue("1.5");
  await expectPanelToShow(
    page,
    fixtureWith("eligible", (d) => {
      d.diagnosis = { ...d.diagnosis, factorIxActivityPercent: 1.5 };
    }),
  );

  await radio(page, "diagnosis.condition", "other").check();
  await expect(description).toHaveValue("Hemophilia A");
  await expect(radio(page, "diagnosis.recentLabelChange", "yes")).toBeChecked();
  await expect(radio(page, "diagnosis.onFormulary", "no")).toBeChecked();
  await expect(referralBox).toHaveText("This request goes to policy CP.CPA.190");
});

/** Sections I.B / II.B of the policy, as the spec's table gives them. */
const REFERRAL_POLICIES: Record<LineOfBusiness, { offLabel: string; formulary: string; nonFormulary: string }> = {
  commercial: { offLabel: "CP.CPA.09", formulary: "CP.CPA.190", nonFormulary: "CP.CPA.190" },
  marketplace: { offLabel: "HIM.PA.154", formulary: "HIM.PA.33", nonFormulary: "HIM.PA.103" },
  medicaid: { offLabel: "CP.PMN.53", formulary: "CP.PMN.255", nonFormulary: "CP.PMN.16" },
};

for (const [lineOfBusiness, policies] of Object.entries(REFERRAL_POLICIES) as [
  LineOfBusiness,
  (typeof REFERRAL_POLICIES)[LineOfBusiness],
][]) {
  test(`the referral box names the policy of each answer for ${lineOfBusiness}`, async ({ page }) => {
    await startWith(
      page,
      fixtureWith("eligible", (d) => {
        d.lineOfBusiness = lineOfBusiness;
      }),
    );
    await openStep(page, "Diagnosis");
    const referralBox = page.getByRole("heading", { name: /^This request goes to policy / });
    await radio(page, "diagnosis.condition", "other").check();
    await page.getByLabel("Describe the diagnosis or use").fill("Off-label use");

    const cases: [string, string | undefined, string][] = [
      ["no", undefined, policies.offLabel],
      ["yes", "yes", policies.formulary],
      ["yes", "no", policies.nonFormulary],
    ];
    for (const [recentLabelChange, onFormulary, policy] of cases) {
      await radio(page, "diagnosis.recentLabelChange", recentLabelChange).check();
      if (onFormulary !== undefined) await radio(page, "diagnosis.onFormulary", onFormulary).check();
      await expect(referralBox).toHaveText(`This request goes to policy ${policy}`);
      await expectPanelToShow(
        page,
        fixtureWith("eligible", (d) => {
          d.lineOfBusiness = lineOfBusiness;
          d.diagnosis = {
            condition: "other",
            icd10: "D67",
            factorIxActivityPercent: 1,
            otherDescription: "Off-label use",
            recentLabelChange: recentLabelChange === "yes",
            ...(onFormulary === undefined ? {} : { onFormulary: onFormulary === "yes" }),
          };
        }),
      );
      expect((await readPanel(page)).referral).toBe(policy);
    }
  });
}

test("the hepatologist attestation is asked only while a recent liver result is abnormal", async ({ page }) => {
  await startWith(
    page,
    fixtureWith("eligible", (d) => {
      delete d.liver?.hepatologistAttestation;
    }),
  );
  await openStep(page, "Liver workup");
  const attestation = page.getByRole("group", { name: /Does a hepatologist attest/ });
  const alt = page.locator("#f-liver-enzymes-alt-value");
  await expect(attestation).toHaveCount(0);
  await expectPanelStatus(page, "I.A.8.c", "Not applicable");

  await alt.fill("80"); // above its upper limit of 56, drawn 2026-10-20 (recent)
  await expect(attestation).toBeVisible();
  await expectPanelStatus(page, "I.A.8.c", "Not answered yet");
  await radio(page, "liver.hepatologistAttestation", "yes").check();
  await expectPanelStatus(page, "I.A.8.c", "Met");
  await expectPanelToShow(
    page,
    fixtureWith("eligible", (d) => {
      if (d.liver?.enzymes?.alt !== undefined) d.liver.enzymes.alt.value = 80;
      if (d.liver !== undefined) d.liver.hepatologistAttestation = true;
    }),
  );

  await alt.fill("30");
  await expect(attestation).toHaveCount(0);
  await expectPanelStatus(page, "I.A.8.c", "Not applicable");

  await radio(page, "liver.ultrasound.result", "abnormal").check();
  await expect(attestation).toBeVisible();
  await expect(radio(page, "liver.hepatologistAttestation", "yes")).toBeChecked();
  await expectPanelStatus(page, "I.A.8.c", "Met");
  await radio(page, "liver.hepatologistAttestation", "no").check();
  await expectPanelStatus(page, "I.A.8.c", "Not met");
  await radio(page, "liver.ultrasound.result", "normal").check();
  await expect(attestation).toHaveCount(0);

  // An abnormal result that is too old (before 2026-08-27) fails on its own; it brings in no attestation.
  await fillDate(page, "f-liver-enzymes-date", "2026-08-26");
  await alt.fill("80");
  await expectPanelStatus(page, "I.A.8.a", "Not met");
  await expect(attestation).toHaveCount(0);
  await expectPanelStatus(page, "I.A.8.c", "Not applicable");
  await fillDate(page, "f-liver-enzymes-date", "2026-08-27"); // exactly 3 months: recent again
  await expect(attestation).toBeVisible();
  await expect(radio(page, "liver.hepatologistAttestation", "no")).toBeChecked();
  await expectPanelStatus(page, "I.A.8.c", "Not met");
});

test("the AAV5 titer is asked only when antibodies were detected, and keeps its value", async ({ page }) => {
  await startWith(page, document("eligible"));
  await openStep(page, "Gene therapy and AAV5");
  const titer = page.getByLabel("AAV5 neutralizing antibody titer");
  await expect(titer).toHaveValue("300");
  await titer.fill("679");
  await expectPanelStatus(page, "I.A.10", "Not met");

  await radio(page, "aav5.result", "not_detected").check();
  await expect(titer).toHaveCount(0);
  await expectPanelStatus(page, "I.A.10", "Met");

  await radio(page, "aav5.result", "detected").check();
  await expect(titer).toBeVisible();
  await expect(titer).toHaveValue("679");
  await expectPanelStatus(page, "I.A.10", "Not met");
  await titer.fill("678");
  await expectPanelStatus(page, "I.A.10", "Met");
});

test("the bleed list is shown only when bleeds are on record, and keeps every entry", async ({ page }) => {
  await startWith(page, document("eligible"));
  await openStep(page, "Prophylaxis and bleeds");
  const addBleed = page.getByRole("button", { name: "Add a bleeding episode" });
  const episode = (n: number) => page.getByRole("group", { name: `Bleeding episode ${n}`, exact: true });
  await expect(episode(1)).toBeVisible();
  await expectDate(page, "f-bleeds-0-date", "2025-09-14");

  await addBleed.click();
  await expect(page.locator("#f-bleeds-1-date")).toBeFocused();
  await fillDate(page, "f-bleeds-1-date", "2026-02-03");
  await page.locator("#f-bleeds-1-site").selectOption("intracranial");
  await radio(page, "bleeds.1.spontaneous", "no").check();

  await radio(page, "bleedsOnRecord", "no").check();
  await expect(addBleed).toHaveCount(0);
  await expect(episode(1)).toHaveCount(0);
  await expect(episode(2)).toHaveCount(0);
  await expectPanelStatus(page, "I.A.5.b", "Not met"); // an empty list: none on record

  await radio(page, "bleedsOnRecord", "yes").check();
  await expect(addBleed).toBeVisible();
  await expectDate(page, "f-bleeds-0-date", "2025-09-14");
  await expect(page.locator("#f-bleeds-0-site")).toHaveValue("joint");
  await expect(radio(page, "bleeds.0.spontaneous", "yes")).toBeChecked();
  await expectDate(page, "f-bleeds-1-date", "2026-02-03");
  await expect(page.locator("#f-bleeds-1-site")).toHaveValue("intracranial");
  await expect(radio(page, "bleeds.1.spontaneous", "no")).toBeChecked();
  await expectPanelToShow(
    page,
    fixtureWith("eligible", (d) => {
      d.bleeds?.push({ date: "2026-02-03", site: "intracranial", spontaneous: false });
    }),
  );
});

test("the assay list is shown only when assays are on record, and keeps every entry", async ({ page }) => {
  await startWith(page, document("eligible"));
  await openStep(page, "Inhibitor");
  const addAssay = page.getByRole("button", { name: "Add an assay" });
  await expect(page.locator("#f-inhibitor-assays-0-bethesdaUnits")).toHaveValue("0.2");

  await addAssay.click();
  await expect(page.locator("#f-inhibitor-assays-1-date")).toBeFocused();
  await fillDate(page, "f-inhibitor-assays-1-date", "2026-09-01");
  await page.locator("#f-inhibitor-assays-1-bethesdaUnits").fill("0.9");
  await expectPanelStatus(page, "I.A.7.c", "Not met"); // a positive test with no negative retest after it

  await radio(page, "inhibitor.assaysOnRecord", "no").check();
  await expect(addAssay).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^Assay \d/ })).toHaveCount(0);
  await expectPanelStatus(page, "I.A.7.b", "Not met"); // an empty list: none on record
  await expectPanelStatus(page, "I.A.7.c", "Not applicable");

  await radio(page, "inhibitor.assaysOnRecord", "yes").check();
  await expect(page.getByRole("group", { name: /^Assay \d/ })).toHaveCount(2);
  await expectDate(page, "f-inhibitor-assays-0-date", "2026-10-02");
  await expect(page.locator("#f-inhibitor-assays-0-bethesdaUnits")).toHaveValue("0.2");
  await expectDate(page, "f-inhibitor-assays-1-date", "2026-09-01");
  await expect(page.locator("#f-inhibitor-assays-1-bethesdaUnits")).toHaveValue("0.9");
  await expectPanelToShow(
    page,
    fixtureWith("eligible", (d) => {
      d.inhibitor?.assays?.push({ date: "2026-09-01", bethesdaUnits: 0.9 });
    }),
  );
});
