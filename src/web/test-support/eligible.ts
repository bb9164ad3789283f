/**
 * Test-only: the eligible example request document for jsdom tests. "@fixtures" resolves its
 * folder with `new URL(..., import.meta.url)`, which jsdom's URL turns into an http: address, so
 * the fixture's JSON is read directly here instead.
 */
import { validateRequestDocument, type RequestDocument } from "@/criteria";
import eligibleJson from "../../../fixtures/requests/eligible.json";

/** A fresh copy of the eligible example (request date 2026-11-27), validated. */
export function eligible(): RequestDocument {
  const result = validateRequestDocument(structuredClone(eligibleJson));
  if (!result.ok) throw new Error("the eligible fixture is invalid");
  return result.document;
}
