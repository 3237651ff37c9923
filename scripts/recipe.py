#!/usr/bin/env python3
"""Reads and updates the Bioconda recipe (packaging/bioconda/meta.yaml) the
way conda-build reads it: Jinja2 first (conda-build's own functions stubbed:
compiler(), pin_subpackage(), environ), then the line selectors (`# [win]`)
for linux-64, then YAML. Used by scripts/check-recipe.sh,
scripts/release.sh and tests/e2e/recipe.py.

  scripts/recipe.py show META            the rendered recipe, as JSON
  scripts/recipe.py test-commands META   the test: commands, one per NUL-ended record
  scripts/recipe.py stand-ins META       each requirement's Debian package, one a line
  scripts/recipe.py set-release META VERSION SHA256
                                         writes the version and the tarball's checksum

Needs python3-yaml and python3-jinja2."""
import json
import os
import re
import sys

import jinja2
import yaml

# Debian 12 packages that stand in for each conda requirement when the
# recipe's build and test run outside conda (scripts/check-recipe.sh). A
# requirement missing here is an error, so the table follows the recipe.
STAND_INS = {
    "cxx-compiler": "g++",
    "meson": "meson",
    "ninja": "ninja-build",
    "pkg-config": "pkg-config",
    "htslib": "libhts-dev",
    "tbb-devel": "libtbb-dev",
    "tbb": "libtbb12",
    "eigen": "libeigen3-dev",
    "libboost-devel": "libboost-program-options-dev",
    "nlohmann_json": "nlohmann-json3-dev",
}

# conda-build's selector names, as they are on linux-64.
SELECTORS = {"linux": True, "linux64": True, "unix": True, "x86_64": True, "win": False, "osx": False,
             "aarch64": False, "arm64": False, "ppc64le": False, "py3k": True, "py2k": False}


def render(path, environ=None):
    text = open(path).read()
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    text = env.from_string(text).render(
        compiler=lambda language: f"{language}-compiler",
        pin_subpackage=lambda name, **kw: name,
        environ=os.environ if environ is None else environ)
    kept = []
    for line in text.splitlines():
        m = re.search(r"#\s*\[([^\]]+)\]\s*$", line)
        if m:
            if not eval(m.group(1), {"__builtins__": {}}, SELECTORS):
                continue
            line = line[:m.start()].rstrip()
        kept.append(line)
    return yaml.safe_load("\n".join(kept))


def requirement_names(recipe):
    names = []
    for section in ("build", "host", "run"):
        for spec in (recipe.get("requirements", {}).get(section) or []):
            names.append((section, spec.split()[0]))
    return names


def set_release(path, version, sha256):
    """Rewrites the two `{% set %}` lines; everything else stays as written."""
    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        sys.exit(f"recipe.py: {sha256!r} is not a sha256")
    text = open(path).read()
    for key, value in (("version", version), ("sha256", sha256)):
        text, n = re.subn(rf'^({{% set {key} = )"[^"]*"( %}})$', rf'\g<1>"{value}"\g<2>', text, flags=re.M)
        if n != 1:
            sys.exit(f'recipe.py: {path}: no line {{% set {key} = "..." %}}')
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    command, path = argv[1], argv[2]
    if command == "set-release" and len(argv) == 5:
        set_release(path, argv[3], argv[4])
        return
    recipe = render(path)
    if command == "show":
        print(json.dumps(recipe, indent=1))
    elif command == "test-commands":
        for c in recipe.get("test", {}).get("commands", []):
            sys.stdout.write(c + "\0")
    elif command == "stand-ins":
        missing = [name for _, name in requirement_names(recipe) if name not in STAND_INS]
        if missing:
            sys.exit(f"recipe.py: no Debian stand-in for {', '.join(missing)} (add it to STAND_INS)")
        print("\n".join(sorted({STAND_INS[name] for _, name in requirement_names(recipe)})))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
