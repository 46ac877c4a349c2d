import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError, fieldProblems } from '../api/http';
import type { FieldErrors } from './form';

/** A notification with the server's message (or a generic one). */
export function notifyError(t: TFunction, error: unknown): void {
  const message = error instanceof Error && error.message ? error.message : t('errors.generic');
  const title =
    error instanceof ApiError && error.status === 403
      ? t('errors.forbidden')
      : error instanceof ApiError && error.status === 409
        ? t('errors.conflict')
        : t('errors.title');
  notifications.show({ color: 'red', title, message });
}

/**
 * Puts validation problems next to their fields; the problems no field of the form shows
 * (their path is not under one of `shownPrefixes`) go to a notification.
 */
export function handleFormError(
  t: TFunction,
  error: unknown,
  setErrors: (errors: FieldErrors) => void,
  shownPrefixes: readonly string[],
): void {
  const problems = fieldProblems(error);
  if (problems.length === 0) {
    notifyError(t, error);
    return;
  }
  const errors: FieldErrors = {};
  const unshown: string[] = [];
  for (const problem of problems) {
    // schema validation names the request part first (["body", "code"]); domain checks do not (["calendar", …])
    const path = problem.path[0] === 'body' ? problem.path.slice(1) : problem.path;
    const key = path.join('.');
    errors[key] ??= problem.message;
    const shown = shownPrefixes.some((prefix) => key === prefix || key.startsWith(`${prefix}.`));
    if (!shown) unshown.push(key ? `${key}: ${problem.message}` : problem.message);
  }
  setErrors(errors);
  // bring the first highlighted field into view (long forms such as contracts scroll)
  requestAnimationFrame(() => {
    document.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
  notifications.show({
    color: 'red',
    title: t('errors.validation'),
    message: unshown.length > 0 ? unshown.join('\n') : t('errors.fixFields'),
  });
}
