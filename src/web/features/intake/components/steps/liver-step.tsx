import { useFormContext } from "react-hook-form";
import { Radios, TextField, YES_NO } from "@/web/components/form-fields";
import type { Draft } from "../../draft";
import { useLiveEvaluation } from "../../hooks/live-evaluation";

const ANALYTES = [
  ["alt", "ALT (alanine aminotransferase)", "U/L"],
  ["ast", "AST (aspartate aminotransferase)", "U/L"],
  ["alp", "ALP (alkaline phosphatase)", "U/L"],
  ["totalBilirubin", "Total bilirubin", "mg/dL"],
] as const;

const RESULT = [
  { value: "normal", label: "Normal" },
  { value: "abnormal", label: "Abnormal" },
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
      <TextField
        name="liver.enzymes.date"
        type="date"
        label="Date drawn"
        hint="Within the last 3 months (I.A.8.a)"
        width="w-48"
      />
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
      <TextField name="liver.ultrasound.date" type="date" label="Hepatic ultrasound date" width="w-48" />
      <Radios name="liver.ultrasound.result" legend="Hepatic ultrasound result" inline options={RESULT} />
      <TextField name="liver.elastography.date" type="date" label="Elastography date" width="w-48" />
      <Radios name="liver.elastography.result" legend="Elastography result" inline options={RESULT} />
      <Attestation />
    </>
  );
}
