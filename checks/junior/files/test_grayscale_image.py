import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image, ImageDraw, UnidentifiedImageError

from grayscale_image import main, to_grayscale
from pyexercise.checklib import run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def colourful(w=64, h=48) -> Image.Image:
    """A gradient with pure red, green, blue and white blocks across the top."""
    img = Image.new("RGB", (w, h))
    px = img.load()
    for x in range(w):
        for y in range(h):
            px[x, y] = (x * 255 // (w - 1), y * 255 // (h - 1), (x + y) * 255 // (w + h - 2))
    draw = ImageDraw.Draw(img)
    for i, colour in enumerate([(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)]):
        draw.rectangle([16 * i, 0, 16 * i + 15, 15], fill=colour)
    return img


def jpeg(tmp_path, name="photo.jpg") -> Path:
    f = tmp_path / name
    colourful().save(f, "JPEG", quality=90)
    return f


def pillow_gray(src: Path) -> Image.Image:
    with Image.open(src) as im:
        return im.convert("L")


def load(path: Path) -> Image.Image:
    with Image.open(path) as im:
        im.load()
        return im


def diffs(a: Image.Image, b: Image.Image) -> list[int]:
    return [abs(x - y) for x, y in zip(a.tobytes(), b.tobytes())]


def test_jpeg_to_png_matches_pillow(tmp_path):
    """a JPEG saved as PNG is mode 'L' and has exactly Pillow's grayscale values"""
    src, dst = jpeg(tmp_path), tmp_path / "gray.png"
    got = to_grayscale(str(src), str(dst))
    assert got == (64, 48) and type(got) is tuple, f"to_grayscale should return (64, 48), got {got!r}"
    out = load(dst)
    assert out.format == "PNG", f"a '.png' destination should be a PNG file, got {out.format}"
    assert out.mode == "L", f"the result should be a grayscale image (mode 'L'), got mode {out.mode!r}"
    assert out.size == (64, 48), f"the size must not change, got {out.size}"
    d = diffs(out, pillow_gray(src))
    assert max(d) <= 1, (f"pixels differ from Pillow's convert('L') by up to {max(d)}: "
                         "use image.convert('L') (luma weights 299/587/114, not the plain average)")


def test_luma_weights(tmp_path):
    """pure red, green and blue get the luma brightness 76, 150 and 29, not 85 each"""
    src, dst = tmp_path / "rgb.png", tmp_path / "gray.png"
    img = Image.new("RGB", (3, 1))
    img.putpixel((0, 0), (255, 0, 0))
    img.putpixel((1, 0), (0, 255, 0))
    img.putpixel((2, 0), (0, 0, 255))
    img.save(src)
    to_grayscale(src, dst)
    got = tuple(load(dst).tobytes())
    assert all(abs(g - w) <= 1 for g, w in zip(got, (76, 150, 29))) and len(got) == 3, (
        f"red, green, blue became {got}; Pillow's grayscale gives (76, 150, 29)")


def test_jpeg_to_jpeg(tmp_path):
    """a '.jpg' destination is a grayscale JPEG close to Pillow's conversion"""
    src, dst = jpeg(tmp_path), tmp_path / "gray.jpg"
    assert to_grayscale(Path(src), Path(dst)) == (64, 48)
    out = load(dst)
    assert out.format == "JPEG", f"a '.jpg' destination should be a JPEG file, got {out.format}"
    assert out.mode == "L", f"the JPEG should be grayscale (mode 'L'), got {out.mode!r}"
    d = diffs(out, pillow_gray(src))
    assert sum(d) / len(d) <= 2 and max(d) <= 16, (
        f"the grayscale JPEG is too far from Pillow's conversion (mean difference {sum(d) / len(d):.1f}, "
        f"max {max(d)}; JPEG noise alone is well under 1 and 5)")


def test_rgba_and_palette_sources(tmp_path):
    """RGBA and palette images are converted too"""
    base = colourful(20, 10)
    rgba = base.convert("RGBA")
    rgba.putalpha(128)
    for mode_name, img in (("RGBA", rgba), ("P", base.convert("P"))):
        src, dst = tmp_path / f"{mode_name}.png", tmp_path / f"{mode_name}_gray.png"
        img.save(src)
        assert to_grayscale(src, dst) == (20, 10)
        out = load(dst)
        assert out.mode == "L", f"a {mode_name} source should give mode 'L', got {out.mode!r}"
        assert max(diffs(out, pillow_gray(src))) <= 1, f"a {mode_name} source gave the wrong grays"


def test_already_gray(tmp_path):
    """a grayscale source stays the same"""
    src, dst = tmp_path / "g.png", tmp_path / "g2.png"
    img = Image.new("L", (4, 2))
    img.putdata([0, 40, 80, 120, 160, 200, 240, 255])
    img.save(src)
    to_grayscale(src, dst)
    assert load(dst).tobytes() == bytes([0, 40, 80, 120, 160, 200, 240, 255])


def test_source_unchanged(tmp_path):
    """the source file is not modified"""
    src = jpeg(tmp_path)
    before = src.read_bytes()
    to_grayscale(src, tmp_path / "out.png")
    assert src.read_bytes() == before


def test_missing_source(tmp_path):
    """a missing source raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        to_grayscale(tmp_path / "missing.jpg", tmp_path / "out.png")


def test_not_an_image(tmp_path):
    """a file that is not an image (or is empty) raises PIL.UnidentifiedImageError"""
    src = tmp_path / "notes.jpg"
    src.write_bytes(b"this is text, not a JPEG")
    with pytest.raises(UnidentifiedImageError):
        to_grayscale(src, tmp_path / "out.png")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(UnidentifiedImageError):
        to_grayscale(empty, tmp_path / "out.png")


pixels = st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))


@settings(max_examples=30, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(st.integers(1, 5), st.integers(1, 5), st.data())
def test_any_small_image(tmp_path, w, h, data):
    """for any small RGB image, the PNG result equals Pillow's convert('L')"""
    values = data.draw(st.lists(pixels, min_size=w * h, max_size=w * h))
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    img = Image.new("RGB", (w, h))
    for i, p in enumerate(values):
        img.putpixel((i % w, i // w), p)
    img.save(d / "in.png")
    assert to_grayscale(d / "in.png", d / "out.png") == (w, h)
    out = load(d / "out.png")
    assert out.mode == "L"
    assert max(diffs(out, img.convert("L"))) <= 1


def test_main(tmp_path, capsys):
    """main converts, reports the size, and returns 0"""
    src, dst = jpeg(tmp_path), tmp_path / "out.png"
    code, out, _ = run_main(main, [str(src), str(dst)], capsys=capsys)
    assert code == 0, f"main should return 0, got {code!r}"
    assert load(dst).mode == "L"
    assert f"saved 64x48 grayscale image to {dst}" in out, f"main printed {out!r}"


def test_main_errors(tmp_path, capsys):
    """main: a missing or non-image source → stderr and 1; wrong arguments → 2"""
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"nope")
    for src in (tmp_path / "missing.jpg", bad):
        code, _, err = run_main(main, [str(src), str(tmp_path / "o.png")], capsys=capsys)
        assert code == 1 and err.strip(), f"for {src.name}, main should print an error to stderr and return 1"
    assert run_main(main, [str(bad)], capsys=capsys).code == 2, "main with one argument should end with status 2"
