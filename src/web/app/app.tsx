import { CRITERIA, CRITERION_IDS, HCPCS_CODE, POLICY_ID, POLICY_VERSION } from "@/criteria";

/** The application shell. The intake wizard, summary and review features plug in here. */
export function App() {
  return (
    <div className="min-h-screen bg-white text-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-yellow-300 focus:p-2">
        Skip to main content
      </a>
      <header className="border-b-8 border-blue-700 bg-slate-900 text-white">
        <div className="mx-auto max-w-5xl px-4 py-4">
          <p className="text-lg font-bold">Hemgenix prior authorization</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-3xl font-bold">Request prior authorization for Hemgenix</h1>
        <p className="mt-4 max-w-2xl text-lg">
          Etranacogene dezaparvovec-drlb ({HCPCS_CODE}), a one-time gene therapy for adults with congenital hemophilia B,
          under policy {POLICY_ID} ({POLICY_VERSION}).
        </p>
        <h2 className="mt-8 text-2xl font-bold">What the request must show</h2>
        <ul className="mt-4 max-w-2xl list-disc space-y-1 pl-6">
          {CRITERION_IDS.map((id) => (
            <li key={id}>
              <span className="font-semibold">{id}</span> {CRITERIA[id].title}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
