/**
 * `spp` — Service Parts Planner on the command line.
 * Exit codes: 0 success, 1 invalid input, 2 usage error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { ENGINE_VERSION } from '../version';
import { WorkbookFileError } from '../workbook/xlsx-errors';
import { analyzeFile } from './analyze';
import { compareFile } from './compare';
import { chooseScenario, type ScenarioOptions } from './scenario-options';
import { EXIT_INVALID_INPUT, EXIT_OK, EXIT_USAGE, UsageError } from './exit-codes';
import { writeSample } from './sample';
import { SheetLimitError } from '../workbook/xlsx-sheet-writer';
import { writeTemplate } from './template';

function positiveInteger(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max.toLocaleString('en-US')}.`);
    return n;
  };
}

function integer(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number.');
  return n;
}

/** Repeatable options collect their values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function requireXlsx(file: string): void {
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`${file}: the file name must end in .xlsx.`);
}

export function buildProgram(): Command {
  const program = new Command('spp')
    .description('Service Parts Planner: demand classification, intermittent-demand forecasting and SLA-driven stocking on Excel workbooks.')
    .version(ENGINE_VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('analyze')
    .description('Validate the input tables of a workbook, plan every part-location and write the results workbook.')
    .argument('<in.xlsx>', 'input workbook with the Parts, Locations, SLATiers and Demand tables (see docs/workbook.md)')
    .option('-o, --out <results.xlsx>', 'results workbook (default: <in>-results.xlsx beside the input); the input sheets are copied untouched')
    .option('-j, --json <results.json>', 'also write the results (or, on invalid input, the report) as JSON')
    .option('-s, --scenario <name>', 'run a scenario kept in the workbook, or name the one the options below define; it is kept with its figures (SPP Scenarios)')
    .option('--set <Setting=value>', 'override a setting for this scenario, e.g. --set HoldingCostRate=0.2 (repeatable)', collect, [])
    .option('--target <Tier=rate>', 'override a tier target fill rate, e.g. --target Gold=0.97 (repeatable)', collect, [])
    .option('--budget <amount>', 'best service for this stock investment (StockingMode = Budget, Budget = amount)')
    .addHelpText('after', '\nWithout --scenario, overrides are kept as scenario "Command line".\nExit codes: 0 success, 1 invalid input (every problem is listed with its sheet and cell), 2 usage error.')
    .action(async (input: string, opts: { out?: string; json?: string } & ScenarioOptions) => {
      if (opts.out) requireXlsx(opts.out);
      if (!existsSync(input)) throw new UsageError(`${input}: file not found.`);
      const outcome = await analyzeFile(input, { out: opts.out, json: opts.json, choose: (book) => chooseScenario(book, opts) });
      process.exitCode = outcome.exitCode;
    });

  program
    .command('compare')
    .description('Plan two scenarios of a workbook and compare them: A, B and Delta for every headline figure (sheet SPP Compare).')
    .argument('<in.xlsx>', 'workbook whose scenarios to compare (kept by `spp analyze --scenario` or the add-in)')
    .argument('<A>', 'first scenario ("Base" is the workbook\'s own)')
    .argument('<B>', 'second scenario')
    .option('-o, --out <compare.xlsx>', 'workbook to write (default: <in>-compare.xlsx beside the input)')
    .option('-j, --json <compare.json>', 'also write the comparison as JSON')
    .addHelpText('after', '\nExit codes: 0 success, 1 invalid input in either scenario, 2 usage error (e.g. an unknown scenario).')
    .action(async (input: string, a: string, b: string, opts: { out?: string; json?: string }) => {
      if (opts.out) requireXlsx(opts.out);
      if (!existsSync(input)) throw new UsageError(`${input}: file not found.`);
      process.exitCode = await compareFile(input, a, b, { out: opts.out, json: opts.json });
    });

  program
    .command('template')
    .description('Write an empty input workbook: every table with its headers, a note on each header, data validation and an example row.')
    .argument('<file.xlsx>', 'workbook to create')
    .option('-f, --force', 'overwrite the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      requireXlsx(file);
      if (existsSync(file) && !opts.force) throw new UsageError(`${file} exists; use --force to overwrite it.`);
      const created = await writeTemplate(file);
      process.stdout.write(`Template written to ${file} with tables ${created.join(', ')}.\n`);
    });

  program
    .command('sample')
    .description('Write a realistic synthetic input workbook: Central and Field locations, several SLA tiers, repairables, smooth, erratic, intermittent and lumpy demand.')
    .argument('<file.xlsx>', 'workbook to create (overwritten)')
    .addOption(new Option('--parts <N>', 'number of parts').argParser(positiveInteger('--parts', 1_000_000)).default(200))
    .addOption(new Option('--locations <M>', 'number of locations (one Central per started ten)').argParser(positiveInteger('--locations', 1000)).default(4))
    .addOption(new Option('--periods <P>', 'periods of demand history').argParser(positiveInteger('--periods', 520)).default(36))
    .addOption(new Option('--seed <S>', 'random seed; the same seed gives the same workbook').argParser(integer).default(1))
    .addOption(new Option('--period-length <length>', 'Month or Week').choices(['Month', 'Week']).default('Month'))
    .action(async (file: string, opts: { parts: number; locations: number; periods: number; seed: number; periodLength: 'Month' | 'Week' }) => {
      requireXlsx(file);
      await writeSample(file, { parts: opts.parts, locations: opts.locations, periods: opts.periods, seed: opts.seed, periodLength: opts.periodLength });
      process.stdout.write(
        `Sample workbook written to ${file}: ${opts.parts} parts × ${opts.locations} locations = ${(opts.parts * opts.locations).toLocaleString('en-US')} part-locations, ${opts.periods} ${opts.periodLength === 'Week' ? 'weeks' : 'months'} (seed ${opts.seed}).\n`,
      );
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`spp: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof SheetLimitError) {
      // spp sample asked for more rows than a sheet holds, or a result table would not fit: nothing written.
      process.stderr.write(`spp: ${error.message} Nothing was written.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof WorkbookFileError) {
      process.stderr.write(`spp: ${error.message}\n`);
      return error.problem === 'not-found' ? EXIT_USAGE : EXIT_INVALID_INPUT;
    }
    throw error;
  }
}

/** Entry point used by bin/spp.js. */
export function cli(): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`spp: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(70);
    },
  );
}
