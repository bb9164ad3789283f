import { useFormContext, useWatch } from "react-hook-form";
import { SPECIALTY_LABELS, isValidNpi } from "@/criteria";
import { Radios, TextField } from "../draft-fields";
import { YES_NO } from "@/web/components/form-fields";
import type { Draft } from "../../draft";

/** NPI feedback as typed: polite, beside the field, never blocking. */
function NpiCheck() {
  const { control } = useFormContext<Draft>();
  const npi = useWatch({ control, name: "prescriber.npi" }).trim();
  if (npi.length < 10) return null;
  return (
    <p className="-mt-4 mb-6" aria-live="polite">
      {isValidNpi(npi)
        ? "✓ This NPI's check digit is correct."
        : "This is not a valid NPI: it must be 10 digits with a correct check digit."}
    </p>
  );
}

export function PrescriberStep() {
  const { control } = useFormContext<Draft>();
  const specialty = useWatch({ control, name: "prescriber.specialty" });
  return (
    <>
      <TextField name="prescriber.name" label="Prescriber's name" />
      <TextField name="prescriber.npi" label="Prescriber's NPI" hint="10 digits" inputMode="numeric" width="w-48" />
      <NpiCheck />
      <Radios
        name="prescriber.specialty"
        legend="Prescriber's specialty"
        options={[
          { value: "hematology", label: SPECIALTY_LABELS.hematology },
          { value: "other", label: SPECIALTY_LABELS.other },
        ]}
      />
      {specialty === "other" && (
        <Radios
          name="prescriber.hematologistConsulted"
          legend="Was a hematologist consulted?"
          inline
          options={YES_NO}
        />
      )}
    </>
  );
}
