"""The rows of a resource (partnerships.opendata.records) written as CSV, JSON or XLSX.

CSV and JSON are written as they are read, a few hundred rows at a time, so a download of any size
holds one chunk of rows in memory. XLSX cannot be streamed (a ZIP archive, whose directory comes last):
openpyxl's write-only workbook writes the sheet to a temporary file on disk row by row (strings
inline, no shared-strings table), and the archive is then built into a spooled temporary file that
stays in memory up to XLSX_SPOOL_BYTES and moves to disk beyond. So XLSX needs, in memory, one chunk of
rows and at most XLSX_SPOOL_BYTES of the archive, and on disk about twice the file's size while it is
built."""

import csv
import datetime
import io
import json
import tempfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from partnerships.opendata.schema import iso_datetime, plain_decimal
from portal.spreadsheets import neutralise_formula

# How much text is gathered before it is sent: small enough to stay flat, large enough to be quick.
CHUNK_CHARACTERS = 64 * 1024
XLSX_SPOOL_BYTES = 8 * 1024 * 1024
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_cells(columns, row):
    """The row's cells as text (Column.as_text); text cells that a spreadsheet would run as a formula
    are neutralised (portal.spreadsheets), numbers and dates are not (they never start with one but
    a minus sign, which is a number's)."""
    cells = []
    for column in columns:
        text = column.as_text(row[column.name])
        cells.append(neutralise_formula(text) if column.type == "string" else text)
    return cells


def csv_chunks(columns, rows):
    """RFC 4180 CSV (CRLF line ends, quotes where needed) in UTF-8 without a byte-order mark, as
    bytes, a header row of the column names first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow(csv_cells(columns, row))
        if buffer.tell() >= CHUNK_CHARACTERS:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def json_value(column, value):
    """One value as JSON text: decimals as numbers written exactly (never through a float), dates in
    ISO 8601, date-times in UTC ending in Z, several codes as a list, nothing as null."""
    if value is None:
        return "null"
    if column.multiple:
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, Decimal):
        return plain_decimal(value)
    if isinstance(value, datetime.datetime):
        return json.dumps(iso_datetime(value))
    if isinstance(value, datetime.date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


def json_object(columns, row):
    return "{" + ", ".join(f"{json.dumps(c.name)}: {json_value(c, row[c.name])}" for c in columns) + "}"


def json_chunks(columns, rows, about):
    """A JSON object: `about` (what the file is: resource, language, licence, filters, …), then
    "data", the rows as objects with the CSV's column names as keys. As UTF-8 bytes."""
    head = json.dumps(about, ensure_ascii=False, indent=1)
    parts = [head[: head.rindex("}")].rstrip() + ',\n "data": [']
    size, separator = 0, "\n  "
    for row in rows:
        text = separator + json_object(columns, row)
        separator = ",\n  "
        parts.append(text)
        size += len(text)
        if size >= CHUNK_CHARACTERS:
            yield "".join(parts).encode()
            parts, size = [], 0
    parts.append("\n ]\n}\n")
    yield "".join(parts).encode()


def _xlsx_value(sheet, column, value):
    if value is None:
        return None
    if column.multiple:
        value = column.as_text(value)
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the time in UTC, as in the other formats.
        return value.astimezone(datetime.UTC).replace(tzinfo=None, microsecond=0)
    if isinstance(value, str) and value.startswith("="):
        # openpyxl would store it as a formula: kept as text, exactly as written (a typed text cell is
        # never run, whatever it starts with).
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def write_xlsx(columns, rows, title):
    """An XLSX workbook of one sheet, `title`, with a bold header row of the column names; numbers as
    numbers, dates as dates. Returns the file, open at its start (a SpooledTemporaryFile)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_value(sheet, column, row[column.name]) for column in columns])
    # Handed to the response, which closes it once sent.
    file = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115
    workbook.save(file)
    file.seek(0)
    return file
