/** The administration area's pages by path (admins only; the caller checks the role). */
import type { ReactNode } from "react";
import { AccountPage } from "./account-page";
import { AccountsPage } from "./accounts-page";
import { AddAccountPage } from "./add-account-page";
import { ChangeAccountPage } from "./change-account-pages";
import { PracticesPage, RenamePracticePage } from "./practices-page";

const ID = "([1-9][0-9]{0,9})";

const ROUTES: readonly [RegExp, (match: RegExpExecArray) => ReactNode][] = [
  [/^\/admin(\/users)?$/, () => <AccountsPage />],
  [/^\/admin\/users\/new$/, () => <AddAccountPage />],
  [new RegExp(`^/admin/users/${ID}$`), ([, id]) => <AccountPage id={Number(id)} />],
  [
    new RegExp(`^/admin/users/${ID}/(details|password|status)$`),
    ([, id, which]) => (
      <ChangeAccountPage key={`${id}/${which}`} id={Number(id)} which={which as "details" | "password" | "status"} />
    ),
  ],
  [/^\/admin\/practices$/, () => <PracticesPage />],
  [new RegExp(`^/admin/practices/${ID}$`), ([, id]) => <RenamePracticePage key={id} id={Number(id)} />],
];

/** The page at `path`, or undefined when no admin page lives there. */
export function adminPage(path: string): ReactNode | undefined {
  const clean = path.length > 1 ? path.replace(/\/$/, "") : path;
  for (const [pattern, render] of ROUTES) {
    const match = pattern.exec(clean);
    if (match !== null) return render(match);
  }
  return undefined;
}
