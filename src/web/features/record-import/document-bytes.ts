/**
 * The bytes of a record's attachment, read in this browser: inline data decoded, or a document
 * kept on the FHIR server fetched with the connection's token (to that server only, never
 * anywhere else; the token stays in memory). A failure says what happened, without any content.
 */
import type { RecordAttachment } from "@/fhir";
import { READ_TIMEOUT_MS } from "./read-server";
import type { Connection } from "./smart-launch";

export type BytesRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

export function decodeBase64(data: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const text = atob(data.replace(/\s+/g, ""));
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export async function readAttachmentBytes(
  attachment: RecordAttachment,
  connection: Connection | undefined,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<BytesRead> {
  const { bytes } = attachment;
  if (bytes.kind === "unreachable") return { ok: false, message: `It could not be read: ${bytes.reason}.` };
  if (bytes.kind === "inline") {
    const decoded = decodeBase64(bytes.data);
    return decoded === undefined
      ? { ok: false, message: "The record's copy of it is damaged (its data is not base64)." }
      : { ok: true, bytes: decoded };
  }
  if (connection === undefined || !bytes.url.startsWith(`${connection.serverUrl}/`))
    return { ok: false, message: "It is kept on the EHR's server, and this page is no longer connected to it." };
  let response: Response;
  try {
    response = await fetch(bytes.url, {
      // A server answers a Binary read as the document itself or as a FHIR Binary resource.
      headers: {
        accept: `${attachment.mediaType ?? "application/octet-stream"}, application/fhir+json;q=0.9`,
        authorization: connection.authorization,
      },
      credentials: "omit",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof DOMException && error.name === "TimeoutError"
          ? `The EHR's server did not send it within ${Math.ceil(timeoutMs / 1000)} seconds.`
          : "The EHR's server could not be reached.",
    };
  }
  if (response.status === 401 || response.status === 403)
    return { ok: false, message: `The EHR's server refused to send it (${response.status}).` };
  if (!response.ok)
    return { ok: false, message: `The EHR's server answered ${response.status} instead of sending it.` };
  const type = response.headers.get("content-type") ?? "";
  if (/json/i.test(type)) {
    const body = (await response.json().catch(() => undefined)) as
      { resourceType?: unknown; data?: unknown } | undefined;
    const decoded =
      body?.resourceType === "Binary" && typeof body.data === "string" ? decodeBase64(body.data) : undefined;
    return decoded === undefined
      ? { ok: false, message: "The EHR's server sent something other than the document." }
      : { ok: true, bytes: decoded };
  }
  return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
}
