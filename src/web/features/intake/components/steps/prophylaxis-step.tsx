import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { BLEED_SITE_LABELS, BLEED_SITES, FACTOR_IX_PRODUCTS } from "@/criteria";
import { Button } from "@/web/components/buttons";
import { Radios, Select, TextField, YES_NO, inputId } from "@/web/components/form-fields";
import type { Draft } from "../../draft";
import { focusWhenPresent } from "../question-link";

function AppendixD() {
  return (
    <details className="mb-6">
      <summary className="cursor-pointer underline">Serious and spontaneous bleeds (policy Appendix D)</summary>
      <div className="mt-2 space-y-2 border-l-4 border-slate-300 pl-4">
        <p>
          <span className="font-bold">Serious sites:</span> intracranial; neck or throat; gastrointestinal; joints
          (hemarthrosis); muscles (especially deep compartments such as the iliopsoas, calf and forearm); mucous
          membranes of the mouth, nose and genitourinary tract.
        </p>
        <p>
          <span className="font-bold">Spontaneous:</span> a bleed with no apparent cause, not the result of trauma.
        </p>
        <p>
          I.A.5.b needs at least one spontaneous bleed at a serious site on or after the start of routine prophylaxis.
        </p>
      </div>
    </details>
  );
}

function Bleeds() {
  const { control } = useFormContext<Draft>();
  const { fields, append, remove } = useFieldArray({ control, name: "bleeds" });
  return (
    <div className="mb-6">
      {fields.map((field, index) => (
        <fieldset key={field.id} className="mb-4 border-2 border-slate-300 p-4">
          <legend className="px-1 text-lg font-bold">Bleeding episode {index + 1}</legend>
          <TextField name={`bleeds.${index}.date`} type="date" label="Date" width="w-48" />
          <Select
            name={`bleeds.${index}.site`}
            label="Site"
            options={BLEED_SITES.map((site) => ({ value: site, label: BLEED_SITE_LABELS[site] }))}
          />
          <Radios
            name={`bleeds.${index}.spontaneous`}
            legend="Was it spontaneous?"
            inline
            options={[
              { value: "yes", label: "Spontaneous" },
              { value: "no", label: "Traumatic" },
            ]}
          />
          <Button variant="secondary" onClick={() => remove(index)}>
            Remove bleeding episode {index + 1}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() => {
          append({ date: "", site: "", spontaneous: "" }, { shouldFocus: false });
          focusWhenPresent(inputId(`bleeds.${fields.length}.date`));
        }}
      >
        Add a bleeding episode
      </Button>
    </div>
  );
}

export function ProphylaxisStep() {
  const { control } = useFormContext<Draft>();
  const onRecord = useWatch({ control, name: "bleedsOnRecord" });
  return (
    <>
      <Select
        name="prophylaxis.product"
        label="Factor IX product used for routine prophylaxis"
        hint="Appendix B lists the preferred products"
        options={FACTOR_IX_PRODUCTS.map((p) => ({ value: p, label: p === "other" ? "Another factor IX product" : p }))}
      />
      <TextField
        name="prophylaxis.startDate"
        type="date"
        label="Start of continuous routine prophylaxis"
        hint="At least 12 months before the request date (I.A.5.a)"
        width="w-48"
      />
      <Radios
        name="prophylaxis.adherenceDocumented"
        legend="Does the prescriber document adherence to prophylaxis?"
        inline
        options={YES_NO}
      />
      <h2 className="mb-4 text-2xl font-bold">Bleeding episodes</h2>
      <AppendixD />
      <Radios
        name="bleedsOnRecord"
        legend="Are there bleeding episodes on record?"
        hint="Record every bleed since prophylaxis started; the request needs a spontaneous bleed at a serious site"
        inline
        options={YES_NO}
      />
      {onRecord === "yes" && <Bleeds />}
    </>
  );
}
