/**
 * The sections of docs/workbook.md generated from the contracts (input columns, settings, result
 * sheets). `npm run docs` rewrites them between their markers; a test fails when the docs and the
 * contracts disagree, so the docs cannot drift from what validation accepts and the results hold.
 */
import { INPUT_DOC_SECTIONS, type GeneratedSection } from './input-docs';
import { resultsDocsSection } from './results-docs';

export const DOC_SECTIONS: readonly GeneratedSection[] = [...INPUT_DOC_SECTIONS, { name: 'result sheets', render: resultsDocsSection }];

export const beginMarker = (name: string): string => `<!-- BEGIN generated: ${name} (npm run docs; edit the contract in src/model/, not this section) -->`;
export const endMarker = (name: string): string => `<!-- END generated: ${name} -->`;

/** The text between a section's markers, or null when the markers are missing. */
export function generatedSectionOf(markdown: string, name: string): string | null {
  const begin = markdown.indexOf(beginMarker(name));
  const end = markdown.indexOf(endMarker(name));
  if (begin < 0 || end < begin) return null;
  return markdown.slice(begin + beginMarker(name).length, end).replace(/^\n/, '').replace(/\n$/, '');
}

/** The markdown with every generated section rendered anew; throws when a section's markers are missing. */
export function withGeneratedDocs(markdown: string): string {
  let out = markdown;
  for (const section of DOC_SECTIONS) {
    const begin = out.indexOf(beginMarker(section.name));
    const end = out.indexOf(endMarker(section.name));
    if (begin < 0 || end < begin) throw new Error(`docs/workbook.md lacks the markers of the generated section "${section.name}"`);
    out = `${out.slice(0, begin + beginMarker(section.name).length)}\n${section.render()}\n${out.slice(end)}`;
  }
  return out;
}
