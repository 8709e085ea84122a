/**
 * The argument-checking core of the custom functions, without Office: what Excel passes for
 * omitted arguments, empty cells, text, booleans and ranges, and the error each wrong argument
 * gets (#VALUE! for the wrong kind, #NUM! for a number out of range) with its message.
 */
import { choice, demandHistory, isOmitted, optionalNumber, requiredNumber } from '../../src/functions/arguments';
import { failure } from './helpers';

describe('omitted arguments and empty cells', () => {
  test.each([
    ['null (an omitted optional argument)', null, true],
    ['undefined', undefined, true],
    ['"" (an empty cell)', '', true],
    ['spaces', '   ', true],
    ['0', 0, false],
    ['FALSE', false, false],
    ['text', 'x', false],
    ['a range', [[1]], false],
  ])('%s is omitted: %p', (_label, value, omitted) => {
    expect(isOmitted(value)).toBe(omitted);
  });
});

describe('numbers', () => {
  test('numbers, and numbers typed as text (as the input tables accept them)', () => {
    expect(requiredNumber('mean', 2.5)).toBe(2.5);
    expect(requiredNumber('mean', ' 2.5 ')).toBe(2.5);
    expect(requiredNumber('mean', '1e3')).toBe(1000);
  });

  test('a missing required number is #VALUE!', () => {
    expect(failure(() => requiredNumber('mean', null))).toEqual(['#VALUE!', 'mean is required']);
    expect(failure(() => requiredNumber('mean', ''))).toEqual(['#VALUE!', 'mean is required']);
  });

  test('text and booleans are #VALUE!, quoting what was found', () => {
    expect(failure(() => requiredNumber('mean', 'abc'))).toEqual(['#VALUE!', 'mean must be a number, found "abc"']);
    expect(failure(() => requiredNumber('mean', '1,000'))).toEqual(['#VALUE!', 'mean must be a number, found "1,000"']);
    expect(failure(() => requiredNumber('stock', true))).toEqual(['#VALUE!', 'stock must be a number, found TRUE']);
    expect(failure(() => requiredNumber('stock', [[1, 2]]))).toEqual(['#VALUE!', 'stock must be a single value, found a range']);
  });

  test('a number outside the bounds is #NUM!, with the bounds in the message', () => {
    expect(failure(() => requiredNumber('mean', -1, { min: 0 }))).toEqual(['#NUM!', 'mean must be a number >= 0, found -1']);
    expect(failure(() => requiredNumber('target', 1, { min: 0, minExclusive: true, max: 1, maxExclusive: true }))).toEqual([
      '#NUM!',
      'target must be a number > 0 and < 1, found 1',
    ]);
    expect(failure(() => requiredNumber('stock', 2.5, { min: 0, integer: true }))).toEqual(['#NUM!', 'stock must be a whole number >= 0, found 2.5']);
    expect(failure(() => requiredNumber('mean', Infinity, { min: 0 }))[0]).toBe('#VALUE!');
    expect(requiredNumber('stock', '3', { min: 0, integer: true })).toBe(3);
  });

  test('an optional number falls back when omitted or empty, and is checked when given', () => {
    expect(optionalNumber('alpha', null, 0.1, { min: 0, max: 1 })).toBe(0.1);
    expect(optionalNumber('alpha', undefined, 0.1)).toBe(0.1);
    expect(optionalNumber('alpha', '', 0.1)).toBe(0.1);
    expect(optionalNumber('alpha', 0.3, 0.1)).toBe(0.3);
    expect(failure(() => optionalNumber('alpha', 2, 0.1, { min: 0, minExclusive: true, max: 1 }))).toEqual(['#NUM!', 'alpha must be a number > 0 and <= 1, found 2']);
  });
});

describe('choices', () => {
  const models = ['Compound', 'Classic'] as const;

  test('matched ignoring case, spaces, _ and -, returned in the canonical spelling', () => {
    expect(choice('model', 'classic', models, 'Compound')).toBe('Classic');
    expect(choice('method', 'moving average', ['Auto', 'MovingAverage'], 'Auto')).toBe('MovingAverage');
    expect(choice('method', 'Moving_Average', ['Auto', 'MovingAverage'], 'Auto')).toBe('MovingAverage');
  });

  test('omitted or empty gives the default', () => {
    expect(choice('model', null, models, 'Compound')).toBe('Compound');
    expect(choice('model', '', models, 'Classic')).toBe('Classic');
  });

  test('anything else is #VALUE! listing the choices', () => {
    expect(failure(() => choice('model', 'Fancy', models, 'Compound'))).toEqual(['#VALUE!', 'model must be one of Compound, Classic, found "Fancy"']);
    expect(failure(() => choice('model', 3, models, 'Compound'))).toEqual(['#VALUE!', 'model must be one of Compound, Classic, found 3']);
  });
});

describe('demand history from a range', () => {
  test('a column and a row give the same periods, oldest first', () => {
    expect([...demandHistory('h', [[1], [0], [3]])]).toEqual([1, 0, 3]);
    expect([...demandHistory('h', [[1, 0, 3]])]).toEqual([1, 0, 3]);
    expect([...demandHistory('h', [[4]])]).toEqual([4]);
    expect([...demandHistory('h', 4)]).toEqual([4]);
  });

  test('empty cells are periods without demand (0), as missing periods in the Demand table', () => {
    expect([...demandHistory('h', [['', null, 2, '  ', undefined, '5']])]).toEqual([0, 0, 2, 0, 0, 5]);
  });

  test('fractional demand is kept (the engine is exact for it)', () => {
    expect([...demandHistory('h', [[0.5], [1.25]])]).toEqual([0.5, 1.25]);
  });

  test('text, booleans and negative demand name the period and the cell', () => {
    expect(failure(() => demandHistory('history_range', [[1, 2, 'PN-1', 4]]))).toEqual([
      '#VALUE!',
      'history_range period 3 of 4 (row 1, column 3 of the range) must be a number, found "PN-1"',
    ]);
    expect(failure(() => demandHistory('history_range', [[1], [true]]))).toEqual([
      '#VALUE!',
      'history_range period 2 of 2 (row 2, column 1 of the range) must be a number, found TRUE',
    ]);
    expect(failure(() => demandHistory('history_range', [[1], [-2]]))).toEqual([
      '#NUM!',
      'history_range period 2 of 2 (row 2, column 1 of the range) must be a number >= 0, found -2',
    ]);
  });

  test('a block of several rows and columns is #VALUE!: one series at a time', () => {
    expect(failure(() => demandHistory('history_range', [[1, 2], [3, 4], [5, 6]]))).toEqual([
      '#VALUE!',
      'history_range must be one row or one column of periods, found 3 rows × 2 columns',
    ]);
    expect(failure(() => demandHistory('history_range', []))[0]).toBe('#VALUE!');
    expect(failure(() => demandHistory('history_range', [[1, 2], [3]]))[0]).toBe('#VALUE!');
  });
});
