"""What a release carries agrees with meson.build, the one place the version
and the licence are set: LICENSE, NEWS.md's top entry, CITATION.cff, the
Bioconda recipe (rendered as conda-build renders it, by scripts/recipe.py)
and the man pages' source. And scripts/recipe.py set-release, which
scripts/release.sh uses, writes a given version and checksum into a copy of
the recipe. The recipe's build and test commands themselves run in
scripts/check-recipe.sh (a whole build: not here)."""
import json
import os
import re
import shutil
import sys
sys.path.insert(0, os.path.dirname(__file__))
from e2e_lib import check, finish, run, scratch

source = os.environ["SOMATIC_SOURCE_DIR"]
version = os.environ["SOMATIC_VERSION"]
licence = os.environ["SOMATIC_LICENSE"]
try:
    import jinja2  # noqa: F401  (scripts/recipe.py renders with it)
    import yaml
except ImportError as e:
    print(f"{e.name} is not installed (python3-yaml, python3-jinja2): skipped")
    sys.exit(77)


def text(path):
    return open(os.path.join(source, path)).read()


check(licence == "MIT", f"meson.build's project() names the MIT licence ({licence!r})")
lic = text("LICENSE")
check(lic.startswith("MIT License\n") and re.search(r"^Copyright \(c\) \d{4} the somatic authors$", lic, re.M)
      and "Permission is hereby granted, free of charge" in lic, "LICENSE is the MIT licence of the somatic authors")

# NEWS.md: one "## X.Y.Z" heading per release, the newest first, at meson's version.
releases = re.findall(r"^## (\d+\.\d+\.\d+)\b", text("NEWS.md"), re.M)
check(releases[:1] == [version], f"NEWS.md's top entry is {version} ({releases[:1]})")
as_numbers = [tuple(map(int, r.split("."))) for r in releases]
check(as_numbers == sorted(set(as_numbers), reverse=True), f"NEWS.md: one entry per version, newest first ({releases})")

cff = yaml.safe_load(text("CITATION.cff"))
check(cff.get("cff-version") == "1.2.0" and all(k in cff for k in ("message", "title", "authors")),
      "CITATION.cff has CFF 1.2.0's required keys (cff-version, message, title, authors)")
check(str(cff.get("version")) == version and cff.get("license") == "MIT",
      f"CITATION.cff names version {version} and the MIT licence ({cff.get('version')!r}, {cff.get('license')!r})")

for page in sorted(os.listdir(os.path.join(source, "man"))):
    if re.fullmatch(r".+\.[1-9]", page):
        man = text(os.path.join("man", page))
        check(re.match(r'\.TH \S+ \d "\d{4}" "somatic @VERSION@"', man) is not None,
              f"man/{page}: the header takes meson's version at install (@VERSION@), not a number of its own")
        check(re.search(r"^\.SH COPYRIGHT\n.*MIT licence", man, re.M | re.S) is not None,
              f"man/{page} ends with the MIT licence")

# The recipe as conda-build renders it.
recipe_py = os.path.join(source, "scripts", "recipe.py")
meta = os.path.join(source, "packaging", "bioconda", "meta.yaml")


def render(path, **env):
    r = run([sys.executable, recipe_py, "show", path], check=False, env=dict(os.environ, **env))
    check(r.returncode == 0, f"{os.path.basename(path)} renders ({r.stderr.strip()})")
    return json.loads(r.stdout) if r.returncode == 0 else {}


recipe = render(meta, SOMATIC_TARBALL="")
check(recipe.get("package", {}).get("version") == version, f"the recipe builds version {version}")
url = recipe.get("source", {}).get("url", "")
check(url.endswith(f"/v{version}/somatic-{version}.tar.xz") and
      re.fullmatch(r"[0-9a-f]{64}", str(recipe.get("source", {}).get("sha256", ""))) is not None,
      f"the recipe's source is the release tarball with a sha256 ({url})")
about = recipe.get("about", {})
check(about.get("license") == "MIT" and about.get("license_file") == "LICENSE",
      f"the recipe names the MIT licence and its file ({about.get('license')}, {about.get('license_file')})")
check(len(recipe.get("test", {}).get("commands", [])) >= 4, "the recipe has test commands")
r = run([sys.executable, recipe_py, "stand-ins", meta], check=False)
check(r.returncode == 0, f"every requirement of the recipe has a Debian stand-in ({r.stderr.strip()})")
local = render(meta, SOMATIC_TARBALL="/any/where/somatic-9.9.9.tar.xz")
check(local.get("source") == {"url": "file:///any/where/somatic-9.9.9.tar.xz"},
      f"with SOMATIC_TARBALL the recipe takes that local tarball ({local.get('source')})")

# set-release on a copy: the given version and checksum, nothing else changed.
copy = os.path.join(scratch(), "meta.yaml")
shutil.copy(meta, copy)
sha = "0123456789abcdef" * 4
r = run([sys.executable, recipe_py, "set-release", copy, "9.8.7", sha], check=False)
after = render(copy, **{"SOMATIC_TARBALL": ""})
check(r.returncode == 0 and after.get("package", {}).get("version") == "9.8.7" and
      after.get("source", {}).get("sha256") == sha and
      after.get("source", {}).get("url", "").endswith("/v9.8.7/somatic-9.8.7.tar.xz"),
      f"recipe.py set-release writes version 9.8.7 and the checksum ({after.get('source')})")
changed = [a for a, b in zip(open(meta).read().splitlines(), open(copy).read().splitlines()) if a != b]
check(len(changed) == 2 and all(l.startswith(("{% set version", "{% set sha256")) for l in changed),
      f"set-release changes the two set lines only ({changed})")
r = run([sys.executable, recipe_py, "set-release", copy, "9.8.7", "not-a-checksum"], check=False)
check(r.returncode != 0, "set-release refuses a checksum that is not a sha256")
finish()
