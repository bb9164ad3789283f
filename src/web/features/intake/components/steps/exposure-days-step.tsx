import { TextField } from "../draft-fields";

export function ExposureDaysStep() {
  return (
    <>
      <TextField
        name="exposureDays"
        label="Cumulative factor IX exposure days"
        hint="A whole number. At least 150 are needed (I.A.6)."
        inputMode="numeric"
        width="w-32"
      />
      <details className="mb-6">
        <summary className="cursor-pointer underline">What counts as an exposure day</summary>
        <p className="mt-2 border-l-4 border-slate-300 pl-4">
          A day on which factor concentrate was infused to treat or prevent a bleed. Only days with an infusion count
          (policy Appendix D).
        </p>
      </details>
    </>
  );
}
