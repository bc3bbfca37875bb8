"""Back up the site (database and uploaded media) into a folder, and restore it from one.

    .venv/bin/python scripts/backup.py create /srv/backups/portal-2026-11-28
    .venv/bin/python scripts/backup.py restore /srv/backups/portal-2026-11-28

Both read the same settings as the site (environment variables and .env): DATABASE_URL
and DJANGO_MEDIA_ROOT say what is backed up, or where a backup is restored to. A restore
only goes into an empty database (run it before `manage.py migrate`) and an empty or
missing media folder: it never mixes a backup with what is there. See README, "Sao lưu".

Why these tools: each database's own backup, not Django's dumpdata.
- PostgreSQL: pg_dump in its custom format, one consistent snapshot taken while the site
  runs, with sequences, indexes and constraints; pg_restore puts it back in one transaction,
  so a failed restore leaves the database empty, never half-filled. The pg_dump client
  must be the server's major version or newer (Debian: postgresql-client).
- SQLite: SQLite's online backup API (what the sqlite3 shell's .backup does), a consistent
  copy even while the site writes, checked with PRAGMA integrity_check.
- Media: a gzip'd tar of DJANGO_MEDIA_ROOT, taken after the database, so every file a row
  names is in it; the manifest's file count is checked on restore.
dumpdata/loaddata would hold the whole database in memory, is not one snapshot across
tables, and runs every model's save signals again on load; it is the tool for moving a
site between SQLite and PostgreSQL, not for backups.
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path


def _(message):
    from django.utils.translation import gettext

    return gettext(message)


BASE_DIR = Path(__file__).resolve().parent.parent
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"


def _setup_django():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)  # the messages below are for the IT person
    database = settings.DATABASES["default"]
    if settings.STORAGES["default"]["BACKEND"] != "portal.storage.FileSystemStorage":
        sys.exit(_("Media are in object storage (S3): back them up with the bucket's own tools."))
    return database, Path(settings.MEDIA_ROOT)


def _kind(database):
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    sys.exit(_("Unsupported database engine: %(engine)s") % {"engine": engine})


def _pg_env(database):
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if database.get(key):
            env[name] = str(database[key])
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return env


def _run(command, env=None):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit(
            _("%(program)s is not installed (apt-get install postgresql-client).")
            % {"program": command[0]}
        )
    if result.returncode != 0:
        sys.exit(_("%(program)s failed:") % {"program": command[0]} + "\n" + result.stderr.strip())


def _media_files(media_root):
    if not media_root.exists():
        return []
    return sorted(p for p in media_root.rglob("*") if p.is_file())


def create(folder):
    database, media_root = _setup_django()
    kind = _kind(database)
    folder.mkdir(parents=True, exist_ok=False)
    if kind == "postgresql":
        database_file = "database.pgdump"
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={folder / database_file}",
                database["NAME"],
            ],
            env=_pg_env(database),
        )
    else:
        database_file = "database.sqlite3"
        source = sqlite3.connect(f"file:{database['NAME']}?mode=ro", uri=True)
        target = sqlite3.connect(folder / database_file)
        with target:
            source.backup(target)
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
        source.close()
        target.close()
        if check != "ok":
            sys.exit(
                _("The copy of the database failed its integrity check: %(result)s")
                % {"result": check}
            )
    files = _media_files(media_root)
    with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
        for path in files:
            archive.add(path, arcname=str(path.relative_to(media_root)), recursive=False)
    manifest = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": kind,
        "database_file": database_file,
        "media_files": len(files),
        "media_bytes": sum(path.stat().st_size for path in files),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    print(
        _(
            "Backed up the %(kind)s database and %(count)s media files (%(bytes)s bytes) "
            "into %(folder)s."
        )
        % {"kind": kind, "count": len(files), "bytes": manifest["media_bytes"], "folder": folder}
    )


def restore(folder):
    database, media_root = _setup_django()
    kind = _kind(database)
    manifest = json.loads((folder / MANIFEST).read_text())
    if manifest["database"] != kind:
        sys.exit(
            _(
                "This backup is of a %(backup)s database and DATABASE_URL names a %(kind)s one: "
                "restore into the same kind of database."
            )
            % {"backup": manifest["database"], "kind": kind}
        )
    if media_root.exists() and any(media_root.iterdir()):
        sys.exit(
            _("The media folder %(folder)s is not empty: restore into an empty one.")
            % {"folder": media_root}
        )
    from django.db import connection

    if connection.introspection.table_names():
        sys.exit(
            _("The database %(name)s is not empty: restore into an empty one.")
            % {"name": database["NAME"]}
        )
    connection.close()
    if kind == "postgresql":
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={database['NAME']}",
                str(folder / manifest["database_file"]),
            ],
            env=_pg_env(database),
        )
    else:
        source = sqlite3.connect(f"file:{folder / manifest['database_file']}?mode=ro", uri=True)
        target = sqlite3.connect(database["NAME"])
        with target:
            source.backup(target)
        source.close()
        target.close()
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_ARCHIVE, "r:gz") as archive:
        # "data": no absolute paths, no "..", no links leaving the folder, no device files.
        archive.extractall(media_root, filter="data")
    restored = len(_media_files(media_root))
    if restored != manifest["media_files"]:
        sys.exit(
            _("Restored %(restored)s media files; the backup lists %(listed)s.")
            % {"restored": restored, "listed": manifest["media_files"]}
        )
    print(
        _("Restored the %(kind)s database and %(count)s media files from %(folder)s.")
        % {"kind": kind, "count": restored, "folder": folder}
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["create", "restore"])
    parser.add_argument("folder", type=Path, help="the backup's folder (create makes it)")
    args = parser.parse_args()
    if args.action == "create":
        create(args.folder.resolve())
    else:
        restore(args.folder.resolve())


if __name__ == "__main__":
    main()
