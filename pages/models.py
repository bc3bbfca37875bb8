"""Static pages ("Giới thiệu", "Liên hệ", ...) and the menu that administrators arrange."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from portal.html import html_for_readers, sanitize_html
from portal.text import fold_vi, search_words, unique_slug


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def search(self, query):
        """Pages whose title or text hold every word of ``query``, blind to case and diacritics."""
        words = search_words(query)
        if not words:
            return self.none()
        matches = Q()
        for word in words:
            matches &= Q(search_text__contains=word)
        return self.filter(matches).order_by("title")


class Page(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_(
            "Part of the page address (/trang/...). Left empty, it is made from the title."
        ),
    )
    body = models.TextField(_("body"), blank=True)
    # The body as readers get it (lazy pictures, srcset), made by save() from ``body``.
    body_html = models.TextField(editable=False, default="")
    is_published = models.BooleanField(
        _("shown to readers"), default=True, help_text=_("Untick it to hide the page from readers.")
    )
    # Diacritic-free, lower-case copy of the title and text, for search on every database.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("static page")
        verbose_name_plural = _("static pages")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="trang")
        self.body = sanitize_html(self.body)
        self.body_html = html_for_readers(self.body)
        self.search_text = fold_vi(f"{self.title} {strip_tags(self.body)}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:page_detail", kwargs={"slug": self.slug})


# An address on this site: "/" then anything but a second "/" or "\" (browsers read "//host"
# and "/\host" as another site), with no spaces or control characters.
SITE_PATH = re.compile(r"^/(?![/\\])[^\s\x00-\x1f\x7f]*$")
_web_address = URLValidator(schemes=["http", "https"])
LINK_MESSAGE = _(
    "Enter a web address starting with http:// or https://, "
    "or an address on this site starting with /."
)


def is_safe_link(value):
    """Whether a menu link may be shown: http(s) or a path of this site, nothing else
    (``javascript:``, ``data:``, ``//other-site``)."""
    if SITE_PATH.match(value):
        return True
    if not re.match(r"^https?://", value, re.IGNORECASE):
        return False
    try:
        _web_address(value)
    except ValidationError:
        return False
    return True


def validate_menu_link(value):
    if not is_safe_link(value):
        raise ValidationError(LINK_MESSAGE, code="invalid")


class MenuItemQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(is_shown=True)

    def for_menu(self):
        """Every shown item with what its label and address need, in one query."""
        return (
            self.shown()
            .select_related("category", "organization", "page")
            .only(
                "id",
                "title",
                "kind",
                "url",
                "parent_id",
                "order",
                "category__name",
                "category__slug",
                "organization__name",
                "organization__short_name",
                "organization__slug",
                "page__title",
                "page__slug",
            )
            .order_by("order", "id")
        )


class MenuItem(models.Model):
    """One entry of the site's menu: a category, an organisation, a static page or a link.

    Two levels: an item with a parent is a sub-item of it; top-level items come first.
    """

    class Kind(models.TextChoices):
        CATEGORY = "category", _("Category")
        ORGANIZATION = "organization", _("Organisation page")
        PAGE = "page", _("Static page")
        LINK = "link", _("Link")

    # Which target field each kind uses; the others stay empty.
    TARGET_FIELDS = {
        Kind.CATEGORY: "category",
        Kind.ORGANIZATION: "organization",
        Kind.PAGE: "page",
        Kind.LINK: "url",
    }

    title = models.CharField(
        _("title"),
        max_length=100,
        blank=True,
        help_text=_(
            "What the menu shows. Left empty, the name of the category, organisation or page."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CATEGORY)
    category = models.ForeignKey(
        "news.Category",
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_items",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_items",
    )
    page = models.ForeignKey(
        Page,
        verbose_name=_("static page"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_items",
    )
    url = models.CharField(
        _("web address"),
        max_length=500,
        blank=True,
        validators=[validate_menu_link],
        help_text=_(
            "For a link only: https://... for another site, or /van-ban/ for a page of this site."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text=_("Set it to show this item in the sub-menu of a top-level item."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first.")
    )
    is_shown = models.BooleanField(_("shown"), default=True)

    objects = MenuItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                name="menu_item_target_matches_kind",
                condition=(
                    Q(kind="category", category__isnull=False, organization=None, page=None, url="")
                    | Q(kind="organization", organization__isnull=False, category=None, page=None)
                    & Q(url="")
                    | Q(kind="page", page__isnull=False, category=None, organization=None, url="")
                    | Q(kind="link", category=None, organization=None, page=None) & ~Q(url="")
                ),
            )
        ]
        indexes = [models.Index(fields=["parent", "order"], name="menu_item_parent_order_idx")]

    def __str__(self):
        return self.label or str(self.get_kind_display())

    @property
    def label(self):
        if self.title:
            return self.title
        if self.kind == self.Kind.CATEGORY and self.category_id:
            return self.category.name
        if self.kind == self.Kind.ORGANIZATION and self.organization_id:
            return self.organization.short_name or self.organization.name
        if self.kind == self.Kind.PAGE and self.page_id:
            return self.page.title
        return self.url

    @property
    def target_url(self):
        """The address the item leads to; empty for a link that is not safe to show."""
        if self.kind == self.Kind.CATEGORY and self.category_id:
            return self.category.get_absolute_url()
        if self.kind == self.Kind.ORGANIZATION and self.organization_id:
            return self.organization.get_absolute_url()
        if self.kind == self.Kind.PAGE and self.page_id:
            return self.page.get_absolute_url()
        if self.kind == self.Kind.LINK and is_safe_link(self.url):
            return self.url
        return ""

    @property
    def is_external(self):
        return self.kind == self.Kind.LINK and not self.url.startswith("/")

    def clean(self):
        errors = {}
        target = self.TARGET_FIELDS.get(self.kind)
        if target == "url":
            if not self.url:
                errors["url"] = _("A link needs a web address.")
            elif "://" in self.url:  # "HTTPS://..." is stored as "https://..."
                scheme, rest = self.url.split("://", 1)
                self.url = f"{scheme.lower()}://{rest}"
        elif target and not getattr(self, f"{target}_id"):
            errors[target] = _("Choose what this item leads to.")
        # Fields of the other kinds are emptied, not refused: the form shows them all.
        for kind_field in {"category", "organization", "page"} - {target}:
            setattr(self, kind_field, None)
        if target != "url":
            self.url = ""
        if self.parent_id:
            if self.pk and self.parent_id == self.pk:
                errors["parent"] = _("An item cannot be its own parent.")
            elif self.pk and self.children.exists():
                errors["parent"] = _("This item has sub-items, so it cannot be one itself.")
            elif self.parent.parent_id:
                errors["parent"] = _("The menu has two levels: choose a top-level item.")
        if errors:
            raise ValidationError(errors)
