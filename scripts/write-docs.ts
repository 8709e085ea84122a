/** `npm run docs`: rewrites the generated sections of docs/workbook.md from the contracts in src/model/. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withGeneratedDocs } from '../src/model/docs-sections';

const file = resolve(__dirname, '..', 'docs', 'workbook.md');
const before = readFileSync(file, 'utf8');
const after = withGeneratedDocs(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'docs/workbook.md is up to date.' : 'docs/workbook.md rewritten.');
