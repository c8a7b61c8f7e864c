"""Generate the workbook test fixtures cases.xlsx, cases.ods and cases.xls.

What it makes
-------------
Three workbooks in this directory, each built from the CSV fixtures in
../small/ (announcements.csv and events.csv):

* cases.xlsx (openpyxl): sheets "Cases" (the announcements table),
  "Events" (the events table) and "Notes" (one cell, "not data", so that
  tests show the events sheet must be chosen by name, not position).
* cases.ods (odfpy): sheets "Cases" and "Events".
* cases.xls (xlwt): sheets "Cases" and "Events".

Each sheet has the CSV header row then the data rows, in the CSV's column
order. Cell types are mixed on purpose so readers are exercised:

* Cases.announcement_date and Events.date: real date cells, formatted
  YYYY-MM-DD.
* Cases.defection_date: text strings, exactly as in the CSV.
* Cases.people: numbers (integers).
* everything else: text, exactly the CSV text.
* empty CSV fields: truly empty cells (no value at all, not "").

Why
---
End-to-end tests of northwind's workbook input read these files and check
that they give the same tables as the CSV fixtures they were made from.

How to rerun
------------
From anywhere (paths are relative to this file)::

    python3 -m venv /tmp/wbvenv
    /tmp/wbvenv/bin/pip install -r tests/data/workbooks/requirements.txt
    /tmp/wbvenv/bin/python tests/data/workbooks/make_workbooks.py

The output is deterministic: zip member timestamps and the xlsx document
properties are fixed to 2020-01-01, so rerunning with the pinned versions
gives byte-identical files.
"""

import csv
import datetime
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SMALL = HERE.parent / "small"

FIXED_DT = datetime.datetime(2020, 1, 1, 0, 0, 0)
DATE_FORMAT = "yyyy-mm-dd"

# Per sheet: columns written as real date cells, and as integer numbers.
# Every other column (including Cases.defection_date) is written as text.
SHEETS = [
    # (sheet name, csv file, date columns, integer columns)
    ("Cases", "announcements.csv", {"announcement_date"}, {"people"}),
    ("Events", "events.csv", {"date"}, set()),
]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]
    for r in data:
        if len(r) != len(header):
            raise ValueError(f"{path}: row {r!r} has {len(r)} fields, header has {len(header)}")
    return header, data


def typed_rows(csv_name, date_cols, int_cols):
    """Header row plus data rows of typed Python values (None for empty)."""
    header, data = read_csv(SMALL / csv_name)
    out = [list(header)]
    for row in data:
        typed = []
        for col, text in zip(header, row):
            if text == "":
                typed.append(None)
            elif col in date_cols:
                typed.append(datetime.date.fromisoformat(text))
            elif col in int_cols:
                typed.append(int(text))
            else:
                typed.append(text)
        out.append(typed)
    return out


def normalize_zip(path, rewrite=None):
    """Rewrite a zip with fixed member timestamps (order and compression kept).

    rewrite(name, data) may return replacement bytes for a member.
    """
    with zipfile.ZipFile(path) as zin:
        members = [(info, zin.read(info.filename)) for info in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zout:
        for info, data in members:
            if rewrite is not None:
                data = rewrite(info.filename, data)
            zi = zipfile.ZipInfo(info.filename, FIXED_DT.timetuple()[:6])
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def write_xlsx(path, tables):
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in tables:
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue  # truly empty: no cell at all
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, datetime.date):
                    cell.number_format = DATE_FORMAT
    notes = wb.create_sheet("Notes")
    notes["A1"] = "not data"

    wb.properties.creator = "make_workbooks.py"
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT  # openpyxl overwrites this on save; fixed below
    wb.save(path)

    stamp = FIXED_DT.strftime("%Y-%m-%dT%H:%M:%SZ").encode()

    def fix_core(name, data):
        if name == "docProps/core.xml":
            data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                          rb"\g<1>" + stamp + rb"\g<2>", data)
        return data

    normalize_zip(path, fix_core)


def write_ods(path, tables):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style
    from odf.number import DateStyle, Year, Month, Day, Text as NumText
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()

    # Date display style YYYY-MM-DD for the date cells.
    ds = DateStyle(name="N_ISO_DATE")
    ds.addElement(Year(style="long"))
    ds.addElement(NumText(text="-"))
    ds.addElement(Month(style="long"))
    ds.addElement(NumText(text="-"))
    ds.addElement(Day(style="long"))
    doc.automaticstyles.addElement(ds)
    date_cell_style = Style(name="ce_date", family="table-cell", datastylename="N_ISO_DATE")
    doc.automaticstyles.addElement(date_cell_style)

    for name, rows in tables:
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None:
                    tc = TableCell()  # truly empty
                elif isinstance(value, datetime.date):
                    iso = value.isoformat()
                    tc = TableCell(valuetype="date", datevalue=iso, stylename=date_cell_style)
                    tc.addElement(P(text=iso))
                elif isinstance(value, int):
                    tc = TableCell(valuetype="float", value=str(value))
                    tc.addElement(P(text=str(value)))
                else:
                    tc = TableCell(valuetype="string")
                    tc.addElement(P(text=value))
                tr.addElement(tc)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)

    doc.save(str(path))
    normalize_zip(path)


def write_xls(path, tables):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, rows in tables:
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue  # truly empty: no cell record
                if isinstance(value, datetime.date):
                    ws.write(r, c, value, date_style)
                else:
                    ws.write(r, c, value)
    wb.save(str(path))


def main():
    tables = [(name, typed_rows(csv_name, dates, ints)) for name, csv_name, dates, ints in SHEETS]
    outputs = [
        (HERE / "cases.xlsx", write_xlsx),
        (HERE / "cases.ods", write_ods),
        (HERE / "cases.xls", write_xls),
    ]
    for path, writer in outputs:
        writer(path, tables)
        print(f"wrote {path.relative_to(HERE.parent.parent.parent)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
