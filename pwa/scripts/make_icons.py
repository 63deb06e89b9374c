"""Draw the app icons (house outline on the theme colour) into public/.

Run from pwa/:  python3 scripts/make_icons.py   (needs Pillow)
The same geometry as public/favicon.svg, on a 512-unit grid.
"""

from pathlib import Path

from PIL import Image, ImageDraw

TEAL = (11, 85, 99, 255)  # #0b5563
WHITE = (255, 255, 255, 255)
SS = 4  # supersampling factor for smooth edges
OUT = Path(__file__).resolve().parent.parent / "public"

# House outline (512 grid): roof apex, eaves, walls; stroke 32, round joins.
HOUSE = [(136, 248), (256, 136), (376, 248), (376, 400), (136, 400)]
STROKE = 32
DOOR = (224, 300, 288, 400)


def draw_icon(size: int, *, rounded: bool, scale: float) -> Image.Image:
    """Icon of `size` px; `scale` shrinks the house about the centre."""
    px = size * SS
    unit = px / 512
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if rounded:
        d.rounded_rectangle((0, 0, px - 1, px - 1), radius=int(96 * unit), fill=TEAL)
    else:
        d.rectangle((0, 0, px - 1, px - 1), fill=TEAL)

    def pt(x: float, y: float) -> tuple[float, float]:
        # House centre is (256, 268); place it at the canvas centre.
        return ((256 + (x - 256) * scale) * unit, (256 + (y - 268) * scale) * unit)

    pts = [pt(x, y) for x, y in HOUSE]
    width = STROKE * scale * unit
    d.line([*pts, pts[0]], fill=WHITE, width=round(width))
    r = width / 2
    for x, y in pts:
        d.ellipse((x - r, y - r, x + r, y + r), fill=WHITE)
    x0, y0 = pt(DOOR[0], DOOR[1])
    x1, y1 = pt(DOOR[2], DOOR[3])
    d.rounded_rectangle((x0, y0, x1, y1), radius=int(8 * scale * unit), fill=WHITE)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    icons = {
        "icons/icon-192.png": draw_icon(192, rounded=True, scale=1.0),
        "icons/icon-512.png": draw_icon(512, rounded=True, scale=1.0),
        # Maskable: full bleed, house inside the central 80 % safe circle.
        "icons/icon-maskable-512.png": draw_icon(512, rounded=False, scale=0.78),
        # iOS rounds the corners itself and shows transparency as black.
        "apple-touch-icon.png": draw_icon(180, rounded=False, scale=0.9),
    }
    for name, img in icons.items():
        path = OUT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        img.save(path, optimize=True)
        print(path.relative_to(OUT.parent), img.size)


if __name__ == "__main__":
    main()
