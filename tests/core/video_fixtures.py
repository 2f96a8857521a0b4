"""A tiny real video, encoded on the fly with PyAV (never committed as a binary).

Two seconds of 64×48 frames in four colours (red, green, blue, yellow, half a
second each) with a keyframe every half second, so the four keyframes a bundle
shows are four different colours. The encoder is deterministic: same bytes each run.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

COLOURS = [(220, 40, 40), (40, 200, 40), (40, 60, 220), (230, 200, 30)]


def make_video(path: Path, codec: str = "libx264", seconds: int = 2, fps: int = 8,
               size: tuple[int, int] = (64, 48)) -> Path:
    import av
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        stream.codec_context.gop_size = fps // 2
        total = seconds * fps
        for i in range(total):
            im = Image.new("RGB", size, COLOURS[i * len(COLOURS) // total])
            for packet in stream.encode(av.VideoFrame.from_image(im)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path
