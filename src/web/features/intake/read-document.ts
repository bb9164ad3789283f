/** An imported file as a draft, or what is wrong with it. Loaded on demand: it needs the schema. */
import { validateRequestDocument, type FieldError } from "@/criteria";
import { fromDocument, type Draft } from "./draft";

export async function readDocument(
  file: File,
): Promise<{ ok: true; draft: Draft } | { ok: false; errors: FieldError[] }> {
  let input: unknown;
  try {
    input = JSON.parse(await file.text());
  } catch {
    return {
      ok: false,
      errors: [{ path: "", message: "The file is not valid JSON: choose a request document exported as JSON" }],
    };
  }
  const result = validateRequestDocument(input);
  return result.ok ? { ok: true, draft: fromDocument(result.document) } : { ok: false, errors: result.errors };
}
