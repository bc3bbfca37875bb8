"""The media library ("Thư viện ảnh dùng chung"): every picture editors upload is one record.

A cover uploaded in place, a picture uploaded into an article's body and a picture imported
from another site each become a Picture, with its caption, alt text, credit and focal point,
that editors find again (diacritics ignored) and reuse.
"""

from django.apps import apps
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.images import DatedUploadTo, SafeImageField
from portal.text import fold_vi


class Picture(models.Model):
    image = SafeImageField(
        _("image"),
        upload_to=DatedUploadTo("library"),
        width_field="width",
        height_field="height",
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
    credit = models.CharField(
        _("author or credit"), max_length=255, blank=True, help_text=_('Such as "Ảnh: Minh Trí".')
    )
    # Where the subject is, in percent of the width and height: crops keep it in view.
    focal_x = models.PositiveSmallIntegerField(
        _("focal point, across (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point, down (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="pictures",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("media library")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.caption or self.alt_text or self.image.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        self.search_text = fold_vi(f"{self.caption} {self.alt_text} {self.credit}")
        super().save(*args, **kwargs)
        # Articles keep a copy of the focal point for their cards (no join on list pages).
        self.cover_articles.update(cover_focal=self.focal_position)

    @property
    def focal_position(self):
        """CSS object-position that keeps the focal point in a crop."""
        return f"{self.focal_x}% {self.focal_y}%"

    def usages(self):
        """[(object, where)] of everything that shows this picture: a many-to-one link to it,
        any image field holding its file, any article body showing its address."""
        found = []
        for relation in self._meta.related_objects:
            if relation.one_to_many:
                for obj in relation.related_model._default_manager.filter(
                    **{relation.field.name: self}
                ):
                    found.append((obj, relation.field.verbose_name))
        url = self.image.url if self.image else None
        for model in apps.get_models():
            if model is Picture:
                continue
            for field in model._meta.concrete_fields:
                if isinstance(field, models.FileField) and self.image:
                    for obj in model._default_manager.filter(**{field.name: self.image.name}):
                        found.append((obj, field.verbose_name))
                elif field.name == "body" and url:
                    for obj in model._default_manager.filter(body__contains=url):
                        found.append((obj, field.verbose_name))
        seen, unique = set(), []
        for obj, where in found:
            key = (type(obj), obj.pk, str(where))
            if key not in seen:
                seen.add(key)
                unique.append((obj, where))
        return unique
