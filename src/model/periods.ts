/**
 * Demand periods: month and ISO-week numbering, reading period cells (dates, Excel date serials,
 * `YYYY-MM`, `YYYY-Www`) and the period grid. All arithmetic runs on whole day numbers (days since
 * 1970-01-01), never on local-time Dates, so results do not depend on the machine's time zone.
 */
import type { PeriodGrid, PeriodLength } from './types';

const MS_PER_DAY = 86_400_000;
/** Day number of Monday 1970-01-05, the start of week period 0. */
const WEEK_ZERO_MONDAY = 4;

/** Excel's date serials run from 1 (1900-01-01) to 2958465 (9999-12-31) in the 1900 date system. */
export const FIRST_EXCEL_SERIAL = 1;
export const LAST_EXCEL_SERIAL = 2_958_465;
/** Serial of 1970-01-01 for serials after the fake leap day. */
const SERIAL_OF_DAY_ZERO = 25_569;
/** Excel (after Lotus 1-2-3) counts a 29 February 1900 that never existed: serial 60. */
const FAKE_LEAP_DAY_SERIAL = 60;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // year starts in March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (inverse of daysFromCivil). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Day number of a valid calendar date `YYYY-MM-DD`, else null. */
export function daysOfIsoDate(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

// ---------------------------------------------------------------- Excel date serials

/** Day number of an Excel serial (fraction = time of day, dropped); the fake 1900-02-29 counts as 1900-02-28. Null outside Excel's range. */
export function daysOfExcelSerial(serial: number): number | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < FIRST_EXCEL_SERIAL || whole > LAST_EXCEL_SERIAL) return null;
  // Serials before the fake leap day count one day fewer; serial 60 itself lands on 1900-02-28.
  return whole < FAKE_LEAP_DAY_SERIAL ? whole - SERIAL_OF_DAY_ZERO + 1 : whole - SERIAL_OF_DAY_ZERO;
}

/** `YYYY-MM-DD` of an Excel serial as Excel shows it (serial 60 is "1900-02-29"); null outside Excel's range. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (Number.isFinite(serial) && Math.floor(serial) === FAKE_LEAP_DAY_SERIAL) return '1900-02-29';
  const days = daysOfExcelSerial(serial);
  return days === null ? null : isoDateOfDays(days);
}

/** Excel serial of `YYYY-MM-DD` ("1900-02-29" is serial 60); null for an invalid date or one outside Excel's range. */
export function isoDateToExcelSerial(iso: string): number | null {
  if (iso === '1900-02-29') return FAKE_LEAP_DAY_SERIAL;
  const days = daysOfIsoDate(iso);
  if (days === null) return null;
  const serial = days + SERIAL_OF_DAY_ZERO - (days < daysFromCivil(1900, 3, 1) ? 1 : 0);
  return serial >= FIRST_EXCEL_SERIAL && serial <= LAST_EXCEL_SERIAL ? serial : null;
}

// ---------------------------------------------------------------- period numbers and labels

/** Month period number: year × 12 + month − 1. */
export function monthPeriod(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** ISO week period number of the week holding this day: weeks since Monday 1970-01-05. */
export function weekPeriodOfDays(days: number): number {
  return Math.floor((days - WEEK_ZERO_MONDAY) / 7);
}

/** The period (month, or ISO week) that contains this day. */
export function periodOfDays(days: number, length: PeriodLength): number {
  if (length === 'Week') return weekPeriodOfDays(days);
  const { year, month } = civilFromDays(days);
  return monthPeriod(year, month);
}

/** ISO week-year and week of a week period: the week belongs to the year of its Thursday. */
export function isoWeekOfPeriod(period: number): { year: number; week: number } {
  const thursday = WEEK_ZERO_MONDAY + period * 7 + 3;
  const { year } = civilFromDays(thursday);
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** Week period of ISO week `week` of ISO week-year `year` (week 1 holds 4 January). No range check. */
export function isoWeekPeriod(year: number, week: number): number {
  return weekPeriodOfDays(daysFromCivil(year, 1, 4)) + week - 1;
}

/** 52 or 53: the number of ISO weeks in an ISO week-year (28 December is always in its last week). */
export function isoWeeksInYear(year: number): number {
  return weekPeriodOfDays(daysFromCivil(year, 12, 28)) - isoWeekPeriod(year, 1) + 1;
}

/** `YYYY-MM` or ISO `YYYY-Www` of a period number. */
export function periodLabel(period: number, length: PeriodLength): string {
  if (length === 'Week') {
    const { year, week } = isoWeekOfPeriod(period);
    return `${year}-W${pad2(week)}`;
  }
  const year = Math.floor(period / 12);
  return `${year}-${pad2(period - year * 12 + 1)}`;
}

/** The regular grid of every period from `first` to `last`, both included. */
export function buildPeriodGrid(length: PeriodLength, first: number, last: number): PeriodGrid {
  const count = Math.max(0, last - first + 1);
  const labels = new Array<string>(count);
  for (let i = 0; i < count; i++) labels[i] = periodLabel(first + i, length);
  return { length, first, count, labels };
}

// ---------------------------------------------------------------- reading period cells

export type PeriodProblem =
  /** Not a date, serial, `YYYY-MM` or `YYYY-Www` (or one with an impossible month or week). */
  | 'notAPeriod'
  /** Text like `03/04/2024`, whose day/month order depends on the locale that wrote it. */
  | 'ambiguousDate'
  /** `YYYY-MM` while PeriodLength is Week. */
  | 'monthInWeekMode'
  /** `YYYY-Www` while PeriodLength is Month. */
  | 'weekInMonthMode';

export type PeriodReading =
  | { readonly ok: true; readonly period: number; /** An ISO date typed as text: accepted, but worth a warning. */ readonly dateAsText: boolean }
  | { readonly ok: false; readonly problem: PeriodProblem };

const MONTH_TEXT = /^(\d{4})-(\d{1,2})$/;
const WEEK_TEXT = /^(\d{4})-?[Ww](\d{1,2})$/;
/** `YYYY-MM-DD`, optionally with a time of day as CSV exports write it. */
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
/** Day, month and year in an order only the author's locale knows: 03/04/2024, 3.4.24, 03-04-2024. */
const LOCALE_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/**
 * A locale-ordered date whose order the numbers themselves settle: 15/01/2023 is day first (15
 * cannot be a month), 01/15/2023 month first, 03/03/2023 either way. 'ambiguous' when both orders
 * are possible (03/04/2023); null when the text is no such date (31/02/2023, 13/13/2023, `abc`).
 * Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999.
 */
export function daysOfLocaleDate(text: string): number | 'ambiguous' | null {
  const match = LOCALE_DATE.exec(text);
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[2]);
  const y = Number(match[3]);
  const year = match[3].length === 4 ? y : y < 30 ? 2000 + y : 1900 + y;
  let day: number;
  let month: number;
  if (a === b || (a > 12 && b <= 12)) [day, month] = [a, b];
  else if (b > 12 && a <= 12) [day, month] = [b, a];
  else if (a <= 12 && b <= 12) return 'ambiguous';
  else return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || !inExcelYears(year)) return null;
  return daysFromCivil(year, month, day);
}
/** Headers such as `2024-13`, `2024/01`, `Jan 2024`, `Q1-2024`, `2024W60`: meant as periods even when not valid ones. */
const PERIOD_LIKE = /^(?:[\d\s/.-]*\d[\d\s/.-]*|\d{4}\s*-?\s*w\s*\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s.,'/-]*\d+|q[1-4][\s/-]*\d{2,4}|\d{4}[\s/-]*q[1-4])$/i;

const FAILED: Record<PeriodProblem, PeriodReading> = {
  notAPeriod: { ok: false, problem: 'notAPeriod' },
  ambiguousDate: { ok: false, problem: 'ambiguousDate' },
  monthInWeekMode: { ok: false, problem: 'monthInWeekMode' },
  weekInMonthMode: { ok: false, problem: 'weekInMonthMode' },
};

function fromDays(days: number, length: PeriodLength, dateAsText = false): PeriodReading {
  return { ok: true, period: periodOfDays(days, length), dateAsText };
}

/** Excel's calendar ends in year 9999; earlier than 1900 cannot come from an Excel date either. */
function inExcelYears(year: number): boolean {
  return year >= 1900 && year <= 9999;
}

/** Read text as a period: `YYYY-MM`/`YYYY-M`, `YYYY-Www`/`YYYYWww`, or an ISO date (flagged as date-as-text). */
export function readPeriodText(text: string, length: PeriodLength): PeriodReading {
  const trimmed = text.trim();
  let match = MONTH_TEXT.exec(trimmed);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (!inExcelYears(year) || month < 1 || month > 12) return FAILED.notAPeriod;
    return length === 'Month' ? { ok: true, period: monthPeriod(year, month), dateAsText: false } : FAILED.monthInWeekMode;
  }
  match = WEEK_TEXT.exec(trimmed);
  if (match) {
    const year = Number(match[1]);
    const week = Number(match[2]);
    if (!inExcelYears(year) || week < 1 || week > isoWeeksInYear(year)) return FAILED.notAPeriod;
    return length === 'Week' ? { ok: true, period: isoWeekPeriod(year, week), dateAsText: false } : FAILED.weekInMonthMode;
  }
  const days = daysOfIsoDate(trimmed) ?? daysOfLocaleDate(trimmed);
  if (days === 'ambiguous') return FAILED.ambiguousDate;
  if (days !== null) return inExcelYears(civilFromDays(days).year) ? fromDays(days, length, true) : FAILED.notAPeriod;
  return FAILED.notAPeriod;
}

/** Read a cell as the period containing it: a Date (UTC parts), an Excel date serial, or period text. */
export function readPeriod(value: unknown, length: PeriodLength): PeriodReading {
  if (value instanceof Date) {
    const ms = value.getTime();
    // ExcelJS gives whole days as UTC midnight; the UTC calendar day is the cell's date.
    return Number.isNaN(ms) ? FAILED.notAPeriod : fromDays(Math.floor(ms / MS_PER_DAY), length);
  }
  if (typeof value === 'number') {
    const days = daysOfExcelSerial(value);
    return days === null ? FAILED.notAPeriod : fromDays(days, length);
  }
  if (typeof value === 'string') return readPeriodText(value, length);
  return FAILED.notAPeriod;
}

/**
 * readPeriod with a memory: a Demand column of 700,000 rows holds a few dozen distinct periods, so
 * each distinct value is parsed once.
 */
export function cachedPeriodReader(length: PeriodLength): (value: unknown) => PeriodReading {
  const byText = new Map<string, PeriodReading>();
  const byNumber = new Map<number, PeriodReading>();
  const byTime = new Map<number, PeriodReading>();
  return (value) => {
    const cache = typeof value === 'string' ? byText : typeof value === 'number' ? byNumber : value instanceof Date ? byTime : null;
    if (cache === null) return readPeriod(value, length);
    const key = value instanceof Date ? value.getTime() : (value as string | number);
    let reading = (cache as Map<string | number, PeriodReading>).get(key);
    if (reading === undefined) {
      reading = readPeriod(value, length);
      (cache as Map<string | number, PeriodReading>).set(key, reading);
    }
    return reading;
  };
}

/** Whether text that is not a valid period was still meant as one (e.g. `2024-13`, `Jan-24`, `2024/01`). */
export function looksLikePeriodText(text: string): boolean {
  return PERIOD_LIKE.test(text.trim());
}

// ---------------------------------------------------------------- reading date cells

export type DateReading =
  | { readonly ok: true; /** `YYYY-MM-DD` */ readonly iso: string; readonly dateAsText: boolean }
  | { readonly ok: false; readonly problem: 'notADate' | 'ambiguousDate' };

/** Read a calendar-date cell: a Date (UTC parts), an Excel date serial, or ISO text `YYYY-MM-DD` (flagged). */
export function readDate(value: unknown): DateReading {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? { ok: false, problem: 'notADate' } : { ok: true, iso: isoDateOfDays(Math.floor(ms / MS_PER_DAY)), dateAsText: false };
  }
  if (typeof value === 'number') {
    const iso = excelSerialToIsoDate(value);
    return iso === null ? { ok: false, problem: 'notADate' } : { ok: true, iso, dateAsText: false };
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const days = daysOfIsoDate(trimmed) ?? daysOfLocaleDate(trimmed);
    if (days === 'ambiguous') return { ok: false, problem: 'ambiguousDate' };
    if (days !== null && inExcelYears(civilFromDays(days).year)) return { ok: true, iso: isoDateOfDays(days), dateAsText: true };
    return { ok: false, problem: 'notADate' };
  }
  return { ok: false, problem: 'notADate' };
}
