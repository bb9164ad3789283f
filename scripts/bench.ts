/**
 * `npm run bench`: throughput and median latency of the criteria library on a realistic
 * document (the eligible example with a few more bleeds and assays). Figures go in the README;
 * nothing here is a pass/fail test, since these machines are noisy.
 */
import { performance } from "node:perf_hooks";
import { checkRequest, evaluate, validateRequestDocument, type RequestDocument } from "@/criteria";
import { eligible } from "@fixtures";

const doc: RequestDocument = eligible((d) => {
  d.bleeds = [
    { date: "2024-01-10", site: "skin_soft_tissue", spontaneous: false },
    { date: "2024-08-02", site: "muscle", spontaneous: false },
    { date: "2025-09-14", site: "joint", spontaneous: true },
    { date: "2026-03-30", site: "mucous_membrane", spontaneous: true },
  ];
  d.inhibitor = {
    historyOfInhibitor: false,
    assays: [
      { date: "2025-06-01", bethesdaUnits: 0.2 },
      { date: "2026-04-10", bethesdaUnits: 0.7 },
      { date: "2026-04-20", bethesdaUnits: 0.1 },
      { date: "2026-10-02", bethesdaUnits: 0.2 },
    ],
  };
});
const raw: unknown = JSON.parse(JSON.stringify(doc));

function measure(name: string, fn: () => unknown, batches = 41, perBatch = 2000): void {
  for (let i = 0; i < 5000; i++) fn(); // warm-up for the JIT
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    perCall.push(((performance.now() - start) * 1000) / perBatch);
  }
  perCall.sort((a, b) => a - b);
  const median = perCall[Math.floor(perCall.length / 2)] ?? Number.NaN;
  const p90 = perCall[Math.floor(perCall.length * 0.9)] ?? Number.NaN;
  console.log(
    `${name.padEnd(28)} median ${median.toFixed(2).padStart(7)} µs   p90 ${p90.toFixed(2).padStart(7)} µs   ${Math.round(
      1e6 / median,
    )
      .toLocaleString("en-US")
      .padStart(9)} /s`,
  );
}

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
measure("evaluate (valid document)", () => evaluate(doc));
measure("validate", () => validateRequestDocument(raw));
measure("validate + evaluate", () => checkRequest(raw));
