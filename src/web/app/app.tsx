/** The application shell: wires the features together. Only the intake is in the first bundle. */
import { lazy, Suspense } from "react";
import { IntakePage } from "@/web/features/intake/components/intake-page";

const RequestSummary = lazy(() =>
  import("@/web/features/summary/components/request-summary").then((m) => ({ default: m.RequestSummary })),
);

export function App() {
  return (
    <div className="min-h-screen bg-white text-slate-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-yellow-300 focus:p-2 print:hidden"
      >
        Skip to main content
      </a>
      <header className="border-b-8 border-blue-700 bg-slate-900 text-white print:hidden">
        <div className="mx-auto max-w-7xl px-4 py-4">
          <p className="text-lg font-bold">Hemgenix prior authorization</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 print:max-w-none print:p-0">
        <IntakePage
          renderSummary={(props) => (
            <Suspense fallback={<p aria-live="polite">Loading…</p>}>
              <RequestSummary {...props} />
            </Suspense>
          )}
        />
      </main>
    </div>
  );
}
