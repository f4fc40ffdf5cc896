"""
Cell-by-cell comparison of inputs and the workbooks written from them, read
independently of CustTier: openpyxl for xlsx, Python's csv module for CSV.
One process for a whole list (test/robust/real-world.test.ts), so that CI
starts Python once.

stdin: JSON list of {"input": path, "output": path, "kind": "xlsx" | "csv"}.
stdout: JSON list, in the same order, of
  {"cells": <source cells compared>, "sheets": <source sheets compared>,
   "mismatches": [<first few differences, as text>],
   "inputError": <why openpyxl cannot load the input, or null>,
   "outputError": <why openpyxl cannot load the output, or null>}.

xlsx: every worksheet of the input is compared with the sheet of the same name
in the output, cell by cell (values as openpyxl reads them: numbers, text,
dates through the number format, formulas as their text), both ways.
csv: the file is decoded (UTF-8, else GB18030), its delimiter sniffed among
, tab ; |, trailing blank lines dropped; each field must be the text of the
output's first sheet's cell (an empty field an empty cell), and the sheet holds
nothing else.
"""
import csv
import io
import json
import sys
import warnings

import openpyxl

MAX_REPORTED = 5


def sheet_cells(ws):
    """{(row, col): value} of the non-empty cells of a worksheet."""
    cells = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                cells[(cell.row, cell.column)] = cell.value
    return cells


def same(a, b):
    # NaN never occurs in a cell; identity of type and value, so 1 != 1.0000000000000002 and "1" != 1.
    return type(a) is type(b) and a == b


def load(path, result, key):
    try:
        return openpyxl.load_workbook(path)
    except Exception as e:  # reported, not raised: one bad file must not hide the others
        result[key] = "%s: %s" % (type(e).__name__, e)
        return None


def compare_xlsx(item, result):
    source = load(item["input"], result, "inputError")
    written = load(item["output"], result, "outputError")
    if source is None or written is None:
        return
    for ws in source.worksheets:
        if ws.title not in written.sheetnames:
            result["mismatches"].append("sheet %r missing from the output" % ws.title)
            continue
        a = sheet_cells(ws)
        b = sheet_cells(written[ws.title])
        result["sheets"] += 1
        result["cells"] += len(a)
        for key in sorted(set(a) | set(b)):
            if not same(a.get(key), b.get(key)):
                result["mismatches"].append("%s!R%dC%d: %r -> %r" % (ws.title, key[0], key[1], a.get(key), b.get(key)))


def decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def compare_csv(item, result):
    with open(item["input"], "rb") as f:
        text = decode(f.read())
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    while rows and all(field.strip() == "" for field in rows[-1]):
        rows.pop()
    expected = {}
    for r, row in enumerate(rows, start=1):
        for c, field in enumerate(row, start=1):
            if field != "":
                expected[(r, c)] = field
    written = load(item["output"], result, "outputError")
    if written is None:
        return
    got = sheet_cells(written.worksheets[0])
    result["sheets"] = 1
    result["cells"] = len(expected)
    for key in sorted(set(expected) | set(got)):
        if not same(expected.get(key), got.get(key)):
            result["mismatches"].append("R%dC%d: %r -> %r" % (key[0], key[1], expected.get(key), got.get(key)))


def main():
    # openpyxl warns about extensions it does not read (slicers, data validation): not our concern here.
    warnings.simplefilter("ignore")
    results = []
    for item in json.load(sys.stdin):
        result = {"cells": 0, "sheets": 0, "mismatches": [], "inputError": None, "outputError": None}
        (compare_csv if item["kind"] == "csv" else compare_xlsx)(item, result)
        result["mismatches"] = result["mismatches"][:MAX_REPORTED]
        results.append(result)
    json.dump(results, sys.stdout)


main()
