/**
 * Cursors are opaque to the browser (the server makes and checks them). An address whose cursor the
 * server refuses (edited by hand, or kept from other filters) starts the list again at its first
 * page, with the filters kept, instead of showing an error.
 */
import { expect, test } from "@playwright/test";
import { signedIn } from "./support/accounts";

test("the review queue: an edited cursor starts again at the first page, keeping the sort and status", async ({
  browser,
}) => {
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  const refused = reviewer.waitForResponse((r) => r.url().includes("/api/requests?") && r.status() === 400);
  await reviewer.goto("/review?status=submitted&sort=received&cursor=bm90LW9uZS1vZi1vdXJz");
  await refused;
  await expect(reviewer).toHaveURL(/\/review\?status=submitted&sort=received$/);
  await expect(reviewer.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(reviewer.getByRole("alert")).toHaveCount(0);
  await expect(reviewer.getByLabel("Status")).toHaveValue("submitted");
});

test("My requests: a cursor from another list starts again at the first page", async ({ browser }) => {
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  // A real cursor, made by the server for the queue sorted by due date: My requests sorts by received.
  const page = (await (await reviewer.request.get("/api/requests?sort=due&pageSize=1")).json()) as {
    next: string | null;
  };
  const staff = await signedIn(browser, "staff@demo.test");
  const cursor = page.next ?? "bm90LW9uZS1vZi1vdXJz";
  const refused = staff.waitForResponse((r) => r.url().includes("/api/requests?") && r.status() === 400);
  await staff.goto(`/requests?cursor=${cursor}`);
  await refused;
  await expect(staff).toHaveURL(/\/requests$/);
  await expect(staff.getByRole("heading", { level: 1, name: "My requests" })).toBeVisible();
  await expect(staff.getByRole("alert")).toHaveCount(0);
});
