#!/usr/bin/env python3
"""Seed corpora for the fuzzers from the project's own files: data/, tests/fixtures/,
and two tiny tile packs (one PMTiles, one MBTiles) written here. Run from fuzz/."""

import gzip
import json
import pathlib
import shutil
import sqlite3
import struct
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"


def put(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def png_1x1():
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xc8\x00\x00\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def varint(value):
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def pmtiles(tile):
    """One tile at 0/0/0, gzip directories, as the spec lays an archive out."""
    directory = gzip.compress(varint(1) + varint(0) + varint(1) + varint(len(tile)) + varint(1))
    metadata = gzip.compress(json.dumps({"name": "seed", "attribution": "seed"}).encode())
    root_at = 127
    meta_at = root_at + len(directory)
    data_at = meta_at + len(metadata)
    header = b"PMTiles" + bytes([3])
    header += struct.pack("<QQQQQQQQ", root_at, len(directory), meta_at, len(metadata),
                          0, 0, data_at, len(tile))
    header += struct.pack("<QQQ", 1, 1, 1)
    header += bytes([0, 2, 1, 2, 0, 0])
    header += struct.pack("<iiii", -1800000000, -850000000, 1800000000, 850000000)
    header += bytes([0])
    header += struct.pack("<ii", 0, 0)
    header = header.ljust(127, b"\0")
    return header + directory + metadata + tile


def mbtiles(tile, path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "seed"), ("format", "png"), ("minzoom", "0"), ("maxzoom", "1")])
    db.execute("INSERT INTO tiles VALUES (0, 0, 0, ?)", (tile,))
    db.commit()
    db.close()


def main():
    shutil.rmtree(CORPUS, ignore_errors=True)
    files = list((ROOT / "data").rglob("*")) + list((ROOT / "tests" / "fixtures").rglob("*"))
    for n, path in enumerate(p for p in files if p.is_file()):
        data = path.read_bytes()
        name = f"{n:03}-{path.name}"
        if path.suffix == ".geojson":
            put("user_geojson", name, data)
            put("scenario_geojson", name, bytes([0 if path.name == "hubs.geojson" else 1]) + data)
            if path.name == "annotations.geojson":
                put("annotations", name, data)
        elif path.name in ("scenario.toml", "nations.toml", "events.toml"):
            put("scenario_toml", name, bytes([("scenario.toml", "nations.toml", "events.toml").index(path.name)]) + data)
        elif path.name == "slides.toml":
            put("slides", name, data)
    put("annotations", "empty.geojson", b'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[30.5,50.4]},"properties":{"id":1,"kind":"text","text":"x","colour":"#c00000"}}]}')
    put("tiles_toml", "source.toml", b'[[source]]\nname = "Imagery"\nurl = "https://t.example.org/{z}/{x}/{y}.png"\nattribution = "x"\nmax_zoom = 12\n')
    tile = png_1x1()
    put("pmtiles", "seed.pmtiles", pmtiles(tile))
    path = CORPUS / "mbtiles" / "seed.mbtiles"
    path.parent.mkdir(parents=True, exist_ok=True)
    mbtiles(tile, path)
    for target in sorted(p.name for p in CORPUS.iterdir()):
        print(target, len(list((CORPUS / target).iterdir())))


if __name__ == "__main__":
    main()
