// Draws the tab bar icons (weapp needs local PNG files ≤ 40 KB): `node scripts/tab-icons.mjs`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const STROKE = 3.2;
const COLORS = { '': [0x66, 0x70, 0x85], '-active': [0x0b, 0x3d, 0x91] };

const line = (ax, ay, bx, by) => ({ kind: 'line', ax, ay, bx, by });
const ring = (cx, cy, r) => ({ kind: 'ring', cx, cy, r });
const path = (...pts) => pts.slice(1).map((p, i) => line(pts[i][0], pts[i][1], p[0], p[1]));
const arc = (cx, cy, r, from, to, steps = 16) =>
  path(
    ...Array.from({ length: steps + 1 }, (_, i) => {
      const a = from + ((to - from) * i) / steps;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    }),
  );

const ICONS = {
  home: [
    ...path([12, 40], [40, 13], [69, 40]),
    ...path([20, 34], [20, 68], [61, 68], [61, 34]),
    ...path([34, 68], [34, 50], [47, 50], [47, 68]),
  ],
  activity: [
    ...path([12, 18], [69, 18], [69, 70], [12, 70], [12, 18]),
    line(26, 9, 26, 25),
    line(55, 9, 55, 25),
    line(12, 36, 69, 36),
  ],
  messages: [...path([10, 18], [71, 18], [71, 64], [10, 64], [10, 18]), ...path([12, 21], [40, 44], [69, 21])],
  mine: [ring(40, 27, 14), ...arc(40, 72, 27, Math.PI, 2 * Math.PI)],
};

function distance(shape, x, y) {
  if (shape.kind === 'ring') return Math.abs(Math.hypot(x - shape.cx, y - shape.cy) - shape.r);
  const { ax, ay, bx, by } = shape;
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(shapes, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      const d = Math.min(...shapes.map((s) => distance(s, x + 0.5, y + 0.5)));
      const alpha = Math.max(0, Math.min(1, STROKE + 0.5 - d));
      raw.set([r, g, b, Math.round(alpha * 255)], y * (SIZE * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../src/assets/tab/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, shapes] of Object.entries(ICONS))
  for (const [suffix, color] of Object.entries(COLORS))
    writeFileSync(new URL(`${name}${suffix}.png`, dir), png(shapes, color));
