"""The article form: publishing buttons, the stale-form check and a cover kept after errors."""

from django import forms
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ckeditor_5.widgets import CKEditor5Widget

from library.models import Picture
from portal.admin_tools import SafeAutocompleteSelect
from portal.images import DatedUploadTo

from .. import editing, revisions, workflow
from ..models import Article

cover_upload_to = DatedUploadTo("news")

# What a writer's form never has: posted anyway, the save is refused (news/workflow.py).
WRITER_FORBIDDEN_FIELDS = {
    "status",
    "published_at",
    "published_at_0",
    "published_at_1",
    "is_featured",
    "created_by",
    "submitted_at",
    "review_note",
}

# The buttons under the form (name="_action"); each says what it does to the article.
ACTION_DRAFT = "draft"
ACTION_PUBLISH = "publish"
ACTION_SCHEDULE = "schedule"
ACTION_SAVE = "save"  # a published or scheduled article saved as it is
ACTION_SUBMIT = "submit"  # "Gửi duyệt": waiting for an editor
ACTIONS = {ACTION_DRAFT, ACTION_PUBLISH, ACTION_SCHEDULE, ACTION_SAVE, ACTION_SUBMIT}
PUBLISHING_ACTIONS = {ACTION_PUBLISH, ACTION_SCHEDULE}


class CoverPictureWidget(SafeAutocompleteSelect):
    """The library lookup for the cover, with the chosen picture shown under it."""

    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        picture = None
        if value and str(value).isdigit() and len(str(value)) < 12:
            picture = Picture.objects.filter(pk=value).first()
        if picture is None:
            return select
        return format_html(
            '{}<p class="cover-kept"><img src="{}" alt="" height="80"> {}</p>',
            select,
            picture.image.url,
            _("Chosen cover: it stays chosen until you change it."),
        )


class ArticleAdminForm(forms.ModelForm):
    version_token = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set by ArticleAdmin.get_form(): the request's user and the button pressed.
    user = None
    action = ACTION_SAVE
    is_preview = False

    class Meta:
        model = Article
        # ArticleAdmin's fieldsets choose the fields; these are the ones every form has.
        fields = ["title", "body"]
        widgets = {
            "title": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 3}),
            "cover_caption": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "cover_alt": forms.TextInput(attrs={"class": "vLargeTextField"}),
        }
        labels = {
            "published_at": gettext_lazy("Publication time"),
            "cover_image": gettext_lazy("or upload a new cover"),
        }
        help_texts = {
            "cover_image": gettext_lazy("The picture is added to the media library."),
            "published_at": gettext_lazy(
                'Used by "Schedule": readers see the article from then on. "Publish" on a '
                "draft publishes it now unless you change this time."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if not self.is_bound:
            self.initial["version_token"] = editing.version_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        self._keep_uploaded_cover(cleaned)
        if self.action == ACTION_SCHEDULE:
            when = cleaned.get("published_at")
            if when and when <= timezone.now():
                self.add_error(
                    "published_at", _("Choose a time in the future to schedule the article.")
                )
        if self.action in PUBLISHING_ACTIONS and not self.user.has_perm("news.publish_article"):
            raise forms.ValidationError(_("You are not allowed to publish articles."))
        if workflow.is_writer(self.user):
            self._check_writer_post()
        if self.instance.pk and not self.is_preview:
            self._check_not_stale(cleaned)
        return cleaned

    def _check_writer_post(self):
        """Held on the server whatever the browser sends: a writer's form has no status,
        publication time or featured flag, and a post that carries one changes nothing."""
        posted = sorted(WRITER_FORBIDDEN_FIELDS & set(self.data))
        if posted:
            raise forms.ValidationError(
                _(
                    "A contributor cannot set the status, the publication time or the "
                    "featured flag; an editor does that when publishing. Refused: %(fields)s."
                ),
                code="writer_forbidden",
                params={"fields": ", ".join(posted)},
            )

    def _keep_uploaded_cover(self, cleaned):
        """A cover uploaded in place joins the media library at once and becomes the chosen
        one, so a form that then fails shows it still chosen."""
        upload = cleaned.get("cover_image")
        if upload is False:  # "clear": no cover at all
            cleaned["cover_picture"] = None
        elif upload and not isinstance(upload, str | FieldFile):
            name = default_storage.save(cover_upload_to(self.instance, upload.name), upload)
            picture = Picture.objects.create(
                image=name,
                caption=cleaned.get("cover_caption", ""),
                alt_text=cleaned.get("cover_alt", ""),
                created_by=self.user,
            )
            cleaned["cover_picture"] = picture
            cleaned["cover_image"] = name
            self._set_data("cover_picture", str(picture.pk))

    def _set_data(self, name, value):
        self.data = self.data.copy()
        self.data[self.add_prefix(name)] = value

    def _check_not_stale(self, cleaned):
        current = editing.stale_by(
            article_pk=self.instance.pk, token=cleaned.get("version_token", "")
        )
        if current is None:
            return
        who = current.updated_by
        name = (who.get_full_name() or who.get_username()) if who else _("someone")
        when = date_format(timezone.localtime(current.updated_at), "H:i d/m/Y")
        theirs = revisions.snapshot_from_instance(current)
        yours = revisions.snapshot_from_form(cleaned, current)
        yours[revisions.IMAGES] = theirs[revisions.IMAGES]  # pictures are shown, not merged
        self.conflict = {
            "name": name,
            "when": when,
            "rows": revisions.compare(theirs, yours, changed_only=True),
        }
        # The next save is the editor's informed choice: it carries the current token.
        self._set_data("version_token", editing.version_token(current))
        raise forms.ValidationError(
            _(
                "%(name)s changed this article at %(when)s, after you opened it. Your version "
                "is not saved yet: it is still in the form below. Compare the two, then save "
                "again to replace their version with yours, or reload to take theirs."
            ),
            code="stale",
            params={"name": name, "when": when},
        )
