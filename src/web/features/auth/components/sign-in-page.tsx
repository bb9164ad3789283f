/** Sign in (GOV.UK question page pattern). In demo mode the demo accounts are listed beside it. */
import { useState, type SyntheticEvent } from "react";
import { navigate } from "@/web/lib/router";
import { Button } from "@/web/components/buttons";
import { ErrorSummary, type SummaryError } from "@/web/components/error-summary";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { useSignIn } from "@/web/api/session";
import { paths } from "@/web/lib/paths";
import { sessionEndedNoted } from "@/web/lib/signed-in-here";
import { useDemoUsers } from "../api/demo-users";

const homeOf = (role: string): string =>
  role === "staff" ? paths.myRequests() : role === "admin" ? paths.accounts() : paths.queue();

export function SignInPage() {
  const signIn = useSignIn();
  const demo = useDemoUsers();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  // Read once: the notice stays while this page does, and is gone after the next sign-in.
  const [sessionEnded] = useState(sessionEndedNoted);
  useDocumentTitle("Sign in", errors.length > 0);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problems: SummaryError[] = [];
    if (email.trim() === "") problems.push({ fieldId: "sign-in-email", message: "Enter your email address" });
    if (password === "") problems.push({ fieldId: "sign-in-password", message: "Enter your password" });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (session) => navigate(homeOf(session.user.role)),
        onError: (error) => {
          setErrors([{ fieldId: "sign-in-email", message: error.message }]);
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-10 lg:grid-cols-[minmax(0,28rem)_1fr]">
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} focusKey={attempt} />
        {sessionEnded && <SessionEndedBanner />}
        <h1 className="mb-6 text-3xl font-bold">Sign in</h1>
        <p className="mb-6">
          Office staff sign in to submit requests, medical-director reviewers to review them, administrators to manage
          accounts. A self-check needs no account.
        </p>
        {(["email", "password"] as const).map((name) => {
          const id = `sign-in-${name}`;
          const error = fieldError(id);
          return (
            <div key={name} className={`mb-6 ${error !== undefined ? "border-l-4 border-red-700 pl-4" : ""}`}>
              <label htmlFor={id} className="mb-1 block text-lg font-bold">
                {name === "email" ? "Email address" : "Password"}
              </label>
              {error !== undefined && (
                <p id={`${id}-error`} className="mb-2 font-bold text-red-700">
                  <span className="sr-only">Error: </span>
                  {error}
                </p>
              )}
              <input
                id={id}
                type={name}
                autoComplete={name === "email" ? "username" : "current-password"}
                value={name === "email" ? email : password}
                onChange={(e) => (name === "email" ? setEmail(e.target.value) : setPassword(e.target.value))}
                aria-invalid={error !== undefined || undefined}
                aria-describedby={error !== undefined ? `${id}-error` : undefined}
                className="block w-full border-2 border-slate-900 px-2 py-1.5 text-lg"
              />
            </div>
          );
        })}
        <Button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {demo.data?.demo === true && (
        <section aria-labelledby="demo-title" className="border-l-8 border-blue-800 bg-blue-50 p-4">
          <h2 id="demo-title" className="text-xl font-bold">
            Demo accounts
          </h2>
          <p className="mt-2">This server runs in demo mode. Sign in as any role:</p>
          <table className="mt-3 w-full text-left">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Email</th>
                <th scope="col">Password</th>
              </tr>
            </thead>
            <tbody>
              {demo.data.users.map((user) => (
                <tr key={user.email} className="border-t border-blue-200">
                  <td className="py-1 pr-3">
                    {user.role}
                    {user.email.startsWith("other") ? " (another practice)" : ""}
                  </td>
                  <td className="py-1 pr-3 break-all">
                    <code>{user.email}</code>
                  </td>
                  <td className="py-1">
                    <code>{user.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

/** GOV.UK "important" notification banner: why this person is on the sign-in page again. */
function SessionEndedBanner() {
  return (
    <div role="region" aria-labelledby="session-ended-title" className="mb-8 border-4 border-blue-800">
      <h2 id="session-ended-title" className="bg-blue-800 px-4 py-1 text-base font-bold text-white">
        Important
      </h2>
      <div className="px-4 py-4">
        <p className="text-lg font-bold">Your session ended, so you were signed out.</p>
        <p className="mt-2">
          Sessions end after a time without activity, 12 hours after signing in, or when an administrator changes the
          account. To protect the patient&apos;s details, the request kept in this browser was cleared. A draft saved on
          the server is still there once you sign in again.
        </p>
      </div>
    </div>
  );
}
