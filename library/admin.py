from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.admin_tools import SafeModelAdmin

from .models import Picture


@admin.register(Picture)
class PictureAdmin(SafeModelAdmin):
    list_display = ["thumbnail", "__str__", "credit", "size", "created_by", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    list_select_related = ["created_by"]
    search_fields = ["caption", "alt_text", "credit"]
    folded_search_fields = ["search_text"]
    date_hierarchy = "created_at"
    fields = ["image", "preview", "caption", "alt_text", "credit", "focal_x", "focal_y"]
    readonly_fields = ["preview"]

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" class="library-thumb" style="object-position:{}">',
            obj.image.url,
            obj.focal_position,
        )

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.pk or not obj.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" class="library-preview"><br>'
            '<span class="library-crop" style="background-image:url(\'{}\');'
            'background-position:{}"></span> {}',
            obj.image.url,
            obj.image.url,
            obj.focal_position,
            gettext("How a card crops it, around the focal point."),
        )

    @admin.display(description=_("size"))
    def size(self, obj):
        return f"{obj.width}×{obj.height}" if obj.width else ""

    def get_deleted_objects(self, objs, request):
        """A picture in use is not deleted: the refusal lists where it is used."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for picture in objs:
            for obj, where in picture.usages():
                protected.append(
                    gettext("%(model)s “%(object)s” (%(where)s)")
                    % {
                        "model": capfirst(obj._meta.verbose_name),
                        "object": obj,
                        "where": where,
                    }
                )
        return deleted, model_count, perms_needed, protected

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
