"""Validation rules between indicators: tokenizer, parser and evaluator (no Django, no database)."""

from __future__ import annotations

import contextlib
import operator
import pickle
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tuyengiao.reporting import expressions
from tuyengiao.reporting.expressions import (
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_TOKENS,
    Expression,
    ExpressionError,
    RuleResult,
    parse,
)


def value(source: str, **values):
    return parse(source).evaluate(values)


def error_of(source: str, **values) -> ExpressionError:
    with pytest.raises(ExpressionError) as caught:
        parse(source).evaluate(values)
    return caught.value


# --------------------------------------------------------------------------- precedence


def test_subtraction_is_left_associative():
    assert value("2 - 3 - 4") == -5


def test_division_is_left_associative():
    assert value("8 / 4 / 2") == 1


def test_multiplication_binds_tighter_than_addition():
    assert value("2 * 3 + 4") == 10
    assert value("4 + 2 * 3") == 10
    assert value("10 - 6 / 2") == 7


def test_unary_minus_binds_tighter_than_multiplication():
    assert value("-2 * 3") == -6
    assert value("2 * -3") == -6
    assert value("- -2") == 2
    assert value("-2 - -3") == 1


def test_parentheses_override_precedence():
    assert value("(2 + 3) * 4") == 20
    assert value("2 * (3 + 4)") == 14
    assert value("-(2 + 3)") == -5


def test_arithmetic_binds_tighter_than_comparison():
    assert value("B05 <= B04 * 100", B05=500, B04=5) is True
    assert value("A01 + A02 == A03", A01=1, A02=2, A03=3) is True


def test_and_binds_tighter_than_or():
    assert value("1 < 2 or 1 > 2 and 1 > 2") is True
    assert value("(1 < 2 or 1 > 2) and 1 > 2") is False


def test_not_applies_to_the_whole_comparison_after_it():
    assert value("not B07 < 0", B07=5) is True
    assert value("not (B07 < 0)", B07=-1) is False


def test_not_binds_tighter_than_and():
    assert value("not 1 > 2 and 1 > 2") is False


# --------------------------------------------------------------------------- comparisons


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("B03 >= B02", True),
        ("B03 > B02", True),
        ("B03 <= B02", False),
        ("B03 < B02", False),
        ("B03 == B02", False),
        ("B03 != B02", True),
        ("B02 >= B02", True),
        ("B02 <= B02", True),
    ],
)
def test_comparison_operators_compare_numbers(source, expected):
    assert value(source, B03=3, B02=2) is expected


def test_excel_style_equals_sign_means_equality():
    assert value("A01 + A02 = A03", A01=1, A02=2, A03=3) is True
    assert value("A01 = A03", A01=1, A03=3) is False


def test_excel_style_angle_brackets_mean_inequality():
    assert value("A01 <> A03", A01=1, A03=3) is True
    assert value("A01 <> A01", A01=1) is False


def test_chained_comparison_means_every_adjacent_pair_holds():
    assert value("0 <= B05 <= 100", B05=50) is True
    assert value("0 <= B05 <= 100", B05=101) is False
    assert value("0 <= B05 <= 100", B05=-1) is False
    assert value("1 < 2 < 3 < 4") is True
    assert value("1 < 3 > 2") is True


def test_chained_comparison_stops_at_the_first_false_pair():
    assert value("1 > 2 < 1 / 0") is False


@given(
    a=st.integers(-5, 5),
    b=st.integers(-5, 5),
    op=st.sampled_from(["<", "<=", ">", ">=", "==", "!=", "=", "<>"]),
)
def test_comparison_agrees_with_python_on_integers(a, b, op):
    python = {
        "<": operator.lt,
        "<=": operator.le,
        ">": operator.gt,
        ">=": operator.ge,
        "==": operator.eq,
        "=": operator.eq,
        "!=": operator.ne,
        "<>": operator.ne,
    }[op]
    assert value(f"X {op} Y", X=a, Y=b) is python(a, b)


@given(a=st.integers(-3, 3), b=st.integers(-3, 3), c=st.integers(-3, 3))
def test_chained_comparison_equals_the_conjunction_of_its_pairs(a, b, c):
    assert value("X < Y <= Z", X=a, Y=b, Z=c) is (a < b and b <= c)


# --------------------------------------------------------------------------- boolean operators


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("C02 > 0 or C01 == 0", True),
        ("C02 > 0 and C01 == 0", False),
        ("C02 > 0 và C01 == 0", False),
        ("C02 > 0 hoặc C01 == 0", True),
        ("không C02 > 0", False),
        ("C02 > 0 VÀ C01 == 0", False),
        ("C02 > 0 HOẶC C01 == 0", True),
        ("C02 > 0 && C01 == 0", False),
        ("C02 > 0 || C01 == 0", True),
        ("!(C02 > 0)", False),
        ("C02 > 0 AND not C01 != 0", False),
    ],
)
def test_boolean_operators_have_english_vietnamese_and_symbolic_spellings(source, expected):
    assert value(source, C01=1, C02=5) is expected


def test_vietnamese_keywords_work_when_typed_in_decomposed_unicode():
    source = unicodedata.normalize("NFD", "C02 > 0 hoặc không C01 == 0")
    assert value(source, C01=0, C02=0) is False


def test_or_short_circuits_so_a_zero_divisor_can_be_guarded():
    assert value("B02 == 0 or B03 / B02 > 1", B02=0, B03=7) is True
    assert value("B02 != 0 and B03 / B02 > 1", B02=0, B03=7) is False


def test_logical_operators_refuse_numbers_instead_of_guessing():
    error = error_of("B03 and B04 > 0", B03=1, B04=1)
    assert "cần điều kiện" in error.message
    assert error.position == 4
    assert "cần điều kiện" in error_of("not B03", B03=1).message


# --------------------------------------------------------------------------- booleans as values


def test_yes_no_indicators_count_as_one_and_zero_in_arithmetic():
    assert value("C01 + C02 + C03", C01=True, C02=False, C03=True) == 2
    assert value("C01 * 10", C01=True) == 10


def test_yes_no_indicators_compare_as_one_and_zero():
    assert value("C01 == 1", C01=True) is True
    assert value("C01 < 1", C01=False) is True


def test_yes_no_indicators_can_be_conditions_on_their_own():
    assert value("C01", C01=True) is True
    assert value("C01 or B01 > 0", C01=False, B01=0) is False
    assert parse("not C01 or B01 > 0").check({"C01": True, "B01": 3}) == RuleResult(ok=True)


def test_comparison_results_count_as_one_and_zero_in_arithmetic():
    assert value("(B01 > 0) + (B02 > 0) >= 1", B01=0, B02=4) is True


# --------------------------------------------------------------------------- functions


def test_abs_min_max_and_sum_are_available():
    assert value("abs(-3)") == 3
    assert value("min(4, B01, 7)", B01=2) == 2
    assert value("max(4, B01, 7)", B01=2) == 7
    assert value("sum(A01, A02, A03) == A04", A01=1, A02=2, A03=3, A04=6) is True
    assert value("min(5)") == 5


def test_round_rounds_half_away_from_zero_like_excel():
    assert value("round(2.5)") == 3
    assert value("round(-2.5)") == -3
    assert value("round(3.4)") == 3
    assert value("round(1.005, 2)") == Decimal("1.01")
    assert value("round(2 / 3, 2)") == Decimal("0.67")
    assert value("round(1250, -2)") == 1300


def test_round_refuses_fractional_or_huge_digit_counts():
    assert "round" in error_of("round(1, 0.5)").message
    assert "round" in error_of("round(1, 31)").message
    assert value("round(1, 30)") == 1


def test_function_names_are_case_insensitive():
    assert value("ABS(-2) + Max(1, 2)") == 4


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("abs()", "Hàm “abs” cần đúng 1 tham số, nhận được 0."),
        ("abs(1, 2)", "Hàm “abs” cần đúng 1 tham số, nhận được 2."),
        ("round(1, 2, 3)", "Hàm “round” cần 1 hoặc 2 tham số, nhận được 3."),
        ("min()", "Hàm “min” cần ít nhất 1 tham số, nhận được 0."),
        ("sum()", "Hàm “sum” cần ít nhất 1 tham số, nhận được 0."),
    ],
)
def test_functions_with_the_wrong_number_of_arguments_are_refused(source, message):
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.message == message
    assert caught.value.position == 0


# --------------------------------------------------------------------------- Decimal exactness


def test_decimal_sums_are_exact():
    assert value("0.1 + 0.2 == 0.3") is True
    assert value("0.1 + 0.2") == Decimal("0.3")
    assert isinstance(value("0.1 + 0.2"), Decimal)


def test_a_dot_is_always_the_decimal_point_never_a_thousands_separator():
    assert value("1.890") == Decimal("1.89")
    assert value("1.890 == 1.89") is True
    assert value(".5 + .5") == 1


def test_division_then_multiplication_gets_back_the_original_number():
    assert value("B01 / 3 * 3 == B01", B01=10) is True


def test_a_non_terminating_result_is_returned_to_28_significant_digits():
    assert value("1 / 3") == Decimal("0.3333333333333333333333333333")
    assert value("2 / 3") == Decimal("0.6666666666666666666666666667")


def test_a_terminating_result_is_returned_exactly_even_with_many_digits():
    assert value("1 / 1024") == Decimal("0.0009765625")
    assert value("99999999999999999999999999999999 + 1") == Decimal(10**32)


def test_division_by_zero_is_a_clear_error_at_the_slash():
    error = error_of("B03 / B02 > 1", B03=1, B02=0)
    assert error.message == "Phép chia cho 0 trong quy tắc."
    assert error.position == 4


def test_floats_are_read_as_the_decimal_they_print_as():
    assert value("B01 + B02 == 0.3", B01=0.1, B02=0.2) is True


def test_values_may_be_int_float_decimal_or_bool():
    assert value("A + B + C + D", A=1, B=0.5, C=Decimal("0.25"), D=True) == Decimal("2.75")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("12", "Giá trị của chỉ tiêu B01 không phải là số."),
        ([1], "Giá trị của chỉ tiêu B01 không phải là số."),
        (float("nan"), "Giá trị của chỉ tiêu B01 không hợp lệ."),
        (float("inf"), "Giá trị của chỉ tiêu B01 không hợp lệ."),
        (Decimal("NaN"), "Giá trị của chỉ tiêu B01 không hợp lệ."),
        (Decimal("1E+999999999"), "Giá trị của chỉ tiêu B01 nằm ngoài phạm vi cho phép."),
        (Decimal("1E-999999999"), "Giá trị của chỉ tiêu B01 nằm ngoài phạm vi cho phép."),
    ],
)
def test_values_that_are_not_usable_numbers_are_refused(raw, message):
    assert error_of("B01 > 0", B01=raw).message == message


# --------------------------------------------------------------------------- names and missing values


def test_names_lists_indicator_codes_in_upper_case():
    assert parse("b03 >= B02 + tong_so").names() == frozenset({"B03", "B02", "TONG_SO"})


def test_names_leaves_out_functions_keywords_and_numbers():
    assert parse("max(A01, 2) > 0 and not A02 < 1 hoặc abs(A03) = 0").names() == {"A01", "A02", "A03"}
    assert parse("1 + 2 > 0").names() == frozenset()


def test_indicator_codes_are_case_insensitive():
    assert value("b03 == B03", B03=4) is True
    assert parse("b03 > 1").evaluate({"b03": 4}) is True


def test_an_exact_upper_case_key_wins_over_another_spelling():
    assert parse("B03").evaluate({"b03": 1, "B03": 2}) == 2


def test_evaluate_refuses_a_missing_value():
    error = error_of("A01 >= 0 and B03 >= B02", B02=1, A01=0)
    assert error.message == "Thiếu giá trị của chỉ tiêu B03."
    assert error.position == 13


def test_evaluate_treats_none_as_missing():
    assert error_of("B03 >= B02", B02=1, B03=None).message == "Thiếu giá trị của chỉ tiêu B03."


def test_evaluate_names_every_missing_value():
    assert error_of("B03 >= B02 + B01", B02=1).message == "Thiếu giá trị của các chỉ tiêu B01, B03."


def test_check_reports_missing_values_instead_of_raising():
    rule = parse("C02 > 0 or C01 == 0")
    assert rule.check({"C02": 1}) == RuleResult(ok=None, missing=frozenset({"C01"}))
    assert rule.check({"C02": None, "C01": None}) == RuleResult(ok=None, missing=frozenset({"C01", "C02"}))


def test_check_gives_the_truth_of_the_rule_when_all_values_are_there():
    rule = parse("B03 >= B02")
    assert rule.check({"B03": 5, "B02": 2}) == RuleResult(ok=True, missing=frozenset())
    assert rule.check({"B03": 1, "B02": 2}) == RuleResult(ok=False, missing=frozenset())


def test_check_refuses_a_rule_that_is_a_number_and_not_a_comparison():
    with pytest.raises(ExpressionError) as caught:
        parse("B03 + B02").check({"B03": 1, "B02": 2})
    assert caught.value.message == "Quy tắc phải là một phép so sánh, ví dụ B03 >= B02."


def test_check_refuses_an_arithmetic_rule_even_before_its_values_are_entered():
    with pytest.raises(ExpressionError, match="phép so sánh"):
        parse("B03 * 2").check({})


def test_check_refuses_a_lone_indicator_that_holds_a_number():
    with pytest.raises(ExpressionError, match="phép so sánh"):
        parse("B03").check({"B03": 4})
    assert parse("B03").check({"B03": True}) == RuleResult(ok=True)


def test_evaluate_allows_a_rule_that_is_a_number():
    assert parse("B03 * 2").evaluate({"B03": Decimal("1.5")}) == 3


# --------------------------------------------------------------------------- malformed input


@pytest.mark.parametrize(
    ("source", "message", "position"),
    [
        ("(B03 + 1", "Thiếu dấu đóng ngoặc cho dấu mở ngoặc ở vị trí 1.", 0),
        ("B03 >= max(B01, (B02 + 1)", "Thiếu dấu đóng ngoặc cho dấu mở ngoặc ở vị trí 11.", 10),
        ("B03 + 1)", "Thừa dấu đóng ngoặc ở vị trí 8.", 7),
        ("B03 $ B02", "Ký tự không hợp lệ “$” ở vị trí 5.", 4),
        ("B03 ≥ B02", "Ký tự không hợp lệ “≥” ở vị trí 5; hãy viết “>=”.", 4),
        ("B03\u200b> 0", "Ký tự không hợp lệ “U+200B” ở vị trí 4.", 3),
        ("B03 & B02", "Ký tự không hợp lệ “&” ở vị trí 5.", 4),
        ("open(1)", "Hàm “open” không được phép.", 0),
        ("B01 + eval(B02)", "Hàm “eval” không được phép.", 6),
        ("B03(1)", "Hàm “B03” không được phép.", 0),
        ("B03.__class__", "Dấu chấm “.” ở vị trí 4 chỉ dùng làm dấu thập phân của số, ví dụ 3.5.", 3),
        ("(B03).real", "Dấu chấm “.” ở vị trí 6 chỉ dùng làm dấu thập phân của số, ví dụ 3.5.", 5),
        (
            "__import__('os')",
            "Tên chỉ tiêu không hợp lệ “__import__” ở vị trí 1: tên phải bắt đầu bằng chữ cái.",
            0,
        ),
        ("lambda x: x", "Ký tự không hợp lệ “:” ở vị trí 9.", 8),
        ("B03 == 'abc'", "Quy tắc không dùng chuỗi ký tự: dấu nháy “'” ở vị trí 8 không hợp lệ.", 7),
        ('B03 == "abc"', 'Quy tắc không dùng chuỗi ký tự: dấu nháy “"” ở vị trí 8 không hợp lệ.', 7),
        ("B03 == “abc”", "Quy tắc không dùng chuỗi ký tự: dấu nháy ““” ở vị trí 8 không hợp lệ.", 7),
        (
            "B03 >= 3,5",
            "Dấu phẩy “,” ở vị trí 9 chỉ dùng để ngăn cách các tham số của hàm; "
            "số thập phân viết bằng dấu chấm, ví dụ 3.5.",
            8,
        ),
        ("B03 >= ", "Thiếu toán hạng ở cuối quy tắc.", 7),
        ("* 3", "Thiếu toán hạng trước “*” ở vị trí 1.", 0),
        ("2 ** 3", "Thiếu toán hạng trước “*” ở vị trí 4.", 3),
        ("()", "Thiếu toán hạng trước “)” ở vị trí 2.", 1),
        ("min(1,)", "Thiếu toán hạng trước “)” ở vị trí 7.", 6),
        ("B03 B04", "Thiếu phép toán trước “B04” ở vị trí 5.", 4),
        ("2 (3)", "Thiếu phép toán trước “(” ở vị trí 3.", 2),
        ("1 + not C01", "Phép phủ định “not” ở vị trí 5 phải được đặt trong ngoặc, ví dụ 1 + (not C01).", 4),
        ("3B > 0", "Số không hợp lệ “3B” ở vị trí 1.", 0),
        ("1e5 > 0", "Số không hợp lệ “1e5” ở vị trí 1.", 0),
        ("1.2.3 > 0", "Số không hợp lệ “1.2.3” ở vị trí 1.", 0),
        ("3. > 0", "Số không hợp lệ “3.” ở vị trí 1.", 0),
        (
            "Đ01 > 0",
            "Tên chỉ tiêu không hợp lệ “Đ01” ở vị trí 1: chỉ dùng chữ cái không dấu, chữ số và dấu gạch dưới.",
            0,
        ),
        ("", "Quy tắc trống.", None),
        ("   ", "Quy tắc trống.", None),
    ],
)
def test_malformed_rules_get_a_vietnamese_message_and_a_position(source, message, position):
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.message == message
    assert caught.value.position == position
    assert str(caught.value) == message


def test_positions_in_messages_count_from_one_while_the_attribute_is_an_offset():
    with pytest.raises(ExpressionError) as caught:
        parse("$")
    assert caught.value.position == 0
    assert caught.value.message.endswith("ở vị trí 1.")


def test_expression_error_is_a_value_error_and_survives_pickling():
    error = ExpressionError("Phép chia cho 0 trong quy tắc.", 4)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 (our own bytes)
    assert (copy.message, copy.position) == (error.message, error.position)


# --------------------------------------------------------------------------- limits


def test_a_rule_of_the_maximum_length_is_accepted():
    source = "B01 >= 0" + " " * (MAX_LENGTH - len("B01 >= 0"))
    assert len(source) == MAX_LENGTH
    assert parse(source).names() == {"B01"}


def test_a_rule_longer_than_the_maximum_length_is_refused():
    with pytest.raises(ExpressionError) as caught:
        parse("B01 >= 0" + " " * (MAX_LENGTH + 1 - len("B01 >= 0")))
    assert caught.value.message == "Quy tắc quá dài (501 ký tự, tối đa 500 ký tự)."
    assert caught.value.position is None


def test_a_rule_of_the_maximum_number_of_tokens_is_accepted():
    source = "-" + "+".join(["1"] * (MAX_TOKENS // 2))  # a minus, 150 ones and 149 pluses
    assert value(source) == MAX_TOKENS // 2 - 2


def test_a_rule_with_too_many_tokens_is_refused_at_the_first_token_too_many():
    source = "+".join(["1"] * (MAX_TOKENS // 2 + 1))  # 151 ones and 150 pluses: 301 tokens
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert caught.value.message == "Quy tắc có quá nhiều thành phần (tối đa 300)."
    assert caught.value.position == MAX_TOKENS  # one character per token


@pytest.mark.parametrize(
    ("template", "opening"),
    [
        ("({})", "("),
        ("-{}", "-"),
        ("abs({})", "abs("),
        ("not {}", "not "),
    ],
)
def test_nesting_up_to_the_maximum_depth_is_accepted(template, opening):
    inner = "1 > 0" if opening == "not " else "1"
    source = inner
    for _ in range(MAX_DEPTH):
        source = template.format(source)
    parse(source)


@pytest.mark.parametrize(
    ("template", "opening", "token_offset"),
    [
        ("({})", "(", 0),
        ("-{}", "-", 0),
        ("abs({})", "abs(", 3),
        ("not {}", "not ", 0),
        ("!{}", "!", 0),
    ],
)
def test_nesting_deeper_than_the_maximum_is_refused_where_it_gets_too_deep(template, opening, token_offset):
    source = "1"
    for _ in range(MAX_DEPTH + 1):
        source = template.format(source)
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    offset = MAX_DEPTH * len(opening) + token_offset
    assert caught.value.message == f"Quy tắc lồng nhau quá sâu (tối đa 50 mức) ở vị trí {offset + 1}."
    assert caught.value.position == offset


def test_nesting_counts_mixed_parentheses_calls_and_signs():
    source = "1"
    for index in range(MAX_DEPTH + 1):
        source = ("({})", "-{}", "max({}, 0)")[index % 3].format(source)
    with pytest.raises(ExpressionError, match="lồng nhau quá sâu"):
        parse(source)


def test_a_long_sum_of_indicators_is_not_mistaken_for_deep_nesting():
    source = "+".join(f"A{index:02d}" for index in range(1, 100)) + ">0"
    rule = parse(source)
    assert rule.check(dict.fromkeys(rule.names(), 1)) == RuleResult(ok=True)


# --------------------------------------------------------------------------- the Expression object


def test_constructing_an_expression_parses_it():
    assert Expression("B03 >= B02") == parse("B03 >= B02")
    with pytest.raises(ExpressionError):
        Expression("B03 >=")


def test_expressions_are_equal_and_hashed_by_their_source():
    assert hash(parse("B03 >= B02")) == hash(parse("B03 >= B02"))
    assert parse("B03 >= B02") != parse("B03>=B02")
    assert repr(parse("B03 >= B02")) == "Expression(source='B03 >= B02')"


def test_a_parsed_expression_survives_pickling_for_caching():
    rule = parse("0 <= B05 <= 100 and round(B06 / 3, 1) != 2")
    copy = pickle.loads(pickle.dumps(rule))  # noqa: S301 (our own bytes)
    assert copy == rule
    assert copy.tree == rule.tree
    assert copy.check({"B05": 5, "B06": 1}) == RuleResult(ok=True)


def test_the_module_never_calls_eval_exec_or_compile_nor_imports_ast_or_django():
    source = Path(expressions.__file__).read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])(eval|exec|compile|__import__)\s*\(", source)
    assert not re.search(r"^\s*(import|from)\s+(ast|django)\b", source, re.MULTILINE)


# --------------------------------------------------------------------------- fuzzing

_FRAGMENTS = [
    "B03", "b02", "C01", "1", "0", "2.5", ".5", "3.", "(", ")", ",", "+", "-", "*", "/", "<", "<=", ">",
    ">=", "==", "=", "!=", "<>", "!", "&&", "||", "and", "or", "not", "và", "hoặc", "không", "abs(",
    "min(", "max(", "round(", "sum(", "open(", "__import__", ".", "'", '"', "lambda", ":", " ", "$", "_",
    "e5", "ư", "\u0301", "\x00", "≥",
]  # fmt: skip


@settings(max_examples=500, deadline=1000)
@given(st.one_of(st.text(max_size=80), st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join)))
def test_any_text_either_parses_or_raises_an_expression_error(text):
    try:
        rule = parse(text)
    except ExpressionError as error:
        assert error.message
        assert error.position is None or 0 <= error.position <= len(text)
        return
    values = dict.fromkeys(rule.names(), Decimal(2))
    try:
        result = rule.evaluate(values)
    except ExpressionError:
        return
    assert isinstance(result, bool | Decimal)


@settings(deadline=1000)
@given(st.integers(1, 40).flatmap(lambda size: st.lists(st.sampled_from(_FRAGMENTS), min_size=size)))
def test_long_garbage_never_escapes_as_another_exception(fragments):
    text = "".join(fragments * 30)[:MAX_LENGTH]
    with contextlib.suppress(ExpressionError):
        parse(text)


# --------------------------------------------------------------------------- property: exact arithmetic


@dataclass(frozen=True)
class Leaf:
    number: int


@dataclass(frozen=True)
class Minus:
    operand: Tree


@dataclass(frozen=True)
class Binary:
    op: str
    left: Tree
    right: Tree


Tree = Leaf | Minus | Binary


def render(tree: Tree) -> str:
    """Fully parenthesised text of ``tree``."""
    if isinstance(tree, Leaf):
        return str(tree.number)
    if isinstance(tree, Minus):
        return f"(-{render(tree.operand)})"
    return f"({render(tree.left)} {tree.op} {render(tree.right)})"


def reference(tree: Tree) -> Fraction:
    """The exact value of ``tree``; ZeroDivisionError on a zero divisor."""
    if isinstance(tree, Leaf):
        return Fraction(tree.number)
    if isinstance(tree, Minus):
        return -reference(tree.operand)
    left, right = reference(tree.left), reference(tree.right)
    return {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}[tree.op](
        left, right
    )


def depth(tree: Tree) -> int:
    """Nesting as the parser counts it: one per parenthesis and one per unary minus."""
    if isinstance(tree, Leaf):
        return 0
    if isinstance(tree, Minus):
        return depth(tree.operand) + 2
    return max(depth(tree.left), depth(tree.right)) + 1


def token_count(tree: Tree) -> int:
    if isinstance(tree, Leaf):
        return 1
    if isinstance(tree, Minus):
        return 3 + token_count(tree.operand)
    return 3 + token_count(tree.left) + token_count(tree.right)


@st.composite
def trees(draw: st.DrawFn, leaves: int | None = None) -> Tree:
    """A random arithmetic tree over 0..12 with ``leaves`` numbers (1 to 30 when not given)."""
    if leaves is None:
        leaves = draw(st.integers(1, 30))
    if draw(st.integers(0, 5)) == 0:
        return Minus(draw(trees(leaves)))
    if leaves == 1:
        return Leaf(draw(st.integers(0, 12)))
    left = draw(st.integers(1, leaves - 1))
    return Binary(draw(st.sampled_from("+-*/")), draw(trees(left)), draw(trees(leaves - left)))


def terminates(number: Fraction) -> bool:
    rest = number.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    return rest == 1


@settings(max_examples=300, deadline=1000)
@given(trees())
def test_arithmetic_agrees_with_an_exact_fraction_reference(tree):
    text = render(tree)
    assume(len(text) <= MAX_LENGTH and depth(tree) <= MAX_DEPTH and token_count(tree) <= MAX_TOKENS)
    rule = parse(text)
    try:
        expected = reference(tree)
    except ZeroDivisionError:
        with pytest.raises(ExpressionError) as caught:
            rule.evaluate({})
        assert caught.value.message == "Phép chia cho 0 trong quy tắc."
        return
    result = rule.evaluate({})
    assert isinstance(result, Decimal)
    if terminates(expected):
        assert Fraction(result) == expected
    else:
        with localcontext() as context:
            context.prec = 28
            assert result == Decimal(expected.numerator) / Decimal(expected.denominator)
    # Inside a rule the comparison is exact, whatever the Decimal rounding of the result.
    comparison = f"{text} == ({expected.numerator} / {expected.denominator})"
    if len(comparison) <= MAX_LENGTH and token_count(tree) + 6 <= MAX_TOKENS:
        assert parse(comparison).evaluate({}) is True
