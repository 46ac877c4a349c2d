import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file so that a crash or power cut leaves either the old content or the new one, never half of it: a
 * temporary file in the same directory, flushed to disk, renamed over the target, then the directory flushed so the
 * rename itself survives.
 */
export function writeFileAtomic(path: string, content: string, mode = 0o644): void {
  const tmp = `${dirname(path)}/.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  syncDirectory(dirname(path));
}

/** Flushes a directory's entries (a rename, a delete) to disk; Linux allows fsync on a directory opened read-only. */
export function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
