import datetime

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from contact.models import ContactMessage
from documents.models import Document, DocumentFile, DocumentSubject, DocumentType
from events.models import Event
from galleries.models import Album, Photo
from library.models import Picture
from news.models import (
    Article,
    ArticleAutosave,
    ArticleDailyRead,
    ArticleImage,
    ArticlePeriodRead,
    Category,
    Notification,
    ReadFlush,
    Source,
    Tag,
)
from organizations.models import (
    Organization,
    PartnerLink,
    SiteIdentity,
    Sponsor,
    SponsorClick,
    StaffMembership,
)
from pages.models import MenuItem, Page
from portal.text import slugify_vi
from tests.samples import MP4, PDF
from videos.models import Video
from visits.models import SiteDailyVisit


def _image_file(name="image.jpg"):
    from tests.support import image_bytes

    return ContentFile(image_bytes("JPEG"), name=name)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    password = factory.django.Password("mat-khau-thu-nghiem")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Huyện đoàn Số {n}")
    slug = factory.LazyAttribute(lambda o: slugify_vi(o.name))
    kind = Organization.Kind.DISTRICT_UNION


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Chuyên mục Đoàn {n}")
    slug = factory.LazyAttribute(lambda o: slugify_vi(o.name))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Báo Kiên Giang {n}")
    code = "KGO"
    website = "https://baokiengiang.vn"


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Thanh niên tình nguyện {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article; ``draft=True`` and ``scheduled=True`` are the variations."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Đoàn viên thanh niên ra quân tình nguyện số {n}")
    slug = factory.LazyAttribute(lambda o: slugify_vi(o.title))
    lead = "(KGO) - Sáng nay, hàng trăm đoàn viên thanh niên đã ra quân."
    body = "<p>Nội dung bài viết về hoạt động của Đoàn.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )
        with_cover = factory.Trait(cover_image=factory.LazyFunction(_image_file))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class ArticleImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleImage

    article = factory.SubFactory(ArticleFactory)
    image = factory.LazyFunction(_image_file)
    caption = factory.Sequence(lambda n: f"Ảnh hoạt động {n}")


class SponsorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sponsor

    name = factory.Sequence(lambda n: f"Công ty Tài trợ {n}")
    logo = factory.LazyFunction(_image_file)
    website = factory.Sequence(lambda n: f"https://tai-tro-{n}.example.vn/")


class PartnerLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerLink

    name = factory.Sequence(lambda n: f"Website đối tác {n}")
    url = factory.Sequence(lambda n: f"https://doi-tac-{n}.example.vn/")
    group = PartnerLink.Group.PROVINCE


class PageFactory(factory.django.DjangoModelFactory):
    """A published static page; ``hidden=True`` is the variation."""

    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Trang giới thiệu {n}")
    slug = factory.LazyAttribute(lambda o: slugify_vi(o.title))
    body = "<p>Nội dung trang.</p>"

    class Params:
        hidden = factory.Trait(is_published=False)


class MenuItemFactory(factory.django.DjangoModelFactory):
    """A top-level menu item leading to a new category; pass ``kind`` and its target for others."""

    class Meta:
        model = MenuItem

    kind = MenuItem.Kind.CATEGORY
    category = factory.Maybe(
        factory.LazyAttribute(lambda o: o.kind == MenuItem.Kind.CATEGORY),
        yes_declaration=factory.SubFactory(CategoryFactory),
        no_declaration=None,
    )


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Kế hoạch loại {n}")


class DocumentSubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentSubject
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Công tác Đoàn {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    """A published document of the register; ``unpublished=True``, ``scheduled=True``."""

    class Meta:
        model = Document

    number = factory.Sequence(lambda n: f"{n}-KH/TĐTN-TCKT")
    document_type = factory.SubFactory(DocumentTypeFactory)
    issuer = factory.SubFactory(OrganizationFactory)
    signer = "Nguyễn Văn Bí Thư"
    issued_on = datetime.date(2026, 3, 26)
    summary = factory.Sequence(lambda n: f"Tổ chức Tháng Thanh niên năm 2026, đợt {n}")
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        unpublished = factory.Trait(is_published=False)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )


class DocumentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentFile

    document = factory.SubFactory(DocumentFactory)
    file = factory.LazyFunction(lambda: ContentFile(PDF, name="Kế hoạch tháng thanh niên.pdf"))


class AlbumFactory(factory.django.DjangoModelFactory):
    """A published album of an organisation; ``unpublished=True``."""

    class Meta:
        model = Album

    title = factory.Sequence(lambda n: f"Chiến dịch Mùa hè xanh số {n}")
    cover = factory.LazyFunction(_image_file)
    organization = factory.SubFactory(OrganizationFactory)
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        unpublished = factory.Trait(is_published=False)


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    album = factory.SubFactory(AlbumFactory)
    image = factory.LazyFunction(_image_file)
    caption = factory.Sequence(lambda n: f"Đoàn viên làm đường giao thông nông thôn {n}")
    order = factory.Sequence(lambda n: n)


class EventFactory(factory.django.DjangoModelFactory):
    """A published event starting tomorrow at 8:00 for two hours."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Hội nghị Ban Chấp hành Tỉnh đoàn lần {n}")
    start_at = factory.LazyFunction(
        lambda: (
            timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0)
            + datetime.timedelta(days=1)
        )
    )
    end_at = factory.LazyAttribute(lambda o: o.start_at + datetime.timedelta(hours=2))
    place = "Hội trường Tỉnh đoàn"
    organization = factory.SubFactory(OrganizationFactory)
    description = "Nội dung: sơ kết công tác Đoàn 6 tháng đầu năm."


class VideoFactory(factory.django.DjangoModelFactory):
    """A published YouTube video with its thumbnail already stored; ``mp4=True`` uploads one."""

    class Meta:
        model = Video

    title = factory.Sequence(lambda n: f"Phóng sự Tháng Thanh niên số {n}")
    description = "Hoạt động ra quân của đoàn viên, thanh niên."
    youtube_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    thumbnail = factory.LazyFunction(_image_file)
    thumbnail_source_id = "dQw4w9WgXcQ"
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        mp4 = factory.Trait(
            youtube_url="",
            thumbnail="",
            thumbnail_source_id="",
            file=factory.LazyFunction(lambda: ContentFile(MP4, name="video.mp4")),
        )


class PictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Picture

    image = factory.LazyFunction(_image_file)
    caption = factory.Sequence(lambda n: f"Ảnh hoạt động Đoàn {n}")
    alt_text = "Đoàn viên thanh niên"
    credit = "Ảnh: Minh Trí"


class ArticleDailyReadFactory(factory.django.DjangoModelFactory):
    """One day's reads of an article, written as is (counting itself adds in SQL: add_counts)."""

    class Meta:
        model = ArticleDailyRead

    article = factory.SubFactory(ArticleFactory)
    date = factory.LazyFunction(timezone.localdate)
    count = 3


class ArticlePeriodReadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePeriodRead

    article = factory.SubFactory(ArticleFactory)
    period = factory.LazyFunction(lambda: timezone.localdate().strftime("%Y-%m"))
    count = 3


class ReadFlushFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadFlush

    batch = factory.Sequence(lambda n: f"batch-{n}")


class ArticleAutosaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleAutosave

    user = factory.SubFactory(UserFactory, is_staff=True)
    article = factory.SubFactory(ArticleFactory)
    data = factory.LazyAttribute(lambda o: {"title": "Bản nháp tự lưu"})


class SiteIdentityFactory(factory.django.DjangoModelFactory):
    """The site's one identity record (its save() always writes pk 1)."""

    class Meta:
        model = SiteIdentity

    site_name = "Tỉnh đoàn Kiên Giang"


class SponsorClickFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorClick

    sponsor = factory.SubFactory(SponsorFactory)
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    count = 1


class ContactMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMessage

    name = "Nguyễn Văn An"
    email = factory.Sequence(lambda n: f"ban-doc-{n}@example.vn")
    subject = "Hỏi về hoạt động hè"
    message = "Xin cho biết lịch sinh hoạt hè của xã."
    sender_key = factory.Sequence(lambda n: f"sender-{n}")


class SiteDailyVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteDailyVisit

    date = factory.LazyFunction(timezone.localdate)
    count = 1


class NotificationFactory(factory.django.DjangoModelFactory):
    """A notice to a staff member about an article, due now and not read yet."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory, is_staff=True)
    article = factory.SubFactory(ArticleFactory)
    kind = Notification.Kind.SUBMITTED
    text = "Bài viết đang chờ duyệt."


class StaffMembershipFactory(factory.django.DjangoModelFactory):
    """A staff member who belongs to an organisation (their unit)."""

    class Meta:
        model = StaffMembership

    user = factory.SubFactory(UserFactory, is_staff=True)
    organization = factory.SubFactory(OrganizationFactory)
