/**
 * The shared string table (`xl/sharedStrings.xml`), streamed: each `<si>` is its text, plain
 * (`<t>`) or rich (runs `<r><t>`); phonetic guides (`<rPh>`) are not part of the text.
 */
import { SaxesParser } from 'saxes';
import { decodeCellText } from './xlsx-xml';

export function readSharedStrings(feed: (onChunk: (chunk: Uint8Array) => void) => void): string[] {
  const strings: string[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  const decoder = new TextDecoder();
  let text = '';
  let inItem = false;
  let inText = false;
  let inPhonetic = false;
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'si') (inItem = true), (text = '');
    else if (name === 'rPh') inPhonetic = true;
    else if (name === 't' && inItem && !inPhonetic) inText = true;
  });
  parser.on('text', (chunk) => {
    if (inText) text += chunk;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si') {
      strings.push(decodeCellText(text));
      inItem = false;
    }
  });
  feed((chunk) => parser.write(decoder.decode(chunk, { stream: true })));
  parser.write(decoder.decode()).close();
  return strings;
}
