/**
 * `npm run user:add -- --email a@b.org --name "A B" --role staff --practice "Clinic"`: creates an
 * account (and the practice, for staff, if no practice has that name in any capitals) in the
 * configured database, with the same checks and words as the admin screens. The password is read
 * from standard input (or HGX_PASSWORD), never from the command line, where it would stay in
 * shell history. For the first admin of a production database; admins then use the Accounts screens.
 */
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { ROLE_LABELS, newAccountSchema, practiceSchema } from "@/contract";
import { hashPassword } from "../auth/passwords";
import { systemClock } from "../clock";
import { loadConfig } from "../config";
import { openStore } from "../db/open-store";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    practice: { type: "string" },
  },
});

const OPTION: Readonly<Record<string, string>> = {
  email: "--email",
  name: "--name",
  role: "--role",
  practiceId: "--practice",
  password: "the password (standard input or HGX_PASSWORD)",
};

// Only the line ending a terminal or `echo` adds is dropped: spaces are part of a passphrase, as on the screens.
const password = (process.env.HGX_PASSWORD ?? (await text(process.stdin))).replace(/\r?\n$/, "");
const practiceName = values.practice === undefined ? undefined : practiceSchema.safeParse({ name: values.practice });
if (practiceName?.success === false) fail(`--practice: ${practiceName.error.issues[0]?.message ?? "invalid"}`);

const config = loadConfig();
const now = systemClock;
const { store, where: database } = await openStore(config, now).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
try {
  const wanted = practiceName?.data.name;
  const existing =
    wanted === undefined
      ? undefined
      : (await store.listPractices()).find((p) => p.name.toLowerCase() === wanted.toLowerCase());
  // Checked with a stand-in practice id first, so nothing is created for an account that is refused.
  const candidate = {
    email: values.email ?? "",
    name: values.name ?? "",
    role: values.role ?? "",
    practiceId: wanted === undefined ? null : (existing?.id ?? 1),
    password,
  };
  const checked = newAccountSchema.safeParse(candidate);
  if (!checked.success) {
    fail(checked.error.issues.map((i) => `${OPTION[String(i.path[0])] ?? "input"}: ${i.message}`).join("\n"));
  }
  if ((await store.findUserByEmail(checked.data.email)) !== undefined)
    fail(`--email: an account with the email ${checked.data.email} already exists`);
  const passwordHash = await hashPassword(checked.data.password);
  let practiceId: number | null = null;
  if (checked.data.role === "staff" && wanted !== undefined)
    practiceId = existing?.id ?? (await store.createPractice(wanted));
  const user = await store.createUser({ ...checked.data, practiceId, passwordHash }, now());
  const where = user.practiceName === null ? "" : ` at ${user.practiceName}`;
  // No admin made it: the account's history says where it came from.
  await store.recordAccountEvent(
    user.id,
    user.id,
    "account added",
    `${ROLE_LABELS[user.role]}${where}, by npm run user:add`,
    now(),
  );
  console.log(
    `Created ${user.role} ${user.email}${user.practiceName !== null ? ` (${user.practiceName})` : ""} in ${database}`,
  );
} finally {
  await store.close();
}
