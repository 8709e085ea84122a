/** `spp sample`: a realistic synthetic input workbook. */
import { generateSample, type SampleOptions } from '../sample';
import { XlsxWorkbook } from '../workbook/xlsx-adapter';
import { saveXlsxFileAtomic } from '../workbook/xlsx-file';
import { ensureParentFolder } from './output-paths';

export async function writeSample(file: string, options: SampleOptions): Promise<void> {
  const workbook = XlsxWorkbook.empty();
  await workbook.createInputTables(generateSample(options));
  await ensureParentFolder(file);
  await saveXlsxFileAtomic(workbook, file);
}
