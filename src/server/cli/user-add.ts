/**
 * `npm run user:add -- --email a@b.org --name "A B" --role staff --practice "Clinic"`: creates an
 * account (and the practice, for staff, if no practice has that name in any capitals) in the
 * configured database, with the same checks and words as the admin screens. The password is read
 * from standard input (or HGX_PASSWORD), never from the command line, where it would stay in
 * shell history. For the first admin of a production database; admins then use the Accounts screens.
 */
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { newUserSchema, practiceSchema } from "@/criteria";
import { hashPassword } from "../auth/passwords";
import { loadConfig } from "../config";
import { sqliteStore } from "../db/sqlite-store";

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

const password = (process.env.HGX_PASSWORD ?? (await text(process.stdin))).trim();
const practiceName = values.practice === undefined ? undefined : practiceSchema.safeParse({ name: values.practice });
if (practiceName?.success === false) fail(`--practice: ${practiceName.error.issues[0]?.message ?? "invalid"}`);

const config = loadConfig();
const store = sqliteStore(config.DATABASE_FILE);
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
  const checked = newUserSchema.safeParse(candidate);
  if (!checked.success) {
    fail(checked.error.issues.map((i) => `${OPTION[String(i.path[0])] ?? "input"}: ${i.message}`).join("\n"));
  }
  if ((await store.findUserByEmail(checked.data.email)) !== undefined)
    fail(`--email: an account with the email ${checked.data.email} already exists`);
  let practiceId: number | null = null;
  if (checked.data.role === "staff" && wanted !== undefined) {
    const practice = existing ?? (await store.addPractice(wanted));
    if (practice === "name_taken") fail(`--practice: ${wanted} was added by someone else meanwhile; run again`);
    practiceId = practice.id;
  }
  const user = await store.addUser(
    { ...checked.data, practiceId, passwordHash: await hashPassword(checked.data.password) },
    new Date(),
  );
  if (user === "email_taken") fail(`--email: an account with the email ${checked.data.email} already exists`);
  console.log(
    `Created ${user.role} ${user.email}${user.practiceName !== null ? ` (${user.practiceName})` : ""} in ${config.DATABASE_FILE}`,
  );
} finally {
  await store.close();
}
