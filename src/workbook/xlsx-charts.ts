/**
 * Native charts in the file host: each ChartSpec of a result table as a DrawingML chart part
 * (ECMA-376 Part 1, 21.2), anchored in the sheet's drawing part (21.3) where the Excel adapter puts
 * it (office-charts.ts: right of the table, stacked) and fed from the table's columns by cell
 * references, so Excel, LibreOffice and others draw it from the cells as they stand.
 */
import { columnLetters, type ChartSpec, type ResultTable } from './port';
import { CHART_COLUMNS, CHART_GAP_ROWS, CHART_ROWS, plottedRows } from './office-charts';
import { sameName } from './names';
import { relationshipXml, relativeTarget, REL } from './xlsx-package';
import type { PartAllocator, StagedPart } from './xlsx-sheet-build';
import { CONTENT_TYPE } from './xlsx-sheet-build';
import { escapeXml, toUtf8 } from './xlsx-xml';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

interface PlacedChart {
  spec: ChartSpec;
  /** 1-based sheet rows of the plotted body cells. */
  firstRow: number;
  lastRow: number;
  /** 0-based anchor cell (top-left) of the chart frame. */
  top: number;
  left: number;
}

/** The charts of a result table that have data to plot, with where they go. `headerRow` is 1-based. */
export function placeCharts(table: ResultTable, headerRow: number): PlacedChart[] {
  const placed: PlacedChart[] = [];
  (table.charts ?? []).forEach((spec, i) => {
    const { first, count } = plottedRows(spec, table.rows.length);
    if (count === 0) return; // a series without points: Excel rejects it
    placed.push({ spec, firstRow: headerRow + 1 + first, lastRow: headerRow + first + count, top: headerRow - 1 + i * (CHART_ROWS + CHART_GAP_ROWS), left: table.columns.length + 1 });
  });
  return placed;
}

/** The drawing part of a result sheet with its chart parts, ready to add to the package. */
export function chartDrawing(table: ResultTable, charts: readonly PlacedChart[], sheetName: string, allocator: PartAllocator): { part: string; parts: StagedPart[] } {
  const drawingPart = allocator.freePartName('xl/drawings/drawing', 'xml');
  const parts: StagedPart[] = [];
  const rels: string[] = [];
  const anchors = charts.map((chart, i) => {
    const chartPart = allocator.freePartName('xl/charts/chart', 'xml');
    parts.push({ part: chartPart, contentType: CONTENT_TYPE.chart, data: toUtf8(chartXml(table, chart, sheetName)) });
    const id = `rId${i + 1}`;
    rels.push(relationshipXml(id, REL.chart, relativeTarget(drawingPart, chartPart)));
    return anchorXml(chart, i, id);
  });
  parts.push({ part: drawingPart, contentType: CONTENT_TYPE.drawing, data: toUtf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join('')}</xdr:wsDr>`) });
  parts.push({ part: drawingPart.replace(/([^/]+)$/, '_rels/$1.rels'), contentType: undefined, data: toUtf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`) });
  return { part: drawingPart, parts };
}

function anchorXml(chart: PlacedChart, index: number, relId: string): string {
  const marker = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(chart.left, chart.top)}</xdr:from><xdr:to>${marker(chart.left + CHART_COLUMNS, chart.top + CHART_ROWS)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** `'Sheet name'!$B$6:$B$40`: a sheet name always quoted, apostrophes doubled. */
function reference(sheet: string, column: number, top: number, bottom: number): string {
  const letters = columnLetters(column + 1);
  return escapeXml(`'${sheet.replace(/'/g, "''")}'!$${letters}$${top}:$${letters}$${bottom}`);
}

function richText(text: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

function chartXml(table: ResultTable, chart: PlacedChart, sheet: string): string {
  const { spec, firstRow, lastRow } = chart;
  const column = (header: string) => table.columns.findIndex((c) => sameName(c.header, header));
  const category = column(spec.categoryColumn);
  const headerRow = firstRow - 1 - (spec.rows ? Math.max(0, spec.rows.first) : 0);
  const textCategories = table.rows.some((row) => typeof row[category] === 'string');
  const categoryRef = `<c:${textCategories ? 'strRef' : 'numRef'}><c:f>${reference(sheet, category, firstRow, lastRow)}</c:f></c:${textCategories ? 'strRef' : 'numRef'}>`;
  const scatter = spec.kind === 'xyScatter' || spec.kind === 'xyScatterLines';
  const series = spec.seriesColumns
    .map((header, k) => {
      const c = column(header);
      const name = `<c:tx><c:strRef><c:f>${reference(sheet, c, headerRow, headerRow).replace(/:\$[A-Z]+\$\d+$/, '')}</c:f></c:strRef></c:tx>`;
      const values = `<c:numRef><c:f>${reference(sheet, c, firstRow, lastRow)}</c:f></c:numRef>`;
      const head = `<c:idx val="${k}"/><c:order val="${k}"/>${name}`;
      if (scatter) {
        const points = spec.kind === 'xyScatter' ? '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>' : '<c:marker><c:symbol val="none"/></c:marker>';
        return `<c:ser>${head}${points}<c:xVal>${categoryRef}</c:xVal><c:yVal>${values}</c:yVal><c:smooth val="0"/></c:ser>`;
      }
      if (spec.kind === 'line') return `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker><c:cat>${categoryRef}</c:cat><c:val>${values}</c:val><c:smooth val="0"/></c:ser>`;
      return `<c:ser>${head}<c:invertIfNegative val="0"/><c:cat>${categoryRef}</c:cat><c:val>${values}</c:val></c:ser>`;
    })
    .join('');
  const axes = '<c:axId val="1001"/><c:axId val="1002"/>';
  const horizontal = spec.kind === 'bar';
  let plot: string;
  let axisXml: string;
  const title = (text: string) => (text ? `<c:title>${richText(text)}</c:title>` : '');
  const valueAxis = (id: number, cross: number, position: string, text: string, between: string, gridlines: boolean) =>
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/>${gridlines ? '<c:majorGridlines/>' : ''}${title(text)}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="${between}"/></c:valAx>`;
  if (scatter) {
    plot = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}${axes}</c:scatterChart>`;
    axisXml = valueAxis(1001, 1002, 'b', spec.xAxisTitle, 'midCat', false) + valueAxis(1002, 1001, 'l', spec.yAxisTitle, 'midCat', true);
  } else {
    plot =
      spec.kind === 'line'
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
        : `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
    axisXml =
      `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>${title(spec.xAxisTitle)}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      valueAxis(1002, 1001, horizontal ? 'b' : 'l', spec.yAxisTitle, 'between', true);
  }
  const legend = spec.seriesColumns.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(spec.title)}</c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axisXml}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
