import { useFormContext, useWatch } from "react-hook-form";
import { weightInKg } from "@/criteria";
import { DateInput, Radios, TextField } from "../draft-fields";
import type { Draft } from "../../draft";

function WeightInKg() {
  const { control } = useFormContext<Draft>();
  const weight = useWatch({ control, name: "member.weight" });
  const value = Number(weight.value.trim());
  if (weight.value.trim() === "" || weight.unit === "" || !Number.isFinite(value) || value <= 0) return null;
  return <p className="-mt-4 mb-6 text-lg">That is {weightInKg({ value, unit: weight.unit })} kg.</p>;
}

export function MemberStep() {
  return (
    <>
      <TextField name="member.firstName" label="First name" autoComplete="off" />
      <TextField name="member.lastName" label="Last name" autoComplete="off" />
      <TextField
        name="member.memberId"
        label="Member ID"
        hint="As shown on the member's health plan card"
        width="w-48"
      />
      <DateInput name="member.dateOfBirth" legend="Date of birth" />
      <fieldset className="mb-2">
        <legend className="mb-2 text-lg font-bold">Weight</legend>
        <div className="flex flex-wrap items-start gap-6">
          <TextField name="member.weight.value" label="Weight value" inputMode="decimal" width="w-32" />
          <Radios
            name="member.weight.unit"
            legend="Unit"
            inline
            options={[
              { value: "kg", label: "kg" },
              { value: "lb", label: "lb" },
            ]}
          />
        </div>
      </fieldset>
      <WeightInKg />
    </>
  );
}
