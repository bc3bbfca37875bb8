"""A codebase a newcomer can walk: the README's map names every folder, no module is too long."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Folders every app may have, named once by the map's "built the same way" sentence.
PER_APP = {"migrations", "templatetags", "management", "management/commands"}
# Modules over the limit, each with the reason it still is (none today).
LONG_FOR_NOW = set()
MAX_LINES = 420  # "about 400"


def tracked_files():
    try:
        out = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"not a git checkout ({error})")
    return [Path(line) for line in out.splitlines()]


def readme_map():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text[text.index("## Where things live") : text.index("### Translations")]


def test_the_readme_map_names_every_folder():
    section = readme_map()
    folders = {path.parent for path in tracked_files()} - {Path(".")}
    unnamed = []
    for folder in sorted(folders):
        name = folder.as_posix()
        if name.startswith("docs/examples/"):  # sample data under the named docs/examples/
            continue
        top, _, rest = name.partition("/")
        if rest in PER_APP:
            continue
        if f"`{name}/" not in section and f" {name}/" not in section:
            unnamed.append(name)
    assert unnamed == []


def test_no_module_of_ours_is_much_longer_than_400_lines():
    long = {
        path.as_posix(): n
        for path in tracked_files()
        if path.suffix in {".py", ".js", ".css", ".html"}
        and "migrations" not in path.parts
        and path.as_posix() not in LONG_FOR_NOW
        and (n := len((ROOT / path).read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_modules_left_long_for_now_still_are():
    # Once split, a module leaves LONG_FOR_NOW, so that the exception does not outlive it.
    for name in LONG_FOR_NOW:
        assert len((ROOT / name).read_text(encoding="utf-8").splitlines()) > MAX_LINES, name


def test_no_test_module_imports_another():
    imports = re.compile(r"^\s*from (?:tests\.|\.)(?:\w+\.)*(test_\w+) import", re.M)
    offenders = {
        path.as_posix(): imports.findall((ROOT / path).read_text(encoding="utf-8"))
        for path in tracked_files()
        if path.parts[0] == "tests" and path.suffix == ".py"
    }
    assert {name: found for name, found in offenders.items() if found} == {}
