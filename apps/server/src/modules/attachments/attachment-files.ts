/**
 * What a stored file may be called and served as. Names lose paths and control characters; the content type sent
 * back is one of a short list that browsers never run (no HTML, no SVG, no JavaScript): anything else is served as
 * application/octet-stream, always as a download (Content-Disposition: attachment) with nosniff.
 */

const SAFE_TYPES = new Set([
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/json',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  'text/plain',
  'text/csv',
  'message/rfc822',
]);

const MAX_NAME_LENGTH = 200;

export function safeContentType(declared: string | null | undefined): string {
  const type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return SAFE_TYPES.has(type) ? type : 'application/octet-stream';
}

/** `../../etc/passwd` → `passwd`; an empty or dotted name → `file`. */
export function safeFileName(given: string | null | undefined): string {
  const base = (given ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !'<>:"|?*'.includes(c);
    })
    .join('')
    .trim()
    .replace(/^\.+/, '');
  if (cleaned === '') return 'file';
  return cleaned.length > MAX_NAME_LENGTH ? cleaned.slice(cleaned.length - MAX_NAME_LENGTH) : cleaned;
}

/** RFC 6266/5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
