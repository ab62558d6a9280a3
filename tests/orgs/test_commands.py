"""The command line: run in-process on the test database, as `tuyengiao <command> ...` would."""

import json

import pytest

from tuyengiao.__main__ import main


@pytest.fixture
def reference_data(db):
    from tuyengiao.orgs.reference import load_provinces

    load_provinces()


def run(capsys, *argv):
    try:
        main(["tuyengiao", *argv])
        code = 0
    except SystemExit as exit_:
        code = exit_.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def test_load_provinces_reports_both_maps_and_is_idempotent(db, capsys):
    code, out, _ = run(capsys, "load-provinces")
    assert code == 0 and "63 tỉnh" in out and "34 từ 01/07/2025" in out
    code, out, _ = run(capsys, "load-provinces")
    assert code == 0 and "đã có sẵn" in out


def test_tree_lists_63_provinces_before_the_reform_and_34_after(reference_data, capsys):
    code, out, _ = run(capsys, "tree", "--as-of", "2024-12-31", "--depth", "1", "--json")
    before = json.loads(out)
    assert code == 0 and before["name"] == "Trung ương" and len(before["children"]) == 63
    assert {"name", "kind", "valid_from", "valid_to", "children"} <= set(before["children"][0])
    assert "Thừa Thiên Huế" in {c["name"] for c in before["children"]}
    _, out, _ = run(capsys, "tree", "--as-of", "2025-07-01", "--depth", "1", "--json")
    after = json.loads(out)
    names = {c["name"] for c in after["children"]}
    assert len(names) == 34 and "Huế" in names and "Bắc Kạn" not in names


def test_tree_prints_text_with_dates(reference_data, capsys):
    code, out, _ = run(capsys, "tree", "--as-of", "30/06/2025", "--depth", "1")
    assert code == 0
    assert "Bắc Kạn · Tỉnh, thành phố [đến 30/06/2025]" in out


def test_lineage_shows_bac_kan_merged_into_thai_nguyen(reference_data, capsys):
    code, out, _ = run(capsys, "lineage", "Thái Nguyên", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"kind": "merge", "date": "2025-07-01", "from": ["Bắc Kạn"], "to": ["Thái Nguyên"]}
    ]
    _, out, _ = run(capsys, "lineage", "bac kan")
    assert "01/07/2025  Sáp nhập: Bắc Kạn → Thái Nguyên" in out


def test_lineage_of_hue_shows_the_rename(reference_data, capsys):
    _, out, _ = run(capsys, "lineage", "Huế", "--json")
    assert json.loads(out) == [
        {"kind": "rename", "date": "2025-01-01", "from": ["Thừa Thiên Huế"], "to": ["Huế"]}
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lineage", "Không Có Tỉnh Này"], "Không tìm thấy đơn vị “Không Có Tỉnh Này”."),
        (["tree", "--root", "Atlantis"], "Không tìm thấy đơn vị “Atlantis”."),
        (["tree", "--as-of", "2024-02-30"], "không tồn tại"),
        (["tree", "--as-of", "hôm qua"], "dd/mm/yyyy"),
        (["tree", "--depth", "-1"], "--depth"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(reference_data, capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_demo_refuses_a_database_that_has_data(reference_data, capsys):
    code, _, err = run(capsys, "demo")
    assert code == 2 and "trống" in err
