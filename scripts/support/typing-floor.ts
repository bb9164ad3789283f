/**
 * The framework's floor for `bench-typing.ts`: the smallest page this stack makes of the same
 * interaction, one input registered with react-hook-form and one line that `useWatch` re-renders
 * (React 19, production build). What it measures is what React's event system, react-hook-form
 * and one commit cost before the app does anything of its own.
 */
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";
import { useForm, useWatch, type Control } from "react-hook-form";

interface Values {
  days: string;
}

function Line({ control }: { control: Control<Values> }) {
  const days = useWatch({ control, name: "days" });
  return h("p", null, `${days} exposure days: ${Number(days) >= 150 ? "met" : "not met"}`);
}

function Floor() {
  const { register, control } = useForm<Values>({ defaultValues: { days: "" } });
  return h(
    "main",
    null,
    h("label", { htmlFor: "days" }, "Cumulative factor IX exposure days"),
    h("input", { id: "days", inputMode: "numeric", ...register("days") }),
    h(
      "aside",
      { "aria-labelledby": "eligibility-title" },
      h("h2", { id: "eligibility-title" }, "Eligibility"),
      h(Line, { control }),
    ),
  );
}

const root = document.getElementById("root");
if (root === null) throw new Error("No #root on the floor page.");
createRoot(root).render(h(Floor));
