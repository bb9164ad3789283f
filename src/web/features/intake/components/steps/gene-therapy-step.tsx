import { useFormContext, useWatch } from "react-hook-form";
import { AAV5_RESULT_LABELS } from "@/criteria";
import { Radios, TextField } from "../draft-fields";
import { YES_NO } from "@/web/components/form-fields";
import type { Draft } from "../../draft";

export function GeneTherapyStep() {
  const { control } = useFormContext<Draft>();
  const result = useWatch({ control, name: "aav5.result" });
  return (
    <>
      <Radios name="priorGeneTherapy" legend="Has the member received gene therapy before?" inline options={YES_NO} />
      <Radios
        name="aav5.result"
        legend="AAV5 neutralizing antibody result"
        options={[
          { value: "not_detected", label: AAV5_RESULT_LABELS.not_detected },
          { value: "detected", label: AAV5_RESULT_LABELS.detected },
        ]}
      />
      {result === "detected" && (
        <TextField
          name="aav5.titer"
          label="AAV5 neutralizing antibody titer"
          hint="Enter N of the titer 1:N. 1:678 or less is needed (I.A.10)."
          inputMode="numeric"
          width="w-32"
          prefix="1:"
        />
      )}
    </>
  );
}
