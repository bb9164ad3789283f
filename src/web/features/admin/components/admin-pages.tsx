/** The administration area's page for a route of the app's table (admins only; the caller checks the role). */
import type { ReactNode } from "react";
import type { Route } from "@/web/lib/paths";
import { AccountPage } from "./account-page";
import { AccountsPage } from "./accounts-page";
import { AddAccountPage } from "./add-account-page";
import { ChangeAccountPage } from "./change-account-pages";
import { PracticesPage, RenamePracticePage } from "./practices-page";
import { RecordImportSettingsPage } from "./record-import-settings-page";

/** The page for `route`, or undefined when it is not an admin page. */
export function adminPage(route: Route): ReactNode | undefined {
  switch (route.name) {
    case "accounts":
      return <AccountsPage />;
    case "newAccount":
      return <AddAccountPage />;
    case "account":
      return <AccountPage id={route.id} />;
    case "changeAccount":
      return <ChangeAccountPage key={`${route.id}/${route.which}`} id={route.id} which={route.which} />;
    case "practices":
      return <PracticesPage />;
    case "practice":
      return <RenamePracticePage key={route.id} id={route.id} />;
    case "recordImportSettings":
      return <RecordImportSettingsPage />;
    default:
      return undefined;
  }
}
