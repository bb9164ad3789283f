/**
 * The header's account links after the always-present "Self-check" link: who is signed in, their
 * pages, sign out; or a sign-in link. Until the session is known it holds the signed-out line's
 * place, so the page does not shift for the many who use the self-check signed out.
 */
import { useSession, useSignOut } from "@/web/api/session";
import { AccountPlaceholder } from "@/web/components/account-placeholder";
import { AppLink as NavLink } from "@/web/components/app-link";
import { paths } from "@/web/lib/paths";
import { navigate } from "@/web/lib/router";

export function AccountBar({ forgetLocalData }: { forgetLocalData: () => void }) {
  const session = useSession();
  const signOut = useSignOut(forgetLocalData);
  if (session.isPending) return <AccountPlaceholder />;
  const user = session.data?.user;
  return (
    <>
      {user === undefined ? (
        <NavLink to={paths.signIn()}>Sign in</NavLink>
      ) : (
        <>
          {user.role === "staff" ? (
            <NavLink to={paths.myRequests()}>My requests</NavLink>
          ) : (
            <NavLink to={paths.queue()}>Review queue</NavLink>
          )}
          {user.role === "admin" && <NavLink to={paths.accounts()}>Accounts and practices</NavLink>}
          <span>
            {user.name} ({user.role}
            {user.practiceName !== null ? `, ${user.practiceName}` : ""})
          </span>
          <button
            type="button"
            className="underline hover:no-underline"
            onClick={() =>
              signOut.mutate(undefined, {
                onSettled: () => navigate(paths.signIn()),
              })
            }
          >
            Sign out
          </button>
        </>
      )}
    </>
  );
}
