import { inflateSync } from "node:zlib";

/**
 * Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) far enough to count distinct colours: enough to tell
 * a rendered page from a blank one without an image library.
 */
export function pngStats(png: Buffer): {
  width: number;
  height: number;
  distinctColours: number;
  nonWhiteShare: number;
} {
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9] ?? 0;
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const channels = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  const colours = new Set<number>();
  let nonWhite = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (row[x - channels] ?? 0) : 0;
      const b = prev[x] ?? 0;
      const c = x >= channels ? (prev[x - channels] ?? 0) : 0;
      const v = line[x] ?? 0;
      const p = a + b - c;
      const pred =
        [
          0,
          a,
          b,
          (a + b) >> 1,
          Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
            ? a
            : Math.abs(p - b) <= Math.abs(p - c)
              ? b
              : c,
        ][filter] ?? 0;
      row[x] = (v + pred) & 255;
    }
    for (let x = 0; x < stride; x += channels) {
      const rgb = ((row[x] ?? 0) << 16) | ((row[x + 1] ?? 0) << 8) | (row[x + 2] ?? 0);
      colours.add(rgb);
      if (rgb !== 0xffffff) nonWhite++;
    }
    row.copy(prev);
  }
  return { width, height, distinctColours: colours.size, nonWhiteShare: nonWhite / (width * height) };
}
