/** Output files of `spp` may go to folders that do not exist yet (e.g. `demo/`): create them. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function ensureParentFolder(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
}
