from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from news.importing.articles import Names, article_import
from news.importing.media import ImportProblem, MediaDir
from news.importing.report import ImportReport
from news.importing.wordpress import STATUSES, WxrError, WxrFile, record_from_item

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")


class Command(BaseCommand):
    help = _(
        "Imports the posts of a WordPress export file (WXR 1.0 to 1.2). Running it again "
        "updates the same articles."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--media-dir",
            type=Path,
            help=_("Folder holding the old site's uploads (wp-content/uploads or the site root)."),
        )

    def handle(self, *args, file, media_dir, **options):
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(_("Folder not found: %(path)s") % {"path": media_dir})
        try:
            wxr = WxrFile(file)
        except WxrError as error:
            raise CommandError(_("%(path)s: %(error)s") % {"path": file, "error": error}) from error
        report = ImportReport(
            stdout=self.stdout, stderr=self.stderr, total=wxr.item_count, place=_("Item %(number)s")
        )
        if wxr.version not in SUPPORTED_VERSIONS:
            report.note(
                _("WXR version %(version)s is newer than 1.2: read as 1.2.")
                % {"version": wxr.version}
            )
        attachments = self._import_items(wxr, report, MediaDir(media_dir), Names())
        for _nicename, (path, kept) in wxr.folded.items():
            report.note(
                _("WordPress category %(path)s is deeper than ours: its posts are in %(kept)s.")
                % {"path": path, "kept": kept}
            )
        if attachments:
            report.note(
                _(
                    "%(count)s attachments (pictures and files) are not articles: skipped; their "
                    "pictures come with the posts that show them."
                )
                % {"count": attachments}
            )
        report.finish()
        if report.failed:
            raise CommandError(
                _("%(count)s items were not imported (see above).") % {"count": report.failed}
            )

    def _import_items(self, wxr, report, media, names):
        attachments = 0
        try:
            for number, fields in wxr.items():
                post_type = fields.get("wp:post_type", "").strip() or "post"
                status = fields.get("wp:status", "").strip()
                title = fields.get("title", "").strip()
                if post_type == "attachment":
                    attachments += 1
                    report.skip(number, post_type, quiet=True)
                elif post_type != "post":
                    report.skip(
                        number,
                        _("%(title)r is a %(type)s, not a post")
                        % {"title": title, "type": post_type},
                    )
                elif status not in STATUSES:
                    report.skip(
                        number,
                        _("%(title)r has the status %(status)r (not imported)")
                        % {"title": title, "status": status},
                    )
                else:
                    self._import_post(wxr, number, fields, report, media, names)
        except WxrError as error:  # cannot happen after a full first pass, unless the file changed
            raise CommandError(str(error)) from error
        return attachments

    def _import_post(self, wxr, number, fields, report, media, names):
        try:
            record, notes = record_from_item(wxr, fields)
            _article, created, warnings = article_import(record=record, media=media, names=names)
        except ImportProblem as problem:
            report.fail(number, problem)
        else:
            report.imported(number, created, [*notes, *warnings])
