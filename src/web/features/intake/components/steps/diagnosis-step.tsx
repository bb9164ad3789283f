import { useFormContext, useWatch } from "react-hook-form";
import { CONDITION_LABELS, ICD10_HEMOPHILIA_B } from "@/criteria";
import { Radios, TextField } from "../draft-fields";
import { YES_NO } from "@/web/components/form-fields";
import type { Draft } from "../../draft";
import { useLiveEvaluation } from "../../hooks/live-evaluation";

function Referral() {
  const { control } = useFormContext<Draft>();
  const referral = useLiveEvaluation(control).evaluation?.referral;
  if (referral === undefined) return null;
  return (
    <div className="mb-6 border-l-8 border-blue-800 bg-blue-50 p-4">
      <h2 className="text-xl font-bold">This request goes to policy {referral.policy}</h2>
      <p className="mt-2">{referral.reason}. The remaining questions of this request are not needed.</p>
    </div>
  );
}

export function DiagnosisStep() {
  const { control } = useFormContext<Draft>();
  const condition = useWatch({ control, name: "diagnosis.condition" });
  const labelChange = useWatch({ control, name: "diagnosis.recentLabelChange" });
  return (
    <>
      <Radios
        name="diagnosis.condition"
        legend="Diagnosis"
        options={[
          {
            value: "congenital_hemophilia_b",
            label: CONDITION_LABELS.congenital_hemophilia_b,
            hint: `ICD-10 ${ICD10_HEMOPHILIA_B}`,
          },
          { value: "other", label: CONDITION_LABELS.other },
        ]}
      />
      {condition !== "" && (
        <>
          <TextField
            name="diagnosis.icd10"
            label="ICD-10 code (optional)"
            hint={
              condition === "other"
                ? "The code of the diagnosis"
                : "Left blank, D67 (hereditary factor IX deficiency) is used"
            }
            width="w-32"
          />
          <TextField
            name="diagnosis.factorIxActivityPercent"
            label="Baseline factor IX activity"
            hint="Percent of normal (1 IU/dL = 1%). 2% or less is needed (I.A.4)."
            inputMode="decimal"
            width="w-24"
            suffix="%"
          />
        </>
      )}
      {condition === "other" && (
        <>
          <TextField name="diagnosis.otherDescription" label="Describe the diagnosis or use" />
          <Radios
            name="diagnosis.recentLabelChange"
            legend="Has Hemgenix had a label change in the last 6 months that is not yet in this policy?"
            hint="For example a newly approved indication, an age expansion or a new dosing regimen"
            inline
            options={YES_NO}
          />
          {labelChange === "yes" && (
            <Radios
              name="diagnosis.onFormulary"
              legend="Is Hemgenix on the formulary (or preferred drug list, for Medicaid) for this member?"
              inline
              options={YES_NO}
            />
          )}
          <Referral />
        </>
      )}
    </>
  );
}
