"""Writes the compatibility corpus: the same input tables through openpyxl and XlsxWriter, each with
other workbook features around them (see test/workbook/corpus.test.ts). Usage:
    write_corpus.py tables.json template.xlsx out_dir
tables.json: {"tables": {name: {"headers": [...], "rows": [[cell, ...], ...]}}}, cells null, numbers,
booleans, text or {"date": "YYYY-MM-DD"}. Demand periods are text "YYYY-MM"; the date variants write them as real dates.
"""
import datetime
import json
import os
import sys

import openpyxl
import xlsxwriter
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

spec_file, template_file, out = sys.argv[1:4]
TABLES = json.load(open(spec_file))["tables"]
# Every table of the sample, in contract order (the MOM tables too: ServiceEvents changes the results).
ORDER = list(TABLES)


def period_date(text):
    year, month = text.split("-")
    return datetime.datetime(int(year), int(month), 1)


def cell_value(value):
    if isinstance(value, dict):
        return datetime.datetime.strptime(value["date"], "%Y-%m-%d")
    return value


def rows_of(name, dates=False):
    rows = [[cell_value(v) for v in row] for row in TABLES[name]["rows"]]
    if dates and name == "Demand":
        period = TABLES[name]["headers"].index("Period")
        rows = [[period_date(v) if i == period else v for i, v in enumerate(row)] for row in rows]
    return rows


def ref(top, left, height, width):
    return "%s%d:%s%d" % (get_column_letter(left), top, get_column_letter(left + width - 1), top + height - 1)


def add_defined_name(wb, name, text, local_sheet=None):
    dn = DefinedName(name, attr_text=text, localSheetId=local_sheet)
    if hasattr(wb.defined_names, "append"):
        wb.defined_names.append(dn)
    else:
        wb.defined_names[name] = dn


def openpyxl_book(styled=True, dates=False, at=None, tables=True):
    """One sheet and one table per input table; `at` moves one table off A1 (name → (row, col))."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in ORDER:
        ws = wb.create_sheet(name)
        headers = TABLES[name]["headers"]
        rows = rows_of(name, dates)
        top, left = (at or {}).get(name, (1, 1))
        if (top, left) != (1, 1):
            ws.cell(row=1, column=1, value="%s table below" % name)
        for c, header in enumerate(headers):
            ws.cell(row=top, column=left + c, value=header)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = ws.cell(row=top + 1 + r, column=left + c, value=value)
                if isinstance(value, datetime.datetime):
                    cell.number_format = "yyyy-mm" if name == "Demand" else "yyyy-mm-dd"
        if tables:
            table = Table(displayName=name, ref=ref(top, left, len(rows) + 1, len(headers)))
            if styled:
                table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
            ws.add_table(table)
    return wb


def openpyxl_features(path):
    wb = openpyxl_book(at={"Parts": (3, 2)})
    parts = wb["Parts"]
    parts["B3"].comment = Comment("The part number, unique per part.", "corpus")
    demand = wb["Demand"]
    demand.freeze_panes = "A2"
    demand.print_area = "A1:D20"
    locations = wb["Locations"]
    dv = DataValidation(type="list", formula1='"Central,Field"', allow_blank=True)
    locations.add_data_validation(dv)
    dv.add("B2:B200")
    notes = wb.create_sheet("Notes")
    notes["A1"] = "Corpus notes"
    notes.merge_cells("A1:C1")
    notes["A2"] = "Project site"
    notes["A2"].hyperlink = "https://example.com/spp"
    notes["A3"] = "Go to demand"
    notes["A3"].hyperlink = "#Demand!A1"
    notes["A4"] = "=1+1"
    notes["B4"] = "=SUM(Inventory!C:C)"
    chart = BarChart()
    chart.title = "On hand"
    inventory = wb["Inventory"]
    chart.add_data(Reference(inventory, min_col=3, min_row=1, max_row=11), titles_from_data=True)
    chart.set_categories(Reference(inventory, min_col=1, min_row=2, max_row=11))
    notes.add_chart(chart, "E2")
    hidden = wb.create_sheet("Lookup")
    hidden["A1"] = "hidden helper"
    hidden.sheet_state = "hidden"
    add_defined_name(wb, "HoldingRate", "0.25")
    add_defined_name(wb, "PartList", "Parts!$B$4:$B$20")
    add_defined_name(wb, "LocalName", "Notes!$A$1", local_sheet=6)
    wb.save(path)


def openpyxl_iso_dates(path):
    wb = openpyxl_book(dates=True)
    wb.iso_dates = True
    wb.save(path)


def openpyxl_1904(path):
    wb = openpyxl_book(dates=True)
    wb.epoch = CALENDAR_MAC_1904
    wb.save(path)


def openpyxl_uncalculated(path):
    wb = openpyxl_book()
    wb["Parts"]["C3"] = "=10*2"
    wb.save(path)


def openpyxl_template(path):
    """The project's template (spp template) filled in with openpyxl: rows written over its example row, tables resized."""
    wb = openpyxl.load_workbook(template_file)
    for name in ORDER:
        ws = wb[name]
        table = ws.tables[name] if hasattr(ws.tables, "__getitem__") else None
        headers = [c.value for c in ws[1] if c.value is not None]
        source = TABLES[name]["headers"]
        rows = rows_of(name)
        for r in range(2, ws.max_row + 1):
            for c in range(1, len(headers) + 1):
                ws.cell(row=r, column=c).value = None
        for r, row in enumerate(rows):
            record = dict(zip(source, row))
            for c, header in enumerate(headers):
                ws.cell(row=2 + r, column=1 + c, value=record.get(header))
        table.ref = ref(1, 1, len(rows) + 1, len(headers))
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref
    wb.save(path)


def xlsxwriter_book(path, chartsheet_first=False, vba=None, uncalculated=False):
    wb = xlsxwriter.Workbook(path)
    month_format = wb.add_format({"num_format": "yyyy-mm"})
    date_format = wb.add_format({"num_format": "yyyy-mm-dd"})
    if chartsheet_first:
        chartsheet = wb.add_chartsheet("Chart")
    sheets = {}
    for name in ORDER:
        ws = wb.add_worksheet(name)
        sheets[name] = ws
        headers = TABLES[name]["headers"]
        rows = rows_of(name, dates=True)
        data = [[None if v is None else v for v in row] for row in rows]
        ws.add_table(0, 0, len(rows), len(headers) - 1, {
            "name": name,
            "columns": [{"header": h} for h in headers],
            "data": data if data else None,
            "style": "Table Style Light 9",
        })
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, datetime.datetime):
                    ws.write_datetime(r + 1, c, value, month_format if name == "Demand" else date_format)
        ws.write_comment(0, 0, "Key column of %s." % name)
    if uncalculated:
        sheets["Parts"].write_formula("C3", "=10*2")
    notes = wb.add_worksheet("Notes")
    notes.merge_range("A1:C1", "Corpus notes")
    notes.write_url("A2", "https://example.com/spp", string="Project site")
    notes.write_url("A3", "internal:Demand!A1", string="Go to demand")
    notes.write_formula("A4", "=1+1", None, 2)
    notes.data_validation("B6:B20", {"validate": "integer", "criteria": ">", "value": 0})
    notes.freeze_panes(1, 0)
    hidden = wb.add_worksheet("Lookup")
    hidden.write("A1", "hidden helper")
    hidden.hide()
    wb.define_name("HoldingRate", "=0.25")
    wb.define_name("PartList", "=Parts!$A$2:$A$10")
    chart = wb.add_chart({"type": "column"})
    n = min(10, len(TABLES["Inventory"]["rows"]))
    chart.add_series({"categories": ["Inventory", 1, 0, n, 0], "values": ["Inventory", 1, 2, n, 2], "name": "On hand"})
    if chartsheet_first:
        chartsheet.set_chart(chart)
    else:
        notes.insert_chart("E2", chart)
    if vba:
        wb.add_vba_project(vba)
        wb.set_vba_name("ThisWorkbook")
    wb.close()


os.makedirs(out, exist_ok=True)
for name, build in [("openpyxl-tables", lambda p: openpyxl_book().save(p)),
                    ("openpyxl-tables-nostyle", lambda p: openpyxl_book(styled=False).save(p)),
                    ("openpyxl-sheets", lambda p: openpyxl_book(tables=False).save(p)),
                    ("openpyxl-features", openpyxl_features),
                    ("openpyxl-iso-dates", openpyxl_iso_dates),
                    ("openpyxl-1904", openpyxl_1904),
                    ("openpyxl-template", openpyxl_template),
                    ("xlsxwriter-tables", lambda p: xlsxwriter_book(p)),
                    ("xlsxwriter-chartsheet-first", lambda p: xlsxwriter_book(p, chartsheet_first=True))]:
    build(os.path.join(out, name + ".xlsx"))

# A tiny stand-in for a VBA project: the package must carry the part over untouched, whatever it holds.
vba = os.path.join(out, "vbaProject.bin")
with open(vba, "wb") as f:
    f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(range(256)) * 2)
xlsxwriter_book(os.path.join(out, "xlsxwriter-macro.xlsm"), vba=vba)

os.makedirs(os.path.join(out, "uncalculated"), exist_ok=True)
openpyxl_uncalculated(os.path.join(out, "uncalculated", "openpyxl-uncalculated.xlsx"))
xlsxwriter_book(os.path.join(out, "uncalculated", "xlsxwriter-uncalculated.xlsx"), uncalculated=True)
