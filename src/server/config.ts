/** Server configuration from the environment, validated once at start-up with a clear message. */
import { z } from "zod";

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    /** demo: demo practice and users on an empty database; production: none, strict settings. */
    MODE: z.enum(["demo", "production"]).default("demo"),
    DATABASE_FILE: z.string().min(1).optional(),
    /** postgres://user:password@host:port/database selects PostgreSQL (several instances); without it, SQLite. */
    DATABASE_URL: z
      .string()
      .optional()
      .refine(
        (value) => value === undefined || postgresUrl(value),
        "must be a postgres://user:password@host:port/database address",
      ),
    /** Connections each instance keeps to PostgreSQL at most. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    STATIC_DIR: z.string().min(1).default("dist/web"),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** Sessions end this long after sign-in whatever the activity (a stolen cookie does not live on). */
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(12),
    /** The https origin users reach the product at; required in production (cookies are Secure there). */
    PUBLIC_ORIGIN: z.url().optional(),
    /** Proxies in front of the server whose X-Forwarded-For is believed (hop count); none by default. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** The health plan's time zone: decision and authorization dates are its calendar dates. */
    TIME_ZONE: z
      .string()
      .default("UTC")
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat("en-US", { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone such as America/New_York"),
    /** Uploads one person may have in progress at once (each holds a socket, a spool file and a check). */
    UPLOADS_PER_USER: z.coerce.number().int().min(1).max(40).default(4),
    /**
     * FHIR servers the browser may read a patient's record from (SMART on FHIR), as origins
     * separated by commas ("https://ehr.example.org,https://fhir.example.net"); none by default.
     */
    FHIR_SERVERS: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((origin) => origin.trim())
          .filter((origin) => origin !== ""),
      )
      .refine(
        (origins) => origins.every(isOrigin),
        "must be origins such as https://ehr.example.org, separated by commas",
      ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((c, ctx) => {
    if (c.MODE !== "production") return;
    if (c.DATABASE_FILE === undefined && c.DATABASE_URL === undefined)
      ctx.addIssue({ code: "custom", path: ["DATABASE_FILE"], message: "is required in production (or DATABASE_URL)" });
    if (c.PUBLIC_ORIGIN?.startsWith("https://") !== true) {
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_ORIGIN"],
        message: "must be the https:// address of the product in production",
      });
    }
  })
  .transform((c) => ({ ...c, DATABASE_FILE: c.DATABASE_FILE ?? ".data/hemgenix.db" }));

/** An http(s) origin alone (no path, query or credentials): what a CSP source may name. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value.replace(/\/$/, "");
  } catch {
    return false;
  }
}

/** A postgres:// address with a host and a database name (checked without ever quoting it back). */
function postgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "" && url.pathname.length > 1
    );
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid server configuration:\n${problems}`);
  }
  return parsed.data;
}
