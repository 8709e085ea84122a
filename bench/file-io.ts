/**
 * The file host's speed and memory (issue 9): `spp analyze` end to end against a floor measured in
 * the same run on the same files. The floor reads every part (inflated with the codec the CLI uses,
 * Node's zlib; worksheets scanned by the <sheetData> scanner with no work per cell, the other XML
 * parts by saxes with no work per element) and writes the results package (the input's entries
 * carried over as they are, the result parts deflated, the zip assembled and written to disk) and
 * the JSON's bytes.
 *
 * Sizes 10,000 to 40,000 part-locations and a full Excel sheet of demand (1,048,575 rows), run with
 * StockingMode Independent so the pipeline's compute is the per-location plan and the file work
 * shows; the 20,000 part-location workbook is also run as it comes (the network plan, StockingMode
 * Target), whose network stage dominates (bench/network-stage.ts). The full sheet's memory is
 * measured in a separate `spp analyze` process with Node's default heap.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { analyzeFile, type AnalyzeTimings } from '../src/cli/analyze';
import type { Scenario } from '../src/pipeline/run';
import { generateSample } from '../src/sample';
import { XlsxWorkbook } from '../src/workbook/xlsx-adapter';
import { saveXlsxFileAtomic } from '../src/workbook/xlsx-file';
import { SheetDataScanner } from '../src/workbook/xlsx-sheet-scan';
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

/** Floor of reading: every part inflated; worksheets scanned by the scanner the reader uses, other XML parts by saxes; nothing kept. */
function floorRead(file: string): void {
  for (const entry of readZipEntries(readFileSync(file))) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const scanner = new SheetDataScanner(() => undefined);
      streamEntry(entry, (chunk) => scanner.write(chunk));
      scanner.close();
      continue;
    }
    const xml = /\.(xml|rels|vml)$/.test(entry.name);
    const parser = new SaxesParser({ xmlns: false, position: false });
    const decoder = new TextDecoder();
    streamEntry(entry, (chunk) => (xml ? parser.write(decoder.decode(chunk, { stream: true })) : undefined));
    if (xml) parser.close();
  }
}

/**
 * Floor of writing: the results package assembled from the input's entries as they are plus the
 * result parts, deflated, and written to disk with the JSON's bytes (as spp writes both files).
 */
function floorWrite(input: string, results: string, json: string, scratch: string): () => void {
  const carried = readZipEntries(readFileSync(input));
  const names = new Set(carried.map((entry) => entry.name));
  const added = readZipEntries(readFileSync(results)).filter((entry) => !names.has(entry.name)).map((entry) => ({ name: entry.name, bytes: entryBytes(entry) }));
  const jsonBytes = readFileSync(json);
  return () => {
    writeFileSync(`${scratch}.xlsx`, writeZip([...carried, ...added.map((part) => deflateEntry(part.name, part.bytes))]));
    writeFileSync(`${scratch}.json`, jsonBytes);
  };
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

/**
 * Why worksheets have a scanner of their own: the same inflated worksheet XML scanned with no work
 * per cell by saxes (the general tokenizer that reads the other parts) and by the <sheetData>
 * scanner, best of three each.
 */
function scannerAgainstSaxes(file: string): { megabytes: number; saxes: number; scanner: number } {
  const sheets = readZipEntries(readFileSync(file))
    .filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name))
    .map(entryBytes);
  const slices = (bytes: Uint8Array, onChunk: (chunk: Uint8Array) => void) => {
    for (let at = 0; at < bytes.length; at += 1 << 20) onChunk(bytes.subarray(at, at + (1 << 20)));
  };
  const best = (work: () => void) => Math.min(...[0, 1, 2].map(() => measure(work).cpu));
  const saxes = best(() => {
    for (const bytes of sheets) {
      const parser = new SaxesParser({ xmlns: false, position: false });
      const decoder = new TextDecoder();
      slices(bytes, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
      parser.close();
    }
  });
  const scanner = best(() => {
    for (const bytes of sheets) {
      const scan = new SheetDataScanner(() => undefined);
      slices(bytes, (chunk) => scan.write(chunk));
      scan.close();
    }
  });
  return { megabytes: sheets.reduce((sum, bytes) => sum + bytes.length, 0) / 1e6, saxes, scanner };
}

const fmt = (m: Measure) => `${m.wall.toFixed(2)} s (CPU ${m.cpu.toFixed(2)} s)`;
const cpuSeconds = (ms: number) => (ms / 1000).toFixed(2);

export async function fileIoBenchSection(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spp-bench-io-'));
  const quiet = () => undefined;
  const independent: Scenario = { settings: { stockingMode: 'Independent' } };
  try {
    log('StockingMode Independent (the per-location plan), Calibration Auto (the default): the file work against its floor.\n');
    log('| Workbook | File | spp analyze | CPU: read / validate+plan+lay out / write / JSON | Floor read + write | Ratio, end to end (CPU) | Ratio, file work (CPU) |');
    log('|---|---|---|---|---|---|---|');
    const quick = Boolean(process.env.SPP_BENCH_IO_QUICK);
    const cases: { label: string; parts: number; demandRows?: number }[] = [
      ...(quick ? [] : [{ label: '10,000 part-locations', parts: 2500 }]),
      { label: '20,000 part-locations', parts: 5000 },
      ...(quick ? [] : [{ label: '40,000 part-locations', parts: 10000 }]),
      ...(quick ? [] : [{ label: 'full sheet, 58,000 part-locations', parts: 14500, demandRows: MAX_ROWS - 1 }]),
    ];
    let fullSheet = '';
    let networkInput = '';
    let calibrationOff = '';
    for (const c of cases) {
      const input = join(dir, `in-${c.parts}.xlsx`);
      const rows = await writeWorkbook(input, c.parts, c.demandRows);
      const out = join(dir, `out-${c.parts}.xlsx`);
      const run = async (scenario?: Scenario) => {
        let timings: AnalyzeTimings | undefined;
        const measured = await measureAsync(async () => {
          timings = (await analyzeFile(input, { out, json: join(dir, `out-${c.parts}.json`), scenario, stdout: quiet, stderr: quiet })).timings;
        });
        return { measured, cpu: timings!.cpu };
      };
      const { measured: analyze, cpu } = await run(independent);
      const read = measure(() => floorRead(input));
      const write = measure(floorWrite(input, out, join(dir, `out-${c.parts}.json`), join(dir, 'floor')));
      const floor = { wall: read.wall + write.wall, cpu: read.cpu + write.cpu };
      // The file work: reading the tables, writing the workbook and the JSON (not validating, planning or laying out).
      const fileWork = (cpu.load + cpu.read + cpu.save + cpu.json) / 1000;
      const mb = (statSync(input).size / 1e6).toFixed(1);
      log(`| ${c.label} (${rows.toLocaleString('en-US')} demand rows) | ${mb} MB | ${fmt(analyze)} | ${cpuSeconds(cpu.load + cpu.read)} / ${cpuSeconds(cpu.analyze)} / ${cpuSeconds(cpu.save)} / ${cpuSeconds(cpu.json)} s | ${fmt(floor)} (read ${read.cpu.toFixed(2)}, write ${write.cpu.toFixed(2)}) | ${(analyze.cpu / floor.cpu).toFixed(2)} | ${(fileWork / floor.cpu).toFixed(2)} |`);
      if (c.parts === 5000) {
        // The same workbook without the calibration's backtests (Calibration Off): what the file host costs beside the plan alone.
        const off = await run({ settings: { stockingMode: 'Independent', calibration: 'Off' } });
        const c2 = off.cpu;
        calibrationOff = `\n${c.label} with Calibration Off (StockingMode Independent): spp analyze ${fmt(off.measured)}; CPU read ${cpuSeconds(c2.load + c2.read)} s, validate+plan+lay out ${cpuSeconds(c2.analyze)} s, write ${cpuSeconds(c2.save)} s, JSON ${cpuSeconds(c2.json)} s; ratio end to end ${(off.measured.cpu / floor.cpu).toFixed(2)}, file work ${((c2.load + c2.read + c2.save + c2.json) / 1000 / floor.cpu).toFixed(2)} (the floor of the row above).`;
      }
      if (c.demandRows !== undefined) fullSheet = input;
      else if (c.parts === 5000) networkInput = input;
      else rmSync(input);
    }
    if (calibrationOff) log(calibrationOff);
    if (networkInput) {
      const scan = scannerAgainstSaxes(networkInput);
      log(`\nWorksheet XML of the 20,000 part-location workbook (${scan.megabytes.toFixed(1)} MB, inflated), scanned with no work per cell, CPU best of 3: saxes ${scan.saxes.toFixed(2)} s, the <sheetData> scanner ${scan.scanner.toFixed(2)} s (${(scan.saxes / scan.scanner).toFixed(1)}× faster).`);
      // The same 20,000 part-location workbook as it comes: the network plan in Target mode.
      const out = join(dir, 'out-network.xlsx');
      let cpu: AnalyzeTimings['cpu'] | undefined;
      const analyze = await measureAsync(async () => {
        cpu = (await analyzeFile(networkInput, { out, json: join(dir, 'out-network.json'), stdout: quiet, stderr: quiet })).timings.cpu;
      });
      const read = measure(() => floorRead(networkInput));
      const write = measure(floorWrite(networkInput, out, join(dir, 'out-network.json'), join(dir, 'floor')));
      const floor = read.cpu + write.cpu;
      log(`\n20,000 part-locations with the network plan (StockingMode Target, as the sample comes): spp analyze ${fmt(analyze)}; CPU read ${cpuSeconds(cpu!.load + cpu!.read)} s, validate+plan+lay out ${cpuSeconds(cpu!.analyze)} s, write ${cpuSeconds(cpu!.save)} s, JSON ${cpuSeconds(cpu!.json)} s; floor ${floor.toFixed(2)} s CPU; ratio end to end ${(analyze.cpu / floor).toFixed(2)}, file work ${((cpu!.load + cpu!.read + cpu!.save + cpu!.json) / 1000 / floor).toFixed(2)}.`);
      rmSync(networkInput);
    }
    if (!fullSheet) return;
    // Memory with Node's default heap, in a process of its own.
    const spp = resolve(__dirname, '..', 'bin', 'spp.js');
    // The workbook as it comes (the network plan) would measure the network stage's memory, not the file host's.
    const timed = spawnSync('/usr/bin/time', ['-v', process.execPath, spp, 'analyze', fullSheet, '--out', join(dir, 'cli.xlsx'), '--set', 'StockingMode=Independent'], { encoding: 'utf8' });
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(timed.stderr)?.[1];
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(timed.stderr)?.[1];
    if (timed.status !== 0) log(`\nFull sheet, separate process: FAILED (exit ${timed.status}): ${timed.stderr.slice(-400)}`);
    else log(`\nFull sheet, \`spp analyze\` in a separate process with Node's default heap: ${wall} wall, peak resident memory ${rss ? (Number(rss) / 1024 / 1024).toFixed(2) : '?'} GB.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void fileIoBenchSection((line) => console.log(line));
