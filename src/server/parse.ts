/** Body and query parsing with the shared schemas: a 400 that names every field, never a 500. */
import type { z } from "zod/mini";
import {
  fieldLabel,
  formatPath,
  issueMessage,
  validateRequestDocument,
  type FieldError,
  type RequestDocument,
} from "@/criteria";

/** An answer other than 200 with one sentence for the person (401, 403, 404, 409, 422, 429…). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** A 400 naming every field that is wrong and what it accepts. */
export class BadRequest extends Error {
  constructor(readonly errors: FieldError[]) {
    super("Invalid request");
  }
}

/**
 * `expected` says, for this endpoint, what the body (or query) must be: it is the answer when the
 * whole of it is the wrong kind of thing (a list, a string), instead of a sentence about another
 * endpoint's body.
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, expected: string): z.infer<S> {
  const result = schema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw new BadRequest(
    result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message:
        issue.path.length === 0 && issue.code === "invalid_type"
          ? expected
          : issue.code === "invalid_type" && issue.input === undefined
            ? `${fieldLabel(issue.path)} is required`
            : issueMessage(issue),
    })),
  );
}

/** A request document inside a body: its errors come back with paths under `document.`. */
export function parseDocument(input: unknown): RequestDocument {
  const result = validateRequestDocument(input);
  if (result.ok) return result.document;
  throw new BadRequest(
    result.errors.map((e) => ({ path: e.path === "" ? "document" : `document.${e.path}`, message: e.message })),
  );
}

/**
 * For schemas whose every check carries its own sentence (the admin API): the schema's words,
 * which name the field and what is accepted, as they are.
 */
export function parseWithOwnMessages<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new BadRequest(result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
}
