#!/usr/bin/python3
"""
Reference values for test/engine/mom/finance.test.ts from an Excel-compatible spreadsheet engine.

Writes a small workbook with =NPV() and =IRR() formulas (python3-openpyxl), lets LibreOffice Calc
recalculate it headless and prints the results as CSV:

    /usr/bin/python3 test/engine/mom/excel-reference.py

Each row: name, rate, flows (year 0 first), then
    =A0 + NPV(rate, A1:AH)   the business case's NPV (year 0 undiscounted, then year ends)
    =NPV(rate, A0:AH)        Excel's NPV of all flows (discounts year 0 too: the pitfall)
    =IRR(A0:AH)              and =IRR(A0:AH, 0.5) with another guess
The values were computed once with LibreOffice 7.4.7.2 and are cited in the test's comments.
"""
import csv, os, subprocess, sys, tempfile
import openpyxl

CASES = [
    ('typical', 0.08, [-1000, 400, 400, 400]),
    ('board', 0.08, [-250000, 120000, 120000, 120000]),
    ('late', 0.08, [-100, 0, 0, 150]),
    ('growing', 0.10, [-5000, 1000, 1500, 2000, 2500, 3000]),
    ('leadingZero', 0.08, [0, -100, 60, 60]),
    ('twoRoots', 0.08, [-100, 230, -132]),
    ('rootsZeroAndHundred', 0.08, [-1000, 3000, -2000]),
    ('noSignChange', 0.08, [100, 50, 50]),
    ('quickWin', 0.08, [-1, 100, 100, 100]),
    ('negativeIrr', 0.08, [-1000, 300, 300, 300]),
]

def main():
    wb = openpyxl.Workbook()
    ws = wb.active
    width = max(len(f) for _, _, f in CASES)
    for row, (name, rate, flows) in enumerate(CASES, start=1):
        ws.cell(row, 1, name)
        ws.cell(row, 2, rate)
        for j, f in enumerate(flows):
            ws.cell(row, 3 + j, f)
        first = openpyxl.utils.get_column_letter(3)
        second = openpyxl.utils.get_column_letter(4)
        last = openpyxl.utils.get_column_letter(2 + len(flows))
        out = 3 + width
        ws.cell(row, out, f'={first}{row}+NPV(B{row},{second}{row}:{last}{row})')
        ws.cell(row, out + 1, f'=NPV(B{row},{first}{row}:{last}{row})')
        ws.cell(row, out + 2, f'=IRR({first}{row}:{last}{row})')
        ws.cell(row, out + 3, f'=IRR({first}{row}:{last}{row},0.5)')
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'finance.xlsx')
        wb.save(src)
        subprocess.run(['soffice', '--headless', '--convert-to', 'csv', '--outdir', tmp, src], check=True, capture_output=True)
        with open(os.path.join(tmp, 'finance.csv')) as f:
            for r in csv.reader(f):
                name, rate = r[0], r[1]
                flows = [x for x in r[2:2 + width] if x != '']
                print(','.join([name, rate, ' '.join(flows)] + r[2 + width:]))

if __name__ == '__main__':
    main()
