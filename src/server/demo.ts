/**
 * Demo mode (the default for `npm start`): on an empty database, a demo practice and one user per
 * role, so a newcomer can try every role at once. Their details are printed at start and shown on
 * the sign-in page. Production mode never creates them.
 */
import type { Role } from "@/contract";
import { hashPassword } from "./auth/passwords";
import type { Store } from "./db/store";

export const DEMO_PASSWORD = "hemgenix-demo";
export const DEMO_PRACTICE = "Demo Hematology Clinic";
export const OTHER_DEMO_PRACTICE = "Riverside Hemophilia Center";

export const DEMO_USERS: readonly {
  email: string;
  name: string;
  role: Role;
  practice: string | null;
  password: string;
}[] = [
  { email: "staff@demo.test", name: "Sam Staff", role: "staff", practice: DEMO_PRACTICE, password: DEMO_PASSWORD },
  { email: "reviewer@demo.test", name: "Dr. Rita Reviewer", role: "reviewer", practice: null, password: DEMO_PASSWORD },
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", practice: null, password: DEMO_PASSWORD },
  {
    email: "other-staff@demo.test",
    name: "Omar Other",
    role: "staff",
    practice: OTHER_DEMO_PRACTICE,
    password: DEMO_PASSWORD,
  },
];

/** Adds the demo practices and users (created at `now`) to an empty database; false when it has users already. */
export async function seedDemo(store: Store, now: Date): Promise<boolean> {
  if ((await store.countUsers()) > 0) return false;
  const practices = new Map<string, number>();
  for (const name of [DEMO_PRACTICE, OTHER_DEMO_PRACTICE]) practices.set(name, await store.createPractice(name));
  for (const user of DEMO_USERS) {
    await store.createUser(
      {
        email: user.email,
        name: user.name,
        role: user.role,
        practiceId: user.practice === null ? null : (practices.get(user.practice) ?? null),
        passwordHash: await hashPassword(user.password),
      },
      now,
    );
  }
  return true;
}
