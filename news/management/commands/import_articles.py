from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from news.importing.articles import Names, article_import
from news.importing.jsonl import count_lines, read_lines
from news.importing.media import ImportProblem, MediaDir
from news.importing.report import ImportReport


class Command(BaseCommand):
    help = _(
        "Imports articles from the old site: a JSON Lines file, one article a line "
        "(docs/import.md). Running it again updates the same articles."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--media-dir", type=Path, help=_("Folder holding the old site's pictures.")
        )

    def handle(self, *args, file, media_dir, **options):
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(_("Folder not found: %(path)s") % {"path": media_dir})
        report = ImportReport(
            stdout=self.stdout,
            stderr=self.stderr,
            total=count_lines(file),
            place=_("Line %(number)s"),
        )
        media, names = MediaDir(media_dir), Names()
        for number, record in read_lines(file):
            if isinstance(record, ImportProblem):
                report.fail(number, record)
                continue
            try:
                _article, created, warnings = article_import(
                    record=record, media=media, names=names
                )
            except ImportProblem as problem:
                report.fail(number, problem)
            else:
                report.imported(number, created, warnings)
        report.finish()
        if report.failed:
            raise CommandError(
                _("%(count)s lines were not imported (see above).") % {"count": report.failed}
            )
