"""Report templates in Excel: specialists author a template in a workbook, and get one back.

The workbook has three sheets, each with its headers in the first row:

- "Phần": Mã phần | Tiêu đề | Hướng dẫn
- "Chỉ tiêu": Mã | Tên chỉ tiêu | Phần | Đơn vị tính | Kiểu | Nhỏ nhất | Lớn nhất |
  Tổng hợp theo đơn vị | Tổng hợp theo thời gian | Bắt buộc | Giải thích
- "Quy tắc": Biểu thức | Thông báo khi sai | Mức độ

Choices are written with their Vietnamese labels ("Số nguyên", "Lấy kỳ cuối", "Có") and read back
from the labels or the codes ("integer", "last"), ignoring case and diacritics. Columns may come
in any order; empty rows are skipped. An import either creates the whole template (as a draft)
or nothing: every problem found, each naming its sheet and row, is raised at once in a
:class:`TemplateImportError`.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from tuyengiao.core.text import fold, nfc
from tuyengiao.core.xlsx import append_row
from tuyengiao.reporting import expressions, services
from tuyengiao.reporting.models import (
    ReportTemplate,
    Rule,
    RuleSeverity,
    Section,
    TimeAggregation,
    UnitAggregation,
    ValueType,
)
from tuyengiao.reporting.values import NO, YES, format_number, parse_number

SECTIONS_SHEET = "Phần"
INDICATORS_SHEET = "Chỉ tiêu"
RULES_SHEET = "Quy tắc"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    required: bool = False


SECTION_COLUMNS = (
    Column("Mã phần", 10, required=True),
    Column("Tiêu đề", 50, required=True),
    Column("Hướng dẫn", 70),
)
INDICATOR_COLUMNS = (
    Column("Mã", 10, required=True),
    Column("Tên chỉ tiêu", 45, required=True),
    Column("Phần", 8),
    Column("Đơn vị tính", 14),
    Column("Kiểu", 16, required=True),
    Column("Nhỏ nhất", 11),
    Column("Lớn nhất", 11),
    Column("Tổng hợp theo đơn vị", 22),
    Column("Tổng hợp theo thời gian", 24),
    Column("Bắt buộc", 10),
    Column("Giải thích", 50),
)
RULE_COLUMNS = (
    Column("Biểu thức", 30, required=True),
    Column("Thông báo khi sai", 70),
    Column("Mức độ", 12),
)
SHEETS = {SECTIONS_SHEET: SECTION_COLUMNS, INDICATORS_SHEET: INDICATOR_COLUMNS, RULES_SHEET: RULE_COLUMNS}

SEVERITY_LABELS = {RuleSeverity.ERROR: "Lỗi", RuleSeverity.WARNING: "Cảnh báo"}
YES_LABEL, NO_LABEL = "Có", "Không"
# Rows offered a drop-down in an exported workbook, beyond the rows already filled.
SPARE_ROWS = 500

# Indicator fields as the specialist knows them, to say which column an error is about.
FIELD_HEADERS = {
    "code": "Mã",
    "name": "Tên chỉ tiêu",
    "unit_of_measure": "Đơn vị tính",
    "value_type": "Kiểu",
    "min_value": "Nhỏ nhất",
    "max_value": "Lớn nhất",
    "unit_aggregation": "Tổng hợp theo đơn vị",
    "time_aggregation": "Tổng hợp theo thời gian",
    "required": "Bắt buộc",
    "help_text": "Giải thích",
}


class TemplateImportError(Exception):
    """The workbook cannot become a template; ``errors`` lists every problem, in Vietnamese."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


# ---------------------------------------------------------------- choices


class _Choice:
    """A column of fixed choices: written with its labels, read from labels, codes or aliases."""

    def __init__(self, header: str, labels: dict[str, str], aliases: dict[str, str] | None = None):
        self.header = header
        self.labels = labels  # code -> label written in the workbook
        self._lookup = {fold(label): code for code, label in labels.items()}
        for alias, code in (aliases or {}).items():  # alias -> code
            self._lookup.setdefault(fold(alias), code)
        for code in labels:
            self._lookup.setdefault(fold(code), code)

    def read(self, text: str) -> str | None:
        return self._lookup.get(fold(text))

    def problem(self, text: str) -> str:
        return f"{self.header.lower()} “{text}” không hợp lệ (chọn: {', '.join(self.labels.values())})."

    def validation(self) -> DataValidation:
        return DataValidation(
            type="list",
            formula1='"' + ",".join(self.labels.values()) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=self.header,
            error=f"Chọn một giá trị trong danh sách: {', '.join(self.labels.values())}.",
        )


def _vietnamese(choices) -> dict[str, str]:
    """code -> Vietnamese label, whatever the active language."""
    with translation.override("vi"):
        return {str(value): str(label) for value, label in choices.choices}


def _aliases(choices) -> dict[str, str]:
    """label -> code in the active language and in Vietnamese, should a translation ever differ."""
    current = {str(label): str(value) for value, label in choices.choices}
    return current | {label: code for code, label in _vietnamese(choices).items()}


def _choices() -> dict[str, _Choice]:
    return {
        header: _Choice(header, _vietnamese(choices), _aliases(choices))
        for header, choices in (
            ("Kiểu", ValueType),
            ("Tổng hợp theo đơn vị", UnitAggregation),
            ("Tổng hợp theo thời gian", TimeAggregation),
        )
    } | {
        # "Lỗi" and "Cảnh báo" in the workbook; the long labels ("Lỗi: không cho gửi") are read too.
        "Mức độ": _Choice(
            "Mức độ", {str(code): label for code, label in SEVERITY_LABELS.items()}, _aliases(RuleSeverity)
        ),
    }


# ---------------------------------------------------------------- export


def export_template(template: ReportTemplate) -> bytes:
    """The template as an .xlsx workbook that :func:`import_template` reads back."""
    choices = _choices()
    book = Workbook()
    sections_sheet = book.active
    sections_sheet.title = SECTIONS_SHEET
    _header(sections_sheet, SECTION_COLUMNS)
    sections = list(template.sections.order_by("order", "pk"))
    for section in sections:
        append_row(sections_sheet, [section.code, section.title, section.guidance])

    indicators_sheet = book.create_sheet(INDICATORS_SHEET)
    _header(indicators_sheet, INDICATOR_COLUMNS)
    indicators = list(template.indicators.select_related("section").order_by("order", "pk"))
    for indicator in indicators:
        append_row(
            indicators_sheet,
            [
                indicator.code,
                indicator.name,
                indicator.section.code if indicator.section else "",
                indicator.unit_of_measure,
                choices["Kiểu"].labels.get(indicator.value_type, indicator.value_type),
                _cell_number(indicator.min_value),
                _cell_number(indicator.max_value),
                choices["Tổng hợp theo đơn vị"].labels.get(
                    indicator.unit_aggregation, indicator.unit_aggregation
                ),
                choices["Tổng hợp theo thời gian"].labels.get(
                    indicator.time_aggregation, indicator.time_aggregation
                ),
                YES_LABEL if indicator.required else NO_LABEL,
                indicator.help_text,
            ],
        )
    last = len(indicators) + 1 + SPARE_ROWS
    for header in ("Kiểu", "Tổng hợp theo đơn vị", "Tổng hợp theo thời gian"):
        _validate_column(indicators_sheet, INDICATOR_COLUMNS, header, choices[header].validation(), last)
    required = _Choice("Bắt buộc", {"yes": YES_LABEL, "no": NO_LABEL}).validation()
    _validate_column(indicators_sheet, INDICATOR_COLUMNS, "Bắt buộc", required, last)
    section_list = DataValidation(
        type="list",
        formula1=f"'{SECTIONS_SHEET}'!$A$2:$A${len(sections) + 1 + SPARE_ROWS}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Phần",
        error=f"Chọn một mã phần có trong trang “{SECTIONS_SHEET}”.",
    )
    _validate_column(indicators_sheet, INDICATOR_COLUMNS, "Phần", section_list, last)

    rules_sheet = book.create_sheet(RULES_SHEET)
    _header(rules_sheet, RULE_COLUMNS)
    rules = list(template.rules.order_by("pk"))
    for rule in rules:
        append_row(
            rules_sheet,
            [rule.expression, rule.message, choices["Mức độ"].labels.get(rule.severity, rule.severity)],
        )
    _validate_column(
        rules_sheet, RULE_COLUMNS, "Mức độ", choices["Mức độ"].validation(), len(rules) + 1 + SPARE_ROWS
    )

    book.properties.title = template.name
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header(sheet, columns: tuple[Column, ...]) -> None:
    sheet.append([column.header for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"


def _cell_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _validate_column(sheet, columns, header: str, validation: DataValidation, last_row: int) -> None:
    letter = get_column_letter([c.header for c in columns].index(header) + 1)
    sheet.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{last_row}")


# ---------------------------------------------------------------- import


@dataclass
class _Row:
    number: int  # the row as Excel numbers it
    cells: dict[str, object]  # header -> raw cell value

    def text(self, header: str) -> str:
        return _text(self.cells.get(header))


@dataclass
class _Sheet:
    name: str
    present: set[str] = field(default_factory=set)  # the known headers found
    rows: list[_Row] = field(default_factory=list)

    def has(self, header: str) -> bool:
        return header in self.present


class _Problems:
    def __init__(self):
        self.errors: list[str] = []

    def sheet(self, sheet: str, message: str) -> None:
        self.errors.append(f"Trang “{sheet}”: {message}")

    def row(self, sheet: str, row: int, message: str) -> None:
        self.errors.append(f"Trang “{sheet}”, dòng {row}: {message}")

    def rejected(self, sheet: str, row: int, error: ValidationError, headers: dict[str, str]) -> None:
        """A service refused the row: its messages, each named by column when the field is known."""
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                label = headers.get(name)
                for message in messages:
                    self.row(sheet, row, f"cột “{label}”: {message}" if label else message)
        else:
            for message in error.messages:
                self.row(sheet, row, message)


@dataclass
class _SectionRow:
    row: int
    code: str
    title: str
    guidance: str


@dataclass
class _IndicatorRow:
    row: int
    code: str
    fields: dict


@dataclass
class _RuleRow:
    row: int
    expression: str
    message: str
    severity: str


def import_template(file, *, actor, owner, code: str, name: str, version: int = 1) -> ReportTemplate:
    """Create a draft template from a workbook (a path, bytes or a file object), or nothing at all.

    Raises :class:`TemplateImportError` listing every problem when anything is wrong.
    """
    book = _open(file)
    problems = _Problems()
    sheets = {}
    for name_, columns in SHEETS.items():
        if name_ in book.sheetnames:
            sheets[name_] = _read_sheet(book[name_], columns, problems)
        else:
            problems.errors.append(f"Thiếu trang “{name_}”.")
    book.close()
    if not sheets:
        raise TemplateImportError(problems.errors)

    choices = _choices()
    section_rows, declared_sections = _sections(sheets.get(SECTIONS_SHEET), problems)
    indicator_rows, declared_indicators = _indicators(
        sheets.get(INDICATORS_SHEET), declared_sections, choices, problems
    )
    rule_rows = _rules(sheets.get(RULES_SHEET), choices, problems)

    with transaction.atomic():
        try:
            template = services.create_template(
                actor=actor, owner=owner, code=code, name=name, version=version
            )
        except ValidationError as error:
            problems.errors.extend(error.messages)
            raise TemplateImportError(problems.errors) from None
        sections = {}
        for item in section_rows:
            try:
                sections[fold(item.code)] = services.add_section(
                    template, code=item.code, title=item.title, guidance=item.guidance
                )
            except ValidationError as error:
                problems.rejected(
                    SECTIONS_SHEET, item.row, error, {"title": "Tiêu đề", "guidance": "Hướng dẫn"}
                )
        created = set()
        for item in indicator_rows:
            fields = dict(item.fields)
            section_code = fields.pop("section_code")
            fields["section"] = sections.get(fold(section_code)) if section_code else None
            try:
                services.add_indicator(template, code=item.code, **fields)
            except ValidationError as error:
                problems.rejected(INDICATORS_SHEET, item.row, error, FIELD_HEADERS)
            else:
                created.add(item.code)
        # Codes written in the sheet but refused above are already reported on their own row; without
        # the sheet or its "Mã" column (reported once) the codes a rule uses cannot be checked at all.
        refused = (declared_indicators or set()) - created
        for item in rule_rows:
            names = _names(item.expression)
            if names & refused:
                continue
            try:
                services.add_rule(
                    template, expression=item.expression, message=item.message, severity=item.severity
                )
            except ValidationError as error:
                if not (names and declared_indicators is None):
                    problems.rejected(RULES_SHEET, item.row, error, {})
        if problems.errors:
            raise TemplateImportError(problems.errors)
    return template


def _open(file):
    if isinstance(file, bytes | bytearray | memoryview):
        file = io.BytesIO(bytes(file))
    elif isinstance(file, str | os.PathLike):
        file = os.fspath(file)
    try:
        return load_workbook(file, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError):
        raise TemplateImportError(["Tệp không phải là bảng tính Excel (.xlsx) đọc được."]) from None


def _read_sheet(sheet, columns: tuple[Column, ...], problems: _Problems) -> _Sheet:
    known = {fold(column.header): column.header for column in columns}
    result = _Sheet(sheet.title)
    rows = sheet.iter_rows(values_only=True)
    header_row = next(rows, ())
    positions: dict[int, str] = {}
    unknown, repeated = [], []
    for index, value in enumerate(header_row):
        text = _text(value)
        if not text:
            continue
        header = known.get(fold(text))
        if header is None:
            unknown.append(text)
        elif header in result.present:
            repeated.append(header)
        else:
            result.present.add(header)
            positions[index] = header
    missing = [c.header for c in columns if c.required and c.header not in result.present]
    if missing:
        problems.sheet(sheet.title, f"thiếu cột {_quoted(missing)}.")
    if unknown:
        problems.sheet(sheet.title, f"cột không có trong mẫu: {_quoted(unknown)}.")
    if repeated:
        problems.sheet(sheet.title, f"cột bị lặp lại: {_quoted(repeated)}.")
    for number, values in enumerate(rows, start=2):
        if all(_text(value) == "" for value in values):
            continue
        cells = {header: values[index] for index, header in positions.items() if index < len(values)}
        result.rows.append(_Row(number, cells))
    return result


def _sections(sheet: _Sheet | None, problems: _Problems) -> tuple[list[_SectionRow], set[str] | None]:
    """The valid section rows, and every section code written (folded), valid or not.

    The codes are None when the sheet or its code column is missing: that is reported once, and
    the indicators' "Phần" cannot be checked.
    """
    if sheet is None:
        return [], None
    rows, declared, first_row = [], set(), {}
    complete = sheet.has("Mã phần") and sheet.has("Tiêu đề")
    for row in sheet.rows:
        errors = []
        code, title = row.text("Mã phần"), row.text("Tiêu đề")
        if not sheet.has("Mã phần"):
            pass
        elif not code:
            errors.append("chưa nhập “Mã phần”.")
        elif fold(code) in first_row:
            errors.append(f"mã phần “{code}” trùng với dòng {first_row[fold(code)]}.")
        else:
            first_row[fold(code)] = row.number
            declared.add(fold(code))
            if len(code) > Section._meta.get_field("code").max_length:
                errors.append(f"mã phần “{code}” dài quá 20 ký tự.")
        if sheet.has("Tiêu đề"):
            if not title:
                errors.append("chưa nhập “Tiêu đề”.")
            elif len(title) > Section._meta.get_field("title").max_length:
                errors.append("tiêu đề dài quá 255 ký tự.")
        for message in errors:
            problems.row(sheet.name, row.number, message)
        if complete and not errors:
            rows.append(_SectionRow(row.number, code, title, _long_text(row.cells.get("Hướng dẫn"))))
    return rows, declared if sheet.has("Mã phần") else None


def _indicators(
    sheet: _Sheet | None, declared_sections: set[str] | None, choices: dict[str, _Choice], problems: _Problems
) -> tuple[list[_IndicatorRow], set[str] | None]:
    """The indicator rows that passed the workbook's checks, and every indicator code written.

    The codes are None when the sheet or its "Mã" column is missing.
    """
    if sheet is None:
        return [], None
    rows, declared, first_row = [], set(), {}
    complete = all(sheet.has(c.header) for c in INDICATOR_COLUMNS if c.required)
    for row in sheet.rows:
        errors = []
        code = row.text("Mã").upper()
        if not sheet.has("Mã"):
            pass
        elif not code:
            errors.append("chưa nhập “Mã”.")
        elif code in first_row:
            errors.append(f"mã “{code}” trùng với dòng {first_row[code]}.")
        else:
            first_row[code] = row.number
            declared.add(code)
        if sheet.has("Tên chỉ tiêu") and not row.text("Tên chỉ tiêu"):
            errors.append("chưa nhập “Tên chỉ tiêu”.")
        section_code = row.text("Phần")
        if section_code and declared_sections is not None and fold(section_code) not in declared_sections:
            errors.append(f"phần “{section_code}” không có trong trang “{SECTIONS_SHEET}”.")
        fields = {"section_code": section_code}
        if sheet.has("Kiểu"):
            text = row.text("Kiểu")
            if not text:
                errors.append("chưa nhập “Kiểu”.")
            elif (value := choices["Kiểu"].read(text)) is None:
                errors.append(choices["Kiểu"].problem(text))
            else:
                fields["value_type"] = value
        for header, key in (
            ("Tổng hợp theo đơn vị", "unit_aggregation"),
            ("Tổng hợp theo thời gian", "time_aggregation"),
        ):
            text = row.text(header)
            if not text:
                continue
            value = choices[header].read(text)
            if value is None:
                errors.append(choices[header].problem(text))
            else:
                fields[key] = value
        bounds = {}
        for header, key in (("Nhỏ nhất", "min_value"), ("Lớn nhất", "max_value")):
            raw = row.cells.get(header)
            if _text(raw) == "":
                continue
            number = _number(raw)
            if number is None:
                errors.append(f"{header.lower()} “{_text(raw)}” không phải là số.")
            else:
                bounds[key] = fields[key] = number
        if "min_value" in bounds and "max_value" in bounds and bounds["min_value"] > bounds["max_value"]:
            errors.append(
                f"“Nhỏ nhất” ({format_number(bounds['min_value'])}) lớn hơn "
                f"“Lớn nhất” ({format_number(bounds['max_value'])})."
            )
        required = _yes_no(row.cells.get("Bắt buộc"))
        if required is None:
            errors.append(f"bắt buộc “{row.text('Bắt buộc')}” không hợp lệ (chọn: {YES_LABEL}, {NO_LABEL}).")
        else:
            fields["required"] = required
        fields["name"] = row.text("Tên chỉ tiêu")
        fields["unit_of_measure"] = row.text("Đơn vị tính")
        fields["help_text"] = row.text("Giải thích")
        for message in errors:
            problems.row(sheet.name, row.number, message)
        if complete and not errors:
            rows.append(_IndicatorRow(row.number, code, fields))
    return rows, declared if sheet.has("Mã") else None


def _rules(sheet: _Sheet | None, choices: dict[str, _Choice], problems: _Problems) -> list[_RuleRow]:
    if sheet is None or not sheet.has("Biểu thức"):
        return []
    rows = []
    for row in sheet.rows:
        errors = []
        expression = row.text("Biểu thức")
        if not expression:
            errors.append("chưa nhập “Biểu thức”.")
        message = row.text("Thông báo khi sai") or f"Không thỏa mãn quy tắc “{expression}”."
        if len(message) > Rule._meta.get_field("message").max_length:
            errors.append("thông báo khi sai dài quá 300 ký tự.")
        severity = RuleSeverity.ERROR
        text = row.text("Mức độ")
        if text:
            severity = choices["Mức độ"].read(text)
            if severity is None:
                errors.append(choices["Mức độ"].problem(text))
        for error in errors:
            problems.row(sheet.name, row.number, error)
        if not errors:
            rows.append(_RuleRow(row.number, expression, message, severity))
    return rows


# ---------------------------------------------------------------- cells


def _text(value) -> str:
    """A cell as one line of text: numbers without a trailing ".0", NFC, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES_LABEL if value else NO_LABEL
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def _long_text(value) -> str:
    """Guidance keeps its line breaks."""
    if value is None:
        return ""
    return "\n".join(nfc(line) for line in str(value).strip().splitlines()).strip()


def _number(value) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    return parse_number(str(value))


def _yes_no(value) -> bool | None:
    """Bắt buộc: Có / Không (or x, 1, TRUE…); an empty cell is "Không"; None when unreadable."""
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if text == "":
        return False
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def _names(expression: str) -> frozenset[str]:
    try:
        return expressions.parse(expression).names()
    except expressions.ExpressionError:
        return frozenset()


def _quoted(items: list[str]) -> str:
    return ", ".join(f"“{item}”" for item in items)
