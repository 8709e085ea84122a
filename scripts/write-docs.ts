/** `npm run docs`: rewrites the generated sections of docs/workbook.md from the contracts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withResultsDocs } from '../src/model/results-docs';

const file = resolve(__dirname, '..', 'docs', 'workbook.md');
const before = readFileSync(file, 'utf8');
const after = withResultsDocs(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'docs/workbook.md is up to date.' : 'docs/workbook.md rewritten.');
