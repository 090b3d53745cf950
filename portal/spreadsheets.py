"""Spreadsheet cells that stay text.

A CSV cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel and
LibreOffice, so a name typed by an applicant could make a reviewer's spreadsheet fetch an address or
run a command. Such cells get a leading apostrophe, as OWASP advises; spreadsheets show the text
unchanged. Wagtail already does this for its XLSX exports, not for CSV."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For the admin listings' spreadsheet export (Wagtail's SpreadsheetExportMixin)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value
