"""Uploaded videos: MP4 only, checked by its content (the "ftyp" box), within a size limit."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from portal.uploads import upload_size_check

# Brands of the ISO media file family that browsers play as video/mp4.
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"dash",
    b"M4V ",
}


def video_file_check(uploaded):
    """Raise ValidationError unless ``uploaded`` is an MP4 video within the size limit."""
    upload_size_check(uploaded, settings.VIDEO_MAX_UPLOAD_BYTES)
    uploaded.seek(0)
    head = uploaded.read(12)
    uploaded.seek(0)
    if len(head) < 12 or head[4:8] != b"ftyp" or head[8:12] not in MP4_BRANDS:
        raise ValidationError(
            _("Only MP4 videos are accepted (checked by the file's content)."), code="not_mp4"
        )


@deconstructible
class VideoUploadTo:
    def __call__(self, instance, filename):
        return f"videos/{timezone.localtime():%Y/%m}/{uuid.uuid4().hex}.mp4"

    def __eq__(self, other):
        return isinstance(other, VideoUploadTo)
