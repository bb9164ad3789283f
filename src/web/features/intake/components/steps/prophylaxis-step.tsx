import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import {
  BLEED_CAUSE_LABELS,
  BLEED_SITE_LABELS,
  BLEED_SITES,
  FACTOR_IX_PRODUCT_LABELS,
  FACTOR_IX_PRODUCTS,
} from "@/criteria";
import { Button } from "@/web/components/buttons";
import { DateInput, Radios, Select } from "../draft-fields";
import { YES_NO, inputId } from "@/web/components/form-fields";
import { emptyDateParts } from "@/web/lib/date-parts";
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
          <DateInput name={`bleeds.${index}.date`} legend="Date of the bleed" />
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
              { value: "yes", label: BLEED_CAUSE_LABELS.spontaneous },
              { value: "no", label: BLEED_CAUSE_LABELS.traumatic },
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
          append({ date: emptyDateParts(), site: "", spontaneous: "" }, { shouldFocus: false });
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
        options={FACTOR_IX_PRODUCTS.map((p) => ({ value: p, label: FACTOR_IX_PRODUCT_LABELS[p] }))}
      />
      <DateInput
        name="prophylaxis.startDate"
        legend="Start of continuous routine prophylaxis"
        hint="At least 12 months before the request date (I.A.5.a)."
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
