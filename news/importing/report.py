"""What an import tells the person running it: a progress bar, each problem by its line or item
number with the reason, and a summary at the end."""

import time

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm


class ImportReport:
    def __init__(self, *, stdout, stderr, total, place):
        """``place`` names a position in the file: _("Line %(number)s") or _("Item %(number)s")."""
        self.stdout = stdout
        self.place = place
        self.created = self.updated = self.failed = self.skipped = self.warnings = 0
        self.started = time.monotonic()
        # The bar shows the count, the total and the rate; it goes to stderr so that the report
        # on stdout can be kept in a file.
        self.bar = tqdm(
            total=total,
            # Django's OutputWrapper would end every redraw with a new line: write to its stream.
            file=getattr(stderr, "_out", stderr),
            unit=_("article"),
            desc=_("Importing"),
            mininterval=0.5,
            dynamic_ncols=True,
        )

    def _say(self, number, message):
        where = self.place % {"number": number} if number is not None else ""
        self.bar.clear()
        self.stdout.write(f"{where}: {message}" if where else message)
        self.bar.refresh()

    def imported(self, number, created, warnings=()):
        if created:
            self.created += 1
        else:
            self.updated += 1
        for warning in warnings:
            self.warn(number, warning)
        self.bar.update(1)

    def fail(self, number, reason):
        self.failed += 1
        self._say(number, _("not imported: %(reason)s") % {"reason": reason})
        self.bar.update(1)

    def skip(self, number, reason, *, quiet=False):
        self.skipped += 1
        if not quiet:
            self._say(number, _("skipped: %(reason)s") % {"reason": reason})
        self.bar.update(1)

    def warn(self, number, message):
        self.warnings += 1
        self._say(number, _("warning: %(message)s") % {"message": message})

    def note(self, message):
        self._say(None, message)

    def finish(self):
        self.bar.close()
        seconds = max(time.monotonic() - self.started, 1e-6)
        done = self.created + self.updated
        self.stdout.write(
            _(
                "Finished in %(seconds).1f s: %(created)s created, %(updated)s updated, "
                "%(failed)s failed, %(skipped)s skipped, %(warnings)s warnings; "
                "%(rate).1f articles per second."
            )
            % {
                "seconds": seconds,
                "created": self.created,
                "updated": self.updated,
                "failed": self.failed,
                "skipped": self.skipped,
                "warnings": self.warnings,
                "rate": done / seconds,
            }
        )
        if self.failed:
            self.stdout.write(
                ngettext(
                    "%(count)s line or item was not imported: fix it and run the import again; "
                    "what was imported is updated, never duplicated.",
                    "%(count)s lines or items were not imported: fix them and run the import "
                    "again; what was imported is updated, never duplicated.",
                    self.failed,
                )
                % {"count": self.failed}
            )
