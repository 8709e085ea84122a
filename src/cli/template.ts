/** `spp template`: an empty input workbook with every table, header notes, validation and an example row. */
import { inputTemplate } from '../model/template';
import { XlsxWorkbook } from '../workbook/xlsx-adapter';
import { saveXlsxFileAtomic } from '../workbook/xlsx-file';
import { ensureParentFolder } from './output-paths';

export async function writeTemplate(file: string): Promise<string[]> {
  const workbook = XlsxWorkbook.empty();
  const created = await workbook.createInputTables(inputTemplate());
  await ensureParentFolder(file);
  await saveXlsxFileAtomic(workbook, file);
  return created;
}
