import datetime
import io
import random
import secrets

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from contact import demo as contact_demo
from documents import demo as documents_demo
from events import demo as events_demo
from galleries import demo as galleries_demo
from news.management import demo_content as demo
from news.models import Article, ArticleDailyRead, ArticleImage, Category, Source, Tag
from organizations.models import Organization, PartnerLink, SiteIdentity, Sponsor
from pages.models import MenuItem, Page
from portal.images import DatedUploadTo
from portal.text import fold_vi
from videos import demo as videos_demo

ARTICLE_COUNT = 60
inline_upload_to = DatedUploadTo("news/body")


def _picture(rng, label, size=(1200, 675)):
    """A JPEG of a coloured gradient with shapes and a label: a stand-in for a news photo."""
    base = rng.choice(demo.COLORS)
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(0, height, 4):
        shade = tuple(min(255, int(c + (255 - c) * y / height * 0.6)) for c in base)
        draw.rectangle([0, y, width, y + 4], fill=shade)
    for _shape in range(6):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(30, 160)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=6)
    size = max(24, width // 22)
    try:  # Debian's DejaVu has the Vietnamese letters; Pillow's built-in font does not
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        font, label = ImageFont.load_default(size=size), fold_vi(label).title()
    draw.text((width // 20, height - height // 5), label, fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True)
    return ContentFile(out.getvalue(), name="demo.jpg")


class Command(BaseCommand):
    help = "Fills an empty database with generated Vietnamese demo content and an administrator."

    def handle(self, *args, **options):
        self._create_admin()
        if Article.objects.exists():
            self.stdout.write(_("The database already has articles: demo content left as it is."))
            self._create_pages_and_menu()
            self._create_sections(random.Random(2026))
            return
        rng = random.Random(2026)
        with transaction.atomic():
            self._create_site()
            categories = self._create_categories()
            sources = list(self._create_sources())
            organizations = self._create_organizations()
            self._create_sponsors(rng)
            self._create_partner_links()
            tags = [Tag.objects.get_or_create(name=name)[0] for name in demo.TAGS]
            self._create_articles(rng, categories, sources, organizations, tags)
            self._create_pages_and_menu()
            self._create_sections(rng)
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo content created: %(count)s articles.") % {"count": ARTICLE_COUNT}
            )
        )

    def _create_sections(self, rng):
        """Documents, albums, events, videos and contact messages: each kind only while it has
        none, so running the demo again changes nothing."""
        articles = list(Article.objects.published().order_by("-published_at")[:5])
        with transaction.atomic():
            documents_demo.demo_create(rng=rng, articles=articles)
            galleries_demo.demo_create(rng=rng, picture=_picture, articles=articles)
            events_demo.demo_create(rng=rng)
            videos_demo.demo_create(rng=rng, picture=_picture)
            contact_demo.demo_create()

    def _create_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.vn", password)
        self.stdout.write(
            self.style.WARNING(
                _(
                    "Administrator created: user 'admin', password '%(password)s' "
                    "(shown only this once; change it in the admin)."
                )
                % {"password": password}
            )
        )

    def _create_site(self):
        identity = SiteIdentity.load()
        for field, value in demo.SITE.items():
            setattr(identity, field, value)
        identity.save()

    def _create_categories(self):
        categories = {}
        for name, slug, parent, order in demo.CATEGORIES:
            categories[slug] = Category.objects.create(
                name=name, slug=slug, order=order, parent=categories.get(parent)
            )
        return list(categories.values())

    def _create_pages_and_menu(self):
        """The static pages and a menu like the model site's, once: an arranged menu is the
        administrators' own, and a second run leaves it alone."""
        for title, slug, body in demo.PAGES:
            Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})
        if MenuItem.objects.exists():
            return
        targets = {
            "category": {c.slug: c for c in Category.objects.all()},
            "organization": {o.slug: o for o in Organization.objects.all()},
            "page": {p.slug: p for p in Page.objects.all()},
        }

        def item(title, kind, target, order, parent=None):
            fields = {"title": title, "kind": kind, "order": order, "parent": parent}
            if kind == MenuItem.Kind.LINK:
                fields["url"] = target
            elif target in targets[kind]:
                fields[kind] = targets[kind][target]
            else:
                return None  # the demo's categories or units were changed by hand
            return MenuItem.objects.create(**fields)

        with transaction.atomic():
            for order, (title, kind, target, children) in enumerate(demo.MENU, start=1):
                parent = item(title, kind, target, order * 10)
                for child_order, (child_title, child_kind, child_target) in enumerate(children):
                    if parent is not None:
                        item(child_title, child_kind, child_target, child_order + 1, parent)

    def _create_sources(self):
        for name, code, website in demo.SOURCES:
            yield Source.objects.create(name=name, code=code, website=website)

    def _create_organizations(self):
        organizations = {}
        for name, short_name, slug, kind, parent, order in demo.ORGANIZATIONS:
            organizations[slug] = Organization.objects.create(
                name=name,
                short_name=short_name,
                slug=slug,
                kind=kind,
                parent=organizations.get(parent),
                order=order,
                introduction=(
                    f"<p>{name} là tổ chức của thanh niên, thiếu nhi trên địa bàn, "
                    "tập hợp, đoàn kết và giáo dục thế hệ trẻ. (Nội dung mẫu.)</p>"
                ),
                address="Rạch Giá, Kiên Giang",
                phone="0297 3xxx xxx",
                email=f"{slug}@example.vn",
            )
        return list(organizations.values())

    def _create_sponsors(self, rng):
        today = timezone.localdate()
        for order, (name, website, placement, start, end) in enumerate(demo.SPONSORS):
            Sponsor.objects.create(
                name=name,
                website=website,
                placement=placement,
                order=order,
                starts_on=None if start is None else today + datetime.timedelta(days=start),
                ends_on=None if end is None else today + datetime.timedelta(days=end),
                logo=_picture(rng, name.split()[-1], size=(360, 180)),
            )

    def _create_partner_links(self):
        for name, url, group, order in demo.PARTNER_LINKS:
            PartnerLink.objects.create(name=name, url=url, group=group, order=order)

    def _create_articles(self, rng, categories, sources, organizations, tags):
        now = timezone.now()
        articles = []
        for i in range(ARTICLE_COUNT):
            place = demo.PLACES[i % len(demo.PLACES)]
            source = sources[i % len(sources)]
            organization = organizations[i % len(organizations)]
            fill = {"place": place, "org": organization.name, "code": source.code}
            title = demo.TITLE_PATTERNS[i % len(demo.TITLE_PATTERNS)].format(**fill)
            if i >= len(demo.TITLE_PATTERNS):
                title = f"{title} ({i // len(demo.TITLE_PATTERNS) + 1})"
            paragraphs = rng.sample(demo.PARAGRAPHS, 4)
            body = "".join(f"<p>{p.format(**fill)}</p>" for p in paragraphs[:2])
            if i % 3 == 0:
                name = default_storage.save(
                    inline_upload_to(None, "demo.jpg"), _picture(rng, place, size=(800, 450))
                )
                body += (
                    f'<figure class="image"><img src="{default_storage.url(name)}" '
                    f'alt="Hoạt động của đoàn viên tại {place}" width="800" height="450">'
                    f"<figcaption>Đoàn viên thanh niên {place} tham gia hoạt động. "
                    "(Ảnh minh họa)</figcaption></figure>"
                )
            body += "".join(f"<p>{p.format(**fill)}</p>" for p in paragraphs[2:])
            status = Article.Status.PUBLISHED
            published_at = now - datetime.timedelta(hours=i * 17 + rng.randrange(5))
            if i in (7, 19):
                status = Article.Status.DRAFT
            if i == 11:
                published_at = now + datetime.timedelta(days=2)
            article = Article.objects.create(
                title=title,
                lead=demo.LEAD_PATTERNS[i % len(demo.LEAD_PATTERNS)].format(**fill),
                body=body,
                category=categories[i % len(categories)],
                organization=organization,
                source=source,
                original_url=f"{source.website}/bai-viet-mau-{i}" if source.website else "",
                original_author=rng.choice(demo.BYLINES) if source.website else "",
                byline=rng.choice(demo.BYLINES),
                status=status,
                published_at=published_at,
                is_featured=i % 9 == 0,
                cover_image=_picture(rng, place),
                cover_caption=f"Đoàn viên thanh niên {place}. (Ảnh minh họa)",
                cover_alt=f"Đoàn viên thanh niên {place} tham gia hoạt động",
                legacy_id=5000 + i if i % 4 == 0 else None,
            )
            article.tags.set(rng.sample(tags, rng.randint(1, 3)))
            if i % 10 == 5:
                for order in range(3):
                    ArticleImage.objects.create(
                        article=article,
                        image=_picture(rng, f"{place} {order + 1}", size=(800, 533)),
                        caption=f"Hoạt động tại {place}, ảnh {order + 1}. (Ảnh minh họa)",
                        alt_text=f"Ảnh hoạt động tại {place}",
                        order=order,
                    )
            articles.append(article)
        for article in articles[5::7]:
            article.related_articles.set(rng.sample(articles, 2))
        self._create_reads(rng, articles)

    def _create_reads(self, rng, articles):
        """Simulated history: counts carried over from an old site and two weeks of reads."""
        today = timezone.localdate()
        daily = []
        for article in articles:
            if not article.is_published:
                continue
            total = rng.randrange(50, 2500) if article.legacy_id else 0
            for days_ago in range(14):
                count = rng.randrange(0, 60)
                total += count
                if count:
                    daily.append((article.pk, today - datetime.timedelta(days=days_ago), count))
            Article.objects.filter(pk=article.pk).update(read_count=total)
        # As counting stores them: the day's, the week's and the month's rows.
        ArticleDailyRead.objects.add_counts(daily)
