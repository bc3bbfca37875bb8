"""Fetching a YouTube video's thumbnail when the video is saved, so that readers' browsers
never ask YouTube for anything until they press play."""

import logging
import urllib.request

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.images import image_clean

logger = logging.getLogger(__name__)
MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024


def video_thumbnail_fetch(*, video):
    """Store the YouTube thumbnail of ``video`` (through the one image pipeline) when it has
    none or its video changed. Returns True when a thumbnail was stored; a network failure
    leaves the video without one (the page then shows a plain play button)."""
    if not video.youtube_id or video.thumbnail_source_id == video.youtube_id:
        return False
    url = settings.VIDEOS_THUMBNAIL_URL.format(id=video.youtube_id)
    try:
        with urllib.request.urlopen(url, timeout=settings.VIDEOS_FETCH_TIMEOUT) as answer:
            data = answer.read(MAX_THUMBNAIL_BYTES + 1)
        if len(data) > MAX_THUMBNAIL_BYTES:
            raise ValidationError("thumbnail too large")
        image = image_clean(SimpleUploadedFile("thumbnail.jpg", data))
    except (OSError, ValidationError, ValueError):
        logger.warning("Video %s: no thumbnail from %s", video.pk, url, exc_info=True)
        return False
    video.thumbnail.save(image.name, image, save=False)
    video.thumbnail_source_id = video.youtube_id
    video.save(
        update_fields=["thumbnail", "thumbnail_width", "thumbnail_height", "thumbnail_source_id"]
    )
    return True
