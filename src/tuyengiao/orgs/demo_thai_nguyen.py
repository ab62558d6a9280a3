"""Deterministic demo data: Thái Nguyên province before and after the 1 July 2025 reorganisation.

On 1 July 2025 Vietnam abolished the district level and merged provinces. Bắc Kạn province was merged
into Thái Nguyên, and the old commune-level units (xã, phường, thị trấn) of both provinces were merged
into about 92 new communes and wards directly under the new Thái Nguyên province.

The names follow the real pre-2025 administrative lists and the 2025 commune-merger resolution for
Thái Nguyên (Nghị quyết 1683/NQ-UBTVQH15) as far as recalled, and may contain inaccuracies: some
groupings are approximations that merge neighbouring old units of the same district. This is demo
data only and must not be used as an authoritative administrative reference.

``DISTRICTS_BEFORE_2025``: ``(province, district_name, communes)`` tuples.
``NEW_COMMUNES_2025``: ``(new_name, sources)`` tuples, where ``sources`` is a list of
``(district_name, old_commune_name)`` pairs naming the old units merged into the new one.
"""

# The lists below are laid out by hand, several names per line.
# fmt: off
DISTRICTS_BEFORE_2025: list[tuple[str, str, list[str]]] = [
    # ------------------------------------------------------------------ Thái Nguyên
    (
        "Thái Nguyên",
        "Thành phố Thái Nguyên",
        [
            "Phường Cam Giá", "Phường Chùa Hang", "Phường Đồng Bẩm", "Phường Đồng Quang",
            "Phường Gia Sàng", "Phường Hoàng Văn Thụ", "Phường Hương Sơn", "Phường Phan Đình Phùng",
            "Phường Phú Xá", "Phường Quan Triều", "Phường Quang Trung", "Phường Quang Vinh",
            "Phường Tân Lập", "Phường Tân Long", "Phường Tân Thành", "Phường Tân Thịnh",
            "Phường Thịnh Đán", "Phường Tích Lương", "Phường Trung Thành", "Phường Trưng Vương",
            "Phường Túc Duyên",
            "Xã Cao Ngạn", "Xã Đồng Liên", "Xã Huống Thượng", "Xã Linh Sơn", "Xã Phúc Hà",
            "Xã Phúc Trìu", "Xã Phúc Xuân", "Xã Quyết Thắng", "Xã Sơn Cẩm", "Xã Tân Cương",
            "Xã Thịnh Đức",
        ],
    ),
    (
        "Thái Nguyên",
        "Thành phố Sông Công",
        [
            "Phường Bách Quang", "Phường Cải Đan", "Phường Châu Sơn", "Phường Lương Sơn",
            "Phường Mỏ Chè", "Phường Phố Cò", "Phường Thắng Lợi",
            "Xã Bá Xuyên", "Xã Bình Sơn", "Xã Tân Quang", "Xã Vinh Sơn",
        ],
    ),
    (
        "Thái Nguyên",
        "Thành phố Phổ Yên",
        [
            "Phường Ba Hàng", "Phường Bãi Bông", "Phường Bắc Sơn", "Phường Đắc Sơn", "Phường Đông Cao",
            "Phường Đồng Tiến", "Phường Hồng Tiến", "Phường Nam Tiến", "Phường Tân Hương",
            "Phường Tân Phú", "Phường Thuận Thành", "Phường Tiên Phong", "Phường Trung Thành",
            "Xã Minh Đức", "Xã Phúc Tân", "Xã Phúc Thuận", "Xã Thành Công", "Xã Vạn Phái",
        ],
    ),
    (
        "Thái Nguyên",
        "Huyện Định Hóa",
        [
            "Thị trấn Chợ Chu",
            "Xã Bảo Cường", "Xã Bảo Linh", "Xã Bình Thành", "Xã Bình Yên", "Xã Bộc Nhiêu",
            "Xã Điềm Mặc", "Xã Định Biên", "Xã Đồng Thịnh", "Xã Kim Phượng", "Xã Lam Vỹ",
            "Xã Linh Thông", "Xã Phú Đình", "Xã Phú Tiến", "Xã Phúc Chu", "Xã Phượng Tiến",
            "Xã Quy Kỳ", "Xã Sơn Phú", "Xã Tân Dương", "Xã Tân Thịnh", "Xã Thanh Định",
            "Xã Trung Hội", "Xã Trung Lương",
        ],
    ),
    (
        "Thái Nguyên",
        "Huyện Đại Từ",
        [
            "Thị trấn Hùng Sơn", "Thị trấn Quân Chu",
            "Xã An Khánh", "Xã Bản Ngoại", "Xã Bình Thuận", "Xã Cát Nê", "Xã Cù Vân",
            "Xã Đức Lương", "Xã Hà Thượng", "Xã Hoàng Nông", "Xã Khôi Kỳ", "Xã Ký Phú",
            "Xã La Bằng", "Xã Lục Ba", "Xã Minh Tiến", "Xã Mỹ Yên", "Xã Na Mao", "Xã Phú Cường",
            "Xã Phú Lạc", "Xã Phú Thịnh", "Xã Phú Xuyên", "Xã Phục Linh", "Xã Phúc Lương",
            "Xã Tân Linh", "Xã Tân Thái", "Xã Văn Yên", "Xã Vạn Thọ", "Xã Yên Lãng",
        ],
    ),
    (
        "Thái Nguyên",
        "Huyện Phú Lương",
        [
            "Thị trấn Đu", "Thị trấn Giang Tiên",
            "Xã Cổ Lũng", "Xã Động Đạt", "Xã Hợp Thành", "Xã Ôn Lương", "Xã Phấn Mễ", "Xã Phú Đô",
            "Xã Phủ Lý", "Xã Tức Tranh", "Xã Vô Tranh", "Xã Yên Đổ", "Xã Yên Lạc", "Xã Yên Ninh",
            "Xã Yên Trạch",
        ],
    ),
    (
        "Thái Nguyên",
        "Huyện Đồng Hỷ",
        [
            "Thị trấn Sông Cầu", "Thị trấn Trại Cau",
            "Xã Cây Thị", "Xã Hòa Bình", "Xã Hóa Thượng", "Xã Hóa Trung", "Xã Hợp Tiến", "Xã Khe Mo",
            "Xã Minh Lập", "Xã Nam Hòa", "Xã Quang Sơn", "Xã Tân Long", "Xã Tân Lợi", "Xã Văn Hán",
            "Xã Văn Lăng",
        ],
    ),
    (
        "Thái Nguyên",
        "Huyện Võ Nhai",
        [
            "Thị trấn Đình Cả",
            "Xã Bình Long", "Xã Cúc Đường", "Xã Dân Tiến", "Xã La Hiên", "Xã Lâu Thượng",
            "Xã Liên Minh", "Xã Nghinh Tường", "Xã Phú Thượng", "Xã Phương Giao", "Xã Sảng Mộc",
            "Xã Thần Sa", "Xã Thượng Nung", "Xã Tràng Xá", "Xã Vũ Chấn",
        ],
    ),
    (
        "Thái Nguyên",
        "Huyện Phú Bình",
        [
            "Thị trấn Hương Sơn",
            "Xã Bàn Đạt", "Xã Bảo Lý", "Xã Đào Xá", "Xã Điềm Thụy", "Xã Dương Thành", "Xã Hà Châu",
            "Xã Kha Sơn", "Xã Lương Phú", "Xã Nga My", "Xã Nhã Lộng", "Xã Tân Đức", "Xã Tân Hòa",
            "Xã Tân Khánh", "Xã Tân Kim", "Xã Tân Thành", "Xã Thanh Ninh", "Xã Thượng Đình",
            "Xã Úc Kỳ", "Xã Xuân Phương",
        ],
    ),
    # ------------------------------------------------------------------ Bắc Kạn
    (
        "Bắc Kạn",
        "Thành phố Bắc Kạn",
        [
            "Phường Đức Xuân", "Phường Huyền Tụng", "Phường Nguyễn Thị Minh Khai",
            "Phường Phùng Chí Kiên", "Phường Sông Cầu", "Phường Xuất Hóa",
            "Xã Dương Quang", "Xã Nông Thượng",
        ],
    ),
    (
        "Bắc Kạn",
        "Huyện Ba Bể",
        [
            "Thị trấn Chợ Rã",
            "Xã Bành Trạch", "Xã Cao Thượng", "Xã Chu Hương", "Xã Địa Linh", "Xã Đồng Phúc",
            "Xã Hà Hiệu", "Xã Hoàng Trĩ", "Xã Khang Ninh", "Xã Mỹ Phương", "Xã Nam Mẫu",
            "Xã Phúc Lộc", "Xã Quảng Khê", "Xã Thượng Giáo", "Xã Yến Dương",
        ],
    ),
    (
        "Bắc Kạn",
        "Huyện Bạch Thông",
        [
            "Thị trấn Phủ Thông",
            "Xã Cao Sơn", "Xã Cẩm Giàng", "Xã Đôn Phong", "Xã Dương Phong", "Xã Lục Bình",
            "Xã Mỹ Thanh", "Xã Nguyên Phúc", "Xã Quân Hà", "Xã Quang Thuận", "Xã Sỹ Bình",
            "Xã Tân Tú", "Xã Vi Hương", "Xã Vũ Muộn",
        ],
    ),
    (
        "Bắc Kạn",
        "Huyện Chợ Đồn",
        [
            "Thị trấn Bằng Lũng",
            "Xã Bản Thi", "Xã Bằng Lãng", "Xã Bằng Phúc", "Xã Bình Trung", "Xã Đại Sảo",
            "Xã Đồng Thắng", "Xã Đông Viên", "Xã Lương Bằng", "Xã Nam Cường", "Xã Nghĩa Tá",
            "Xã Ngọc Phái", "Xã Phương Viên", "Xã Quảng Bạch", "Xã Tân Lập", "Xã Xuân Lạc",
            "Xã Yên Mỹ", "Xã Yên Phong", "Xã Yên Thịnh", "Xã Yên Thượng",
        ],
    ),
    (
        "Bắc Kạn",
        "Huyện Chợ Mới",
        [
            "Thị trấn Đồng Tâm",
            "Xã Bình Văn", "Xã Cao Kỳ", "Xã Hòa Mục", "Xã Mai Lạp", "Xã Như Cố", "Xã Nông Hạ",
            "Xã Quảng Chu", "Xã Tân Sơn", "Xã Thanh Mai", "Xã Thanh Thịnh", "Xã Thanh Vận",
            "Xã Yên Cư", "Xã Yên Hân",
        ],
    ),
    (
        "Bắc Kạn",
        "Huyện Na Rì",
        [
            "Thị trấn Yến Lạc",
            "Xã Côn Minh", "Xã Cư Lễ", "Xã Cường Lợi", "Xã Dương Sơn", "Xã Đổng Xá", "Xã Kim Hỷ",
            "Xã Kim Lư", "Xã Lạng San", "Xã Liêm Thủy", "Xã Lương Thượng", "Xã Quang Phong",
            "Xã Sơn Thành", "Xã Trần Phú", "Xã Văn Lang", "Xã Văn Minh", "Xã Văn Vũ",
            "Xã Xuân Dương",
        ],
    ),
    (
        "Bắc Kạn",
        "Huyện Ngân Sơn",
        [
            "Thị trấn Nà Phặc", "Thị trấn Vân Tùng",
            "Xã Bằng Vân", "Xã Cốc Đán", "Xã Đức Vân", "Xã Hiệp Lực", "Xã Thuần Mang",
            "Xã Thượng Ân", "Xã Thượng Quan", "Xã Trung Hòa",
        ],
    ),
    (
        "Bắc Kạn",
        "Huyện Pác Nặm",
        [
            "Xã An Thắng", "Xã Bằng Thành", "Xã Bộc Bố", "Xã Cao Tân", "Xã Cổ Linh", "Xã Công Bằng",
            "Xã Giáo Hiệu", "Xã Nghiên Loan", "Xã Nhạn Môn", "Xã Xuân La",
        ],
    ),
]
# fmt: on

_TP_TN = "Thành phố Thái Nguyên"
_TP_SC = "Thành phố Sông Công"
_TP_PY = "Thành phố Phổ Yên"
_DH = "Huyện Định Hóa"
_DT = "Huyện Đại Từ"
_PL = "Huyện Phú Lương"
_DHY = "Huyện Đồng Hỷ"
_VN = "Huyện Võ Nhai"
_PB = "Huyện Phú Bình"
_TP_BK = "Thành phố Bắc Kạn"
_BB = "Huyện Ba Bể"
_BT = "Huyện Bạch Thông"
_CD = "Huyện Chợ Đồn"
_CM = "Huyện Chợ Mới"
_NR = "Huyện Na Rì"
_NS = "Huyện Ngân Sơn"
_PN = "Huyện Pác Nặm"


def _src(district: str, *communes: str) -> list[tuple[str, str]]:
    return [(district, commune) for commune in communes]


# fmt: off
NEW_COMMUNES_2025: list[tuple[str, list[tuple[str, str]]]] = [
    # --- former Thành phố Thái Nguyên
    ("Phường Phan Đình Phùng", _src(
        _TP_TN, "Phường Phan Đình Phùng", "Phường Trưng Vương", "Phường Hoàng Văn Thụ",
        "Phường Đồng Quang", "Phường Quang Trung", "Phường Tân Thịnh",
    )),
    ("Phường Linh Sơn", _src(_TP_TN, "Xã Linh Sơn", "Phường Chùa Hang", "Phường Đồng Bẩm", "Xã Huống Thượng")),
    ("Phường Tích Lương", _src(
        _TP_TN, "Phường Tích Lương", "Phường Trung Thành", "Phường Tân Thành", "Phường Tân Lập",
    )),
    ("Phường Gia Sàng", _src(
        _TP_TN, "Phường Gia Sàng", "Phường Túc Duyên", "Phường Cam Giá", "Phường Hương Sơn",
        "Phường Phú Xá", "Xã Đồng Liên",
    )),
    ("Phường Quyết Thắng", _src(_TP_TN, "Xã Quyết Thắng", "Phường Thịnh Đán", "Xã Phúc Xuân")),
    ("Phường Quan Triều", _src(
        _TP_TN, "Phường Quan Triều", "Phường Quang Vinh", "Phường Tân Long", "Xã Phúc Hà",
        "Xã Cao Ngạn", "Xã Sơn Cẩm",
    )),
    ("Xã Tân Cương", _src(_TP_TN, "Xã Tân Cương", "Xã Thịnh Đức", "Xã Phúc Trìu")),
    # --- former Thành phố Sông Công
    ("Phường Sông Công", _src(_TP_SC, "Phường Mỏ Chè", "Phường Phố Cò", "Phường Thắng Lợi", "Phường Cải Đan")),
    ("Phường Bá Xuyên", _src(_TP_SC, "Xã Bá Xuyên", "Phường Châu Sơn", "Xã Bình Sơn")),
    ("Phường Bách Quang", _src(
        _TP_SC, "Phường Bách Quang", "Phường Lương Sơn", "Xã Tân Quang", "Xã Vinh Sơn",
    )),
    # --- former Thành phố Phổ Yên
    ("Phường Phổ Yên", _src(
        _TP_PY, "Phường Ba Hàng", "Phường Đồng Tiến", "Phường Hồng Tiến", "Phường Tân Hương",
    )),
    ("Phường Vạn Xuân", _src(_TP_PY, "Phường Bãi Bông", "Phường Bắc Sơn", "Phường Đắc Sơn", "Xã Vạn Phái")),
    ("Phường Trung Thành", _src(
        _TP_PY, "Phường Trung Thành", "Phường Tân Phú", "Phường Đông Cao", "Phường Thuận Thành",
        "Phường Nam Tiến", "Phường Tiên Phong",
    )),
    ("Phường Phúc Thuận", _src(_TP_PY, "Xã Phúc Thuận", "Xã Minh Đức")),
    ("Xã Thành Công", _src(_TP_PY, "Xã Thành Công", "Xã Phúc Tân")),
    # --- former Huyện Định Hóa
    ("Xã Định Hóa", _src(_DH, "Thị trấn Chợ Chu", "Xã Phúc Chu", "Xã Đồng Thịnh", "Xã Bảo Cường")),
    ("Xã Bình Yên", _src(_DH, "Xã Bình Yên", "Xã Sơn Phú", "Xã Thanh Định")),
    ("Xã Trung Hội", _src(_DH, "Xã Trung Hội", "Xã Định Biên")),
    ("Xã Phượng Tiến", _src(_DH, "Xã Phượng Tiến", "Xã Tân Dương", "Xã Trung Lương")),
    ("Xã Phú Đình", _src(_DH, "Xã Phú Đình", "Xã Điềm Mặc")),
    ("Xã Bình Thành", _src(_DH, "Xã Bình Thành", "Xã Bộc Nhiêu", "Xã Phú Tiến")),
    ("Xã Kim Phượng", _src(_DH, "Xã Kim Phượng", "Xã Quy Kỳ", "Xã Tân Thịnh")),
    ("Xã Lam Vỹ", _src(_DH, "Xã Lam Vỹ", "Xã Linh Thông", "Xã Bảo Linh")),
    # --- former Huyện Đại Từ
    ("Xã Đại Từ", _src(_DT, "Thị trấn Hùng Sơn", "Xã Bình Thuận", "Xã Khôi Kỳ", "Xã Lục Ba")),
    ("Xã Đức Lương", _src(_DT, "Xã Đức Lương", "Xã Minh Tiến", "Xã Phúc Lương")),
    ("Xã Phú Thịnh", _src(_DT, "Xã Phú Thịnh", "Xã Bản Ngoại", "Xã Phú Cường")),
    ("Xã La Bằng", _src(_DT, "Xã La Bằng", "Xã Hoàng Nông", "Xã Mỹ Yên")),
    ("Xã Phú Lạc", _src(_DT, "Xã Phú Lạc", "Xã Phục Linh", "Xã Tân Linh")),
    ("Xã An Khánh", _src(_DT, "Xã An Khánh", "Xã Cù Vân", "Xã Hà Thượng", "Xã Tân Thái")),
    ("Xã Quân Chu", _src(_DT, "Thị trấn Quân Chu", "Xã Cát Nê")),
    ("Xã Vạn Phú", _src(_DT, "Xã Vạn Thọ", "Xã Ký Phú", "Xã Văn Yên")),
    ("Xã Phú Xuyên", _src(_DT, "Xã Phú Xuyên", "Xã Yên Lãng", "Xã Na Mao")),
    # --- former Huyện Phú Lương
    ("Xã Phú Lương", _src(_PL, "Thị trấn Đu", "Xã Động Đạt", "Xã Yên Lạc")),
    ("Xã Yên Trạch", _src(_PL, "Xã Yên Trạch", "Xã Yên Ninh", "Xã Yên Đổ")),
    ("Xã Hợp Thành", _src(_PL, "Xã Hợp Thành", "Xã Ôn Lương", "Xã Phủ Lý")),
    ("Xã Phấn Mễ", _src(_PL, "Xã Phấn Mễ", "Thị trấn Giang Tiên", "Xã Tức Tranh")),
    ("Xã Vô Tranh", _src(_PL, "Xã Vô Tranh", "Xã Cổ Lũng", "Xã Phú Đô")),
    # --- former Huyện Đồng Hỷ
    ("Xã Đồng Hỷ", _src(_DHY, "Thị trấn Sông Cầu", "Xã Hóa Thượng", "Xã Hóa Trung", "Xã Minh Lập")),
    ("Xã Trại Cau", _src(_DHY, "Thị trấn Trại Cau", "Xã Cây Thị", "Xã Hợp Tiến")),
    ("Xã Quang Sơn", _src(_DHY, "Xã Quang Sơn", "Xã Tân Long")),
    ("Xã Nam Hòa", _src(_DHY, "Xã Nam Hòa", "Xã Tân Lợi")),
    ("Xã Văn Hán", _src(_DHY, "Xã Văn Hán", "Xã Khe Mo")),
    ("Xã Văn Lăng", _src(_DHY, "Xã Văn Lăng", "Xã Hòa Bình")),
    # --- former Huyện Võ Nhai
    ("Xã Võ Nhai", _src(_VN, "Thị trấn Đình Cả", "Xã Phú Thượng")),
    ("Xã La Hiên", _src(_VN, "Xã La Hiên", "Xã Cúc Đường", "Xã Lâu Thượng")),
    ("Xã Tràng Xá", _src(_VN, "Xã Tràng Xá", "Xã Liên Minh")),
    ("Xã Dân Tiến", _src(_VN, "Xã Dân Tiến", "Xã Bình Long", "Xã Phương Giao")),
    ("Xã Nghinh Tường", _src(_VN, "Xã Nghinh Tường", "Xã Sảng Mộc", "Xã Vũ Chấn")),
    ("Xã Thần Sa", _src(_VN, "Xã Thần Sa", "Xã Thượng Nung")),
    # --- former Huyện Phú Bình
    ("Xã Phú Bình", _src(_PB, "Thị trấn Hương Sơn", "Xã Xuân Phương", "Xã Úc Kỳ")),
    ("Xã Điềm Thụy", _src(_PB, "Xã Điềm Thụy", "Xã Thượng Đình", "Xã Nhã Lộng")),
    ("Xã Tân Khánh", _src(_PB, "Xã Tân Khánh", "Xã Bàn Đạt", "Xã Đào Xá")),
    ("Xã Tân Thành", _src(_PB, "Xã Tân Thành", "Xã Tân Hòa", "Xã Tân Kim")),
    ("Xã Kha Sơn", _src(_PB, "Xã Kha Sơn", "Xã Dương Thành", "Xã Lương Phú", "Xã Thanh Ninh")),
    ("Xã Nga My", _src(_PB, "Xã Nga My", "Xã Hà Châu")),
    ("Xã Tân Đức", _src(_PB, "Xã Tân Đức", "Xã Bảo Lý")),
    # --- former Thành phố Bắc Kạn
    ("Phường Đức Xuân", _src(
        _TP_BK, "Phường Đức Xuân", "Phường Nguyễn Thị Minh Khai", "Phường Xuất Hóa", "Xã Nông Thượng",
    )),
    ("Phường Bắc Kạn", _src(
        _TP_BK, "Phường Phùng Chí Kiên", "Phường Sông Cầu", "Phường Huyền Tụng", "Xã Dương Quang",
    )),
    # --- former Huyện Ba Bể
    ("Xã Chợ Rã", _src(_BB, "Thị trấn Chợ Rã", "Xã Thượng Giáo", "Xã Địa Linh")),
    ("Xã Ba Bể", _src(_BB, "Xã Khang Ninh", "Xã Nam Mẫu", "Xã Quảng Khê", "Xã Cao Thượng")),
    ("Xã Phúc Lộc", _src(_BB, "Xã Phúc Lộc", "Xã Hà Hiệu", "Xã Bành Trạch")),
    ("Xã Đồng Phúc", _src(_BB, "Xã Đồng Phúc", "Xã Hoàng Trĩ")),
    ("Xã Chu Hương", _src(_BB, "Xã Chu Hương", "Xã Mỹ Phương", "Xã Yến Dương")),
    # --- former Huyện Bạch Thông
    ("Xã Phủ Thông", _src(_BT, "Thị trấn Phủ Thông", "Xã Tân Tú", "Xã Lục Bình", "Xã Vi Hương")),
    ("Xã Cẩm Giàng", _src(_BT, "Xã Cẩm Giàng", "Xã Quân Hà", "Xã Nguyên Phúc", "Xã Mỹ Thanh")),
    ("Xã Quang Thuận", _src(_BT, "Xã Quang Thuận", "Xã Dương Phong", "Xã Đôn Phong")),
    ("Xã Vũ Muộn", _src(_BT, "Xã Vũ Muộn", "Xã Cao Sơn", "Xã Sỹ Bình")),
    # --- former Huyện Chợ Đồn
    ("Xã Chợ Đồn", _src(_CD, "Thị trấn Bằng Lũng", "Xã Ngọc Phái", "Xã Phương Viên", "Xã Bằng Lãng")),
    ("Xã Nam Cường", _src(_CD, "Xã Nam Cường", "Xã Xuân Lạc")),
    ("Xã Quảng Bạch", _src(_CD, "Xã Quảng Bạch", "Xã Tân Lập")),
    ("Xã Yên Thịnh", _src(_CD, "Xã Yên Thịnh", "Xã Yên Thượng", "Xã Bản Thi")),
    ("Xã Nghĩa Tá", _src(_CD, "Xã Nghĩa Tá", "Xã Lương Bằng", "Xã Bình Trung")),
    ("Xã Yên Phong", _src(_CD, "Xã Yên Phong", "Xã Đại Sảo", "Xã Yên Mỹ")),
    ("Xã Đồng Thắng", _src(_CD, "Xã Đồng Thắng", "Xã Đông Viên", "Xã Bằng Phúc")),
    # --- former Huyện Chợ Mới
    ("Xã Chợ Mới", _src(_CM, "Thị trấn Đồng Tâm", "Xã Quảng Chu", "Xã Như Cố")),
    ("Xã Thanh Thịnh", _src(_CM, "Xã Thanh Thịnh", "Xã Nông Hạ")),
    ("Xã Thanh Mai", _src(_CM, "Xã Thanh Mai", "Xã Thanh Vận", "Xã Mai Lạp")),
    ("Xã Tân Kỳ", _src(_CM, "Xã Tân Sơn", "Xã Cao Kỳ", "Xã Hòa Mục")),
    ("Xã Yên Bình", _src(_CM, "Xã Yên Cư", "Xã Bình Văn", "Xã Yên Hân")),
    # --- former Huyện Na Rì
    ("Xã Na Rì", _src(_NR, "Thị trấn Yến Lạc", "Xã Sơn Thành", "Xã Kim Lư")),
    ("Xã Côn Minh", _src(_NR, "Xã Côn Minh", "Xã Cư Lễ", "Xã Quang Phong")),
    ("Xã Xuân Dương", _src(_NR, "Xã Xuân Dương", "Xã Đổng Xá", "Xã Liêm Thủy")),
    ("Xã Trần Phú", _src(_NR, "Xã Trần Phú", "Xã Văn Minh", "Xã Dương Sơn")),
    ("Xã Cường Lợi", _src(_NR, "Xã Cường Lợi", "Xã Kim Hỷ", "Xã Lương Thượng")),
    ("Xã Văn Lang", _src(_NR, "Xã Văn Lang", "Xã Lạng San", "Xã Văn Vũ")),
    # --- former Huyện Ngân Sơn
    ("Xã Ngân Sơn", _src(_NS, "Thị trấn Vân Tùng", "Xã Đức Vân")),
    ("Xã Bằng Vân", _src(_NS, "Xã Bằng Vân", "Xã Thượng Ân", "Xã Cốc Đán")),
    ("Xã Nà Phặc", _src(_NS, "Thị trấn Nà Phặc", "Xã Trung Hòa", "Xã Thuần Mang")),
    ("Xã Thượng Quan", _src(_NS, "Xã Thượng Quan", "Xã Hiệp Lực")),
    # --- former Huyện Pác Nặm
    ("Xã Bộc Bố", _src(_PN, "Xã Bộc Bố", "Xã Giáo Hiệu", "Xã Nhạn Môn")),
    ("Xã Nghiên Loan", _src(_PN, "Xã Nghiên Loan", "Xã Xuân La", "Xã An Thắng")),
    ("Xã Bằng Thành", _src(_PN, "Xã Bằng Thành", "Xã Cao Tân")),
    ("Xã Công Bằng", _src(_PN, "Xã Công Bằng", "Xã Cổ Linh")),
]
# fmt: on

PROVINCE_SEAT = "Phường Phan Đình Phùng"
