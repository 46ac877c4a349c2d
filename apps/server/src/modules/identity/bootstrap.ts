import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import { generatePassword, hashPassword } from './secrets.js';
import { countUsers, insertUser } from './users.repository.js';

/**
 * On a database without any user, creates the first admin. The password comes from the environment, or is
 * generated and returned so that the caller prints it once.
 */
export async function ensureFirstAdmin(
  db: Db,
  clock: Clock,
  admin: { email: string; password: string | null },
): Promise<{ email: string; password: string; generated: boolean } | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = admin.password ?? generatePassword();
  const now = clock.now().toISOString();
  await insertUser(db, {
    id: newId(),
    email: admin.email,
    name: 'Administrator',
    password_hash: await hashPassword(password),
    role: 'admin',
    client_id: null,
    support_level: null,
    specialties: [],
    locale: 'fr',
    active: 1,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  });
  return { email: admin.email, password, generated: admin.password === null };
}
