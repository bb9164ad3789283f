import { useFormContext } from "react-hook-form";
import { LIVER_TEST_UNITS, STUDY_RESULT_LABELS } from "@/criteria";
import { DateInput, Radios, TextField } from "../draft-fields";
import { YES_NO } from "@/web/components/form-fields";
import type { Draft } from "../../draft";
import { useLiveEvaluation } from "../../hooks/live-evaluation";

const ANALYTES = [
  ["alt", "ALT (alanine aminotransferase)", LIVER_TEST_UNITS.alt],
  ["ast", "AST (aspartate aminotransferase)", LIVER_TEST_UNITS.ast],
  ["alp", "ALP (alkaline phosphatase)", LIVER_TEST_UNITS.alp],
  ["totalBilirubin", "Total bilirubin", LIVER_TEST_UNITS.totalBilirubin],
] as const;

const RESULT = [
  { value: "normal", label: STUDY_RESULT_LABELS.normal },
  { value: "abnormal", label: STUDY_RESULT_LABELS.abnormal },
] as const;

/** Shown only while a recent liver result is abnormal (the library decides: I.A.8.c applies). */
function Attestation() {
  const { control } = useFormContext<Draft>();
  const attestation = useLiveEvaluation(control).evaluation?.criteria.find((c) => c.id === "I.A.8.c");
  if (attestation === undefined || attestation.status === "not_applicable") return null;
  return (
    <Radios
      name="liver.hepatologistAttestation"
      legend="Does a hepatologist attest that the member is eligible for Hemgenix?"
      hint="Needed because a recent liver result is abnormal (I.A.8.c)"
      inline
      options={YES_NO}
    />
  );
}

export function LiverStep() {
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">Liver enzymes</h2>
      <DateInput name="liver.enzymes.date" legend="Date drawn" hint="Within the last 3 months (I.A.8.a)." />
      {ANALYTES.map(([key, name, unit]) => (
        <fieldset key={key} className="mb-2">
          <legend className="mb-2 text-lg font-bold">{name}</legend>
          <div className="flex flex-wrap gap-6">
            <TextField
              name={`liver.enzymes.${key}.value`}
              label="Result"
              inputMode="decimal"
              width="w-32"
              suffix={unit}
            />
            <TextField
              name={`liver.enzymes.${key}.upperLimit`}
              label="Upper limit of normal"
              inputMode="decimal"
              width="w-32"
              suffix={unit}
            />
          </div>
        </fieldset>
      ))}
      <h2 className="mb-4 text-2xl font-bold">Imaging</h2>
      <DateInput name="liver.ultrasound.date" legend="Hepatic ultrasound date" />
      <Radios name="liver.ultrasound.result" legend="Hepatic ultrasound result" inline options={RESULT} />
      <DateInput name="liver.elastography.date" legend="Elastography date" />
      <Radios name="liver.elastography.result" legend="Elastography result" inline options={RESULT} />
      <Attestation />
    </>
  );
}
