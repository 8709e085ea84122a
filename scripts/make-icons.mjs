// Draws the add-in icons (assets/icon-<size>.png): an isometric parts box in Fluent blue on a
// transparent background. No image tool is installed, so this rasterises the glyph itself and
// writes the PNG chunks by hand (zlib for IDAT). Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLING = 8; // samples per pixel edge: smooth edges without a real renderer
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

// Fluent 2 brand ramp: a lit top face over the #0F6CBD brand colour and a shaded side.
const TOP = [0x47, 0x9e, 0xf5];
const LEFT = [0x0f, 0x6c, 0xbd];
const RIGHT = [0x0f, 0x54, 0x8c];

// Cube corners in unit coordinates (y grows downwards), with a little padding.
const C = [0.5, 0.5];
const TOP_V = [0.5, 0.06];
const UR = [0.9, 0.28];
const LR = [0.9, 0.72];
const BOTTOM = [0.5, 0.94];
const LL = [0.1, 0.72];
const UL = [0.1, 0.28];

const FACES = [
  { colour: TOP, polygon: [TOP_V, UR, C, UL] },
  { colour: LEFT, polygon: [UL, C, BOTTOM, LL] },
  { colour: RIGHT, polygon: [C, UR, LR, BOTTOM] },
];
// Transparent seams between the faces keep the box legible at 16 px.
const SEAMS = [[C, UL], [C, UR], [C, BOTTOM]];

/** True when p is inside a convex polygon given clockwise on screen. */
function inside(p, polygon) {
  return polygon.every((a, i) => {
    const b = polygon[(i + 1) % polygon.length];
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
  });
}

function distanceToSegment(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** RGBA pixels of the glyph at size × size. */
function render(size) {
  const seamHalfWidth = Math.max(0.5 / size, 0.018); // at least one pixel wide in total
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const p = [(x + (sx + 0.5) / SUPERSAMPLING) / size, (y + (sy + 0.5) / SUPERSAMPLING) / size];
          if (SEAMS.some(([a, b]) => distanceToSegment(p, a, b) < seamHalfWidth)) continue;
          const face = FACES.find((f) => inside(p, f.polygon));
          if (!face) continue;
          covered++;
          face.colour.forEach((c, i) => (sum[i] += c));
        }
      }
      const offset = (y * size + x) * 4;
      if (covered === 0) continue;
      sum.forEach((s, i) => (pixels[offset + i] = Math.round(s / covered)));
      pixels[offset + 3] = Math.round((255 * covered) / SUPERSAMPLING ** 2);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth, colour type RGBA, compression, filter, interlace
  const rowBytes = size * 4;
  const scanlines = Buffer.alloc(size * (rowBytes + 1)); // each row starts with filter type 0
  for (let y = 0; y < size; y++) rgba.copy(scanlines, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(ASSETS, { recursive: true });
for (const size of SIZES) {
  const file = join(ASSETS, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${file}`);
}
