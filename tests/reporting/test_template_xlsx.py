import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from tuyengiao.reporting import services
from tuyengiao.reporting.models import Indicator, ReportTemplate, Rule, Section, TemplateStatus
from tuyengiao.reporting.template_xlsx import TemplateImportError, export_template, import_template

SECTION_HEADERS = ["Mã phần", "Tiêu đề", "Hướng dẫn"]
INDICATOR_HEADERS = [
    "Mã",
    "Tên chỉ tiêu",
    "Phần",
    "Đơn vị tính",
    "Kiểu",
    "Nhỏ nhất",
    "Lớn nhất",
    "Tổng hợp theo đơn vị",
    "Tổng hợp theo thời gian",
    "Bắt buộc",
    "Giải thích",
]
RULE_HEADERS = ["Biểu thức", "Thông báo khi sai", "Mức độ"]


def workbook(sections=(), indicators=(), rules=(), *, headers=None, leave_out=()) -> bytes:
    """A workbook as a specialist would write it: sheet name -> headers, then rows as given."""
    headers = {"Phần": SECTION_HEADERS, "Chỉ tiêu": INDICATOR_HEADERS, "Quy tắc": RULE_HEADERS} | (
        headers or {}
    )
    book = Workbook()
    book.remove(book.active)
    for name, rows in (("Phần", sections), ("Chỉ tiêu", indicators), ("Quy tắc", rules)):
        if name in leave_out:
            continue
        sheet = book.create_sheet(name)
        sheet.append(headers[name])
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def indicator(code, name="Chỉ tiêu", section="I", kind="Số nguyên", low=None, high=None, **more):
    """One row of the "Chỉ tiêu" sheet in the standard column order."""
    return [
        code,
        name,
        section,
        more.get("uom", ""),
        kind,
        low,
        high,
        more.get("over_units", "Cộng"),
        more.get("over_time", "Cộng"),
        more.get("required", "Không"),
        more.get("help", ""),
    ]


def load(data: bytes):
    return load_workbook(io.BytesIO(data))


def rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def do_import(world, data, code="BC-MOI", **kwargs):
    return import_template(data, actor=None, owner=world.an, code=code, name="Mẫu mới", **kwargs)


def refusal(world, data, code="BC-MOI") -> list[str]:
    with pytest.raises(TemplateImportError) as caught:
        do_import(world, data, code=code)
    return caught.value.errors


def snapshot(template):
    sections = [(s.code, s.title, s.guidance) for s in template.sections.order_by("order")]
    indicators = [
        (
            i.code,
            i.name,
            i.section.code if i.section else None,
            i.unit_of_measure,
            i.value_type,
            i.min_value,
            i.max_value,
            i.unit_aggregation,
            i.time_aggregation,
            i.required,
            i.help_text,
        )
        for i in template.indicators.select_related("section").order_by("order")
    ]
    rules = [(r.expression, r.message, r.severity) for r in template.rules.order_by("pk")]
    return sections, indicators, rules


# ---------------------------------------------------------------- export


def test_an_exported_template_has_the_three_sheets_with_bold_frozen_headers(template):
    book = load(export_template(template))

    assert book.sheetnames == ["Phần", "Chỉ tiêu", "Quy tắc"]
    for name, headers in (
        ("Phần", SECTION_HEADERS),
        ("Chỉ tiêu", INDICATOR_HEADERS),
        ("Quy tắc", RULE_HEADERS),
    ):
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == headers
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width > 5
    assert len(rows(book["Phần"])) == 12
    assert len(rows(book["Chỉ tiêu"])) == 18
    assert len(rows(book["Quy tắc"])) == 6


def test_an_exported_indicator_reads_with_its_vietnamese_labels(template):
    book = load(export_template(template))

    by_code = {row[0]: row for row in rows(book["Chỉ tiêu"])}
    assert by_code["A03"] == (
        "A03",
        "Số báo cáo viên trong danh sách",
        "III",
        "người",
        "Số nguyên",
        0,
        None,
        "Cộng",
        "Lấy kỳ cuối",
        "Không",
        None,
    )
    assert by_code["C03"][4] == "Tỷ lệ %"
    assert by_code["C03"][7:9] == ("Trung bình", "Trung bình")
    assert by_code["F01"][4] == "Có/Không"
    assert rows(book["Phần"])[0] == (
        "I",
        "Tình hình tư tưởng, dư luận xã hội",
        "Những vấn đề cán bộ, đảng viên, nhân dân quan tâm; dư luận nổi bật trong kỳ.",
    )
    assert rows(book["Quy tắc"])[0] == (
        "A05 >= A04",
        "Lượt người nghe không thể ít hơn số buổi tuyên truyền miệng.",
        "Lỗi",
    )
    assert rows(book["Quy tắc"])[4][2] == "Cảnh báo"


def test_the_exported_choice_columns_offer_drop_downs(template):
    book = load(export_template(template))

    lists = {
        str(validation.sqref).split(":")[0]: validation.formula1
        for validation in book["Chỉ tiêu"].data_validations.dataValidation
    }
    assert lists["E2"] == '"Số nguyên,Số thập phân,Tỷ lệ %,Có/Không,Văn bản ngắn"'
    assert lists["H2"] == '"Cộng,Trung bình,Lớn nhất,Nhỏ nhất,Không tổng hợp"'
    assert lists["I2"] == '"Cộng,Lấy kỳ cuối,Trung bình,Lớn nhất"'
    assert lists["J2"] == '"Có,Không"'
    assert lists["C2"].startswith("'Phần'!$A$2:$A$")
    (severity,) = book["Quy tắc"].data_validations.dataValidation
    assert str(severity.sqref).startswith("C2:")
    assert severity.formula1 == '"Lỗi,Cảnh báo"'


def test_a_text_that_looks_like_a_formula_is_exported_as_text(world):
    template = services.create_template(actor=None, owner=world.an, code="CT", name="Công thức")
    section = services.add_section(template, code="I", title="Phần một", guidance="=1+1 là ví dụ")
    services.add_indicator(template, code="A01", name="=SUM(A1)", section=section)

    book = load(export_template(template))

    assert book["Phần"]["C2"].data_type == "s"
    assert book["Chỉ tiêu"]["B2"].value == "=SUM(A1)"
    assert book["Chỉ tiêu"]["B2"].data_type == "s"
    copy = do_import(world, export_template(template), code="CT-2")
    assert copy.indicators.get().name == "=SUM(A1)"
    assert copy.sections.get().guidance == "=1+1 là ví dụ"


# ---------------------------------------------------------------- round trip


def test_a_template_exported_then_imported_under_a_new_code_comes_back_the_same(world, template):
    template.indicators.filter(code="C03").update(
        max_value=Decimal("99.5"), required=True, help_text="Tính %"
    )

    copy = do_import(world, export_template(template), code="BC-TG-2", version=3)

    assert (copy.code, copy.name, copy.version, copy.owner, copy.status) == (
        "BC-TG-2",
        "Mẫu mới",
        3,
        world.an,
        TemplateStatus.DRAFT,
    )
    assert snapshot(copy) == snapshot(template)
    c03 = copy.indicators.get(code="C03")
    assert (c03.min_value, c03.max_value, c03.required) == (0, Decimal("99.5"), True)


def test_the_workbook_may_be_a_path_bytes_or_a_file_object(world, template, tmp_path):
    data = export_template(template)
    path = tmp_path / "mau.xlsx"
    path.write_bytes(data)

    from_path = do_import(world, path, code="TU-DUONG-DAN")
    from_text_path = do_import(world, str(path), code="TU-CHUOI")
    from_file = do_import(world, io.BytesIO(data), code="TU-TEP")
    with path.open("rb") as handle:
        from_handle = do_import(world, handle, code="TU-TEP-MO")

    expected = snapshot(template)
    assert all(snapshot(t) == expected for t in (from_path, from_text_path, from_file, from_handle))


# ---------------------------------------------------------------- import


def test_codes_and_labels_are_both_accepted_whatever_their_case_and_diacritics(world):
    data = workbook(
        sections=[["I", "Phần một", ""]],
        indicators=[
            indicator("a01", kind="integer", over_units="sum", over_time="LAST", required="có"),
            indicator("A02", kind="SO THAP PHAN", over_units="trung binh", over_time="lấy kỳ cuối"),
            indicator("A03", kind="tỷ lệ %", over_units="Không tổng hợp", over_time="avg", required="x"),
            indicator("A04", kind="co/khong", over_units="MAX", over_time="lon nhat", required="khong"),
            indicator("A05", kind="Text", over_units="nho nhat", over_time="Cộng", required=True),
        ],
        rules=[
            ["A01 >= 0", "Không âm", "canh bao"],
            ["A02 >= 0", "Không âm", "ERROR"],
            ["A03 <= 100", "Tối đa 100", "Cảnh báo: người nhập xác nhận"],
            ["A01 >= A02", "A01 không nhỏ hơn A02", "lỗi"],
        ],
    )

    template = do_import(world, data)

    assert [
        (i.code, i.value_type, i.unit_aggregation, i.time_aggregation, i.required)
        for i in template.indicators.order_by("order")
    ] == [
        ("A01", "integer", "sum", "last", True),
        ("A02", "decimal", "avg", "last", False),
        ("A03", "percent", "none", "avg", True),
        ("A04", "boolean", "max", "max", False),
        ("A05", "text", "min", "sum", True),
    ]
    assert list(template.rules.order_by("pk").values_list("severity", flat=True)) == [
        "warning",
        "error",
        "warning",
        "error",
    ]


def test_bounds_may_be_numeric_cells_or_text_in_vietnamese_notation(world):
    data = workbook(
        sections=[["I", "Phần một", ""]],
        indicators=[
            indicator("A01", low=0, high=1890),
            indicator("A02", kind="Số thập phân", low=0.25, high="1.890,5"),
            indicator("A03", kind="Số thập phân", low="12,5", high="1.890"),
            indicator("A04", kind="Số thập phân", low="-3", high=None),
        ],
    )

    template = do_import(world, data)

    assert list(template.indicators.order_by("order").values_list("min_value", "max_value")) == [
        (Decimal(0), Decimal(1890)),
        (Decimal("0.25"), Decimal("1890.5")),
        (Decimal("12.5"), Decimal(1890)),
        (Decimal(-3), None),
    ]


def test_columns_may_come_in_any_order_and_the_optional_ones_may_be_left_out(world):
    data = workbook(
        sections=[["Phần một", "I"]],
        indicators=[["Số buổi", "integer", "a01"]],
        rules=[["A01 >= 0"]],
        headers={
            "Phần": ["tieu de", "MÃ PHẦN"],
            "Chỉ tiêu": ["Tên chỉ tiêu", "Kiểu", "Mã"],
            "Quy tắc": ["Biểu thức"],
        },
    )

    template = do_import(world, data)

    (section,) = template.sections.all()
    assert (section.code, section.title, section.guidance) == ("I", "Phần một", "")
    (only,) = template.indicators.all()
    assert (only.code, only.name, only.section, only.unit_aggregation, only.time_aggregation) == (
        "A01",
        "Số buổi",
        None,
        "sum",
        "sum",
    )
    assert (only.min_value, only.max_value, only.required) == (None, None, False)
    (rule,) = template.rules.all()
    assert (rule.expression, rule.severity) == ("A01 >= 0", "error")
    assert rule.message == "Không thỏa mãn quy tắc “A01 >= 0”."


def test_empty_rows_are_skipped_and_errors_name_the_row_as_excel_numbers_it(world):
    data = workbook(
        sections=[["I", "Phần một", ""], [None, None, None], ["  ", "", None], ["II", "Phần hai", ""]],
        indicators=[
            indicator("A01"),
            [None] * 11,
            indicator("A02", section="II"),
            [],
            indicator("A03", kind="?"),
        ],
    )

    errors = refusal(world, data)

    assert errors == [
        "Trang “Chỉ tiêu”, dòng 6: kiểu “?” không hợp lệ "
        "(chọn: Số nguyên, Số thập phân, Tỷ lệ %, Có/Không, Văn bản ngắn)."
    ]
    data = workbook(
        sections=[["I", "Phần một", ""], [None, None, None], ["II", "Phần hai", ""]],
        indicators=[indicator("A01"), [None] * 11, indicator("A02", section="II"), []],
    )
    template = do_import(world, data)
    assert [s.code for s in template.sections.order_by("order")] == ["I", "II"]
    assert [(i.code, i.section.code) for i in template.indicators.order_by("order")] == [
        ("A01", "I"),
        ("A02", "II"),
    ]


def test_a_workbook_with_many_mistakes_is_refused_with_every_problem_and_nothing_is_written(world):
    data = workbook(
        sections=[["I", "Không có tiêu đề ở đây"], ["II", ""]],
        indicators=[
            indicator("A01") + ["ghi chú"],
            indicator("A02", kind="số lượng") + [None],
            indicator("A01", name="Trùng mã") + [None],
            indicator("A04", section="XV") + [None],
            indicator("A05", low="mười", high=None, over_time="cuối kỳ") + [None],
            indicator("", name="") + [None],
        ],
        rules=[
            ["A01 >= 0", "Đúng", "Lỗi"],
            ["A01 >>= 2", "Sai cú pháp", "Lỗi"],
            ["A09 > 0", "Mã không có", "Lỗi"],
            ["A02 >= 0", "Dùng chỉ tiêu đã báo lỗi ở dòng của nó", "Lỗi"],
            ["A01 > 0", "Mức độ lạ", "nghiêm trọng"],
        ],
        headers={"Phần": ["Mã phần", "Hướng dẫn"], "Chỉ tiêu": [*INDICATOR_HEADERS, "Ghi chú 2"]},
    )
    before = (ReportTemplate.objects.count(), Section.objects.count(), Indicator.objects.count())
    rules_before = Rule.objects.count()

    errors = refusal(world, data)

    assert errors[:-2] == [
        "Trang “Phần”: thiếu cột “Tiêu đề”.",
        "Trang “Chỉ tiêu”: cột không có trong mẫu: “Ghi chú 2”.",
        "Trang “Chỉ tiêu”, dòng 3: kiểu “số lượng” không hợp lệ "
        "(chọn: Số nguyên, Số thập phân, Tỷ lệ %, Có/Không, Văn bản ngắn).",
        "Trang “Chỉ tiêu”, dòng 4: mã “A01” trùng với dòng 2.",
        "Trang “Chỉ tiêu”, dòng 5: phần “XV” không có trong trang “Phần”.",
        "Trang “Chỉ tiêu”, dòng 6: tổng hợp theo thời gian “cuối kỳ” không hợp lệ "
        "(chọn: Cộng, Lấy kỳ cuối, Trung bình, Lớn nhất).",
        "Trang “Chỉ tiêu”, dòng 6: nhỏ nhất “mười” không phải là số.",
        "Trang “Chỉ tiêu”, dòng 7: chưa nhập “Mã”.",
        "Trang “Chỉ tiêu”, dòng 7: chưa nhập “Tên chỉ tiêu”.",
        "Trang “Quy tắc”, dòng 6: mức độ “nghiêm trọng” không hợp lệ (chọn: Lỗi, Cảnh báo).",
    ]
    broken, unknown = errors[-2:]
    assert broken.startswith("Trang “Quy tắc”, dòng 3: Quy tắc “A01 >>= 2”: ")
    assert unknown == "Trang “Quy tắc”, dòng 4: Quy tắc “A09 > 0” dùng mã chỉ tiêu không có trong mẫu: A09."
    assert (ReportTemplate.objects.count(), Section.objects.count(), Indicator.objects.count()) == before
    assert Rule.objects.count() == rules_before
    assert not ReportTemplate.objects.filter(code="BC-MOI").exists()


def test_a_minimum_above_the_maximum_is_refused(world):
    errors = refusal(
        world,
        workbook(sections=[["I", "Phần một", ""]], indicators=[indicator("A01", low="1.890", high=12.5)]),
    )

    assert errors == ["Trang “Chỉ tiêu”, dòng 2: “Nhỏ nhất” (1.890) lớn hơn “Lớn nhất” (12,5)."]


def test_an_unreadable_required_cell_lists_the_choices(world):
    errors = refusal(
        world, workbook(sections=[["I", "Phần một", ""]], indicators=[indicator("A01", required="có lẽ")])
    )

    assert errors == ["Trang “Chỉ tiêu”, dòng 2: bắt buộc “có lẽ” không hợp lệ (chọn: Có, Không)."]


def test_a_value_the_model_refuses_is_reported_with_its_row_and_column(world):
    errors = refusal(
        world,
        workbook(sections=[["I", "Phần một", ""]], indicators=[indicator("A01", uom="đơn vị " * 10)]),
    )

    (error,) = errors
    assert error.startswith("Trang “Chỉ tiêu”, dòng 2: cột “Đơn vị tính”: ")


def test_missing_sheets_and_required_columns_are_named(world):
    data = workbook(
        indicators=[["A01", "Số nguyên"]],
        headers={"Chỉ tiêu": ["Mã", "Kiểu"]},
        leave_out=("Phần", "Quy tắc"),
    )

    errors = refusal(world, data)

    assert errors == [
        "Thiếu trang “Phần”.",
        "Trang “Chỉ tiêu”: thiếu cột “Tên chỉ tiêu”.",
        "Thiếu trang “Quy tắc”.",
    ]


def test_a_rule_is_not_checked_against_codes_when_the_code_column_is_missing(world):
    data = workbook(
        sections=[["I", "Phần một", ""]],
        indicators=[["Số buổi", "Số nguyên"]],
        rules=[["A01 >= 0", "Không âm", "Lỗi"], ["A01 >", "Dở dang", "Lỗi"]],
        headers={"Chỉ tiêu": ["Tên chỉ tiêu", "Kiểu"]},
    )

    errors = refusal(world, data)

    assert errors[0] == "Trang “Chỉ tiêu”: thiếu cột “Mã”."
    assert len(errors) == 2
    assert errors[1].startswith("Trang “Quy tắc”, dòng 3: Quy tắc “A01 >”: ")


def test_a_code_and_version_already_taken_is_refused_and_nothing_is_written(world, template):
    before = ReportTemplate.objects.count()

    errors = refusal(world, export_template(template), code="bc-tg")

    assert errors == ["Mẫu “BC-TG” phiên bản 1 đã tồn tại."]
    assert ReportTemplate.objects.count() == before
    assert do_import(world, export_template(template), code="bc-tg", version=2).version == 2


def test_a_file_that_is_not_a_workbook_is_refused(world):
    assert refusal(world, b"Ma,Ten\nA01,So buoi\n") == ["Tệp không phải là bảng tính Excel (.xlsx) đọc được."]
