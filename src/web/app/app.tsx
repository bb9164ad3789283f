/**
 * The application shell: wires the features together by path. Only the intake wizard is in the
 * first bundle; everything that needs the server (account, submissions, review) loads on demand.
 */
import { lazy, Suspense } from "react";
import { AccountPlaceholder } from "@/web/components/account-placeholder";
import { AppLink } from "@/web/components/app-link";
import { IntakePage } from "@/web/features/intake/components/intake-page";
import { MAIN_CONTENT_ID, useFocusHeadingAfterNavigation, useFocusNeverLost } from "@/web/lib/focus-after-navigation";
import { MainContent } from "@/web/components/main-content";
import { isIntakeRoute, matchRoute, paths } from "@/web/lib/paths";
import { useLocation } from "@/web/lib/router";

// The summary with what came from the patient's record, and the submit that sends it (#12).
const WizardSummary = lazy(() => import("@/web/components/wizard-summary").then((m) => ({ default: m.WizardSummary })));
const SignedInPages = lazy(() => import("./signed-in-pages"));
// Fill from the patient's record: the FHIR mapping and fhirclient load only when it is opened.
const RecordImportPage = lazy(() => import("@/web/features/record-import/record-import-page"));
const AccountBar = lazy(() => import("./account").then((m) => ({ default: m.LazyAccountBar })));
const ServerDraftSync = lazy(() => import("./account").then((m) => ({ default: m.LazyServerDraftSync })));
const AmendmentMessage = lazy(() => import("./account").then((m) => ({ default: m.LazyAmendmentMessage })));
const SubmitPanel = lazy(() => import("./account").then((m) => ({ default: m.LazySubmitPanel })));
const Documents = lazy(() => import("./account").then((m) => ({ default: m.LazyDocuments })));
const SummaryDocuments = lazy(() => import("./account").then((m) => ({ default: m.LazySummaryDocuments })));

const loading = <p role="status">Loading…</p>;

export function App() {
  const location = useLocation();
  const path = location.split("?")[0] ?? "/";
  const route = matchRoute(location);
  // Focus goes to the page's heading, never to <body>: after a page change, and whenever what had it goes away.
  useFocusHeadingAfterNavigation(path);
  useFocusNeverLost();
  return (
    <div className="min-h-screen bg-white text-slate-900">
      {/* GOV.UK's skip link: the first Tab stop of every page, past the header (and the wizard's step list). */}
      <a
        href={`#${MAIN_CONTENT_ID}`}
        className="sr-only block bg-yellow-300 px-4 py-2 text-lg text-slate-900 underline focus:not-sr-only print:hidden"
      >
        Skip to main content
      </a>
      <header className="border-b-8 border-blue-700 bg-slate-900 text-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 lg:gap-y-4 lg:py-4">
          <p className="text-lg font-bold">Hemgenix prior authorization</p>
          {/* The account links load after the page; the placeholder keeps the signed-out line's place. */}
          <nav aria-label="Account" className="flex min-h-7 flex-wrap items-center gap-4 text-base">
            <AppLink to={paths.start()}>Self-check and new request</AppLink>
            <Suspense fallback={<AccountPlaceholder />}>
              <AccountBar />
            </Suspense>
          </nav>
        </div>
      </header>
      {/* The wizard puts its question column in <main>, after the step list; other pages are all main. */}
      <div className="mx-auto max-w-7xl px-4 py-6 lg:py-8 print:max-w-none print:p-0">
        {isIntakeRoute(route) ? (
          <IntakePage
            formExtras={
              <Suspense fallback={null}>
                <AmendmentMessage />
                <ServerDraftSync />
              </Suspense>
            }
            renderDocuments={(place) => (
              <Suspense fallback={null}>
                <Documents place={place} />
              </Suspense>
            )}
            renderRecordPage={(target) => (
              <Suspense fallback={loading}>
                <RecordImportPage target={target} />
              </Suspense>
            )}
            renderSummary={(props) => (
              <Suspense fallback={loading}>
                <WizardSummary
                  {...props}
                  documents={
                    <Suspense fallback={null}>
                      <SummaryDocuments document={props.document} evaluation={props.evaluation} />
                    </Suspense>
                  }
                  renderSubmit={(provenance) => (
                    <SubmitPanel document={props.document} evaluation={props.evaluation} provenance={provenance} />
                  )}
                />
              </Suspense>
            )}
          />
        ) : (
          <MainContent>
            <Suspense fallback={loading}>
              <SignedInPages route={route} />
            </Suspense>
          </MainContent>
        )}
      </div>
    </div>
  );
}
