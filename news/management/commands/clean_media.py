from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.media import media_orphans


class Command(BaseCommand):
    help = gettext_lazy(
        "Lists the files under MEDIA_ROOT that no row uses (uploads never saved, replaced "
        "pictures, files of deleted articles and sponsors). Deletes them only with --delete."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help=gettext_lazy("Delete the unused files listed.")
        )
        parser.add_argument(
            "--older-than",
            type=float,
            default=24,
            metavar="HOURS",
            help=gettext_lazy(
                "Only files older than this many hours (default 24): a picture uploaded into "
                "an article still being written is used by no row yet."
            ),
        )

    def handle(self, *args, delete=False, older_than=24, **options):
        if not isinstance(default_storage, FileSystemStorage):
            raise CommandError(
                _(
                    "clean_media works only with media stored on this server's disk "
                    "(MEDIA_ROOT); the storage in use is %(storage)s."
                )
                % {"storage": default_storage.__class__.__name__}
            )
        if older_than < 0:
            raise CommandError(_("--older-than cannot be negative."))
        recent, orphans = media_orphans(older_than_seconds=older_than * 3600)
        hours = f"{older_than:g}"
        total = sum(size for _name, _path, size in orphans)
        if orphans:
            self.stdout.write(
                _("Files under %(root)s that no row uses (older than %(hours)s hours):")
                % {"root": settings.MEDIA_ROOT, "hours": hours}
            )
            for name, _path, size in orphans:
                self.stdout.write(f"  {name}  ({filesizeformat(size)})")
        if not orphans:
            self.stdout.write(_("No unused files."))
        elif delete:
            deleted = 0
            for _name, path, _size in orphans:
                path.unlink(missing_ok=True)
                deleted += 1
                self._remove_empty_folders(path.parent)
            self.stdout.write(
                ngettext(
                    "Deleted %(count)s unused file (%(size)s).",
                    "Deleted %(count)s unused files (%(size)s).",
                    deleted,
                )
                % {"count": deleted, "size": filesizeformat(total)}
            )
        else:
            self.stdout.write(
                ngettext(
                    "%(count)s unused file, %(size)s. Nothing was deleted: run again with "
                    "--delete to delete it.",
                    "%(count)s unused files, %(size)s in all. Nothing was deleted: run again "
                    "with --delete to delete them.",
                    len(orphans),
                )
                % {"count": len(orphans), "size": filesizeformat(total)}
            )
        if recent:
            self.stdout.write(
                ngettext(
                    "%(count)s unused file newer than %(hours)s hours was kept: it may be a "
                    "picture of an article still being written.",
                    "%(count)s unused files newer than %(hours)s hours were kept: they may be "
                    "pictures of an article still being written.",
                    recent,
                )
                % {"count": recent, "hours": hours}
            )

    @staticmethod
    def _remove_empty_folders(folder):
        root = Path(str(settings.MEDIA_ROOT))
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
