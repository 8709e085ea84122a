/** Cell conversion and payload-error detection of the Office.js adapter, without a workbook. */
import { CHUNK_CELLS, chunkRows, GENERAL_EXCEPTION_SIZE_CELLS, inChunks, isPayloadTooLarge, READ_MATRICES, WRITE_MATRICES } from '../../src/workbook/office-batch';
import { cellToWrite, dateToSerial, isDateFormat, readCellValue, serialToDate } from '../../src/workbook/office-cells';

test('dates: serials and UTC Dates convert both ways; only date and time formats make dates', () => {
  expect(serialToDate(45473)).toEqual(new Date('2024-06-30T00:00:00Z'));
  expect(dateToSerial(new Date('2024-02-29T00:00:00Z'))).toBe(45351);
  for (const format of ['m/d/yyyy', 'yyyy-mm-dd', '[$-409]d-mmm-yy;@', 'hh:mm', '[h]:mm:ss', 'mmm-yy']) expect([format, isDateFormat(format)]).toEqual([format, true]);
  for (const format of ['General', '@', '#,##0.00', '0.0%', '"USD "#,##0.00', '[Red]0.00', '0.00E+00', '#,##0 "days"', '\\d0']) expect([format, isDateFormat(format)]).toEqual([format, false]);
});

test('reading: the value type decides errors and blanks, the format decides dates', () => {
  expect(readCellValue('#N/A', 'Error', 'General')).toEqual({ error: '#N/A' });
  expect(readCellValue('#N/A', 'String', 'General')).toBe('#N/A');
  expect(readCellValue('', 'Empty', 'General')).toBeNull();
  expect(readCellValue('', 'String', '@')).toBeNull();
  expect(readCellValue(45473, 'Double', 'yyyy-mm-dd')).toEqual(new Date('2024-06-30T00:00:00Z'));
  expect(readCellValue(45473, 'Double', '#,##0')).toBe(45473);
  expect(readCellValue(false, 'Boolean', 'General')).toBe(false);
});

test('writing: text is protected by the text format or an apostrophe; numbers, errors and dates never get the text format', () => {
  expect(cellToWrite('=SUM(A1)', { column: '@' })).toEqual(['=SUM(A1)', '@']);
  expect(cellToWrite('=SUM(A1)', { column: '#,##0.00' })).toEqual(["'=SUM(A1)", '#,##0.00']);
  expect(cellToWrite(3, { column: '@' })).toEqual([3, 'General']);
  expect(cellToWrite(0.5, { column: '#,##0.00', numeric: '0.0%' })).toEqual([0.5, '0.0%']);
  expect(cellToWrite({ error: '#N/A' }, { column: '@' })).toEqual(['#N/A', 'General']);
  expect(cellToWrite(new Date('2024-02-29T00:00:00Z'), { column: '#,##0' })).toEqual([45351, 'yyyy-mm-dd']);
  expect(cellToWrite(null, { column: '@' })).toEqual(['', '@']);
  expect(cellToWrite(Number.NaN, { column: '0.0%' })).toEqual(['', '0.0%']);
  expect(cellToWrite(Number.NEGATIVE_INFINITY, { column: '0.0%' })).toEqual(['#NUM!', '0.0%']);
});

test('payload errors are recognised by code or message, other errors are not', () => {
  expect(isPayloadTooLarge({ code: 'RequestPayloadSizeLimitExceeded', message: 'The request payload size has exceeded the limit.' })).toBe(true);
  expect(isPayloadTooLarge({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
  expect(isPayloadTooLarge({ code: 'GeneralException', debugInfo: { code: 'PayloadTooLarge' } })).toBe(true);
  expect(isPayloadTooLarge(new Error('RichApi.Error: The size of the payload exceeded the limit.'))).toBe(true);
  expect(isPayloadTooLarge({ code: 'InvalidArgument', message: 'The argument is invalid or missing.' })).toBe(false);
  expect(isPayloadTooLarge('PayloadTooLarge?')).toBe(false);
});

test('inChunks halves on payload errors, keeps the smaller size, and rethrows anything else', async () => {
  const seen: [number, number][] = [];
  await inChunks(10, { initial: 8, cellsPerItem: 1 }, async (start, count) => {
    seen.push([start, count]);
    if (count > 3) throw { code: 'ResponsePayloadSizeLimitExceeded' };
  });
  expect(seen).toEqual([[0, 8], [0, 4], [0, 2], [2, 2], [4, 2], [6, 2], [8, 2]]);
  await expect(inChunks(4, { initial: 4, cellsPerItem: 1 }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
});

test('a GeneralException means "too large" only on a chunk of at least GENERAL_EXCEPTION_SIZE_CELLS cells', async () => {
  // 100 rows of 300 cells: 30,000, 15,000, then 7,500 cells, which is below the 10,000-cell threshold.
  const seen: number[] = [];
  const general = { code: 'GeneralException', message: 'There was an internal error while processing the request.' };
  await expect(
    inChunks(100, { initial: 100, cellsPerItem: 300 }, async (_start, count) => {
      seen.push(count);
      throw general;
    }),
  ).rejects.toBe(general);
  expect(GENERAL_EXCEPTION_SIZE_CELLS).toBe(10_000);
  expect(seen).toEqual([100, 50, 25]);
  // Payload codes halve down to one row whatever the size.
  const small: number[] = [];
  await expect(inChunks(4, { initial: 4, cellsPerItem: 1 }, async (_start, count) => (small.push(count), Promise.reject({ code: 'RequestPayloadSizeLimitExceeded' })))).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  expect(small).toEqual([4, 2, 1]);
});

test('chunks are sized by cells over every matrix: 200,000 cells a request', () => {
  expect(CHUNK_CELLS).toBe(200_000);
  // 62 columns read as values, value types and formats: 186 cells a row, floor(200,000 / 186) = 1,075 rows.
  expect(chunkRows(62, READ_MATRICES)).toBe(1075);
  // 4 columns written as formats and values: 8 cells a row, 25,000 rows.
  expect(chunkRows(4, WRITE_MATRICES)).toBe(25_000);
  // Wider than the budget: still one row a chunk.
  expect(chunkRows(16_384, READ_MATRICES, 1000)).toBe(1);
});
