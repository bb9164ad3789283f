/**
 * Administration end to end, against the real server and database: an admin adds a practice and
 * an account for its office staff (after the error summary has named every missing answer), the
 * new person signs in in a browser of their own, and deactivating the account signs them out at
 * once. Every admin screen, with and without errors, is checked with axe.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoAxeViolations, signedIn } from "./support/accounts";

// Unique per run of this file, so a rerun on the same database does not collide.
const stamp = Date.now().toString(36);
const practice = `Northside Clinic ${stamp}`;
const email = `nina-${stamp}@northside.test`;
const password = "tulip lantern harbour";

const section = (page: Page, name: "Accounts" | "Practices") =>
  page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name, exact: true });

test("an admin adds a practice and its staff; deactivating the account signs them out", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, "admin@demo.test");
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(admin.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Sam Staff" })).toBeVisible();
  await expectNoAxeViolations(admin);

  // A practice: a blank name is named in the error summary, whose link moves focus to the field.
  await section(admin, "Practices").click();
  await expect(admin.getByRole("heading", { level: 1, name: "Practices" })).toBeVisible();
  // The link pressed is gone with the old page: focus moves to the new page's heading.
  await expect(admin.getByRole("heading", { level: 1, name: "Practices" })).toBeFocused();
  await admin.getByRole("button", { name: "Add practice" }).click();
  const summary = admin.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(admin).toHaveTitle(/^Error: /);
  await summary.getByRole("link", { name: "Enter the practice's name" }).click();
  await expect(admin.getByLabel("Practice name")).toBeFocused();
  await expectNoAxeViolations(admin);
  // A name already taken (in other capitals) is refused by the server, on the field.
  await admin.getByLabel("Practice name").fill("demo HEMATOLOGY clinic");
  await admin.getByRole("button", { name: "Add practice" }).click();
  await expect(summary.getByRole("link", { name: "A practice with this name already exists" })).toBeVisible();
  await expect(admin.getByLabel("Practice name")).toHaveValue("demo HEMATOLOGY clinic");
  await admin.getByLabel("Practice name").fill(practice);
  await admin.getByRole("button", { name: "Add practice" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: `${practice} added` })).toBeFocused();
  await expect(admin.getByRole("row", { name: new RegExp(practice) })).toContainText("0");
  await expectNoAxeViolations(admin);

  // An account: every missing answer named at once, in page order; the practice asked only for staff.
  await section(admin, "Accounts").click();
  await admin.getByRole("link", { name: "Add an account" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Add an account" })).toBeVisible();
  await expect(admin.getByLabel("Practice", { exact: true })).toHaveCount(0);
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the person's full name",
    "Choose a role: staff, reviewer or admin",
    "Enter the email address",
    "Password must be at least 12 characters (a few unrelated words make a good one)",
    "Enter your own current password: adding an account, changing a role or practice, setting a password or reactivating an account needs it",
  ]);
  await expectNoAxeViolations(admin);
  await admin.getByLabel("Full name").fill("Nina Northside");
  await admin.getByLabel("Office staff").check();
  await admin.getByLabel("Email address").fill(email);
  await admin.getByLabel("First password").fill(password);
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(summary.getByRole("link")).toHaveText(["Choose the practice this person works for"]);
  await summary.getByRole("link").click();
  await expect(admin.getByLabel("Practice", { exact: true })).toBeFocused();
  await admin.getByLabel("Practice", { exact: true }).selectOption({ label: practice });
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(admin.getByRole("alert").filter({ hasText: "Account added for Nina Northside" })).toBeVisible();
  await admin.getByLabel("Find an account").fill("northside");
  await expect(admin.getByRole("row", { name: /Nina Northside/ })).toContainText(practice);
  await expect(admin.getByRole("status")).toHaveText(/^1 of \d+ accounts$/);
  await expectNoAxeViolations(admin);

  // The same address again is refused on its field, and the answers typed stay.
  await admin.getByRole("link", { name: "Add an account" }).click();
  await admin.getByLabel("Full name").fill("Nina Again");
  await admin.getByLabel("Medical-director reviewer").check();
  await admin.getByLabel("Email address").fill(email.toUpperCase());
  await admin.getByLabel("First password").fill(password);
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(
    summary.getByRole("link", {
      name: "An account with this email address already exists: change that account instead",
    }),
  ).toBeVisible();
  await expect(admin.getByLabel("Full name")).toHaveValue("Nina Again");

  // The new person signs in in a browser of their own and sees their practice's (empty) requests.
  const nina = await signedIn(browser, email, password);
  await expect(nina).toHaveURL(/\/requests$/);
  await expect(nina.getByText(`Nina Northside (staff, ${practice})`)).toBeVisible();

  // Deactivated: signed out at once, and told whom to ask when signing in.
  await admin.getByRole("link", { name: "Back to Accounts" }).click();
  await admin.getByRole("link", { name: "Nina Northside" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Nina Northside" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByRole("link", { name: "Deactivate (status)" }).click();
  await expect(admin.getByRole("heading", { name: "Deactivate Nina Northside's account?" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Deactivate account" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "account is deactivated" })).toBeVisible();
  await expect(admin.getByText("Deactivated: cannot sign in")).toBeVisible();
  // The account's history: who changed what, newest first; its last sign-in apart.
  const history = admin.getByRole("table", { name: "Changes to this account, newest first" });
  await expect(history.getByRole("row")).toHaveText([
    /When\s*Who\s*What/,
    /Ada Admin\s*account changed \(deactivated\)/,
    new RegExp(`Ada Admin\\s*account added \\(Office staff at ${practice}\\)`),
  ]);
  await expect(admin.getByText("Last signed in")).toBeVisible();
  await expect(admin.getByText("Never")).toHaveCount(0);

  await nina.reload();
  await expect(nina.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await nina.getByLabel("Email address").fill(email);
  await nina.getByLabel("Password").fill(password);
  await nina.getByRole("button", { name: "Sign in" }).click();
  await expect(
    nina.getByRole("link", { name: "This account is deactivated. Ask your administrator to reactivate it." }),
  ).toBeVisible();

  // An admin's own account offers no way to lock themselves out.
  await section(admin, "Accounts").click();
  await admin.getByRole("link", { name: "Ada Admin" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: /Ada Admin/ })).toBeVisible();
  await expect(admin.getByRole("link", { name: /Deactivate/ })).toHaveCount(0);
  await admin.getByRole("link", { name: "Change (role)" }).waitFor({ state: "detached" });
  await admin.getByRole("link", { name: "Change (full name)" }).click();
  await expect(admin.getByText("You cannot change your own role")).toBeVisible();
  await expectNoAxeViolations(admin);
});

test("renaming a practice: the form starts from its name; other roles cannot reach administration", async ({
  browser,
}) => {
  const admin = await signedIn(browser, "admin@demo.test");
  await admin.goto("/admin/practices");
  const before = `Eastside Clinic ${stamp}`;
  const after = `Eastside Hemophilia Clinic ${stamp}`;
  await admin.getByLabel("Practice name").fill(before);
  await admin.getByRole("button", { name: "Add practice" }).click();
  await admin.getByRole("link", { name: `Rename ${before}` }).click();
  const name = admin.getByLabel(`Rename ${before}`);
  await expect(name).toHaveValue(before);
  await expectNoAxeViolations(admin);
  await name.fill("");
  await admin.getByRole("button", { name: "Save name" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "There is a problem" })).toBeFocused();
  await expect(admin).toHaveTitle(`Error: Rename ${before} – Hemgenix prior authorization`);
  await expectNoAxeViolations(admin);
  await name.fill(after);
  await admin.getByRole("button", { name: "Save name" }).click();
  await expect(admin).toHaveURL(/\/admin\/practices$/);
  await expect(admin.getByRole("alert").filter({ hasText: `${before} is now called ${after}.` })).toBeFocused();
  await expect(admin.getByRole("row", { name: new RegExp(after) })).toBeVisible();
  await expect(admin.getByRole("row", { name: new RegExp(before) })).toHaveCount(0);

  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await expect(reviewer.getByRole("link", { name: "Accounts and practices" })).toHaveCount(0);
  await reviewer.goto("/admin/users");
  await expect(reviewer.getByRole("heading", { name: "This page is not for your role" })).toBeVisible();
});
