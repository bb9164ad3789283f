/**
 * The command-line evaluator: `npm run --silent evaluate -- FILE [FILE...]` ("-" reads standard
 * input). One line of JSON per file, in order; exit 1 when any file was invalid. One process
 * for all files, so a hundred files take about as long as one.
 */
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { checkRequest } from "@/criteria";

async function readSource(file: string): Promise<string> {
  return file === "-" ? text(process.stdin) : readFile(file, "utf8");
}

export async function evaluateSource(
  name: string,
  read: () => Promise<string>,
): Promise<{ line: string; valid: boolean }> {
  let source: string;
  try {
    source = await read();
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    return {
      line: JSON.stringify({ errors: [{ path: "", message: `${name} could not be read (${reason})` }] }),
      valid: false,
    };
  }
  let input: unknown;
  try {
    input = JSON.parse(source);
  } catch (error) {
    // V8 quotes a slice of the text in its message; keep only where it failed, not what it says.
    const detail = error instanceof SyntaxError ? `: ${error.message.replace(/,? ?"[^]*" is not valid JSON/, "")}` : "";
    return {
      line: JSON.stringify({ errors: [{ path: "", message: `${name} is not valid JSON${detail}` }] }),
      valid: false,
    };
  }
  const result = checkRequest(input);
  return { line: JSON.stringify(result), valid: !("errors" in result) };
}

async function main(files: readonly string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('Usage: npm run --silent evaluate -- FILE [FILE...]   ("-" reads standard input)\n');
    return 2;
  }
  let allValid = true;
  const out: string[] = [];
  for (const file of files) {
    const { line, valid } = await evaluateSource(file === "-" ? "Standard input" : file, () => readSource(file));
    out.push(line);
    allValid &&= valid;
  }
  process.stdout.write(`${out.join("\n")}\n`);
  return allValid ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
