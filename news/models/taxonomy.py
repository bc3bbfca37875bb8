"""Categories, sources and tags: how articles are filed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.text import unique_slug


class CategoryQuerySet(models.QuerySet):
    def in_menu(self):
        return self.filter(is_in_menu=True)

    def top_level(self):
        return self.filter(parent__isnull=True)


class Category(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Part of the page address. Left empty, it is made from the name."),
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the menu.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text=_("Set it to show this category as a sub-menu of another one."),
    )
    is_in_menu = models.BooleanField(_("shown in the menu"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["order", "name"]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="chuyen-muc")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:category_detail", kwargs={"slug": self.slug})

    def clean(self):
        # One level of sub-menus: a category under itself, or a sub-category with sub-categories
        # of its own, would drop out of the menu.
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("A category cannot be its own parent.")})
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": _("This category has sub-categories, so it cannot be one itself.")}
            )


class Source(models.Model):
    """An outlet whose news the site republishes (Báo Kiên Giang, KGO)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.CharField(
        _("short code"),
        max_length=20,
        blank=True,
        help_text=_('The tag that starts a lead, such as "KGO" in "(KGO) - ".'),
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="the")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:tag_detail", kwargs={"slug": self.slug})
