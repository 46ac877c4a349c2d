/**
 * The `?next=` of the sign-in page, kept only when it is a path of this site: `//host` and `/\host` are read by
 * browsers as another site, and control characters are never part of a path we link to.
 */
export function safeNextPath(next: string | null): string | null {
  if (!next?.startsWith('/')) return null;
  if (next.startsWith('//') || next.startsWith('/\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  return next;
}
