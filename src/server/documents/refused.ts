/** A file refused for what it is, and how its name is written in the sentences that say so. */

/** A file refused for what it is; `message` names it and says what is accepted. */
export class Refused extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    readonly statusCode = 422,
  ) {
    super(message);
  }
}

/** A name as people read it in a sentence. */
export const quoted = (fileName: string): string => `“${fileName}”`;
