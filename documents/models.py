"""The documents register ("Văn bản"): official documents with their attached files."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.publishing import ScheduledQuerySet
from portal.text import fold_vi, unique_slug

from .files import KIND_CHOICES, KINDS, DocumentUploadTo, document_file_check, download_name

SEARCH_MAX_CHARS = 100
SEARCH_MAX_WORDS = 10


def search_words(query):
    """The folded words of a reader's query, capped so an over-long query stays cheap."""
    words = re.findall(r"\w+", fold_vi(query[:SEARCH_MAX_CHARS]))
    return list(dict.fromkeys(words))[:SEARCH_MAX_WORDS]


class DocumentType(models.Model):
    """Nghị quyết, Chỉ thị, Kế hoạch, …: editable by editors."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the filter.")
    )

    class Meta:
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="loai")
        super().save(*args, **kwargs)


class DocumentSubject(models.Model):
    """The field a document is about ("lĩnh vực"): Công tác Đoàn, Tổ chức - Kiểm tra, …"""

    name = models.CharField(_("name"), max_length=150, unique=True)

    class Meta:
        verbose_name = _("document field")
        verbose_name_plural = _("document fields")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DocumentQuerySet(ScheduledQuerySet):
    def of_type(self, document_type):
        return self.filter(document_type=document_type)

    def issued_by(self, organization):
        return self.filter(issuer=organization)

    def issued_in(self, year):
        # A date range, not __year: the index on issued_on serves it on every database.
        return self.filter(
            issued_on__gte=datetime.date(year, 1, 1), issued_on__lt=datetime.date(year + 1, 1, 1)
        )

    def search(self, query):
        """Documents whose number, summary or signer hold every word of ``query``, blind to
        case and Vietnamese diacritics."""
        words = search_words(query)
        if not words:
            return self.none()
        condition = models.Q()
        for word in words:
            condition &= models.Q(search_text__contains=word)
        return self.filter(condition)

    def for_listing(self):
        return self.select_related("document_type", "issuer", "subject").prefetch_related("files")

    def for_detail(self):
        return self.for_listing().prefetch_related("articles")


class Document(models.Model):
    number = models.CharField(
        _("number and symbol"),
        max_length=100,
        help_text=_('As printed on the document, such as "125-KH/TĐTN-TCKT".'),
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name=_("document type"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuer = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("issuing organisation"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    signer = models.CharField(_("signed by"), max_length=150, blank=True)
    issued_on = models.DateField(_("date issued"))
    effective_on = models.DateField(_("date in force"), null=True, blank=True)
    summary = models.TextField(_("summary"), help_text=_('The "trích yếu" of the document.'))
    subject = models.ForeignKey(
        DocumentSubject,
        verbose_name=_("field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    slug = models.SlugField(_("slug"), max_length=255, blank=True)
    articles = models.ManyToManyField(
        "news.Article",
        verbose_name=_("related articles"),
        blank=True,
        related_name="documents",
        help_text=_("The document is listed under these articles."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(
        _("published at"),
        default=timezone.now,
        help_text=_("A time in the future schedules the document: readers see it from then on."),
    )
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="created_documents",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "-id"]
        indexes = [
            models.Index(fields=["-issued_on", "-id"], name="document_issued_idx"),
            models.Index(fields=["-published_at"], name="document_published_idx"),
        ]

    def __str__(self):
        return f"{self.number}: {self.summary[:80]}"

    def save(self, *args, **kwargs):
        self.slug = unique_slug(self, f"{self.number} {self.summary[:120]}", fallback="van-ban")
        self.search_text = fold_vi(f"{self.number} {self.summary} {self.signer}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:document_detail", kwargs={"slug": self.slug, "pk": self.pk})

    @property
    def is_live(self):
        return self.is_published and self.published_at <= timezone.now()


class DocumentFile(models.Model):
    """One attached file, checked by its content (documents/files.py) and stored under a
    name the server made."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to=DocumentUploadTo(), max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    kind = models.CharField(_("file type"), max_length=10, choices=KIND_CHOICES, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_('Shown instead of the file name, such as "Phụ lục 1".'),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, **kwargs):
        # Files added without a form (imports, the demo) are checked too; upload_to needs
        # the kind to name the stored file.
        self._check_new_upload()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:file_download", kwargs={"pk": self.pk})

    def clean(self):
        try:
            self._check_new_upload()
        except ValidationError as error:
            raise ValidationError({"file": error.error_list}) from error

    def _check_new_upload(self):
        if not self.file or self.file._committed:
            return
        upload = self.file.file
        self.kind = document_file_check(upload)
        self.original_name = download_name(upload.name, self.kind)
        self.size = upload.size

    @property
    def content_type(self):
        return KINDS[self.kind][1]

    @property
    def kind_label(self):
        return KINDS[self.kind][2]
