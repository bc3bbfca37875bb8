from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from portal.admin_tools import SafeModelAdmin

from .models import Video, youtube_id_from_url
from .services import video_thumbnail_fetch


@admin.register(Video)
class VideoAdmin(SafeModelAdmin):
    list_display = ["title", "published_at", "kind", "is_published"]
    list_filter = ["is_published", "published_at"]
    search_fields = ["title", "description"]
    date_hierarchy = "published_at"
    fields = [
        "title",
        "slug",
        "description",
        "youtube_url",
        "file",
        "thumbnail",
        "is_published",
        "published_at",
    ]

    @admin.display(description=_("kind"))
    def kind(self, obj):
        return "YouTube" if obj.youtube_id else "MP4"

    def save_model(self, request, obj, form, change):
        obj.youtube_id = youtube_id_from_url(obj.youtube_url) if obj.youtube_url else ""
        if "thumbnail" in form.changed_data:
            # The editor chose the picture: it stands for this video, never fetched over.
            obj.thumbnail_source_id = obj.youtube_id
        super().save_model(request, obj, form, change)
        if obj.youtube_id and obj.thumbnail_source_id != obj.youtube_id:
            if not video_thumbnail_fetch(video=obj) and not obj.thumbnail:
                self.message_user(
                    request,
                    _(
                        "The video's thumbnail could not be fetched from YouTube: upload one, "
                        "or save again later."
                    ),
                    messages.WARNING,
                )
