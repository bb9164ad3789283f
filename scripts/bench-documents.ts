/**
 * `npm run bench:documents`: supporting documents against the real server process.
 *   1. Upload throughput of 10 MB PDFs, one at a time over HTTP (spooled, hashed, opened with
 *      pdf-lib, fsynced, renamed into place, row committed with synchronous=FULL), as a ratio of a
 *      plain write of the same bytes to a file on the same disk (with and without fsync).
 *   2. Peak server memory (RSS, sampled every 10 ms from /proc) above idle, each round in a fresh
 *      server process (one keeps what an earlier round grew it to), during 8 concurrent 25 MB
 *      uploads (four by each demo practice's staff member).
 *   3. The submission packet of 30 documents (24 PDFs of 3 pages and 1 MB, 5 PNG photos, a TIFF):
 *      the time from asking to the last byte, and the server's peak RSS above idle meanwhile, each
 *      round in a fresh server process.
 * Prints the figures; nothing here is pass/fail (these machines are noisy). Client and server
 * share the machine's cores.
 */
import { randomBytes } from "node:crypto";
import { open, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { DocumentsAnswer } from "@/contract";
import { pdf, png, tiff, upload } from "../src/server/documents/test-files";
import { STAFF_A, STAFF_B, signInHttp, startServerProcess, submission, tempDatabase } from "../src/server/test-support";

const MB = 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FILES = 10;

const rssOf = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function plainWrite(dir: string, files: Buffer[], sync: boolean): Promise<number> {
  const start = performance.now();
  for (const [i, data] of files.entries()) {
    const path = join(dir, `plain-${i}`);
    await writeFile(path, data);
    if (sync) {
      const handle = await open(path, "r");
      await handle.sync();
      await handle.close();
    }
  }
  const seconds = (performance.now() - start) / 1000;
  for (let i = 0; i < files.length; i += 1) await rm(join(dir, `plain-${i}`), { force: true });
  return (files.length * (files[0]?.length ?? 0)) / MB / seconds;
}

async function main(): Promise<void> {
  const temp = tempDatabase("hemgenix-bench-documents-");
  let server = await startServerProcess({ databaseFile: temp.file });
  let pid = server.child.pid ?? 0;
  /**
   * A fresh server process on the same data (sessions are in the database): a process keeps the
   * memory an earlier phase grew to, so "above idle" after it would hide the next phase's peak.
   */
  const restart = async () => {
    await server.stop();
    server = await startServerProcess({ databaseFile: temp.file });
    pid = server.child.pid ?? 0;
  };
  try {
    const staffA = await signInHttp(server.url, STAFF_A);
    const staffB = await signInHttp(server.url, STAFF_B);
    const send = async (who: { cookie: string; csrf: string }, name: string, data: Buffer, items = "liver-panel") => {
      const { body, contentType } = upload([{ name, data }], items);
      const res = await fetch(`${server.url}/api/draft/documents`, {
        method: "POST",
        headers: { "content-type": contentType, cookie: who.cookie, "x-csrf-token": who.csrf },
        body,
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`upload gave ${res.status}: ${text}`);
      return (JSON.parse(text) as DocumentsAnswer).documents[0];
    };
    const discard = async (who: { cookie: string; csrf: string }) => {
      await fetch(`${server.url}/api/draft`, {
        method: "DELETE",
        headers: { cookie: who.cookie, "x-csrf-token": who.csrf },
      });
    };

    // 1. Throughput of 10 MB PDFs.
    const uploads: number[] = [];
    const plain: number[] = [];
    const plainSynced: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const files = await Promise.all(Array.from({ length: FILES }, () => pdf({ pages: 4, padTo: 10 * MB })));
      plain.push(await plainWrite(temp.dir, files, false));
      plainSynced.push(await plainWrite(temp.dir, files, true));
      const start = performance.now();
      for (const [i, data] of files.entries()) await send(staffA, `scan-${i}.pdf`, data);
      uploads.push((FILES * (files[0]?.length ?? 0)) / MB / ((performance.now() - start) / 1000));
      await discard(staffA);
    }

    // 2. Peak memory during 8 concurrent 25 MB uploads, each round in a fresh process.
    const big = await Promise.all(Array.from({ length: 8 }, () => pdf({ pages: 2, padTo: 25 * MB - 64 * 1024 })));
    const peaks: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await restart();
      await new Promise((r) => setTimeout(r, 500));
      const idle = rssOf(pid);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
      await Promise.all(
        big.map((data, i) =>
          send(i % 2 === 0 ? staffA : staffB, `big-${i}.pdf`, Buffer.concat([data, randomBytes(8)])),
        ),
      );
      clearInterval(sampler);
      peaks.push((peak - idle) / MB);
      await discard(staffA);
      await discard(staffB);
    }

    // 3. The packet of a request carrying 30 documents, each round built by a fresh process (its
    //    first packet: the slowest, with pdf-lib's code not yet compiled).
    const items = ["diagnosis-factor-ix", "prophylaxis-records", "bleed-records", "exposure-days", "inhibitor-assay-1"];
    const more = ["liver-panel", "liver-ultrasound", "liver-elastography", "aav5-antibody", "weight"];
    for (let i = 0; i < 24; i += 1)
      await send(staffA, `report-${i}.pdf`, await pdf({ pages: 3, padTo: MB }), [...items, ...more][i % 10]);
    for (let i = 0; i < 5; i += 1) await send(staffA, `photo-${i}.png`, png(1200, 900), more[i]);
    await send(staffA, "fax.tif", tiff(1700, 2200), "weight");
    const filed = await fetch(`${server.url}/api/requests`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: staffA.cookie, "x-csrf-token": staffA.csrf },
      body: JSON.stringify(submission()),
    });
    const { reference } = (await filed.json()) as { reference: string };
    const packetTimes: number[] = [];
    const packetPeaks: number[] = [];
    let packetSize = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      await restart();
      await new Promise((r) => setTimeout(r, 500));
      const idle = rssOf(pid);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
      const start = performance.now();
      const res = await fetch(`${server.url}/api/requests/${reference}/packet`, { headers: { cookie: staffA.cookie } });
      const bytes = await res.arrayBuffer();
      packetTimes.push(performance.now() - start);
      clearInterval(sampler);
      if (res.status !== 200) throw new Error(`packet gave ${res.status}`);
      packetSize = bytes.byteLength;
      packetPeaks.push((peak - idle) / MB);
    }

    const ratio = median(uploads) / median(plain);
    const ratioSynced = median(uploads) / median(plainSynced);
    console.log(`Documents benchmark (${ROUNDS} rounds, medians; load average ${loadavg()[0]?.toFixed(1)} at the end)`);
    console.log(`  upload of ${FILES} × 10 MB PDFs, one at a time: ${median(uploads).toFixed(0)} MB/s`);
    console.log(
      `  plain file write of the same bytes:          ${median(plain).toFixed(0)} MB/s (ratio ${ratio.toFixed(2)})`,
    );
    console.log(
      `  plain file write + fsync:                     ${median(plainSynced).toFixed(0)} MB/s (ratio ${ratioSynced.toFixed(2)})`,
    );
    console.log(
      `  peak server RSS above idle, 8 × 25 MB at once: ${median(peaks).toFixed(0)} MB (rounds: ${peaks.map((p) => p.toFixed(0)).join(", ")})`,
    );
    console.log(
      `  packet of 30 documents (${(packetSize / MB).toFixed(0)} MB): ${median(packetTimes).toFixed(0)} ms (rounds: ${packetTimes.map((t) => t.toFixed(0)).join(", ")}), peak RSS above idle ${median(packetPeaks).toFixed(0)} MB (rounds: ${packetPeaks.map((p) => p.toFixed(0)).join(", ")})`,
    );
  } finally {
    await server.stop();
    temp.remove();
  }
}

await main();
