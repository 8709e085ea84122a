/**
 * Adding cell formats to the workbook's style sheet by editing `xl/styles.xml` in place: new
 * `<numFmt>`, `<font>` and `<xf>` elements go at the end of their lists and the counts are updated;
 * every existing element and index stays as it was, so the input's cells keep their formats.
 * Formats already added in this session are reused.
 */

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) used by results, by code. */
const BUILT_IN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

export type FontStyle = 'regular' | 'bold14' | 'italic';

export class StyleBook {
  private xml: string;
  private readonly xfs = new Map<string, number>();
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<FontStyle, number>([['regular', 0]]);
  changed = false;

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL_STYLES;
    this.changed = xml === undefined;
    for (const match of this.xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
      const id = /numFmtId="(\d+)"/.exec(match[0]);
      const code = /formatCode="([^"]*)"/.exec(match[0]);
      if (id && code) this.numFmts.set(unescapeAttribute(code[1]), Number(id[1]));
    }
  }

  /** The cellXfs index for this number format (undefined: General) and font. */
  style(format: string | undefined, font: FontStyle = 'regular'): number {
    const key = `${font}\u0000${format ?? ''}`;
    let index = this.xfs.get(key);
    if (index === undefined) {
      const numFmtId = format === undefined ? 0 : this.numFmtId(format);
      const fontId = this.fontId(font);
      const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}`;
      index = this.append('cellXfs', `<xf ${attributes}/>`);
      this.xfs.set(key, index);
    }
    return index;
  }

  toXml(): string {
    return this.xml;
  }

  private numFmtId(format: string): number {
    const builtIn = BUILT_IN[format];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(format);
    if (id === undefined) {
      id = Math.max(163, ...this.numFmts.values()) + 1;
      this.numFmts.set(format, id);
      if (!/<(?:\w+:)?numFmts\b/.test(this.xml)) this.insertAfterRootStart('<numFmts count="0"></numFmts>');
      this.append('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(format)}"/>`);
    }
    return id;
  }

  private fontId(font: FontStyle): number {
    let id = this.fonts.get(font);
    if (id === undefined) {
      // The workbook's default font with bold or italic (and size) on top, so results match the input's look.
      const base = /<(?:\w+:)?font\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?font>)/.exec(this.sectionBody('fonts') ?? '')?.[0] ?? '<font/>';
      const inner = base.endsWith('/>') ? '' : base.slice(base.indexOf('>') + 1, base.lastIndexOf('<'));
      const kept = inner.replace(/<(?:\w+:)?(?:b|i|sz)\b[^>]*\/>/g, '');
      const extra = font === 'bold14' ? '<b/><sz val="14"/>' : `<i/>${/<(?:\w+:)?sz\b[^>]*\/>/.exec(inner)?.[0] ?? '<sz val="11"/>'}`;
      id = this.append('fonts', `<font>${extra}${kept}</font>`);
      this.fonts.set(font, id);
    }
    return id;
  }

  private sectionBody(name: string): string | undefined {
    const match = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(this.xml);
    return match?.[1];
  }

  /** Appends an element to a list such as `<cellXfs count="3">`; returns its index. */
  private append(name: string, element: string): number {
    const open = new RegExp(`<((?:\\w+:)?)${name}\\b([^>]*?)(/?)>`).exec(this.xml);
    if (!open) throw new Error(`The workbook's style sheet has no ${name} list.`);
    const prefix = open[1];
    let body = '';
    let end = open.index + open[0].length;
    if (open[3] !== '/') {
      const close = this.xml.indexOf(`</${prefix}${name}>`, end);
      body = this.xml.slice(end, close);
      end = close + `</${prefix}${name}>`.length;
    }
    const childName = name === 'cellXfs' ? 'xf' : name.slice(0, -1);
    const count = (body.match(new RegExp(`<${prefix}${childName}\\b`, 'g')) ?? []).length;
    const prefixed = prefix ? element.replace(/^<(\w+)/, `<${prefix}$1`).replace(/<(\/?)(b|i|sz)\b/g, `<$1${prefix}$2`) : element;
    const attributes = open[2].replace(/\s*count="\d*"/, '');
    this.xml = `${this.xml.slice(0, open.index)}<${prefix}${name} count="${count + 1}"${attributes}>${body}${prefixed}</${prefix}${name}>${this.xml.slice(end)}`;
    this.changed = true;
    return count;
  }

  private insertAfterRootStart(element: string): void {
    const root = /<(?:\w+:)?styleSheet\b[^>]*>/.exec(this.xml);
    if (!root) throw new Error("The workbook's style sheet has no styleSheet element.");
    const at = root.index + root[0].length;
    this.xml = `${this.xml.slice(0, at)}${element}${this.xml.slice(at)}`;
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeAttribute(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
