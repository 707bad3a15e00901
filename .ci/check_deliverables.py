#!/usr/bin/env python3
"""Checks Backstop's deliverables with other programs' readers: the PDF with poppler
(pdfinfo, pdftotext, pdfimages, pdftoppm), the SVG with librsvg and Python's XML reader,
the PowerPoint deck with LibreOffice (converted to PDF) and Python's zip reader, and the
PDF handout with pdfinfo. Pictures are compared with ImageMagick at low resolution.

Usage: check_deliverables.py BACKSTOP OUTDIR
"""

import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

backstop, out = sys.argv[1], Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
data = Path(__file__).resolve().parent.parent / "data"
scenario = tomllib.loads((data / "scenario.toml").read_text())
slides = tomllib.loads((data / "slides.toml").read_text())["slides"]
# Place names a map of Ukraine shows (Natural Earth's spelling); ten must be found.
PLACES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia", "Mykolaiv",
          "Chernihiv", "Sumy", "Poltava", "Vinnytsia", "Kherson", "Chisinau", "Zhytomyr",
          "Donetsk", "Luhansk", "Simferopol", "Cherkasy", "Rivne", "Uzhhorod"]
# Largest RMSE (0..1) between the PNG export and a vector export rasterised by another
# program, both scaled to 480x270: anti-aliasing, hinting and (for librsvg, which loads
# no embedded font) a substitute face differ; a missing layer or a shifted map does not
# stay under it.
TOLERANCE = {"pdf": 0.04, "svg": 0.06}


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def words(text):
    return " ".join(text.split())


def page_size(pdf):
    info = run("pdfinfo", str(pdf))
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return float(match.group(1)), float(match.group(2)), pages


def rmse(a, b):
    for path in (a, b):
        run("convert", str(path), "-resize", "480x270!", "-colorspace", "sRGB", str(path) + ".small.png")
    result = subprocess.run(["compare", "-metric", "RMSE", str(a) + ".small.png", str(b) + ".small.png", "null:"],
                            capture_output=True, text=True)
    return float(re.search(r"\(([\d.e-]+)\)", result.stderr).group(1))


# 1. The A4 PDF: its page size, its text, no raster with the built-in basemap.
pdf = out / "map-a4.pdf"
run(backstop, "export", "--out", str(pdf))
width, height, _ = page_size(pdf)
if abs(width - 841.89) > 0.5 or abs(height - 595.28) > 0.5:
    fail(f"the A4 landscape PDF is {width} x {height} pts")
text = words(run("pdftotext", str(pdf), "-"))
needed = [scenario["title"], scenario["caveat"]] + [s["title"] for s in scenario["sources"]]
for needle in needed:
    if words(needle) not in text:
        fail(f"pdftotext of the PDF lacks \"{needle}\"")
found = [p for p in PLACES if p in text]
if len(found) < 10:
    fail(f"pdftotext finds only {found}")
images = run("pdfimages", "-list", str(pdf)).strip().splitlines()[2:]
if images:
    fail(f"the PDF holds raster images: {images}")
print(f"A4 PDF: {width} x {height} pts, title, caveat, {len(needed) - 2} sources and "
      f"{len(found)} place names in its text, no raster image ({pdf.stat().st_size} bytes)")

a3 = out / "map-a3.pdf"
run(backstop, "export", "--out", str(a3), "--page", "A3-portrait", "--scale", "1:2500000")
width, height, _ = page_size(a3)
if abs(width - 841.89) > 0.5 or abs(height - 1190.55) > 0.5:
    fail(f"the A3 portrait PDF is {width} x {height} pts")
if "Scale 1:2,500,000" not in run("pdftotext", str(a3), "-"):
    fail("the A3 page at 1:2,500,000 does not state its scale")
print(f"A3 portrait PDF at 1:2,500,000: {width} x {height} pts, scale stated")

# 2. The same view as PNG, PDF and SVG look alike.
png = out / "map.png"
run(backstop, "export", "--out", str(png))
pdf_view = out / "map-1080.pdf"
run(backstop, "export", "--out", str(pdf_view), "--page", "1920x1080")
run("pdftoppm", "-r", "96", "-png", "-singlefile", str(pdf_view), str(out / "map-1080-pdf"))
difference = rmse(png, out / "map-1080-pdf.png")
print(f"PNG vs PDF (pdftoppm), 480x270: RMSE {difference:.4f} (tolerance {TOLERANCE['pdf']})")
if difference > TOLERANCE["pdf"]:
    fail("the PDF does not look like the PNG")
svg = out / "map.svg"
run(backstop, "export", "--out", str(svg), "--page", "1920x1080")
run("rsvg-convert", "-w", "1920", "-h", "1080", str(svg), "-o", str(out / "map-svg.png"))
difference = rmse(png, out / "map-svg.png")
print(f"PNG vs SVG (rsvg-convert), 480x270: RMSE {difference:.4f} (tolerance {TOLERANCE['svg']})")
if difference > TOLERANCE["svg"]:
    fail("the SVG does not look like the PNG")
ns = {"svg": "http://www.w3.org/2000/svg"}
texts = [words("".join(t.itertext())) for t in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")]
if not any(scenario["title"] in t for t in texts):
    fail("no <text> of the SVG holds the title")
found = [p for p in PLACES if any(p in t for t in texts)]
if len(found) < 10:
    fail(f"the SVG's <text> elements name only {found}")
print(f"SVG: {len(texts)} text elements, the title and {len(found)} place names among them")

# 3. The PowerPoint deck: LibreOffice converts it to one page per slide with each
# slide's title and caption; every slide's notes are in its notes page.
deck = out / "deck.pptx"
run(backstop, "export", "--slides", str(deck))
profile = out / "lo-profile"
run("soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
    "--outdir", str(out / "lo"), str(deck), timeout=600)
converted = out / "lo" / "deck.pdf"
_, _, pages = page_size(converted)
if pages != len(slides):
    fail(f"LibreOffice makes {pages} pages of the {len(slides)}-slide deck")
for n, slide in enumerate(slides, start=1):
    page = words(run("pdftotext", "-f", str(n), "-l", str(n), str(converted), "-"))
    for part in ("title", "caption"):
        if words(slide[part]) not in page:
            fail(f"page {n} of LibreOffice's PDF lacks the slide's {part}: {slide[part]!r}")
with zipfile.ZipFile(deck) as z:
    for n, slide in enumerate(slides, start=1):
        notes = ET.fromstring(z.read(f"ppt/notesSlides/notesSlide{n}.xml"))
        said = words(" ".join(t.text or "" for t in notes.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}t")))
        if words(slide["notes"]) != said:
            fail(f"the notes page of slide {n} holds {said!r}")
print(f"PowerPoint deck: LibreOffice converts it to {pages} pages, each with its slide's "
      f"title and caption; all {len(slides)} notes pages hold their notes ({deck.stat().st_size} bytes)")

# 4. The PDF handout: one page per slide.
handout = out / "handout.pdf"
run(backstop, "export", "--slides", str(handout), "--notes")
width, height, pages = page_size(handout)
if pages != len(slides) or abs(width - 595.28) > 0.5:
    fail(f"the handout has {pages} pages of {width} x {height} pts")
for slide in slides:
    if words(slide["notes"])[:60] not in words(run("pdftotext", str(handout), "-")):
        fail(f"the handout lacks the notes {slide['notes'][:60]!r}")
print(f"PDF handout: {pages} A4 portrait pages with the notes under each slide")
print("deliverables passed")
