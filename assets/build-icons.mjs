#!/usr/bin/env node
/**
 * Draws the add-in's icons (a document with text lines and a green check badge) and writes them
 * as PNG at every size manifest.xml needs: 16, 32, 64, 80 (ribbon and add-in icons) and 128.
 * No dependencies: shapes are drawn with 8×8 supersampling and encoded with node:zlib.
 * Deterministic: the same bytes on every run.  Usage: node assets/build-icons.mjs [outDir]
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZES = [16, 32, 64, 80, 128];

const BORDER = [0x21, 0x73, 0x46]; // Excel green
const PAPER = [0xff, 0xff, 0xff];
const FOLD = [0xd9, 0xe8, 0xde];
const LINE = [0x8a, 0x96, 0x8f];
const BADGE = [0x10, 0x7c, 0x41];
const CHECK = [0xff, 0xff, 0xff];

function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at a point of the unit square, or null for transparent. Painter's order. */
function paint(x, y, size) {
  let c = null;
  // The page: x 0.14..0.70, y 0.06..0.94, top-right corner folded at 0.18.
  const L = 0.14,
    R = 0.7,
    T = 0.06,
    B = 0.94,
    F = 0.18;
  const stroke = Math.max(0.045, 1.2 / size);
  // Inset by m, below the fold's diagonal cut.
  const inPage = (m) => x >= L + m && x <= R - m && y >= T + m && y <= B - m && x - (R - F) <= y - T - 1.4 * m;
  if (inPage(0)) c = BORDER;
  if (inPage(stroke)) c = PAPER;
  // The fold: triangle below the cut.
  if (x >= R - F && x <= R && y >= T && y <= T + F && x - (R - F) <= y - T && x - (R - F) >= y - T - stroke * 1.6) c = BORDER;
  if (x >= R - F + stroke && x <= R - stroke * 0.2 && y >= T + stroke && y <= T + F - stroke * 0.2 && x - (R - F) < y - T - stroke * 1.6) {
    if (y <= T + F - stroke && x <= R - F + (y - T)) c = FOLD;
  }
  // Text lines (fewer on the smallest icon).
  const lines = size <= 16 ? [0.36, 0.56] : [0.32, 0.44, 0.56, 0.68];
  const lh = Math.max(0.05, 1 / size);
  for (const ly of lines) if (y >= ly && y <= ly + lh && x >= L + 0.1 && x <= R - 0.12) c = LINE;
  // The badge: a green disc with a white check.
  const cx = 0.7,
    cy = 0.7,
    r = 0.27;
  const d = Math.hypot(x - cx, y - cy);
  if (d <= r + 0.035) c = PAPER; // a white ring separates the badge from the page
  if (d <= r) c = BADGE;
  const w = 0.075;
  if (d <= r && Math.min(segDist(x, y, 0.585, 0.705, 0.665, 0.785), segDist(x, y, 0.665, 0.785, 0.825, 0.615)) <= w / 2 + 0.005) c = CHECK;
  return c;
}

export function drawIcon(size) {
  const S = 8;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const c = paint((i + (si + 0.5) / S) / size, (j + (sj + 0.5) / S) / size, size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const o = (j * size + i) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return encodePng(size, size, px);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function buildIcons(outDir) {
  mkdirSync(outDir, { recursive: true });
  return SIZES.map((size) => {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    return file;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
  for (const f of buildIcons(out)) console.log(f);
}
