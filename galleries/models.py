"""Photo albums ("Thư viện ảnh"): captioned photos of the union's campaigns."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.images import DatedUploadTo, SafeImageField
from portal.publishing import ScheduledQuerySet
from portal.text import unique_slug


class AlbumQuerySet(ScheduledQuerySet):
    def for_listing(self):
        return self.select_related("organization").only(
            "id",
            "title",
            "slug",
            "cover",
            "cover_width",
            "cover_height",
            "published_at",
            "organization__name",
            "organization__slug",
        )

    def for_detail(self):
        return self.select_related("organization", "article").prefetch_related("photos")


class Album(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_("Part of the page address. Left empty, it is made from the title."),
    )
    description = models.TextField(_("description"), blank=True)
    cover = SafeImageField(
        _("cover image"),
        upload_to=DatedUploadTo("albums"),
        width_field="cover_width",
        height_field="cover_height",
        help_text=_("Shown in the list of albums."),
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="albums",
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="albums",
        help_text=_("The article about the same event, if there is one."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_albums",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = AlbumQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo album")
        verbose_name_plural = _("photo albums")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["-published_at", "-id"], name="album_published_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="album")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("galleries:album_detail", kwargs={"slug": self.slug, "pk": self.pk})

    @property
    def is_live(self):
        return self.is_published and self.published_at <= timezone.now()


class Photo(models.Model):
    album = models.ForeignKey(
        Album, verbose_name=_("album"), on_delete=models.CASCADE, related_name="photos"
    )
    image = SafeImageField(
        _("image"), upload_to=DatedUploadTo("albums"), width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "id"]

    def __str__(self):
        return self.caption or self.image.name

    def get_absolute_url(self):
        return reverse(
            "galleries:photo_detail",
            kwargs={"slug": self.album.slug, "album_pk": self.album_id, "pk": self.pk},
        )

    @property
    def description(self):
        """The text that stands for the photo: its alt text, or else its caption."""
        return self.alt_text or self.caption
