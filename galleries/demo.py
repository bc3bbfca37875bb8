"""Demo photo albums for `manage.py demo` (generated pictures)."""

from organizations.models import Organization

from .models import Album, Photo

ALBUMS = [
    (
        "Chiến dịch Thanh niên tình nguyện hè 2026",
        [
            "Lễ ra quân",
            "Làm đường giao thông nông thôn",
            "Dạy học cho thiếu nhi",
            "Tặng quà gia đình chính sách",
        ],
    ),
    ("Ngày hội hiến máu Chủ nhật Đỏ", ["Đăng ký hiến máu", "Khám sàng lọc", "Giọt máu hồng"]),
    ("Hội trại tòng quân", ["Lễ khai mạc", "Trò chơi dân gian", "Lửa trại"]),
]


def demo_create(*, rng, picture, articles):
    if Album.objects.exists():
        return 0
    organizations = list(Organization.objects.all()[:3])
    for n, (title, captions) in enumerate(ALBUMS):
        album = Album.objects.create(
            title=title,
            description="Album ảnh mẫu, được tạo tự động.",
            cover=picture(rng, title, size=(900, 600)),
            organization=organizations[n % len(organizations)],
            article=articles[n] if articles else None,
        )
        for order, caption in enumerate(captions):
            Photo.objects.create(
                album=album,
                image=picture(rng, caption, size=(1200, 800)),
                caption=caption,
                order=order,
            )
    return len(ALBUMS)
