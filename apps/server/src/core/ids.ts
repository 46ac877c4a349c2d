import { v7 } from 'uuid';

/** Sortable ids (UUIDv7): lists and the audit trail order by them. */
export function newId(): string {
  return v7();
}
