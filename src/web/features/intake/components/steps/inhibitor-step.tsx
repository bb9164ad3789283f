import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/web/components/buttons";
import { DateInput, Radios, TextField } from "../draft-fields";
import { YES_NO, inputId } from "@/web/components/form-fields";
import { emptyDateParts } from "@/web/lib/date-parts";
import type { Draft } from "../../draft";
import { focusWhenPresent } from "../question-link";

function Assays() {
  const { control } = useFormContext<Draft>();
  const { fields, append, remove } = useFieldArray({ control, name: "inhibitor.assays" });
  return (
    <div className="mb-6">
      {fields.map((field, index) => (
        <fieldset key={field.id} className="mb-4 border-2 border-slate-300 p-4">
          <legend className="px-1 text-lg font-bold">Assay {index + 1}</legend>
          <DateInput name={`inhibitor.assays.${index}.date`} legend="Date drawn" />
          <TextField
            name={`inhibitor.assays.${index}.bethesdaUnits`}
            label="Result"
            hint="Below 0.6 BU is negative"
            inputMode="decimal"
            width="w-24"
            suffix="BU"
          />
          <Button variant="secondary" onClick={() => remove(index)}>
            Remove assay {index + 1}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() => {
          append({ date: emptyDateParts(), bethesdaUnits: "" }, { shouldFocus: false });
          focusWhenPresent(inputId(`inhibitor.assays.${fields.length}.date`));
        }}
      >
        Add an assay
      </Button>
    </div>
  );
}

export function InhibitorStep() {
  const { control } = useFormContext<Draft>();
  const onRecord = useWatch({ control, name: "inhibitor.assaysOnRecord" });
  return (
    <>
      <Radios
        name="inhibitor.historyOfInhibitor"
        legend="Is there a documented history of a detectable factor IX inhibitor?"
        inline
        options={YES_NO}
      />
      <Radios
        name="inhibitor.assaysOnRecord"
        legend="Are there inhibitor assay (Bethesda) results on record?"
        hint="Enter every assay: a negative one in the last 12 months is needed, and any positive one needs a negative retest 1 to 14 days later"
        inline
        options={YES_NO}
      />
      {onRecord === "yes" && <Assays />}
    </>
  );
}
