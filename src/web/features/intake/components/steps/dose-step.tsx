import { useFormContext } from "react-hook-form";
import { formatGenomeCopies } from "@/criteria";
import { TextField } from "../draft-fields";
import type { Draft } from "../../draft";
import { useLiveEvaluation } from "../../hooks/live-evaluation";

function DoseCalculator() {
  const { control } = useFormContext<Draft>();
  const dose = useLiveEvaluation(control).evaluation?.dose;
  if (dose === undefined) return <p className="mb-6">Enter the member's weight to calculate the dose.</p>;
  const rows: [string, string][] = [
    ["Weight", `${dose.weightKg} kg`],
    ["Maximum total dose", `${formatGenomeCopies(dose.maxTotalGc)} genome copies`],
    [
      "Requested total dose",
      dose.requestedTotalGc === undefined
        ? "Not requested yet"
        : `${formatGenomeCopies(dose.requestedTotalGc)} genome copies`,
    ],
    ["Infusion volume", `${dose.volumeMl} mL (at 1 × 10^13 gc/mL)`],
    ["Vials needed", `${dose.vials} (at least 10 mL each)`],
    [
      "Kit",
      dose.kitVials === undefined
        ? "More than the largest kit (48 vials): contact the manufacturer"
        : `${dose.kitVials}-vial kit`,
    ],
  ];
  return (
    <dl
      className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 border-2 border-slate-300 p-4"
      aria-label="Dose calculation"
    >
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-bold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DoseStep() {
  return (
    <>
      <TextField
        name="dose.requestedGcPerKg"
        label="Requested dose"
        hint="In units of 10^13 genome copies per kg of body weight. The maximum is 2 (2 × 10^13 gc/kg, I.A.11)."
        inputMode="decimal"
        width="w-24"
        suffix="× 10^13 gc/kg"
      />
      <DoseCalculator />
    </>
  );
}
