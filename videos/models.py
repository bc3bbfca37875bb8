"""Videos ("Video"): a YouTube video behind a click-to-load facade, or an uploaded MP4."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.images import DatedUploadTo, SafeImageField
from portal.publishing import ScheduledQuerySet
from portal.text import unique_slug

from .files import VideoUploadTo, video_file_check

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtu.be"}


def youtube_id_from_url(url):
    """The 11-character id of a YouTube address (watch, youtu.be, embed, shorts), or ""."""
    parts = urlsplit(url.strip())
    if parts.hostname not in YOUTUBE_HOSTS:
        return ""
    if parts.hostname.endswith("youtu.be"):
        candidate = parts.path.strip("/").split("/")[0]
    elif parts.path == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    else:
        segments = parts.path.strip("/").split("/")
        candidate = (
            segments[1] if len(segments) > 1 and segments[0] in {"embed", "shorts", "live"} else ""
        )
    return candidate if YOUTUBE_ID.match(candidate) else ""


class Video(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    youtube_url = models.URLField(
        _("YouTube address"),
        blank=True,
        help_text=_(
            "Such as https://www.youtube.com/watch?v=… . Leave empty to upload an MP4 file."
        ),
    )
    youtube_id = models.CharField(max_length=11, blank=True, editable=False)
    file = models.FileField(
        _("MP4 file"),
        upload_to=VideoUploadTo(),
        blank=True,
        max_length=200,
        help_text=_("Only when there is no YouTube address."),
    )
    thumbnail = SafeImageField(
        _("thumbnail"),
        upload_to=DatedUploadTo("videos"),
        blank=True,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
        help_text=_("Left empty for a YouTube video, the video's own thumbnail is fetched."),
    )
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_source_id = models.CharField(max_length=11, blank=True, editable=False)
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(_("date"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = ScheduledQuerySet.as_manager()

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["-published_at", "-id"], name="video_published_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(youtube_url="") & ~models.Q(file="")
                    | ~models.Q(youtube_url="") & models.Q(file="")
                ),
                name="video_youtube_or_file",
                violation_error_message=_(
                    "Give either a YouTube address or an MP4 file (one of the two)."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="video")
        self.youtube_id = youtube_id_from_url(self.youtube_url) if self.youtube_url else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("videos:video_detail", kwargs={"slug": self.slug, "pk": self.pk})

    def clean(self):
        if self.youtube_url and not youtube_id_from_url(self.youtube_url):
            raise ValidationError({"youtube_url": _("This is not the address of a YouTube video.")})
        if self.file and not self.file._committed:
            try:
                video_file_check(self.file.file)
            except ValidationError as error:
                raise ValidationError({"file": error.error_list}) from error

    @property
    def watch_url(self):
        return f"https://www.youtube.com/watch?v={self.youtube_id}"

    @property
    def embed_url(self):
        # The no-cookie host: YouTube sets no cookie until the reader plays the video.
        return f"https://www.youtube-nocookie.com/embed/{self.youtube_id}?autoplay=1"

    @property
    def is_live(self):
        return self.is_published and self.published_at <= timezone.now()
