/**
 * `npm run user:add -- --email a@b.org --name "A B" --role staff --practice "Clinic"`: creates a
 * user (and the practice, for staff, if new) in the configured database. The password is read
 * from standard input (or HGX_PASSWORD), never from the command line, where it would stay in
 * shell history.
 */
import { parseArgs } from "node:util";
import { text } from "node:stream/consumers";
import { ROLES, type Role } from "@/criteria";
import { hashPassword } from "../auth/passwords";
import { loadConfig } from "../config";
import { SqliteStore } from "../db/sqlite-store";

const MIN_PASSWORD_LENGTH = 12;

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
const { email, name, role, practice } = values;
if (email === undefined || !/^[^@\s]+@[^@\s]+$/.test(email)) fail("--email must be an email address");
if (name === undefined || name.trim() === "") fail("--name is required");
if (!ROLES.includes(role as Role)) fail(`--role must be one of ${ROLES.join(", ")}`);
if (role === "staff" && (practice === undefined || practice.trim() === "")) fail("--practice is required for staff");

const password = (process.env.HGX_PASSWORD ?? (await text(process.stdin))).trim();
if (password.length < MIN_PASSWORD_LENGTH)
  fail(`The password (from standard input or HGX_PASSWORD) must be at least ${MIN_PASSWORD_LENGTH} characters`);

const config = loadConfig();
const store = new SqliteStore(config.DATABASE_FILE);
try {
  if (store.findUserByEmail(email) !== undefined) fail(`A user with the email ${email} already exists`);
  const practiceId =
    role === "staff" && practice !== undefined
      ? (store.findPracticeByName(practice.trim())?.id ?? store.createPractice(practice.trim()))
      : null;
  const user = store.createUser({
    email,
    name: name.trim(),
    role: role as Role,
    practiceId,
    passwordHash: await hashPassword(password),
  });
  console.log(
    `Created ${user.role} ${user.email}${user.practiceName !== null ? ` (${user.practiceName})` : ""} in ${config.DATABASE_FILE}`,
  );
} finally {
  store.close();
}
