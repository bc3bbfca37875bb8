import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from news.reads import reads_flush


class Command(BaseCommand):
    help = (
        "Writes the reads buffered in Redis (READS_BUFFERED) to the database. Run it every "
        "minute from cron, or with --every N as a service; counted reads also flush it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=float,
            metavar="SECONDS",
            help="Keep running, flushing every SECONDS (for a systemd service).",
        )

    def handle(self, *args, every=None, **options):
        if not settings.READS_BUFFERED:
            raise CommandError(
                "Reads are not buffered (set REDIS_URL and READS_BUFFERED=true): "
                "they are already written to the database as they come."
            )
        while True:
            written = reads_flush()
            if options["verbosity"] > 1 or every is None:
                self.stdout.write(f"{written} reads written to the database.")
            if every is None:
                return
            time.sleep(every)
