"""The report in a real browser: headless Chromium, with the network
disabled and a fresh profile, opens testdata/pair1's report, takes a
screenshot and dumps the DOM. The page must have rendered (a screenshot
that is not blank: many distinct colours and pixel values that vary), carry
every section heading in the DOM, and log no console error. Skipped when
chromium is not installed (scripts/test.sh installs it)."""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from common import SKIP, check, finish, pipeline, report, scratch

browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    print("skipped: chromium is not installed")
    sys.exit(SKIP)

out = scratch()
inputs = pipeline(out)
page = os.path.join(out, "report.html")
report(inputs, page)
profile = tempfile.mkdtemp(prefix="profile_", dir=out)
common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          f"--user-data-dir={profile}", "--no-first-run", "--disable-extensions", "--disable-sync",
          "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
          # No network: every host resolves nowhere, and no proxy is tried.
          "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
          "--enable-logging=stderr", "--v=0", "--hide-scrollbars"]
shot = os.path.join(out, "shot.png")
url = "file://" + page
r = subprocess.run(common + ["--window-size=1200,2400", f"--screenshot={shot}", url], capture_output=True,
                   text=True, timeout=120)
check(r.returncode == 0 and os.path.exists(shot), f"chromium took a screenshot ({r.returncode})")
dom = subprocess.run(common + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
check(dom.returncode == 0, "chromium dumped the DOM")
console = [l for l in (r.stderr + dom.stderr).splitlines() if "CONSOLE" in l or "Uncaught" in l]
check(not console, f"no console messages: {console[:3]}")
for heading in ["Sample and run", "Quality", "Variants", "Copy number", "Biomarkers", "Methods"]:
    check(f"<h2>{heading}</h2>" in dom.stdout, f"'{heading}' in the rendered DOM")
check(dom.stdout.count("<svg") >= 3, "the three figures are in the DOM")
check(re.search(r"<details[^>]*id=\"filtered-calls\"", dom.stdout) is not None, "the filtered calls' control")


def png_pixels(path):
    """(width, height, rows of RGB(A) tuples) of a non-interlaced 8-bit PNG,
    decoded with zlib alone."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"PNG depth {depth} colour type {colour}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


if os.path.exists(shot):
    w, h, ch, rows = png_pixels(shot)
    # Every 7th pixel of every 7th row: enough to tell a page from a blank one.
    grey = [sum(row[x * ch:x * ch + 3]) / 3 for row in rows[::7] for x in range(0, w, 7)]
    colours = {row[x * ch:x * ch + 3] for row in rows[::7] for x in range(0, w, 7)}
    mean = sum(grey) / len(grey)
    variance = sum((g - mean) ** 2 for g in grey) / len(grey)
    dark = sum(g < 128 for g in grey) / len(grey)
    check(w == 1200 and h == 2400, f"screenshot {w}x{h}")
    check(variance > 100 and 0.005 < dark < 0.5, f"not blank: grey variance {variance:.0f}, dark share {dark:.3f}")
    check(len(colours) >= 8, f"{len(colours)} colours: text and the figures' colours")
finish()
