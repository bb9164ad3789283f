/**
 * Changing accounts end to end, as the people involved experience it: an admin moves someone to
 * another role or practice, sets a new password or reactivates an account, and the person's own
 * browser is signed out (or let back in) at once; an admin's own new password keeps their current
 * session only; an account added with the keyboard alone; the accounts filter's empty state; a
 * lost connection that keeps every answer. Every account and practice here is the test's own
 * (the database is shared by every spec file running in parallel), and every new screen state is
 * checked with axe.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectNoAxeViolations, signedIn } from "./support/accounts";
import { chooseOption, chooseRadio, pressEnterOn, tabTo, typeInto } from "./support/keyboard";

// Unique per test run: the database is shared by every spec file, and a repeat must not collide.
let stamp = "";
test.beforeEach(() => {
  stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
});

type RoleLabel = "Office staff" | "Medical-director reviewer" | "Administrator";

interface Person {
  name: string;
  email: string;
  password: string;
  role: RoleLabel;
  practice?: string;
}

const person = (key: string, role: RoleLabel, practice?: string): Person => ({
  name: `${key[0]?.toUpperCase()}${key.slice(1)} Tester ${stamp}`,
  email: `${key}-${stamp}@accounts.test`,
  password: `${key} violet anchor meadow`,
  role,
  ...(practice !== undefined && { practice }),
});

const NEEDS_OWN_PASSWORD =
  "Enter your own current password: adding an account, changing a role or practice, setting a password or reactivating an account needs it";

const problem = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });
const success = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });
const practiceSelect = (page: Page) => page.getByLabel("Practice", { exact: true });

/** A row of an account's summary list, by its label. */
const summaryRow = (page: Page, label: string) =>
  page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });

async function addPractice(admin: Page, name: string): Promise<void> {
  await admin.goto("/admin/practices");
  await admin.getByLabel("Practice name").fill(name);
  await admin.getByRole("button", { name: "Add practice" }).click();
  await expect(success(admin, `${name} added`)).toBeVisible();
}

async function addAccount(admin: Page, who: Person): Promise<void> {
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Full name").fill(who.name);
  await admin.getByLabel(who.role).check();
  if (who.practice !== undefined) await practiceSelect(admin).selectOption({ label: who.practice });
  await admin.getByLabel("Email address").fill(who.email);
  await admin.getByLabel("First password").fill(who.password);
  if (who.role === "Administrator") {
    // Adding an account needs the acting admin's own password: left out, it is asked for, and
    // nothing typed is lost.
    await admin.getByRole("button", { name: "Add account" }).click();
    await expect(problem(admin).getByRole("link", { name: NEEDS_OWN_PASSWORD })).toBeVisible();
    await expect(admin.getByLabel("First password")).toHaveValue(who.password);
  }
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(success(admin, `Account added for ${who.name}`)).toBeVisible();
}

/** The account's summary page, found as an admin would: through the filter on Accounts. */
async function openAccount(admin: Page, who: Person): Promise<void> {
  await admin.goto("/admin/users");
  await admin.getByLabel("Find an account").fill(who.email);
  await admin.getByRole("link", { name: who.name, exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: who.name })).toBeVisible();
}

/** Reloading shows the sign-in page: the session this browser held has ended. */
async function expectSignedOut(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
}

/** Reloading keeps the person signed in. */
async function expectStillSignedIn(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toHaveCount(0);
}

/** Signs in on a page that shows the sign-in form (where it stands, or after a reload). */
async function signInHere(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A sign-in in a fresh browser is refused with `message`. */
async function expectSignInRefused(browser: Browser, email: string, password: string, message: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await signInHere(page, email, password);
  await expect(problem(page).getByRole("link", { name: message })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.context().close();
}

test("change details: a new role signs the person out and they return to the review queue; back to staff needs a practice", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const first = `Harbour Clinic ${stamp}`;
  const second = `Lakeside Clinic ${stamp}`;
  const rosa = person("rosa", "Office staff", first);
  const admin = await signedIn(browser, "admin@demo.test");
  await addPractice(admin, first);
  await addPractice(admin, second);
  await addAccount(admin, rosa);

  const mine = await signedIn(browser, rosa.email, rosa.password);
  await expect(mine).toHaveURL(/\/requests$/);
  await expect(mine.getByText(`${rosa.name} (staff, ${first})`)).toBeVisible();

  // To reviewer: the practice question leaves with Office staff.
  await openAccount(admin, rosa);
  await expect(summaryRow(admin, "Practice")).toContainText(first);
  await admin.getByRole("link", { name: "Change (role)" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Change details" })).toBeVisible();
  await expect(admin.getByLabel("Office staff")).toBeChecked();
  await expect(practiceSelect(admin)).toHaveValue(/^[1-9][0-9]*$/);
  await expectNoAxeViolations(admin);
  // The admin's own password is asked only once the role changes.
  await expect(admin.getByLabel("Your current password")).toHaveCount(0);
  await admin.getByLabel("Medical-director reviewer").check();
  await expect(practiceSelect(admin)).toHaveCount(0);
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(success(admin, `Details saved. ${rosa.name} was signed out`)).toBeFocused();
  await expect(summaryRow(admin, "Role")).toContainText("Medical-director reviewer");
  await expect(summaryRow(admin, "Practice")).toHaveCount(0);

  // Their open browser is signed out at once; signing in again lands on the review queue.
  await expectSignedOut(mine);
  await signInHere(mine, rosa.email, rosa.password);
  await expect(mine).toHaveURL(/\/review$/);
  await expect(mine.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(mine.getByText(`${rosa.name} (reviewer)`)).toBeVisible();

  // Back to staff: the practice is asked only for Office staff, and is required.
  await admin.getByRole("link", { name: "Change (role)" }).click();
  await expect(admin.getByLabel("Medical-director reviewer")).toBeChecked();
  await expect(practiceSelect(admin)).toHaveCount(0);
  await admin.getByLabel("Office staff").check();
  await expect(practiceSelect(admin)).toBeVisible();
  await expect(practiceSelect(admin)).toHaveValue("");
  await admin.getByLabel("Administrator").check();
  await expect(practiceSelect(admin)).toHaveCount(0);
  await admin.getByLabel("Office staff").check();
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(problem(admin)).toBeFocused();
  await expect(problem(admin).getByRole("link")).toHaveText(["Choose the practice this person works for"]);
  await expect(admin).toHaveTitle(/^Error: Change details: /);
  await expectNoAxeViolations(admin);
  await problem(admin).getByRole("link", { name: "Choose the practice this person works for" }).click();
  await expect(practiceSelect(admin)).toBeFocused();
  // Nothing was saved: the person is still a reviewer, still signed in.
  await expectStillSignedIn(mine);
  await expect(mine.getByText(`${rosa.name} (reviewer)`)).toBeVisible();

  await practiceSelect(admin).selectOption({ label: second });
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(success(admin, "signs in again under the new role or practice")).toBeFocused();
  await expect(summaryRow(admin, "Role")).toContainText("Office staff");
  await expect(summaryRow(admin, "Practice")).toContainText(second);

  await expectSignedOut(mine);
  await signInHere(mine, rosa.email, rosa.password);
  await expect(mine).toHaveURL(/\/requests$/);
  await expect(mine.getByText(`${rosa.name} (staff, ${second})`)).toBeVisible();
});

test("set a new password: too short changes nothing; the new one signs the person out and replaces the old", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const paul = person("paul", "Medical-director reviewer");
  const fresh = "quartz pelican sundial";
  const admin = await signedIn(browser, "admin@demo.test");
  await addAccount(admin, paul);
  const mine = await signedIn(browser, paul.email, paul.password);

  await openAccount(admin, paul);
  await admin.getByRole("link", { name: "Set a new password (password)" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Set a new password for ${paul.name}` })).toBeVisible();
  const field = admin.getByLabel("New password");
  await expect(field).toBeVisible();
  await expect(field).toHaveValue("");
  await expectNoAxeViolations(admin);

  // Too short: named in the error summary, whose link reaches the field; nothing changes.
  await field.fill("too short");
  await admin.getByRole("button", { name: "Set password" }).click();
  await expect(problem(admin)).toBeFocused();
  const tooShort = "Password must be at least 12 characters (a few unrelated words make a good one)";
  await expect(problem(admin).getByRole("link")).toHaveText([tooShort]);
  await expect(admin).toHaveTitle(/^Error: Set a new password: /);
  await expectNoAxeViolations(admin);
  await problem(admin).getByRole("link", { name: tooShort }).click();
  await expect(field).toBeFocused();
  await expectStillSignedIn(mine);
  const check = await signedIn(browser, paul.email, paul.password);
  await check.context().close();

  // Anyone's password needs the acting admin's own: left out, it is asked for on its field.
  await field.fill(fresh);
  await admin.getByRole("button", { name: "Set password" }).click();
  await expect(problem(admin).getByRole("link")).toHaveText([NEEDS_OWN_PASSWORD]);
  await expect(field).toHaveValue(fresh);
  await expectStillSignedIn(mine);
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Set password" }).click();
  await expect(success(admin, `Password set. ${paul.name} was signed out everywhere`)).toBeFocused();
  await expectNoAxeViolations(admin);

  await expectSignedOut(mine);
  await signInHere(mine, paul.email, paul.password);
  await expect(problem(mine).getByRole("link", { name: "The email address or password is not right" })).toBeVisible();
  await expect(problem(mine)).toBeFocused();
  await signInHere(mine, paul.email, fresh);
  await expect(mine.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(mine.getByText(`${paul.name} (reviewer)`)).toBeVisible();
});

test("reactivating a deactivated account lets the person sign in again", async ({ browser }) => {
  test.setTimeout(120_000);
  const dora = person("dora", "Medical-director reviewer");
  const admin = await signedIn(browser, "admin@demo.test");
  await addAccount(admin, dora);
  const mine = await signedIn(browser, dora.email, dora.password);

  await openAccount(admin, dora);
  await admin.getByRole("link", { name: "Deactivate (status)" }).click();
  await admin.getByRole("button", { name: "Deactivate account" }).click();
  await expect(success(admin, "account is deactivated")).toBeFocused();
  await expectSignedOut(mine);
  await expectSignInRefused(
    browser,
    dora.email,
    dora.password,
    "This account is deactivated. Ask your administrator to reactivate it.",
  );

  await admin.getByRole("link", { name: "Reactivate (status)" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Reactivate ${dora.name}'s account?` })).toBeVisible();
  await expect(admin.getByText("They can sign in again with their current password.")).toBeVisible();
  await expectNoAxeViolations(admin);
  // Bringing an account back needs the acting admin's own password: asked for, then given.
  await admin.getByRole("button", { name: "Reactivate account" }).click();
  await expect(problem(admin).getByRole("link")).toHaveText([NEEDS_OWN_PASSWORD]);
  await expectSignInRefused(
    browser,
    dora.email,
    dora.password,
    "This account is deactivated. Ask your administrator to reactivate it.",
  );
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Reactivate account" }).click();
  await expect(success(admin, `${dora.name}'s account is active again`)).toBeFocused();
  await expect(summaryRow(admin, "Status")).toContainText("Active");
  await expect(admin.getByRole("link", { name: "Deactivate (status)" })).toBeVisible();
  await expectNoAxeViolations(admin);

  await signInHere(mine, dora.email, dora.password);
  await expect(mine.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(mine.getByText(`${dora.name} (reviewer)`)).toBeVisible();
});

test("an account is added with the keyboard alone, error summary link included", async ({ browser }) => {
  test.setTimeout(120_000);
  const practice = `Keyboard Clinic ${stamp}`;
  const kim = person("kim", "Office staff", practice);
  const admin = await signedIn(browser, "admin@demo.test");
  await addPractice(admin, practice);
  await admin.goto("/admin/users");
  await expect(admin.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();

  await pressEnterOn(admin, admin.getByRole("link", { name: "Add an account" }));
  await expect(admin.getByRole("heading", { level: 1, name: "Add an account" })).toBeVisible();
  await typeInto(admin, admin.getByLabel("Full name"), kim.name);
  await chooseRadio(admin, "role", "staff");
  await expect(admin.getByLabel("Office staff")).toBeChecked();
  // The practice is left unanswered for now.
  await typeInto(admin, admin.getByLabel("Email address"), kim.email);
  await typeInto(admin, admin.getByLabel("First password"), kim.password);
  await typeInto(admin, admin.getByLabel("Your current password"), DEMO_PASSWORD);
  await pressEnterOn(admin, admin.getByRole("button", { name: "Add account" }));

  await expect(problem(admin)).toBeFocused();
  const link = problem(admin).getByRole("link", { name: "Choose the practice this person works for" });
  await expect(problem(admin).getByRole("link")).toHaveText(["Choose the practice this person works for"]);
  await expectNoAxeViolations(admin);
  await tabTo(admin, link);
  await admin.keyboard.press("Enter");
  await expect(practiceSelect(admin)).toBeFocused();
  await chooseOption(admin, practiceSelect(admin), practice);
  await pressEnterOn(admin, admin.getByRole("button", { name: "Add account" }));

  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(success(admin, `Account added for ${kim.name}`)).toBeFocused();
  await typeInto(admin, admin.getByLabel("Find an account"), kim.email);
  const row = admin.getByRole("row", { name: new RegExp(kim.name) });
  await expect(row).toContainText("Office staff");
  await expect(row).toContainText(practice);

  const mine = await signedIn(browser, kim.email, kim.password);
  await expect(mine.getByText(`${kim.name} (staff, ${practice})`)).toBeVisible();
});

test("Find an account: a text that matches nothing shows the empty state and the count; clearing shows all", async ({
  browser,
}) => {
  const admin = await signedIn(browser, "admin@demo.test");
  await expect(admin).toHaveURL(/\/admin\/users$/);
  const status = admin.getByRole("status");
  await expect(status).toHaveText(/^\d+ accounts$/);
  const total = Number((await status.textContent())?.split(" ")[0]);
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(admin.getByRole("row")).toHaveCount(total + 1);

  const nothing = `no-such-account-${stamp}`;
  await admin.getByLabel("Find an account").fill(`  ${nothing} `);
  await expect(status).toHaveText(`0 of ${total} accounts`);
  await expect(admin.getByText(`No account matches “${nothing}”.`)).toBeVisible();
  await expect(admin.getByRole("table")).toHaveCount(0);
  await expectNoAxeViolations(admin);

  await admin.getByLabel("Find an account").fill("");
  await expect(status).toHaveText(`${total} accounts`);
  await expect(admin.getByText(/No account matches/)).toHaveCount(0);
  await expect(admin.getByRole("row")).toHaveCount(total + 1);
  await expect(admin.getByRole("link", { name: "Sam Staff" })).toBeVisible();
});

/** Fills every answer of the add-account form for `who` (office staff at their practice). */
async function fillNewAccount(admin: Page, who: Person): Promise<void> {
  await admin.getByLabel("Full name").fill(who.name);
  await admin.getByLabel(who.role).check();
  if (who.practice !== undefined) await practiceSelect(admin).selectOption({ label: who.practice });
  await admin.getByLabel("Email address").fill(who.email);
  await admin.getByLabel("First password").fill(who.password);
  await admin.getByLabel("Your current password").fill(DEMO_PASSWORD);
}

async function expectAnswersKept(admin: Page, who: Person): Promise<void> {
  await expect(admin.getByLabel("Full name")).toHaveValue(who.name);
  await expect(admin.getByLabel(who.role)).toBeChecked();
  if (who.practice !== undefined)
    await expect(practiceSelect(admin).locator("option:checked")).toHaveText(who.practice);
  await expect(admin.getByLabel("Email address")).toHaveValue(who.email);
  await expect(admin.getByLabel("First password")).toHaveValue(who.password);
}

const NOTHING_CHANGED = "Nothing was changed: Could not reach the server. Check the connection and try again.";

test("a request that fails on the way to the server: nothing changed, every answer kept, sending again works", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const practice = `Signal Clinic ${stamp}`;
  const owen = person("owen", "Office staff", practice);
  const admin = await signedIn(browser, "admin@demo.test");
  await addPractice(admin, practice);
  await admin.goto("/admin/users/new");
  await fillNewAccount(admin, owen);

  await admin.route("**/api/admin/users", (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.fallback(),
  );
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: NOTHING_CHANGED })).toBeVisible();
  await expect(admin).toHaveTitle(/^Error: Add an account/);
  await expect(admin.getByRole("button", { name: "Add account" })).toBeEnabled();
  await expectAnswersKept(admin, owen);
  await expectNoAxeViolations(admin);

  await admin.unroute("**/api/admin/users");
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(success(admin, `Account added for ${owen.name}`)).toBeFocused();
  await admin.getByLabel("Find an account").fill(owen.email);
  await expect(admin.getByRole("row", { name: new RegExp(owen.name) })).toHaveCount(1);
});

// Offline, a save fails at once and says so (the query client's networkMode "always"), rather than
// waiting silently and sending the first answers by itself later.
test("the browser goes offline while adding an account: nothing changed, every answer kept, back online it is added", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const practice = `Offline Clinic ${stamp}`;
  const olga = person("olga", "Office staff", practice);
  const admin = await signedIn(browser, "admin@demo.test");
  await addPractice(admin, practice);
  await admin.goto("/admin/users/new");
  await fillNewAccount(admin, olga);

  await admin.context().setOffline(true);
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "Nothing was changed" })).toBeVisible({ timeout: 10_000 });
  await expect(admin.getByRole("button", { name: "Add account" })).toBeEnabled();
  await expectAnswersKept(admin, olga);
  await expectNoAxeViolations(admin);

  await admin.context().setOffline(false);
  await admin.getByRole("button", { name: "Add account" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(success(admin, `Account added for ${olga.name}`)).toBeFocused();
  await admin.getByLabel("Find an account").fill(olga.email);
  await expect(admin.getByRole("row", { name: new RegExp(olga.name) })).toHaveCount(1);
});

test("an admin setting their own password stays signed in; their other browser is signed out", async ({ browser }) => {
  test.setTimeout(120_000);
  const ines = person("ines", "Administrator");
  const fresh = "granite orchard lullaby";
  const admin = await signedIn(browser, "admin@demo.test");
  await addAccount(admin, ines);

  const here = await signedIn(browser, ines.email, ines.password);
  const elsewhere = await signedIn(browser, ines.email, ines.password);
  await openAccount(here, ines);
  await expect(here.getByRole("heading", { level: 1, name: new RegExp(`^${ines.name} \\(you\\)$`) })).toBeVisible();
  await here.getByRole("link", { name: "Set a new password (password)" }).click();
  await expect(here.getByText("Every session of this account ends except this one.")).toBeVisible();
  await expectNoAxeViolations(here);
  await expect(here.getByRole("heading", { level: 1, name: `Set a new password for ${ines.name}` })).toBeVisible();
  await here.getByLabel("New password").fill(fresh);
  // Setting a password needs the acting admin's own (their own password too): missing, then wrong, each on its field.
  await here.getByRole("button", { name: "Set password" }).click();
  await expect(problem(here).getByRole("link", { name: NEEDS_OWN_PASSWORD })).toBeVisible();
  await expect(here.getByLabel("New password")).toHaveValue(fresh);
  await expectNoAxeViolations(here);
  await here.getByLabel("Your current password").fill("not my password at all");
  await here.getByRole("button", { name: "Set password" }).click();
  await expect(problem(here).getByRole("link", { name: "Your current password is not right" })).toBeVisible();
  await problem(here).getByRole("link", { name: "Your current password is not right" }).click();
  await expect(here.getByLabel("Your current password")).toBeFocused();
  await here.getByLabel("Your current password").fill(ines.password);
  await here.getByRole("button", { name: "Set password" }).click();
  await expect(
    success(here, "Password set. You stay signed in here; any other session of yours was signed out."),
  ).toBeFocused();

  // This browser keeps working, changes included; the other one is signed out.
  await expectStillSignedIn(here);
  await expect(here.getByRole("heading", { level: 1, name: new RegExp(`^${ines.name} \\(you\\)$`) })).toBeVisible();
  await here.getByRole("link", { name: "Change (full name)" }).click();
  await here.getByLabel("Full name").fill(`${ines.name} Renamed`);
  await here.getByRole("button", { name: "Save changes" }).click();
  await expect(success(here, "Details saved.")).toBeFocused();
  await expect(here.getByRole("heading", { level: 1, name: `${ines.name} Renamed` })).toBeVisible();

  await expectSignedOut(elsewhere);
  await signInHere(elsewhere, ines.email, ines.password);
  await expect(
    problem(elsewhere).getByRole("link", { name: "The email address or password is not right" }),
  ).toBeVisible();
  await signInHere(elsewhere, ines.email, fresh);
  await expect(elsewhere).toHaveURL(/\/admin\/users$/);
  await expect(elsewhere.getByRole("button", { name: "Sign out" })).toBeVisible();
});
