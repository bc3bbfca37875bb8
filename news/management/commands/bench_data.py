"""A throw-away dataset for the benchmark: N generated Vietnamese articles, bulk-created.

Each article's derived fields (slug, sanitised body, folded search text) are filled by the
model's own code (Article.fill_derived_fields() and the slug rule of portal.text.unique_slug),
so the rows are what the admin would have stored; only the inserts are batched.
"""

import datetime
import math
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from news.management import demo_content as demo
from news.management.commands.demo import Command as DemoCommand
from news.management.commands.demo import _picture
from news.models import Article, ArticleDailyRead, Category, Source, Tag
from organizations.models import Organization, Sponsor
from portal.database import planner_statistics_refresh
from portal.text import slugify_vi

BATCH_SIZE = 1000
YEARS = 12

# Sub-categories added to the demo menu, so that big categories have children as real ones do.
# (name, slug, parent slug)
EXTRA_CATEGORIES = [
    ("Trong tỉnh", "trong-tinh", "tin-tuc-su-kien"),
    ("Trong nước", "trong-nuoc", "tin-tuc-su-kien"),
    ("Hoạt động Đội", "hoat-dong-doi", "doi-tntp-ho-chi-minh"),
    ("Thanh niên khởi nghiệp", "thanh-nien-khoi-nghiep", "hoi-lhtn-viet-nam"),
]
# Share of articles per category slug: news and its children hold about half the archive.
CATEGORY_WEIGHTS = {
    "tin-tuc-su-kien": 20,
    "trong-tinh": 22,
    "trong-nuoc": 8,
    "cong-tac-doan": 6,
    "xay-dung-to-chuc-doan": 7,
    "tuyen-truyen-giao-duc": 7,
    "hoi-lhtn-viet-nam": 6,
    "thanh-nien-khoi-nghiep": 4,
    "doi-tntp-ho-chi-minh": 5,
    "hoat-dong-doi": 5,
    "tinh-nguyen": 6,
    "guong-sang": 4,
}
EXTRA_PLACES = [
    "xã Vĩnh Hòa Hưng", "phường Vĩnh Quang", "xã Bình An", "thị trấn Dương Đông", "xã Mong Thọ",
    "xã Thạnh Lộc", "phường An Hòa", "xã Bàn Tân Định", "xã Tây Yên", "thị trấn Kiên Lương",
]  # fmt: skip
EXTRA_TAGS = [
    "Tiếp sức mùa thi", "Xuân tình nguyện", "Thanh niên với văn hóa giao thông",
    "An toàn giao thông", "Ngày Chủ nhật xanh", "Tháng Thanh niên", "Kỹ năng sống", "Thiếu nhi",
    "Biển đảo", "Quốc phòng", "Nông thôn mới", "Học tập và làm theo lời Bác", "Hội trại",
    "Sinh viên 5 tốt", "Đoàn viên ưu tú", "Thể thao", "Văn nghệ", "Y tế", "Phòng chống ma túy",
    "Việc làm",
]  # fmt: skip
EXTRA_PARAGRAPHS = [
    "Năm {year}, tuổi trẻ {place} đã huy động hơn {n} lượt đoàn viên, thanh niên tham gia các "
    "hoạt động tình nguyện, tổng giá trị các công trình ước tính hơn {n} triệu đồng.",
    "Chương trình có sự phối hợp của {org} cùng các ban, ngành, đoàn thể địa phương, góp phần "
    "lan tỏa hình ảnh đẹp của người thanh niên tình nguyện.",
    "Các đại biểu đã cùng thảo luận, chia sẻ kinh nghiệm trong công tác tập hợp thanh niên, "
    "đặc biệt là thanh niên công nhân, thanh niên nông thôn và thanh niên dân tộc Khmer.",
    "Hội thi thu hút {n} đội tuyển đến từ các huyện, thành phố trong tỉnh, với các phần thi "
    "kiến thức, kỹ năng và năng khiếu.",
]  # fmt: skip


class Command(BaseCommand):
    help = (
        "Fills the current database with N generated Vietnamese articles for the benchmark "
        "(refuses a database that already holds articles, unless --force)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="How many articles.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (same data).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add the articles even though the database already holds some.",
        )

    def handle(self, *args, articles, seed, force, **options):
        if articles < 1:
            raise CommandError(_("--articles must be at least 1."))
        if Article.objects.exists() and not force:
            raise CommandError(
                _(
                    "This database already holds articles: bench_data refuses to add generated "
                    "ones to a real site. Use an empty database, or --force."
                )
            )
        rng = random.Random(seed)
        with transaction.atomic():
            categories = self._categories()
            organizations = self._organizations()
            sources = [
                Source.objects.get_or_create(name=name, defaults={"code": code, "website": site})[0]
                for name, code, site in demo.SOURCES
            ]
            tags = [Tag.objects.get_or_create(name=name)[0] for name in demo.TAGS + EXTRA_TAGS]
            if not Sponsor.objects.exists():  # the sidebar as on a real site
                site = DemoCommand()
                site._create_site()
                site._create_sponsors(rng)
                site._create_partner_links()
            covers = self._covers(rng)
        slugs = set(Article.objects.values_list("slug", flat=True)) if force else set()
        self._next_suffix, self._ids = {}, []
        made = 0
        while made < articles:
            size = min(BATCH_SIZE, articles - made)
            with transaction.atomic():
                self._batch(rng, made, size, articles, categories, organizations, sources, tags,
                            covers, slugs)  # fmt: skip
            made += size
            self.stdout.write(f"{made}/{articles}", ending="\r")
        self.stdout.write("")
        planner_statistics_refresh()  # as after a real import (portal/database.py)
        self.stdout.write(
            self.style.SUCCESS(_("Benchmark data created: %(count)s articles.") % {"count": made})
        )

    def _categories(self):
        by_slug = {}
        rows = [(n, s, p) for n, s, p, _order in demo.CATEGORIES] + EXTRA_CATEGORIES
        for order, (name, slug, parent) in enumerate(rows):
            by_slug[slug] = Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "order": order, "parent": by_slug.get(parent)}
            )[0]
        return [(by_slug[slug], weight) for slug, weight in CATEGORY_WEIGHTS.items()]

    def _organizations(self):
        by_slug = {}
        for name, short_name, slug, kind, parent, order in demo.ORGANIZATIONS:
            by_slug[slug] = Organization.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "short_name": short_name,
                    "kind": kind,
                    "parent": by_slug.get(parent),
                    "order": order,
                },
            )[0]
        root = by_slug["tinh-doan-kien-giang"]
        for order, place in enumerate(demo.PLACES[6:], start=30):
            slug = slugify_vi(f"huyen-doan-{place}")
            by_slug[slug] = Organization.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": f"Huyện đoàn {place}",
                    "short_name": f"Huyện đoàn {place}",
                    "kind": Organization.Kind.DISTRICT_UNION,
                    "parent": root,
                    "order": order,
                },
            )[0]
        return list(by_slug.values())

    def _covers(self, rng):
        """A dozen shared cover pictures: pages render images as on a real site."""
        from django.core.files.storage import default_storage

        from portal.images import DatedUploadTo

        upload_to = DatedUploadTo("news")
        return [
            default_storage.save(upload_to(None, "bench.jpg"), _picture(rng, place))
            for place in demo.PLACES[:12]
        ]

    def _batch(self, rng, start, size, total, categories, organizations, sources, tags, covers,
               slugs):  # fmt: skip
        now = timezone.now()
        cats, weights = zip(*categories, strict=True)
        batch = []
        for i in range(start, start + size):
            place = rng.choice(demo.PLACES + EXTRA_PLACES)
            organization = rng.choice(organizations) if rng.random() < 0.7 else None
            source = rng.choice(sources) if rng.random() < 0.6 else None
            # Older articles come first (lower ids), as an archive grows; a few are imported
            # late with old dates, so id order and date order differ as on a real site.
            age = (1 - (i + 1) / total) ** 1.6 * YEARS * 365 * 24 * 3600
            if rng.random() < 0.02:
                age = rng.random() * YEARS * 365 * 24 * 3600
            published_at = now - datetime.timedelta(seconds=age + rng.randrange(3600))
            status = Article.Status.PUBLISHED
            if rng.random() < 0.02:
                status = Article.Status.DRAFT
            elif i >= total - 50 and rng.random() < 0.2:
                published_at = now + datetime.timedelta(hours=rng.randrange(1, 240))
            year = timezone.localtime(published_at).year
            fill = {
                "place": place,
                "org": organization.name if organization else "Tỉnh đoàn Kiên Giang",
                "code": source.code if source else "TĐ",
                "year": year,
                "n": rng.randrange(12, 900),
            }
            title = rng.choice(demo.TITLE_PATTERNS).format(**fill)
            if rng.random() < 0.5:
                title = f"{title} năm {year}"
            paragraphs = rng.sample(demo.PARAGRAPHS + EXTRA_PARAGRAPHS, rng.randint(3, 7))
            body = "".join(f"<p>{p.format(**fill)}</p>" for p in paragraphs)
            article = Article(
                title=title,
                lead=rng.choice(demo.LEAD_PATTERNS).format(**fill),
                body=body,
                category=rng.choices(cats, weights)[0],
                organization=organization,
                source=source,
                original_url=f"{source.website}/bai-viet-{i}" if source and source.website else "",
                byline=rng.choice(demo.BYLINES),
                status=status,
                published_at=published_at,
                is_featured=rng.random() < 0.01,
                cover_image=rng.choice(covers) if rng.random() < 0.8 else "",
                cover_width=1200,
                cover_height=675,
                cover_alt=f"Đoàn viên thanh niên {place} tham gia hoạt động",
                read_count=int(math.exp(rng.gauss(5, 1.2))),
                legacy_id=100000 + i if i < total * 0.3 else None,
            )
            if not article.cover_image:
                article.cover_width = article.cover_height = None
            article.slug = self._unique_slug(title, slugs)
            article.fill_derived_fields()
            batch.append(article)
        Article.objects.bulk_create(batch)
        through = Article.tags.through
        through.objects.bulk_create(
            through(article_id=article.pk, tag_id=tag.pk)
            for article in batch
            for tag in rng.sample(tags, rng.choice((0, 1, 1, 2, 2, 3)))
        )
        if self._ids:  # an editor's picks, among older articles
            related = Article.related_articles.through
            related.objects.bulk_create(
                related(from_article_id=article.pk, to_article_id=rng.choice(self._ids))
                for article in batch
                if rng.random() < 0.02
            )
        self._ids.extend(article.pk for article in batch)
        self._daily_reads(rng, batch, now)

    def _unique_slug(self, title, slugs):
        """portal.text.unique_slug's rule, with the slugs taken kept in memory."""
        max_length = Article._meta.get_field("slug").max_length - 12
        base = slugify_vi(title, max_length=max_length) or "bai-viet"
        slug, n = base, self._next_suffix.get(base, 2)
        while slug in slugs:
            slug = f"{base}-{n}"
            n += 1
        slugs.add(slug)
        self._next_suffix[base] = n  # the suffixes below n are taken: no need to try them again
        return slug

    def _daily_reads(self, rng, batch, now):
        """Two weeks of daily reads for the articles of the last month."""
        today = timezone.localdate()
        rows = []
        for article in batch:
            if article.status != Article.Status.PUBLISHED or article.published_at > now:
                continue
            days = (now - article.published_at).days
            if days > 30:
                continue
            for days_ago in range(min(days + 1, 14)):
                day = today - datetime.timedelta(days=days_ago)
                rows.append((article.pk, day, rng.randrange(1, 300)))
        # As counting stores them: the day's, the week's and the month's rows.
        ArticleDailyRead.objects.add_counts(rows)
