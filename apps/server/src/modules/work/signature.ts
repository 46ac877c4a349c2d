import { PDFDocument } from 'pdf-lib';
import { invalid } from '../../core/errors.js';

/** The largest signature image accepted, decoded: a pen stroke drawn on a tablet is a few kilobytes. */
export const MAX_SIGNATURE_BYTES = 300 * 1024;

const PREFIX = 'data:image/png;base64,';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function refuse(message: string): never {
  throw invalid(`signaturePng: ${message}`, [{ path: ['signaturePng'], message }]);
}

/**
 * The bytes of a signature sent as a PNG data URL, checked to be a PNG indeed: the signature, the IHDR header
 * with a sensible size, and the closing IEND chunk. Answers the base64 text to store.
 */
export function checkSignature(dataUrl: string): { base64: string; bytes: Buffer } {
  if (!dataUrl.startsWith(PREFIX)) refuse('a PNG image as a data URL (data:image/png;base64,…)');
  const base64 = dataUrl.slice(PREFIX.length);
  if (base64.length === 0 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    refuse('the data URL is not valid base64');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) {
    refuse(`the image is ${Math.ceil(bytes.length / 1024)} kB; at most ${MAX_SIGNATURE_BYTES / 1024} kB`);
  }
  if (bytes.length < 8 + 25 + 12 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) refuse('the image is not a PNG');
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') refuse('the PNG has no header');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width > 4000 || height > 4000) {
    refuse(`the image is ${width}×${height} pixels; draw it within 4000×4000`);
  }
  if (bytes.toString('latin1', bytes.length - 8, bytes.length - 4) !== 'IEND') refuse('the PNG is cut short');
  return { base64, bytes };
}

/** Decodes the image fully (as the PDF report will): a PNG well framed but corrupt inside is refused now, not then. */
export async function assertDecodable(bytes: Uint8Array): Promise<void> {
  try {
    const document = await PDFDocument.create();
    await document.embedPng(bytes);
  } catch {
    refuse('the PNG image cannot be decoded');
  }
}
