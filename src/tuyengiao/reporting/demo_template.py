"""The demo's report template: a commission's monthly / 6-month work report (báo cáo công tác tuyên giáo).

Sections and indicators follow the typical outline of these reports (see the project's domain notes):
narrative parts from the situation of public opinion to the next period's tasks, and the figures
commissions count every month.
"""

SECTIONS = [
    (
        "I",
        "Tình hình tư tưởng, dư luận xã hội",
        "Những vấn đề cán bộ, đảng viên, nhân dân quan tâm; dư luận nổi bật trong kỳ.",
    ),
    ("II", "Công tác tham mưu", "Văn bản tham mưu cấp ủy ban hành trong kỳ (số, ngày, trích yếu)."),
    (
        "III",
        "Công tác tuyên truyền",
        "Tuyên truyền các ngày kỷ niệm, nhiệm vụ chính trị; hội nghị báo cáo viên; tuyên truyền miệng.",
    ),
    ("IV", "Báo chí, xuất bản", "Định hướng thông tin; bản tin, ấn phẩm phát hành."),
    ("V", "Khoa giáo", "Công tác khoa học, giáo dục, y tế trong phạm vi phụ trách."),
    ("VI", "Văn hóa, văn nghệ", ""),
    ("VII", "Lý luận chính trị", "Học tập, quán triệt nghị quyết; bồi dưỡng lý luận chính trị."),
    ("VIII", "Lịch sử Đảng", "Sưu tầm, biên soạn, xuất bản lịch sử đảng bộ."),
    ("IX", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Thực hiện Chỉ thị 05-CT/TW."),
    ("X", "Xây dựng ngành", ""),
    ("XI", "Đánh giá chung", "Ưu điểm; hạn chế, khuyết điểm; nguyên nhân."),
    ("XII", "Phương hướng, nhiệm vụ kỳ tới", "Các nhiệm vụ trọng tâm, đánh số “Một là…, Hai là…”."),
]

# code, name, unit of measure, value type, over units, over time, section
INDICATORS = [
    ("A01", "Số hội nghị báo cáo viên", "hội nghị", "integer", "sum", "sum", "III"),
    ("A02", "Lượt báo cáo viên dự hội nghị", "lượt người", "integer", "sum", "sum", "III"),
    ("A03", "Số báo cáo viên trong danh sách", "người", "integer", "sum", "last", "III"),
    ("A04", "Số buổi tuyên truyền miệng", "buổi", "integer", "sum", "sum", "III"),
    ("A05", "Lượt người nghe tuyên truyền miệng", "lượt người", "integer", "sum", "sum", "III"),
    ("B01", "Số bản tin phát hành", "số", "integer", "sum", "sum", "IV"),
    ("B02", "Số bản in phát hành", "bản", "integer", "sum", "sum", "IV"),
    ("C01", "Số lớp học tập, quán triệt nghị quyết", "lớp", "integer", "sum", "sum", "VII"),
    ("C02", "Số đảng viên tham gia học tập", "người", "integer", "sum", "sum", "VII"),
    ("C03", "Tỷ lệ đảng viên tham gia học tập", "%", "percent", "avg", "avg", "VII"),
    ("C04", "Số lớp bồi dưỡng lý luận chính trị", "lớp", "integer", "sum", "sum", "VII"),
    ("C05", "Số học viên lớp lý luận chính trị", "người", "integer", "sum", "sum", "VII"),
    ("D01", "Số điểm cầu sinh hoạt trực tuyến", "điểm cầu", "integer", "sum", "sum", "III"),
    ("D02", "Số đại biểu dự tại các điểm cầu", "người", "integer", "sum", "sum", "III"),
    ("E01", "Số cuộc điều tra dư luận xã hội", "cuộc", "integer", "sum", "sum", "I"),
    ("E02", "Số phiếu điều tra thu về", "phiếu", "integer", "sum", "sum", "I"),
    ("E03", "Số cộng tác viên dư luận xã hội", "người", "integer", "sum", "last", "I"),
    ("F01", "Đã ban hành kế hoạch tuyên truyền năm", "có/không", "boolean", "sum", "last", "II"),
]

RULES = [
    ("A05 >= A04", "Lượt người nghe không thể ít hơn số buổi tuyên truyền miệng.", "error"),
    ("A02 >= A01", "Lượt báo cáo viên dự không thể ít hơn số hội nghị.", "error"),
    ("B02 >= B01", "Số bản in không thể ít hơn số bản tin.", "error"),
    ("D02 >= D01", "Số đại biểu không thể ít hơn số điểm cầu.", "error"),
    ("E02 >= E01", "Số phiếu thu về không thể ít hơn số cuộc điều tra.", "warning"),
    ("C05 >= C04", "Số học viên không thể ít hơn số lớp.", "error"),
]
