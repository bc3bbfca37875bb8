"""Demo contact messages for `manage.py demo`, so the admin's list is not empty."""

from .models import ContactMessage

MESSAGES = [
    (
        "Nguyễn Thị Hoa",
        "hoa@example.vn",
        "",
        "Đăng ký tham gia Mùa hè xanh",
        "Em là sinh viên năm 2, muốn đăng ký tham gia chiến dịch tại huyện Châu Thành.",
    ),
    (
        "Trần Văn Minh",
        "",
        "0912345678",
        "Hỏi về thủ tục chuyển sinh hoạt Đoàn",
        "Cho tôi hỏi thủ tục chuyển sinh hoạt Đoàn khi đi làm ở tỉnh khác.",
    ),
]


def demo_create():
    if ContactMessage.objects.exists():
        return 0
    for name, email, phone, subject, message in MESSAGES:
        ContactMessage.objects.create(
            name=name,
            email=email,
            phone=phone,
            subject=subject,
            message=message,
            sender_key="demo",
        )
    return len(MESSAGES)
