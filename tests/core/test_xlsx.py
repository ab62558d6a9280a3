import io

from openpyxl import Workbook, load_workbook

from tuyengiao.core.xlsx import append_row


def test_what_users_typed_stays_text_and_illegal_characters_go():
    book = Workbook()
    append_row(book.active, ['=HYPERLINK("http://x")', "Xã\x01 Mới", 12, None, ""])
    out = io.BytesIO()
    book.save(out)
    row = [c for c in load_workbook(io.BytesIO(out.getvalue())).active[1]]
    assert row[0].value == '=HYPERLINK("http://x")' and row[0].data_type == "s"
    assert [c.value for c in row[1:3]] == ["Xã Mới", 12]
