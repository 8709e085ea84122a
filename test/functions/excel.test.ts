/**
 * The Excel adapter with a stand-in for Excel's CustomFunctions namespace: every function is
 * associated under its id, a FunctionError reaches Excel as CustomFunctions.Error with its code
 * (and its message where Excel shows one), and nothing else escapes as a crash or a non-number.
 */
import { CUSTOM_FUNCTIONS } from '../../src/functions/catalog';
import { excelError, excelFunction, registerCustomFunctions, type CustomFunctionsRuntime } from '../../src/functions/excel';
import { FunctionError } from '../../src/functions/errors';

/** Excel's error object as the runtime would build it. */
class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** ErrorCode values as office.js defines them (CustomFunctionsRuntime 1.3). */
const ERROR_CODE = { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' };

function fakeRuntime(): CustomFunctionsRuntime & { associated: Map<string, (...args: unknown[]) => unknown> } {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return { associated, associate: (id, fn) => void associated.set(id, fn), Error: FakeExcelError, ErrorCode: ERROR_CODE };
}

/** What calling `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('registerCustomFunctions', () => {
  test('associates every function of the catalog under its id, callable as Excel calls it', () => {
    const runtime = fakeRuntime();
    const ids = registerCustomFunctions(runtime);
    expect(ids.sort()).toEqual(['ADI', 'BASESTOCK', 'CV2', 'DEMANDCLASS', 'EBO', 'FILLRATE', 'FORECAST', 'IRR', 'LASTTIMEBUY', 'LASTTIMEBUYFROMHISTORY', 'LEADTIMEDEMAND', 'MOMPILLARSCORE', 'MOMSCORE', 'NPV', 'PAYBACKMONTHS', 'READYRATE', 'VARIMETRIC']);
    expect([...runtime.associated.keys()].sort()).toEqual(ids);
    // Poisson mean 7, S = 5: F(4) = 0.17299160788207135 (exact).
    expect(runtime.associated.get('FILLRATE')!(7, 5, null, null)).toBeCloseTo(0.17299160788207135, 14);
    expect(runtime.associated.get('DEMANDCLASS')!([[0], [0], [3], [0], [1], [0], [0], [2]])).toBe('intermittent');
  });

  test('a wrong argument reaches Excel as #VALUE! with the message, #NUM! and #DIV/0! without one, #N/A with one', () => {
    const runtime = fakeRuntime();
    registerCustomFunctions(runtime);
    const call = (id: string, ...args: unknown[]) => thrown(() => runtime.associated.get(id)!(...args));
    expect(call('FILLRATE', 'two', 5)).toEqual(new FakeExcelError('#VALUE!', 'mean must be a number, found "two"'));
    expect(call('BASESTOCK', 2, 1.5)).toEqual(new FakeExcelError('#NUM!'));
    expect(call('ADI', [[0, 0]])).toEqual(new FakeExcelError('#DIV/0!'));
    // #N/A carries its message: a figure that does not exist for these inputs.
    expect(call('PAYBACKMONTHS', [[-1000, 300, 300]])).toEqual(new FakeExcelError('#N/A', 'Not paid back within the 2-year horizon: the cumulative cash flow at year 2 is -400.'));
    expect(call('MOMSCORE', 1, 2, 2)).toEqual(new FakeExcelError('#DIV/0!'));
    expect(call('FORECAST', [[1, 2]], 'Holt')).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^method must be one of Auto, /) });
  });
});

describe('excelFunction', () => {
  test('an unexpected exception becomes #VALUE! with its message, not a crash', () => {
    const runtime = fakeRuntime();
    const broken = excelFunction('BROKEN', () => {
      throw new TypeError('x is undefined');
    }, runtime);
    expect(thrown(broken)).toEqual(new FakeExcelError('#VALUE!', 'Unexpected error: x is undefined'));
  });

  test('a result that is not a finite number becomes #NUM!, never a silent NaN', () => {
    const runtime = fakeRuntime();
    expect(thrown(excelFunction('NAN', () => NaN, runtime))).toEqual(new FakeExcelError('#NUM!'));
    expect(thrown(excelFunction('INF', () => Infinity, runtime))).toEqual(new FakeExcelError('#NUM!'));
    expect(excelFunction('TEXT', () => 'lumpy', runtime)()).toBe('lumpy');
  });

  test('uses the runtime’s ErrorCode values, and plain errors before CustomFunctionsRuntime 1.2', () => {
    const renamed = { ...fakeRuntime(), ErrorCode: { ...ERROR_CODE, invalidValue: 'VALUE-CODE' } };
    expect(excelError(new FunctionError('#VALUE!', 'why'), renamed)).toEqual(new FakeExcelError('VALUE-CODE', 'why'));
    const old: CustomFunctionsRuntime = { associate: () => undefined };
    const error = excelError(new FunctionError('#NUM!', 'too large'), old);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('too large');
  });
});

describe('register.ts (the entry the task pane and functions.js load)', () => {
  const globals = globalThis as { CustomFunctions?: unknown };
  afterEach(() => delete globals.CustomFunctions);

  test('does nothing without Excel (standalone page, plain browser)', () => {
    jest.isolateModules(() => {
      expect(() => require('../../src/functions/register')).not.toThrow();
    });
  });

  test('associates every function when Excel’s CustomFunctions is present', () => {
    const runtime = fakeRuntime();
    globals.CustomFunctions = runtime;
    jest.isolateModules(() => require('../../src/functions/register'));
    expect([...runtime.associated.keys()].sort()).toEqual(Object.keys(CUSTOM_FUNCTIONS).sort());
  });
});
