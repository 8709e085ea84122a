/**
 * The file host's speed and memory (issue 9): `spp analyze` end to end against a floor measured in
 * the same run on the same files — the floor reads every part (zip inflate and a saxes XML scan
 * with no work per element) and writes the results package (the input's entries carried over as
 * they are, the result parts deflated, the zip assembled). Sizes: 10,000, 20,000 and 40,000
 * part-locations (linear growth), and a full Excel sheet of demand (1,048,575 rows), whose memory
 * is measured in a separate `spp analyze` process with Node's default heap.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { analyzeFile } from '../src/cli/analyze';
import { generateSample } from '../src/sample';
import { XlsxWorkbook } from '../src/workbook/xlsx-adapter';
import { saveXlsxFileAtomic } from '../src/workbook/xlsx-file';
import { MAX_ROWS } from '../src/workbook/xlsx-sheet-writer';
import { deflateEntry, entryBytes, readZipEntries, streamEntry, writeZip } from '../src/workbook/xlsx-zip';

interface Measure {
  wall: number;
  cpu: number;
}

function measure(work: () => void): Measure {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

async function measureAsync(work: () => Promise<void>): Promise<Measure> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

/** Floor of reading: every part inflated and scanned by saxes, nothing kept. */
function floorRead(file: string): void {
  for (const entry of readZipEntries(readFileSync(file))) {
    const parser = new SaxesParser({ xmlns: false, position: false });
    const decoder = new TextDecoder();
    const xml = /\.(xml|rels|vml)$/.test(entry.name);
    streamEntry(entry, (chunk) => (xml ? parser.write(decoder.decode(chunk, { stream: true })) : undefined));
    if (xml) parser.close();
  }
}

/** Floor of writing: the results package assembled from the input's entries as they are plus the result parts, deflated. */
function floorWrite(input: string, results: string): () => void {
  const carried = readZipEntries(readFileSync(input));
  const names = new Set(carried.map((entry) => entry.name));
  const added = readZipEntries(readFileSync(results)).filter((entry) => !names.has(entry.name)).map((entry) => ({ name: entry.name, bytes: entryBytes(entry) }));
  return () => void writeZip([...carried, ...added.map((part) => deflateEntry(part.name, part.bytes))]);
}

async function writeWorkbook(file: string, parts: number, demandRows?: number): Promise<number> {
  const tables = generateSample({ parts, locations: 4, periods: 36, seed: 42 });
  const demand = tables.find((table) => table.name === 'Demand')!;
  if (demandRows !== undefined) {
    if (demand.rows.length < demandRows) throw new Error(`the sample has only ${demand.rows.length} demand rows`);
    demand.rows.length = demandRows;
  }
  const workbook = XlsxWorkbook.empty();
  await workbook.createInputTables(tables);
  await saveXlsxFileAtomic(workbook, file);
  return demand.rows.length;
}

const fmt = (m: Measure) => `${m.wall.toFixed(2)} s (CPU ${m.cpu.toFixed(2)} s)`;

export async function fileIoBenchSection(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spp-bench-io-'));
  const quiet = () => undefined;
  try {
    log('| Workbook | File | spp analyze | of which read / plan / write+JSON | Floor read + write | Ratio (CPU) |');
    log('|---|---|---|---|---|---|');
    const cases: { label: string; parts: number; demandRows?: number }[] = [
      ...(process.env.SPP_BENCH_IO_QUICK ? [] : [{ label: '10,000 part-locations', parts: 2500 }]),
      { label: '20,000 part-locations', parts: 5000 },
      ...(process.env.SPP_BENCH_IO_QUICK ? [] : [{ label: '40,000 part-locations', parts: 10000 }]),
      ...(process.env.SPP_BENCH_IO_QUICK ? [] : [{ label: 'full sheet, 58,000 part-locations', parts: 14500, demandRows: MAX_ROWS - 1 }]),
    ];
    let fullSheet = '';
    for (const c of cases) {
      const input = join(dir, `in-${c.parts}.xlsx`);
      const rows = await writeWorkbook(input, c.parts, c.demandRows);
      const out = join(dir, `out-${c.parts}.xlsx`);
      let timings = { load: 0, read: 0, analyze: 0, save: 0, json: 0, total: 0 };
      const analyze = await measureAsync(async () => {
        timings = (await analyzeFile(input, { out, json: join(dir, `out-${c.parts}.json`), stdout: quiet, stderr: quiet })).timings;
      });
      const read = measure(() => floorRead(input));
      const write = measure(floorWrite(input, out));
      const floor = { wall: read.wall + write.wall, cpu: read.cpu + write.cpu };
      const mb = (statSync(input).size / 1e6).toFixed(1);
      const s = (ms: number) => (ms / 1000).toFixed(2);
      log(`| ${c.label} (${rows.toLocaleString('en-US')} demand rows) | ${mb} MB | ${fmt(analyze)} | ${s(timings.load + timings.read)} / ${s(timings.analyze)} / ${s(timings.save + timings.json)} s | ${fmt(floor)} | ${(analyze.cpu / floor.cpu).toFixed(2)} |`);
      if (c.demandRows !== undefined) fullSheet = input;
      else rmSync(input);
    }
    if (!fullSheet) return;
    // Memory with Node's default heap, in a process of its own.
    const spp = resolve(__dirname, '..', 'bin', 'spp.js');
    const timed = spawnSync('/usr/bin/time', ['-v', process.execPath, spp, 'analyze', fullSheet, '--out', join(dir, 'cli.xlsx')], { encoding: 'utf8' });
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(timed.stderr)?.[1];
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(timed.stderr)?.[1];
    if (timed.status !== 0) log(`\nFull sheet, separate process: FAILED (exit ${timed.status}): ${timed.stderr.slice(-400)}`);
    else log(`\nFull sheet, \`spp analyze\` in a separate process with Node's default heap: ${wall} wall, peak resident memory ${rss ? (Number(rss) / 1024 / 1024).toFixed(2) : '?'} GB.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void fileIoBenchSection((line) => console.log(line));
