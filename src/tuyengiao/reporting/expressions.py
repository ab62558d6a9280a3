"""Safe validation rules between report indicators.

Report templates carry rules written by specialists, for example ``B03 >= B02``,
``A01 + A02 == A03`` or ``0 <= B05 <= 100``. This module parses such a rule with its own
tokenizer and Pratt parser into a small tree of frozen dataclasses and evaluates that tree
directly: nothing is ever handed to ``eval``, ``exec``, ``compile`` or the ``ast`` module.

Grammar, from the loosest to the tightest binding::

    or         or  ||  hoặc                      (left associative)
    and        and  &&  và                       (left associative)
    not        not  !  không                     (prefix; ``!`` is a synonym of ``not``)
    compare    <  <=  >  >=  ==  =  !=  <>      (chains: ``a < b <= c`` is ``a < b and b <= c``)
    add        +  -                              (left associative)
    multiply   *  /                              (left associative)
    negate     -                                 (prefix)
    primary    number | indicator | function(arguments) | ( expression )

Numbers use ``.`` as the decimal point (``1.890`` is 1.89, never a thousands separator).
Indicator codes are ASCII letters, digits and underscores starting with a letter; they are
case-insensitive and normalised to upper case. The functions are ``abs``, ``min``, ``max``,
``round`` and ``sum``; any other name followed by ``(`` is refused.

Arithmetic is exact: numbers are rationals internally, so ``0.1 + 0.2 == 0.3`` and
``B01 / 3 * 3 == B01`` both hold, and results come back as :class:`decimal.Decimal`
(exactly when the decimal expansion terminates, otherwise rounded to 28 significant digits).
Yes/no indicators arrive as ``bool`` and count as 1 and 0 in arithmetic and comparisons;
``and``, ``or`` and ``not`` accept only booleans, so ``B03 and B04 > 0`` is reported instead
of silently meaning something else.

Every problem raises :class:`ExpressionError`, whose ``message`` is Vietnamese and shown to
the user as is. ``position`` is the 0-based character offset into the source, while the
messages speak to people and count from 1 ("ở vị trí 5" is ``position == 4``).
"""

from __future__ import annotations

import math
import operator
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal
from fractions import Fraction

__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_TOKENS",
    "Arithmetic",
    "Call",
    "Comparison",
    "Expression",
    "ExpressionError",
    "Logical",
    "Name",
    "Negate",
    "Node",
    "Not",
    "Number",
    "RuleResult",
    "parse",
]

MAX_LENGTH = 500
"""Longest accepted rule, in characters."""
MAX_DEPTH = 50
"""Deepest accepted nesting of parentheses, function calls, ``-`` and ``not``."""
MAX_TOKENS = 300
"""Largest accepted number of tokens (numbers, names, operators, parentheses, commas)."""

RESULT_PRECISION = 28
"""Significant digits of a returned Decimal whose exact value does not terminate."""
ROUND_DIGITS_LIMIT = 30
"""``round(x, digits)`` accepts ``-ROUND_DIGITS_LIMIT <= digits <= ROUND_DIGITS_LIMIT``."""
VALUE_EXPONENT_LIMIT = 100
"""Indicator values beyond 10**100, or with more than 100 decimals, are refused."""

_EXACT_CONTEXT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
_RESULT_CONTEXT = Context(prec=RESULT_PRECISION, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN)


class ExpressionError(ValueError):
    """A rule that cannot be parsed or evaluated.

    ``message`` is a Vietnamese sentence meant for the user; ``position`` is the 0-based
    character offset in the rule's source where the problem lies, or ``None`` when it
    concerns the rule as a whole (too long, missing values, wrong result type...).
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __reduce__(self) -> tuple[type[ExpressionError], tuple[str, int | None]]:
        return (type(self), (self.message, self.position))


# --------------------------------------------------------------------------- tree


@dataclass(frozen=True, slots=True)
class Number:
    """A numeric literal."""

    value: Decimal
    position: int


@dataclass(frozen=True, slots=True)
class Name:
    """A reference to an indicator, by its upper-case code."""

    name: str
    position: int


@dataclass(frozen=True, slots=True)
class Negate:
    """Unary minus."""

    operand: Node
    position: int


@dataclass(frozen=True, slots=True)
class Not:
    """Boolean negation (``not``, ``!``, ``không``)."""

    operand: Node
    position: int


@dataclass(frozen=True, slots=True)
class Arithmetic:
    """A binary ``+``, ``-``, ``*`` or ``/``; ``position`` is the operator's."""

    op: str
    left: Node
    right: Node
    position: int


@dataclass(frozen=True, slots=True)
class Logical:
    """A short-circuiting ``and`` or ``or``; ``position`` is the operator's."""

    op: str
    left: Node
    right: Node
    position: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """One comparison or a chain of them: ``operands[i] ops[i] operands[i + 1]`` for each i.

    ``ops`` holds canonical operators (``<``, ``<=``, ``>``, ``>=``, ``==``, ``!=``) and
    ``positions`` their offsets; ``position`` is the first operator's.
    """

    operands: tuple[Node, ...]
    ops: tuple[str, ...]
    positions: tuple[int, ...]

    @property
    def position(self) -> int:
        """Offset of the first comparison operator."""
        return self.positions[0]


@dataclass(frozen=True, slots=True)
class Call:
    """A call of a whitelisted function (lower-case name)."""

    function: str
    args: tuple[Node, ...]
    position: int


Node = Number | Name | Negate | Not | Arithmetic | Logical | Comparison | Call


# --------------------------------------------------------------------------- tokens

_NUMBER = "number"
_NAME = "name"
_OP = "op"
_CMP = "cmp"
_AND = "and"
_OR = "or"
_NOT = "not"
_LPAREN = "("
_RPAREN = ")"
_COMMA = ","
_END = "end"

# Longest first, so that "<=" wins over "<" and "&&" over a lone "&".
_SYMBOLS: tuple[tuple[str, str, str], ...] = (
    ("<=", _CMP, "<="),
    (">=", _CMP, ">="),
    ("==", _CMP, "=="),
    ("!=", _CMP, "!="),
    ("<>", _CMP, "!="),
    ("&&", _AND, "and"),
    ("||", _OR, "or"),
    ("<", _CMP, "<"),
    (">", _CMP, ">"),
    ("=", _CMP, "=="),
    ("!", _NOT, "not"),
    ("+", _OP, "+"),
    ("-", _OP, "-"),
    ("*", _OP, "*"),
    ("/", _OP, "/"),
    ("(", _LPAREN, "("),
    (")", _RPAREN, ")"),
    (",", _COMMA, ","),
)
_KEYWORDS: dict[str, tuple[str, str]] = {
    "and": (_AND, "and"),
    "và": (_AND, "and"),
    "or": (_OR, "or"),
    "hoặc": (_OR, "or"),
    "not": (_NOT, "not"),
    "không": (_NOT, "not"),
}
_DIGITS = frozenset("0123456789")
_QUOTES = frozenset("'\"`‘’“”")
# Characters pasted from Word or Excel that look like an operator we do accept.
_LOOKALIKES = {"≤": "<=", "≥": ">=", "≠": "<>", "−": "-", "–": "-", "×": "*", "÷": "/"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str  # canonical spelling: upper-case code, "and", "!=", a number's digits...
    raw: str  # as written in the source
    position: int


def _at(position: int) -> str:
    """Human wording of an offset: 1-based, as people count characters."""
    return f"ở vị trí {position + 1}"


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def _shown(char: str) -> str:
    return char if char.isprintable() else f"U+{ord(char):04X}"


def _tokenize(source: str) -> list[_Token]:
    """Split ``source`` into tokens, ending with an ``end`` token at ``len(source)``."""
    tokens: list[_Token] = []
    length = len(source)
    index = 0
    while index < length:
        char = source[index]
        if char.isspace():
            index += 1
            continue
        start = index
        if char in _DIGITS or (
            char == "."
            and index + 1 < length
            and source[index + 1] in _DIGITS
            and not (index > 0 and (_is_word_char(source[index - 1]) or source[index - 1] == ")"))
        ):
            index = _scan_number(source, start)
            text = source[start:index]
            tokens.append(_Token(_NUMBER, text, text, start))
        elif char.isalpha() or char == "_":
            while index < length and _is_word_char(source[index]):
                index += 1
            raw = source[start:index]
            keyword = _KEYWORDS.get(unicodedata.normalize("NFC", raw).lower())
            if keyword is not None:
                tokens.append(_Token(keyword[0], keyword[1], raw, start))
            elif char == "_":
                raise ExpressionError(
                    f"Tên chỉ tiêu không hợp lệ “{raw}” {_at(start)}: tên phải bắt đầu bằng chữ cái.", start
                )
            elif not raw.isascii():
                raise ExpressionError(
                    f"Tên chỉ tiêu không hợp lệ “{raw}” {_at(start)}: chỉ dùng chữ cái không dấu, chữ số và dấu gạch dưới.",
                    start,
                )
            else:
                tokens.append(_Token(_NAME, raw.upper(), raw, start))
        else:
            for raw, kind, text in _SYMBOLS:
                if source.startswith(raw, index):
                    tokens.append(_Token(kind, text, raw, start))
                    index += len(raw)
                    break
            else:
                raise _bad_character(char, start)
        if len(tokens) > MAX_TOKENS:
            raise ExpressionError(
                f"Quy tắc có quá nhiều thành phần (tối đa {MAX_TOKENS}).", tokens[MAX_TOKENS].position
            )
    tokens.append(_Token(_END, "", "", length))
    return tokens


def _scan_number(source: str, start: int) -> int:
    """Return the end of the number starting at ``start``; refuse ``3.``, ``1.2.3``, ``3B``, ``1e5``."""
    length = len(source)
    index = start
    while index < length and source[index] in _DIGITS:
        index += 1
    if index + 1 < length and source[index] == "." and source[index + 1] in _DIGITS:
        index += 1
        while index < length and source[index] in _DIGITS:
            index += 1
    if index < length and (_is_word_char(source[index]) or source[index] == "."):
        end = index
        while end < length and (_is_word_char(source[end]) or source[end] == "."):
            end += 1
        raise ExpressionError(f"Số không hợp lệ “{source[start:end]}” {_at(start)}.", start)
    return index


def _bad_character(char: str, position: int) -> ExpressionError:
    if char in _QUOTES:
        return ExpressionError(
            f"Quy tắc không dùng chuỗi ký tự: dấu nháy “{char}” {_at(position)} không hợp lệ.", position
        )
    if char == ".":
        return ExpressionError(
            f"Dấu chấm “.” {_at(position)} chỉ dùng làm dấu thập phân của số, ví dụ 3.5.", position
        )
    if char in _LOOKALIKES:
        return ExpressionError(
            f"Ký tự không hợp lệ “{char}” {_at(position)}; hãy viết “{_LOOKALIKES[char]}”.", position
        )
    return ExpressionError(f"Ký tự không hợp lệ “{_shown(char)}” {_at(position)}.", position)


# --------------------------------------------------------------------------- parser

# Binding powers of the Pratt parser: an infix operator continues the current expression
# only while its power is above the caller's minimum.
_OR_POWER = 10
_AND_POWER = 20
_NOT_OPERAND_POWER = 25  # "not" takes a comparison, not an "and"/"or"
_COMPARE_POWER = 30
_ADD_POWER = 40
_MULTIPLY_POWER = 50
_NEGATE_OPERAND_POWER = 60  # "-" binds tighter than "*": -2 * 3 is (-2) * 3

# name -> (fewest arguments, most arguments or None, Vietnamese requirement)
_FUNCTIONS: dict[str, tuple[int, int | None, str]] = {
    "abs": (1, 1, "đúng 1 tham số"),
    "round": (1, 2, "1 hoặc 2 tham số"),
    "min": (1, None, "ít nhất 1 tham số"),
    "max": (1, None, "ít nhất 1 tham số"),
    "sum": (1, None, "ít nhất 1 tham số"),
}


def _infix_power(token: _Token) -> int:
    if token.kind == _OR:
        return _OR_POWER
    if token.kind == _AND:
        return _AND_POWER
    if token.kind == _CMP:
        return _COMPARE_POWER
    if token.kind == _OP:
        return _ADD_POWER if token.text in "+-" else _MULTIPLY_POWER
    return 0


class _Parser:
    """Pratt parser over the token list; records the first offset of every indicator code."""

    def __init__(self, source: str, tokens: list[_Token]) -> None:
        self.source = source
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.names: dict[str, int] = {}

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        if token.kind != _END:
            self.index += 1
        return token

    def parse(self) -> Node:
        node = self.expression(0)
        if self.current.kind != _END:
            raise self.unexpected(self.current)
        return node

    def expression(self, minimum: int) -> Node:
        left = self.prefix(minimum)
        while True:
            token = self.current
            power = _infix_power(token)
            if power <= minimum:
                return left
            self.advance()
            if token.kind == _CMP:
                left = self.comparison(left, token)
            elif token.kind == _OP:
                left = Arithmetic(token.text, left, self.expression(power), token.position)
            else:
                left = Logical(token.text, left, self.expression(power), token.position)

    def comparison(self, first: Node, token: _Token) -> Comparison:
        operands = [first]
        ops: list[str] = []
        positions: list[int] = []
        while True:
            ops.append(token.text)
            positions.append(token.position)
            operands.append(self.expression(_COMPARE_POWER))
            if self.current.kind != _CMP:
                return Comparison(tuple(operands), tuple(ops), tuple(positions))
            token = self.advance()

    def prefix(self, minimum: int) -> Node:
        token = self.current
        if token.kind == _NUMBER:
            self.advance()
            return Number(Decimal(token.text), token.position)
        if token.kind == _NAME:
            self.advance()
            if self.current.kind == _LPAREN:
                return self.call(token)
            self.names.setdefault(token.text, token.position)
            return Name(token.text, token.position)
        if token.kind == _LPAREN:
            self.advance()
            self.enter(token)
            inner = self.expression(0)
            self.close_group(token)
            self.depth -= 1
            return inner
        if token.kind == _OP and token.text == "-":
            self.advance()
            self.enter(token)
            operand = self.expression(_NEGATE_OPERAND_POWER)
            self.depth -= 1
            return Negate(operand, token.position)
        if token.kind == _NOT:
            if minimum >= _COMPARE_POWER:
                raise ExpressionError(
                    f"Phép phủ định “{token.raw}” {_at(token.position)} phải được đặt trong ngoặc, ví dụ 1 + (not C01).",
                    token.position,
                )
            self.advance()
            self.enter(token)
            operand = self.expression(_NOT_OPERAND_POWER)
            self.depth -= 1
            return Not(operand, token.position)
        raise self.missing_operand(token)

    def call(self, name: _Token) -> Call:
        function = name.text.lower()
        spec = _FUNCTIONS.get(function)
        if spec is None:
            raise ExpressionError(f"Hàm “{name.raw}” không được phép.", name.position)
        opening = self.advance()
        self.enter(opening)
        args: list[Node] = []
        if self.current.kind == _RPAREN:
            self.advance()
        else:
            while True:
                args.append(self.expression(0))
                token = self.current
                if token.kind == _COMMA:
                    self.advance()
                elif token.kind == _RPAREN:
                    self.advance()
                    break
                elif token.kind == _END:
                    raise self.unclosed(opening)
                else:
                    raise self.unexpected(token)
        self.depth -= 1
        fewest, most, wording = spec
        if len(args) < fewest or (most is not None and len(args) > most):
            raise ExpressionError(
                f"Hàm “{function}” cần {wording}, nhận được {len(args)}.",
                name.position,
            )
        return Call(function, tuple(args), name.position)

    def enter(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(
                f"Quy tắc lồng nhau quá sâu (tối đa {MAX_DEPTH} mức) {_at(token.position)}.", token.position
            )

    def close_group(self, opening: _Token) -> None:
        token = self.current
        if token.kind == _RPAREN:
            self.advance()
        elif token.kind == _END:
            raise self.unclosed(opening)
        else:
            raise self.unexpected(token)

    def unclosed(self, opening: _Token) -> ExpressionError:
        return ExpressionError(
            f"Thiếu dấu đóng ngoặc cho dấu mở ngoặc {_at(opening.position)}.", opening.position
        )

    def unexpected(self, token: _Token) -> ExpressionError:
        """A token where an operator, a closing parenthesis or the end was expected."""
        if token.kind == _RPAREN:
            return ExpressionError(f"Thừa dấu đóng ngoặc {_at(token.position)}.", token.position)
        if token.kind == _COMMA:
            return ExpressionError(
                f"Dấu phẩy “,” {_at(token.position)} chỉ dùng để ngăn cách các tham số của hàm; "
                "số thập phân viết bằng dấu chấm, ví dụ 3.5.",
                token.position,
            )
        return ExpressionError(f"Thiếu phép toán trước “{token.raw}” {_at(token.position)}.", token.position)

    def missing_operand(self, token: _Token) -> ExpressionError:
        """A token where a number, an indicator, a function call or ``(`` was expected."""
        if token.kind == _END:
            return ExpressionError("Thiếu toán hạng ở cuối quy tắc.", token.position)
        return ExpressionError(f"Thiếu toán hạng trước “{token.raw}” {_at(token.position)}.", token.position)


def _parse_tree(source: str) -> tuple[Node, dict[str, int]]:
    if not isinstance(source, str):
        raise TypeError(f"A rule is a str, not {type(source).__name__}.")
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"Quy tắc quá dài ({len(source)} ký tự, tối đa {MAX_LENGTH} ký tự).")
    if not source.strip():
        raise ExpressionError("Quy tắc trống.")
    parser = _Parser(source, _tokenize(source))
    tree = parser.parse()
    return tree, parser.names


# --------------------------------------------------------------------------- evaluation

_Value = Fraction | bool

_COMPARISONS: dict[str, Callable[[Fraction, Fraction], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def _number(value: _Value) -> Fraction:
    """Booleans count as 1 and 0 in arithmetic and comparisons."""
    if isinstance(value, bool):
        return Fraction(int(value))
    return value


def _condition(value: _Value, position: int) -> bool:
    if isinstance(value, bool):
        return value
    raise ExpressionError(
        f"Phép logic {_at(position)} cần điều kiện (phép so sánh như B03 > 0, hoặc chỉ tiêu có/không), không phải số.",
        position,
    )


def _round_half_away(value: Fraction, digits: Fraction, position: int) -> Fraction:
    """Round as Excel and Vietnamese statistics do: ties go away from zero."""
    if digits.denominator != 1 or abs(digits) > ROUND_DIGITS_LIMIT:
        raise ExpressionError(
            f"Số chữ số làm tròn của hàm “round” phải là số nguyên từ {-ROUND_DIGITS_LIMIT} đến {ROUND_DIGITS_LIMIT}.",
            position,
        )
    scale = Fraction(10) ** int(digits)
    scaled = value * scale
    magnitude = math.floor(abs(scaled) + Fraction(1, 2))
    return Fraction(magnitude if scaled >= 0 else -magnitude) / scale


def _call(node: Call, args: list[Fraction]) -> Fraction:
    if node.function == "abs":
        return abs(args[0])
    if node.function == "min":
        return min(args)
    if node.function == "max":
        return max(args)
    if node.function == "sum":
        return sum(args, Fraction(0))
    # round
    return _round_half_away(args[0], args[1] if len(args) > 1 else Fraction(0), node.position)


def _evaluate_node(node: Node, env: Mapping[str, _Value]) -> _Value:
    """Evaluate ``node`` with every indicator already bound in ``env``."""
    if isinstance(node, Number):
        return Fraction(node.value)
    if isinstance(node, Name):
        return env[node.name]
    if isinstance(node, Arithmetic):
        left = _number(_evaluate_node(node.left, env))
        right = _number(_evaluate_node(node.right, env))
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        if right == 0:
            raise ExpressionError("Phép chia cho 0 trong quy tắc.", node.position)
        return left / right
    if isinstance(node, Comparison):
        left = _number(_evaluate_node(node.operands[0], env))
        for op, operand in zip(node.ops, node.operands[1:], strict=True):
            right = _number(_evaluate_node(operand, env))
            if not _COMPARISONS[op](left, right):
                return False
            left = right
        return True
    if isinstance(node, Logical):
        first = _condition(_evaluate_node(node.left, env), node.position)
        if node.op == "and" and not first:
            return False
        if node.op == "or" and first:
            return True
        return _condition(_evaluate_node(node.right, env), node.position)
    if isinstance(node, Not):
        return not _condition(_evaluate_node(node.operand, env), node.position)
    if isinstance(node, Negate):
        return -_number(_evaluate_node(node.operand, env))
    return _call(node, [_number(_evaluate_node(arg, env)) for arg in node.args])


def _is_numeric(node: Node) -> bool:
    """Whether ``node`` yields a number whatever the values (a Name may be a yes/no indicator)."""
    return isinstance(node, Number | Negate | Arithmetic | Call)


def _to_decimal(value: Fraction) -> Decimal:
    """Exact when the decimal expansion terminates, else rounded to RESULT_PRECISION digits."""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return Decimal(numerator)
    rest, twos, fives = denominator, 0, 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest == 1:
        places = max(twos, fives)
        return Decimal(numerator * (10**places // denominator)).scaleb(-places, _EXACT_CONTEXT)
    return _RESULT_CONTEXT.divide(Decimal(numerator), Decimal(denominator))


def _coerce(name: str, raw: object) -> _Value:
    """Turn an indicator value into a bool or an exact rational."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ExpressionError(f"Giá trị của chỉ tiêu {name} không hợp lệ.")
        raw = Decimal(repr(raw))  # 0.1 means 0.1, not its binary approximation
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ExpressionError(f"Giá trị của chỉ tiêu {name} không hợp lệ.")
        exponent = raw.as_tuple().exponent
        assert isinstance(exponent, int)  # finite
        if not raw.is_zero() and (raw.adjusted() > VALUE_EXPONENT_LIMIT or exponent < -VALUE_EXPONENT_LIMIT):
            raise ExpressionError(f"Giá trị của chỉ tiêu {name} nằm ngoài phạm vi cho phép.")
        return Fraction(raw)
    raise ExpressionError(f"Giá trị của chỉ tiêu {name} không phải là số.")


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True)
class RuleResult:
    """Outcome of :meth:`Expression.check`.

    ``ok`` is ``None`` when some referenced indicator has no value yet (the rule does not
    apply yet); ``missing`` then names those indicators and is empty otherwise.
    """

    ok: bool | None
    missing: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Expression:
    """A parsed rule. Equal (and hashed) by source; constructing one parses it.

    ``Expression("B03 >= B02")`` and ``parse("B03 >= B02")`` are the same; both raise
    :class:`ExpressionError` for a malformed rule. ``tree`` is the parsed :data:`Node`.
    """

    source: str
    tree: Node = field(init=False, repr=False, compare=False)
    _positions: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        tree, positions = _parse_tree(self.source)
        object.__setattr__(self, "tree", tree)
        object.__setattr__(self, "_positions", positions)

    def names(self) -> frozenset[str]:
        """The upper-case indicator codes the rule references (function names excluded)."""
        return frozenset(self._positions)

    def evaluate(self, values: Mapping[str, Decimal | int | float | bool | None]) -> bool | Decimal:
        """Evaluate the rule; a comparison or logical rule gives a bool, arithmetic a Decimal.

        ``values`` maps indicator codes (any case; an exact upper-case key wins) to numbers
        or booleans. Every referenced indicator must have a value that is not ``None``.
        """
        env, missing = self._bind(values)
        if missing:
            names = sorted(missing)
            if len(names) == 1:
                message = f"Thiếu giá trị của chỉ tiêu {names[0]}."
            else:
                message = f"Thiếu giá trị của các chỉ tiêu {', '.join(names)}."
            raise ExpressionError(message, min(self._positions[name] for name in names))
        result = _evaluate_node(self.tree, env)
        return result if isinstance(result, bool) else _to_decimal(result)

    def check(self, values: Mapping[str, Decimal | int | float | bool | None]) -> RuleResult:
        """Check the rule: ``ok`` is its truth, or ``None`` with ``missing`` when values are lacking.

        The rule must yield a boolean; an arithmetic rule raises :class:`ExpressionError`
        (right away when that is visible from the rule alone, even with values missing).
        """
        if _is_numeric(self.tree):
            raise _not_a_condition()
        env, missing = self._bind(values)
        if missing:
            return RuleResult(ok=None, missing=frozenset(missing))
        result = _evaluate_node(self.tree, env)
        if not isinstance(result, bool):
            raise _not_a_condition()
        return RuleResult(ok=result)

    def _bind(
        self, values: Mapping[str, Decimal | int | float | bool | None]
    ) -> tuple[dict[str, _Value], set[str]]:
        env: dict[str, _Value] = {}
        missing: set[str] = set()
        by_upper: dict[str, object] | None = None
        for name in self._positions:
            if name in values:
                raw: object = values[name]
            else:
                if by_upper is None:
                    by_upper = {}
                    for key, value in values.items():
                        by_upper.setdefault(str(key).upper(), value)
                raw = by_upper.get(name)
            if raw is None:
                missing.add(name)
            else:
                env[name] = _coerce(name, raw)
        return env, missing


def _not_a_condition() -> ExpressionError:
    return ExpressionError("Quy tắc phải là một phép so sánh, ví dụ B03 >= B02.")


def parse(source: str) -> Expression:
    """Parse a rule, raising :class:`ExpressionError` with a Vietnamese message if it is malformed."""
    return Expression(source)
