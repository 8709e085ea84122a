import fc from 'fast-check';
import {
  buildPeriodGrid,
  cachedPeriodReader,
  daysFromCivil,
  excelSerialToIsoDate,
  isoDateToExcelSerial,
  isoWeeksInYear,
  looksLikePeriodText,
  monthPeriod,
  periodLabel,
  readDate,
  readPeriod,
  readPeriodText,
} from '../../src/model/periods';

const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
const weekLabelOf = (value: unknown) => {
  const reading = readPeriod(value, 'Week');
  return reading.ok ? periodLabel(reading.period, 'Week') : reading.problem;
};
const monthLabelOf = (value: unknown) => {
  const reading = readPeriod(value, 'Month');
  return reading.ok ? periodLabel(reading.period, 'Month') : reading.problem;
};

describe('Excel date serials (1900 date system)', () => {
  test.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'], // the Lotus leap day that never was
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45292, '2024-01-01'],
    [45292.75, '2024-01-01'], // time of day is dropped
    [46568, '2027-06-30'],
    [2958465, '9999-12-31'],
  ])('serial %p is %s', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
  });

  test.each([0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY])('serial %p is outside Excel dates', (serial) => {
    expect(excelSerialToIsoDate(serial)).toBeNull();
  });

  test.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-02-29', 60],
    ['1900-03-01', 61],
    ['2024-01-01', 45292],
    ['9999-12-31', 2958465],
  ])('%s is serial %p', (iso, serial) => {
    expect(isoDateToExcelSerial(iso)).toBe(serial);
  });

  test.each(['1899-12-31', '2023-02-29', '2024-13-01', '2024-01-32', 'abc'])('%s has no serial', (iso) => {
    expect(isoDateToExcelSerial(iso)).toBeNull();
  });

  test('serial and ISO date convert back and forth over the whole range', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => isoDateToExcelSerial(excelSerialToIsoDate(serial)!) === serial));
  });

  test('serials 60 and 61 fall in February and March 1900', () => {
    expect(monthLabelOf(60)).toBe('1900-02');
    expect(monthLabelOf(61)).toBe('1900-03');
    expect(readPeriod(60, 'Month')).toEqual({ ok: true, period: 1900 * 12 + 1, dateAsText: false });
  });
});

describe('month periods', () => {
  test('period number is year × 12 + month − 1', () => {
    expect(monthPeriod(2024, 1)).toBe(24288);
    expect(periodLabel(24288, 'Month')).toBe('2024-01');
    expect(periodLabel(24299, 'Month')).toBe('2024-12');
  });

  test.each<[unknown, string]>([
    [utc(2024, 3, 31), '2024-03'],
    [utc(2024, 1, 31, 23), '2024-01'], // UTC parts, whatever the machine's zone
    [45292, '2024-01'],
    ['2024-01', '2024-01'],
    ['2024-1', '2024-01'],
    [' 2024-12 ', '2024-12'],
  ])('%p is read as %s', (value, label) => {
    expect(monthLabelOf(value)).toBe(label);
  });

  test('an ISO date typed as text is read as its month and flagged', () => {
    expect(readPeriod('2024-01-15', 'Month')).toEqual({ ok: true, period: 24288, dateAsText: true });
    expect(readPeriod('2024-01-15T00:00:00', 'Month')).toEqual({ ok: true, period: 24288, dateAsText: true });
  });

  test.each<[unknown, string]>([
    ['2024-13', 'notAPeriod'],
    ['2024-0', 'notAPeriod'],
    ['abc', 'notAPeriod'],
    ['2024-02-30', 'notAPeriod'],
    [0, 'notAPeriod'],
    [2958466, 'notAPeriod'],
    [true, 'notAPeriod'],
    [new Date(Number.NaN), 'notAPeriod'],
    ['03/04/2024', 'ambiguousDate'],
    ['03-04-24', 'ambiguousDate'],
    ['31/02/2024', 'notAPeriod'],
    ['13/13/2024', 'notAPeriod'],
    ['2024-W05', 'weekInMonthMode'],
  ])('%p is not a month: %s', (value, problem) => {
    expect(readPeriod(value, 'Month')).toEqual({ ok: false, problem });
  });
});

describe('ISO week periods', () => {
  test('week 0 starts on Monday 1970-01-05, which is in ISO week 1970-W02', () => {
    expect(readPeriod(utc(1970, 1, 5), 'Week')).toEqual({ ok: true, period: 0, dateAsText: false });
    expect(readPeriod(utc(1970, 1, 4), 'Week')).toEqual({ ok: true, period: -1, dateAsText: false });
    expect(periodLabel(0, 'Week')).toBe('1970-W02');
  });

  test('2024-W01 starts Monday 2024-01-01: 19,723 days after 1970-01-01, so period (19723 − 4) / 7 = 2817', () => {
    expect(readPeriodText('2024-W01', 'Week')).toEqual({ ok: true, period: 2817, dateAsText: false });
    expect(readPeriod(utc(2024, 1, 1), 'Week')).toEqual({ ok: true, period: 2817, dateAsText: false });
    expect(readPeriod(utc(2024, 1, 7), 'Week')).toEqual({ ok: true, period: 2817, dateAsText: false });
  });

  test.each<[unknown, string]>([
    [utc(2021, 1, 1), '2020-W53'], // a Friday: its Thursday is 2020-12-31
    [utc(2020, 12, 28), '2020-W53'],
    [utc(2021, 1, 4), '2021-W01'],
    [utc(2022, 1, 2), '2021-W52'], // a Sunday
    [utc(2024, 12, 29), '2024-W52'],
    [utc(2024, 12, 30), '2025-W01'], // a Monday in December that starts week 1 of the next ISO year
    [utc(2026, 1, 1), '2026-W01'], // a Thursday
    [utc(2027, 1, 1), '2026-W53'],
    [45292, '2024-W01'],
    ['2024-W05', '2024-W05'],
    ['2024W05', '2024-W05'],
    ['2024-w5', '2024-W05'],
    ['2020-W53', '2020-W53'],
  ])('%p is in week %s', (value, label) => {
    expect(weekLabelOf(value)).toBe(label);
  });

  test.each([
    [2015, 53],
    [2020, 53],
    [2021, 52],
    [2024, 52],
    [2026, 53],
  ])('ISO year %p has %p weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  test.each<[string, string]>([
    ['2021-W53', 'notAPeriod'], // 2021 has 52 weeks
    ['2024-W00', 'notAPeriod'],
    ['2024-W54', 'notAPeriod'],
    ['2024-03', 'monthInWeekMode'],
  ])('%s is not a week: %s', (text, problem) => {
    expect(readPeriodText(text, 'Week')).toEqual({ ok: false, problem });
  });

  test('an ISO date typed as text is read as its ISO week and flagged', () => {
    expect(readPeriodText('2024-12-31', 'Week')).toEqual({ ok: true, period: 2869, dateAsText: true });
    expect(periodLabel(2869, 'Week')).toBe('2025-W01');
  });

  /** Textbook ISO week through the Date API: the week-year is the year of the week's Thursday. */
  function isoWeekOracle(days: number): string {
    const date = new Date(days * 86_400_000);
    const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
    const year = thursday.getUTCFullYear();
    const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
    return `${year}-W${String(week).padStart(2, '0')}`;
  }

  test('labels agree with a textbook ISO week and parse back to the same period', () => {
    const from = daysFromCivil(1900, 1, 8);
    const to = daysFromCivil(9999, 12, 24);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (days) => {
        const reading = readPeriod(new Date(days * 86_400_000), 'Week');
        if (!reading.ok) return false;
        const label = periodLabel(reading.period, 'Week');
        const back = readPeriodText(label, 'Week');
        return label === isoWeekOracle(days) && back.ok && back.period === reading.period;
      }),
    );
  });
});

describe('period grid', () => {
  test('months from first to last, both included, across a year end', () => {
    expect(buildPeriodGrid('Month', 24286, 24289)).toEqual({ length: 'Month', first: 24286, count: 4, labels: ['2023-11', '2023-12', '2024-01', '2024-02'] });
  });

  test('ISO weeks across a year end', () => {
    expect(buildPeriodGrid('Week', 2868, 2870)).toEqual({ length: 'Week', first: 2868, count: 3, labels: ['2024-W52', '2025-W01', '2025-W02'] });
  });
});

describe('cachedPeriodReader', () => {
  test('gives the same readings as readPeriod for repeated values', () => {
    const read = cachedPeriodReader('Month');
    for (const value of ['2024-01', '2024-01', 45292, 45292, utc(2024, 2, 3), utc(2024, 2, 3), 'x', 'x']) {
      expect(read(value)).toEqual(readPeriod(value, 'Month'));
    }
  });
});

describe('looksLikePeriodText (wide-layout headers meant as periods)', () => {
  test.each(['2024-13', '2024/01', 'Jan-24', 'Jan 2024', 'Q1 2024', '2024W60', '1', '03/04/2024'])('%s looks like a period', (text) => {
    expect(looksLikePeriodText(text)).toBe(true);
  });
  test.each(['Region', 'Total 2024', 'Notes', 'Description', ''])('%p does not', (text) => {
    expect(looksLikePeriodText(text)).toBe(false);
  });
});

describe('readDate', () => {
  test.each<[unknown, unknown]>([
    [utc(2027, 6, 30), { ok: true, iso: '2027-06-30', dateAsText: false }],
    [46568, { ok: true, iso: '2027-06-30', dateAsText: false }],
    ['2027-06-30', { ok: true, iso: '2027-06-30', dateAsText: true }],
    // Day first where the first number cannot be a month, month first where the second cannot; equal numbers read the same either way.
    ['30/06/2027', { ok: true, iso: '2027-06-30', dateAsText: true }],
    ['06/30/2027', { ok: true, iso: '2027-06-30', dateAsText: true }],
    ['06.06.27', { ok: true, iso: '2027-06-06', dateAsText: true }],
    ['29.02.2024', { ok: true, iso: '2024-02-29', dateAsText: true }],
    ['29.02.2023', { ok: false, problem: 'notADate' }],
    ['15-01-99', { ok: true, iso: '1999-01-15', dateAsText: true }],
    ['03/04/2027', { ok: false, problem: 'ambiguousDate' }],
    ['soon', { ok: false, problem: 'notADate' }],
    [0, { ok: false, problem: 'notADate' }],
  ])('%p', (value, reading) => {
    expect(readDate(value)).toEqual(reading);
  });
});
