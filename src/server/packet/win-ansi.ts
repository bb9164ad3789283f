/**
 * Text for pdf-lib's standard fonts, which encode WinAnsi only (drawText throws on anything else):
 * characters the font has are kept, accented letters it lacks lose their accent (NFKD), a few signs
 * get a plain spelling, control and bidi characters become spaces, and anything else a "?". A file
 * name in Greek or a member's name in Vietnamese then prints as near as the font allows, never fails.
 */
const SPELLED: Readonly<Record<string, string>> = {
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u2248": "~",
  "\u00a0": " ",
  // Letters with a stroke have no decomposition.
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0126": "H",
  "\u0127": "h",
  "\u0131": "i",
};

/** C0 and C1 controls, and the bidi marks, embeddings, overrides and isolates. */
const invisible = (code: number): boolean =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

const encodable = (text: string, supported: ReadonlySet<number>): boolean => {
  for (const c of text) if (!supported.has(c.codePointAt(0) ?? 0)) return false;
  return true;
};

export function winAnsiText(text: string, supported: ReadonlySet<number>): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (invisible(code)) out += " ";
    else if (supported.has(code)) out += char;
    else {
      const spelled = SPELLED[char];
      if (spelled !== undefined) {
        out += spelled;
        continue;
      }
      const plain = char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += plain !== "" && encodable(plain, supported) ? plain : "?";
    }
  }
  return out;
}
