"""Demo documents for `manage.py demo` (generated; not real documents)."""

import datetime

from django.core.files.base import ContentFile

from organizations.models import Organization

from .models import Document, DocumentFile, DocumentSubject, DocumentType

TYPES = [
    "Nghị quyết",
    "Chỉ thị",
    "Kế hoạch",
    "Hướng dẫn",
    "Thông báo",
    "Công văn",
    "Quyết định",
    "Báo cáo",
]
SUBJECTS = ["Công tác Đoàn", "Tổ chức - Kiểm tra", "Tuyên giáo", "Phong trào thanh niên"]
DOCUMENTS = [
    ("125-KH/TĐTN-TCKT", "Kế hoạch", "Tổ chức Tháng Thanh niên năm 2026", 0),
    ("08-NQ/TĐTN", "Nghị quyết", "Về nâng cao chất lượng đoàn viên giai đoạn 2026 - 2030", 1),
    ("15-CT/TĐTN", "Chỉ thị", "Về tổ chức Đại hội Đoàn các cấp nhiệm kỳ 2027 - 2032", 0),
    ("42-HD/TĐTN-TG", "Hướng dẫn", "Sinh hoạt chi đoàn chủ điểm năm 2026", 2),
    ("210-TB/TĐTN", "Thông báo", "Kết luận của Ban Thường vụ Tỉnh đoàn tháng 10/2026", 0),
    ("1187-CV/TĐTN-VP", "Công văn", "Về việc tham gia Chiến dịch Mùa hè xanh 2026", 3),
    ("95-QĐ/TĐTN", "Quyết định", "Khen thưởng các tập thể, cá nhân tiêu biểu năm 2026", 0),
    ("301-BC/TĐTN", "Báo cáo", "Sơ kết công tác Đoàn và phong trào thanh thiếu nhi 6 tháng", 1),
]


def _pdf(title):
    text = title.encode("ascii", "replace")
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% " + text + b"\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def demo_create(*, rng, articles):
    """A few documents of each type with a PDF each, once: nothing when some exist."""
    if Document.objects.exists():
        return 0
    types = {
        name: DocumentType.objects.get_or_create(name=name, defaults={"order": n})[0]
        for n, name in enumerate(TYPES)
    }
    subjects = [DocumentSubject.objects.get_or_create(name=name)[0] for name in SUBJECTS]
    issuers = list(Organization.objects.filter(parent__isnull=True)[:2]) or list(
        Organization.objects.all()[:2]
    )
    today = datetime.date.today()
    for n, (number, kind, summary, subject) in enumerate(DOCUMENTS):
        issued = today - datetime.timedelta(days=17 * n + rng.randrange(5))
        document = Document.objects.create(
            number=number,
            document_type=types[kind],
            issuer=issuers[n % len(issuers)],
            signer=rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường"]),
            issued_on=issued,
            effective_on=issued,
            summary=f"{summary} (văn bản mẫu)",
            subject=subjects[subject],
        )
        DocumentFile.objects.create(
            document=document, file=ContentFile(_pdf(number), name=f"{number}.pdf")
        )
        if articles and n < 3:
            document.articles.add(articles[n])
    return len(DOCUMENTS)
