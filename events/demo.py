"""Demo events for `manage.py demo`: the coming weeks' work schedule."""

import datetime

from django.utils import timezone

from organizations.models import Organization

from .models import Event

EVENTS = [
    ("Giao ban Ban Thường vụ Tỉnh đoàn", "Phòng họp Tỉnh đoàn", 1, 8, 2),
    ("Hội nghị Ban Chấp hành Tỉnh đoàn lần thứ 12", "Hội trường Tỉnh đoàn", 2, 7, 4),
    ("Ngày hội hiến máu Chủ nhật Đỏ", "Nhà Văn hóa Thanh niên", 4, 7, 5),
    ("Tập huấn cán bộ Đoàn cơ sở", "Trường Chính trị tỉnh", 8, 8, 8),
    ("Liên hoan tuyên truyền ca khúc cách mạng", "Quảng trường Trần Quang Khải", 12, 19, 3),
]


def demo_create(*, rng):
    if Event.objects.exists():
        return 0
    organizations = list(Organization.objects.all()[:3])
    today = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for n, (title, place, days, hour, hours) in enumerate(EVENTS):
        start = today.replace(hour=hour) + datetime.timedelta(days=days)
        Event.objects.create(
            title=title,
            place=place,
            start_at=start,
            end_at=start + datetime.timedelta(hours=hours),
            organization=organizations[n % len(organizations)],
            description="Sự kiện mẫu, được tạo tự động.",
        )
    return len(EVENTS)
