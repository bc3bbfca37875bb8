"""Generated Vietnamese demo content for `manage.py demo`: nothing here is real news."""

SITE = {
    "site_name": "Tỉnh đoàn Kiên Giang",
    "tagline": (
        "Diễn đàn của Đoàn TNCS Hồ Chí Minh, Hội LHTN Việt Nam, Đội TNTP HCM tỉnh Kiên Giang"
    ),
    "address": "Số 6 Lê Lợi, phường Vĩnh Thanh Vân, thành phố Rạch Giá, tỉnh Kiên Giang",
    "phone": "0297 3862 xxx",
    "email": "tinhdoan@kiengiang.example.vn",
    "content_responsible": "Ban Thường vụ Tỉnh đoàn Kiên Giang (nội dung mẫu)",
    "licence": "Nội dung mẫu dùng để chạy thử cổng thông tin; ghi rõ nguồn khi phát hành lại.",
}

# (name, slug, parent slug or None, order)
CATEGORIES = [
    ("Tin tức - Sự kiện", "tin-tuc-su-kien", None, 1),
    ("Công tác Đoàn", "cong-tac-doan", None, 2),
    ("Xây dựng tổ chức Đoàn", "xay-dung-to-chuc-doan", "cong-tac-doan", 1),
    ("Tuyên truyền - Giáo dục", "tuyen-truyen-giao-duc", "cong-tac-doan", 2),
    ("Hội LHTN Việt Nam", "hoi-lhtn-viet-nam", None, 3),
    ("Đội TNTP Hồ Chí Minh", "doi-tntp-ho-chi-minh", None, 4),
    ("Tình nguyện", "tinh-nguyen", None, 5),
    ("Gương sáng", "guong-sang", None, 6),
]

# (name, code, website)
SOURCES = [
    ("Báo Kiên Giang", "KGO", "https://baokiengiang.vn"),
    ("Báo Thanh Niên", "TN", "https://thanhnien.vn"),
    ("Báo Tuổi Trẻ", "TTO", "https://tuoitre.vn"),
    ("Tỉnh đoàn Kiên Giang", "TĐ", ""),
]

# (name, short name, slug, kind, parent slug, order)
ORGANIZATIONS = [
    ("Tỉnh đoàn Kiên Giang", "Tỉnh đoàn", "tinh-doan-kien-giang", "doan", None, 1),
    ("Hội Liên hiệp Thanh niên Việt Nam tỉnh Kiên Giang", "Hội LHTN tỉnh", "hoi-lhtn-tinh", "hoi",
     "tinh-doan-kien-giang", 2),
    ("Hội đồng Đội tỉnh Kiên Giang", "Hội đồng Đội tỉnh", "hoi-dong-doi-tinh", "doi",
     "tinh-doan-kien-giang", 3),
    ("Thành đoàn Rạch Giá", "Thành đoàn Rạch Giá", "thanh-doan-rach-gia", "huyen_doan",
     "tinh-doan-kien-giang", 10),
    ("Thành đoàn Phú Quốc", "Thành đoàn Phú Quốc", "thanh-doan-phu-quoc", "huyen_doan",
     "tinh-doan-kien-giang", 11),
    ("Thành đoàn Hà Tiên", "Thành đoàn Hà Tiên", "thanh-doan-ha-tien", "huyen_doan",
     "tinh-doan-kien-giang", 12),
    ("Huyện đoàn Châu Thành", "Huyện đoàn Châu Thành", "huyen-doan-chau-thanh", "huyen_doan",
     "tinh-doan-kien-giang", 13),
    ("Huyện đoàn Giồng Riềng", "Huyện đoàn Giồng Riềng", "huyen-doan-giong-rieng", "huyen_doan",
     "tinh-doan-kien-giang", 14),
    ("Đoàn Khối các cơ quan tỉnh", "Đoàn Khối", "doan-khoi-cac-co-quan-tinh", "doan_truc_thuoc",
     "tinh-doan-kien-giang", 20),
]  # fmt: skip

# (name, website, placement, days from today the window starts, days it ends; None: open)
SPONSORS = [
    ("Ngân hàng Mẫu Kiên Giang", "https://nganhang.example.vn/", "sidebar", -200, None),
    ("Công ty Điện lực Mẫu", "https://dienluc.example.vn/", "sidebar", -30, 335),
    ("Viễn thông Mẫu Kiên Giang", "https://vienthong.example.vn/", "footer", None, None),
    ("Nhà tài trợ đã hết hạn", "https://het-han.example.vn/", "sidebar", -400, -35),
    ("Nhà tài trợ chưa bắt đầu", "https://sap-toi.example.vn/", "sidebar", 20, 400),
]

# (name, url, group, order)
PARTNER_LINKS = [
    ("Trung ương Đoàn TNCS Hồ Chí Minh", "https://doanthanhnien.vn/", "trung_uong", 1),
    ("Báo Tuổi Trẻ", "https://tuoitre.vn/", "trung_uong", 2),
    ("Báo Thanh Niên", "https://thanhnien.vn/", "trung_uong", 3),
    ("Cổng thông tin điện tử tỉnh Kiên Giang", "https://kiengiang.gov.vn/", "tinh", 1),
    ("Báo Kiên Giang", "https://baokiengiang.vn/", "tinh", 2),
    ("Thành đoàn Rạch Giá (mẫu)", "https://rachgia.example.vn/", "huyen", 1),
    ("Thư viện tỉnh (mẫu)", "https://thuvien.example.vn/", "khac", 1),
]

PLACES = [
    "Rạch Giá", "Hà Tiên", "Phú Quốc", "Châu Thành", "Tân Hiệp", "Giồng Riềng", "Gò Quao",
    "An Biên", "An Minh", "U Minh Thượng", "Vĩnh Thuận", "Hòn Đất", "Kiên Lương", "Giang Thành",
    "Kiên Hải",
]  # fmt: skip

TITLE_PATTERNS = [
    "Đoàn viên thanh niên {place} ra quân chiến dịch Mùa hè xanh",
    "Tuổi trẻ {place} chung tay xây dựng nông thôn mới",
    "Dân vận khéo: mô hình hay của Đoàn thanh niên {place}",
    "Hội LHTN {place} tổ chức ngày hội thanh niên khởi nghiệp",
    "Liên đội {place} phát động phong trào Kế hoạch nhỏ",
    "Đại hội Đoàn {place} nhiệm kỳ mới thành công tốt đẹp",
    "Thanh niên {place} hiến máu tình nguyện, tiếp sức mùa thi",
    "Tập huấn kỹ năng chuyển đổi số cho cán bộ Đoàn {place}",
    "Gương sáng đoàn viên {place}: vượt khó học giỏi",
    "Tuổi trẻ {place} ra quân làm sạch bờ biển, bảo vệ môi trường",
    "Trao học bổng cho học sinh nghèo vượt khó tại {place}",
    "Đội TNTP {place} tổ chức hội trại truyền thống",
]

LEAD_PATTERNS = [
    "({code}) - Sáng nay, tại {place}, hàng trăm đoàn viên thanh niên đã tham gia lễ ra quân "
    "với nhiều hoạt động thiết thực hướng về cộng đồng.",
    "({code}) - Trong khuôn khổ phong trào thi đua của tuổi trẻ tỉnh nhà, {place} đã triển khai "
    "nhiều mô hình hay, thu hút đông đảo thanh thiếu nhi tham gia.",
    "({code}) - Hoạt động nhằm phát huy vai trò xung kích, tình nguyện của thanh niên {place} "
    "trong phát triển kinh tế - xã hội của địa phương.",
]

PARAGRAPHS = [
    "Phát biểu tại buổi lễ, đồng chí Bí thư {org} đánh giá cao tinh thần trách nhiệm của các "
    "đoàn viên, thanh niên và mong muốn các bạn tiếp tục phát huy vai trò xung kích trong mọi "
    "nhiệm vụ được giao.",
    "Trong thời gian diễn ra chương trình, các đội hình tình nguyện sẽ tham gia sửa chữa nhà "
    "nhân ái, làm đường giao thông nông thôn, dạy học hè và tuyên truyền pháp luật cho người dân "
    "tại {place}.",
    "Theo kế hoạch, năm nay {org} phấn đấu thực hiện ít nhất 20 công trình, phần việc thanh niên, "
    "tổ chức các lớp kỹ năng sống cho thiếu nhi và hỗ trợ thanh niên lập nghiệp.",
    "Nhiều đoàn viên cho biết, được tham gia hoạt động là dịp để rèn luyện bản thân, học hỏi kinh "
    "nghiệm và góp một phần sức trẻ vào sự phát triển của quê hương {place}.",
    "Dịp này, ban tổ chức đã trao tặng 50 phần quà cho các em thiếu nhi có hoàn cảnh khó khăn, "
    "mỗi phần gồm tập vở, sách giáo khoa và học bổng trị giá 500.000 đồng.",
    "Đại diện chính quyền địa phương ghi nhận những đóng góp thiết thực của tuổi trẻ và cam kết "
    "tạo điều kiện để các hoạt động của Đoàn được triển khai hiệu quả, bền vững.",
]

TAGS = [
    "Mùa hè xanh", "Thanh niên tình nguyện", "Dân vận khéo", "Chuyển đổi số", "Khởi nghiệp",
    "Hiến máu", "Kế hoạch nhỏ", "Đại hội Đoàn", "Môi trường", "Học bổng",
]  # fmt: skip

BYLINES = ["Minh Anh", "Thu Hà", "Quốc Bảo", "Ngọc Trâm", "Hoàng Phúc", "Thanh Tâm"]

COLORS = [
    (0, 84, 166), (209, 32, 39), (0, 122, 94), (230, 126, 34), (102, 51, 153), (0, 128, 128),
]  # fmt: skip

# Static pages: (title, slug, body)
PAGES = [
    ("Giới thiệu", "gioi-thieu",
     "<p>Tỉnh đoàn Kiên Giang là tổ chức chính trị - xã hội của thanh niên tỉnh Kiên Giang, "
     "đội dự bị tin cậy của Đảng. (Nội dung mẫu.)</p>"
     "<h2>Chức năng, nhiệm vụ</h2><ul><li>Đoàn kết, tập hợp thanh niên.</li>"
     "<li>Giáo dục lý tưởng cách mạng cho thế hệ trẻ.</li>"
     "<li>Phụ trách Đội Thiếu niên Tiền phong Hồ Chí Minh.</li></ul>"),
    ("Cơ cấu tổ chức", "co-cau-to-chuc",
     "<p>Ban Chấp hành, Ban Thường vụ và các ban chuyên môn của Tỉnh đoàn. (Nội dung mẫu.)</p>"
     "<table><tbody><tr><th>Ban</th><th>Điện thoại</th></tr>"
     "<tr><td>Văn phòng</td><td>0297 3862 xxx</td></tr>"
     "<tr><td>Ban Tuyên giáo</td><td>0297 3862 xxx</td></tr></tbody></table>"),
    ("Liên hệ", "lien-he-tinh-doan",
     "<p>Văn phòng Tỉnh đoàn Kiên Giang, số 6 Lê Lợi, thành phố Rạch Giá. "
     "Điện thoại: 0297 3862 xxx. Thư điện tử: "
     '<a href="mailto:tinhdoan@kiengiang.example.vn">tinhdoan@kiengiang.example.vn</a>. '
     "(Nội dung mẫu.)</p>"),
]  # fmt: skip

# The menu: (title or "", kind, target, [sub-items as (title, kind, target)]). A target is a
# category, organisation or page slug, or a web address for a link.
MENU = [
    ("", "page", "gioi-thieu", [
        ("", "page", "co-cau-to-chuc"),
        ("Ban Chấp hành Tỉnh đoàn", "organization", "tinh-doan-kien-giang"),
        ("", "organization", "hoi-lhtn-tinh"),
        ("", "organization", "hoi-dong-doi-tinh"),
        ("Trung ương Đoàn", "link", "https://doanthanhnien.vn/"),
        ("", "page", "lien-he-tinh-doan"),
    ]),
    ("", "category", "tin-tuc-su-kien", []),
    ("", "category", "cong-tac-doan", [
        ("", "category", "xay-dung-to-chuc-doan"),
        ("", "category", "tuyen-truyen-giao-duc"),
    ]),
    ("", "category", "hoi-lhtn-viet-nam", []),
    ("", "category", "doi-tntp-ho-chi-minh", []),
    ("Phong trào", "category", "tinh-nguyen", [
        ("", "category", "tinh-nguyen"),
        ("", "category", "guong-sang"),
    ]),
    ("Đơn vị", "organization", "tinh-doan-kien-giang", [
        ("", "organization", "thanh-doan-rach-gia"),
        ("", "organization", "thanh-doan-phu-quoc"),
        ("", "organization", "thanh-doan-ha-tien"),
        ("", "organization", "huyen-doan-chau-thanh"),
        ("", "organization", "huyen-doan-giong-rieng"),
        ("", "organization", "doan-khoi-cac-co-quan-tinh"),
    ]),
    ("Tư liệu", "link", "/van-ban/", [
        ("Văn bản", "link", "/van-ban/"),
        ("Thư viện ảnh", "link", "/thu-vien-anh/"),
        ("Video", "link", "/video/"),
        ("Lịch công tác", "link", "/su-kien/"),
    ]),
]  # fmt: skip
