/** One error vocabulary for the whole server: a stable code, an HTTP status and a message a person can act on. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'unauthorized', message);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
/** Well-formed input that breaks a rule (an overlapping interval, an unknown time zone…). */
export const invalid = (message: string, details: FieldProblem[]) => new AppError(422, 'invalid', message, details);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', message, { retryAfterSeconds });

/** Every problem of an input at once, the message naming each field (`assetIds.0: no such asset at this client`). */
export function invalidFields(problems: FieldProblem[], details: unknown[] = problems): AppError {
  return invalid(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '), details as FieldProblem[]);
}

/** Problems of rows written together; one row's problems read like any other (without a row index). */
export function invalidRows(problems: (FieldProblem & { index: number })[], rows: number): AppError {
  const details = rows === 1 ? problems.map(({ index: _index, ...problem }) => problem) : problems;
  return invalidFields(problems, details);
}
