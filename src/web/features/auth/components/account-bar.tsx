/** The header's account area: who is signed in, their pages, sign out; or a sign-in link. */
import { navigate } from "@/web/app/router";
import { useSession, useSignOut } from "@/web/api/session";
import { AppLink as NavLink } from "@/web/components/app-link";

export function AccountBar({ forgetLocalData }: { forgetLocalData: () => void }) {
  const session = useSession();
  const signOut = useSignOut(forgetLocalData);
  if (session.isPending) return null;
  const user = session.data?.user;
  return (
    <nav aria-label="Account" className="flex flex-wrap items-center gap-4 text-base">
      <NavLink to="/">Self-check and new request</NavLink>
      {user === undefined ? (
        <NavLink to="/sign-in">Sign in</NavLink>
      ) : (
        <>
          {user.role === "staff" ? (
            <NavLink to="/requests">My requests</NavLink>
          ) : (
            <NavLink to="/review">Review queue</NavLink>
          )}
          {user.role === "admin" && <NavLink to="/admin/users">Accounts and practices</NavLink>}
          <span>
            {user.name} ({user.role}
            {user.practiceName !== null ? `, ${user.practiceName}` : ""})
          </span>
          <button
            type="button"
            className="underline hover:no-underline"
            onClick={() =>
              signOut.mutate(undefined, {
                onSettled: () => navigate("/sign-in"),
              })
            }
          >
            Sign out
          </button>
        </>
      )}
    </nav>
  );
}
