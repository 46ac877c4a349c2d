import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shortest password the server accepts (mirrors `PASSWORD_MIN_LENGTH` of the contracts). */
export const MIN_PASSWORD_LENGTH = 12;

export interface NewPassword {
  password: string;
  confirm: string;
}

/** What is wrong with a new password typed twice, or null: the form says it before the server does. */
export function newPasswordProblem(value: NewPassword): 'tooShort' | 'mismatch' | null {
  if (value.password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (value.password !== value.confirm) return 'mismatch';
  return null;
}

/** A new password, typed twice; problems show once the form was submitted (`showProblems`). */
export function PortalNewPasswordFields({
  value,
  onChange,
  showProblems,
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  showProblems: boolean;
}) {
  const { t } = useTranslation();
  const problem = showProblems ? newPasswordProblem(value) : null;
  return (
    <>
      <PasswordInput
        label={t('passwordLinks.password')}
        description={t('passwordLinks.tooShort', { min: MIN_PASSWORD_LENGTH })}
        visibilityToggleButtonProps={{ 'aria-label': t('passwordLinks.show') }}
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        error={problem === 'tooShort' ? t('passwordLinks.tooShort', { min: MIN_PASSWORD_LENGTH }) : undefined}
        data-autofocus
        autoFocus
      />
      <PasswordInput
        label={t('passwordLinks.confirm')}
        visibilityToggleButtonProps={{ 'aria-label': t('passwordLinks.show') }}
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.currentTarget.value })}
        error={problem === 'mismatch' ? t('passwordLinks.mismatch') : undefined}
      />
    </>
  );
}
