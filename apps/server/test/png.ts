import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG (8-bit RGBA): a signature-like stroke on white, or random noise (incompressible, to make a big file).
 */
export function makePng(width: number, height: number, kind: 'stroke' | 'noise' = 'stroke'): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4, 255);
    row[0] = 0;
    for (let x = 0; x < width; x++) {
      const o = 1 + x * 4;
      if (kind === 'noise') {
        for (let c = 0; c < 4; c++) row[o + c] = Math.floor(Math.random() * 256);
      } else if (Math.abs(y - height / 2 - Math.sin(x / 8) * (height / 4)) < 2) {
        row[o] = 20;
        row[o + 1] = 30;
        row[o + 2] = 120;
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function pngDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
