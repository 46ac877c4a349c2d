import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { passwordLinksApi } from '../api/portal-endpoints';
import { linkRefusalCode, PortalLinkRefusal } from '../components/portal-link-refusal';
import {
  type NewPassword,
  newPasswordProblem,
  PortalNewPasswordFields,
} from '../components/portal-new-password-fields';
import { PortalPublicFrame } from '../components/portal-public-frame';

/**
 * `/reset-password`: without a token, ask for a link by e-mail (the answer never says whether the account exists);
 * with `?token=` (the link of the mail), choose the new password, twice. Reachable without a session.
 */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token === null ? <RequestResetLink /> : <ChooseNewPassword token={token} />;
}

function RequestResetLink() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => passwordLinksApi.requestReset(email) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <PortalPublicFrame title={t('passwordLinks.requestTitle')}>
      {request.isSuccess ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} role="status" data-testid="reset-requested">
          {t('passwordLinks.sent')}
        </Alert>
      ) : (
        <form onSubmit={submit} aria-label={t('passwordLinks.requestTitle')}>
          <Stack>
            <Text size="sm">{t('passwordLinks.requestText')}</Text>
            {request.error && (
              <Alert color="red" role="alert">
                {request.error.message || t('errors.generic')}
              </Alert>
            )}
            <TextInput
              label={t('passwordLinks.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={request.isPending}>
              {t('passwordLinks.send')}
            </Button>
          </Stack>
        </form>
      )}
    </PortalPublicFrame>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const complete = useMutation({
    mutationFn: () => passwordLinksApi.completeReset({ token, password: value.password }),
  });
  const refusal = linkRefusalCode(complete.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (newPasswordProblem(value) === null) complete.mutate();
  };
  return (
    <PortalPublicFrame title={t('passwordLinks.resetTitle')}>
      {complete.isSuccess ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} role="status" data-testid="password-saved">
          {t('passwordLinks.saved')}
        </Alert>
      ) : refusal ? (
        <PortalLinkRefusal code={refusal} newLinkTo="/reset-password" />
      ) : (
        <form onSubmit={submit} aria-label={t('passwordLinks.resetTitle')} noValidate>
          <Stack>
            {complete.error && (
              <Alert color="red" role="alert">
                {complete.error.message || t('errors.generic')}
              </Alert>
            )}
            <PortalNewPasswordFields value={value} onChange={setValue} showProblems={submitted} />
            <Button type="submit" loading={complete.isPending}>
              {t('passwordLinks.save')}
            </Button>
          </Stack>
        </form>
      )}
    </PortalPublicFrame>
  );
}
