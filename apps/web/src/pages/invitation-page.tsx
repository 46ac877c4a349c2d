import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
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
 * `/invitation?token=`: the first sign-in of a person the provider invited. Greets them by name, lets them choose a
 * password, then they are signed in (the server sets the session cookie; the app is loaded again to pick it up).
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [submitted, setSubmitted] = useState(false);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => passwordLinksApi.invitation(token),
    enabled: token !== '',
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => passwordLinksApi.acceptInvitation({ token, password: value.password }),
    onSuccess: () => window.location.replace('/'),
  });
  const refusal = token === '' ? 'missing' : linkRefusalCode(invitation.error ?? accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (newPasswordProblem(value) === null) accept.mutate();
  };

  return (
    <PortalPublicFrame title={t('passwordLinks.invitationTitle')}>
      {refusal ? (
        <PortalLinkRefusal code={refusal} newLinkTo="/reset-password" />
      ) : invitation.isLoading ? (
        <Center py="md">
          <Loader aria-label={t('passwordLinks.loading')} />
        </Center>
      ) : invitation.error ? (
        <Alert color="red" role="alert">
          {invitation.error.message || t('errors.generic')}
        </Alert>
      ) : invitation.data ? (
        <form onSubmit={submit} aria-label={t('passwordLinks.invitationTitle')} noValidate>
          <Stack>
            <Text fw={600}>{t('passwordLinks.invitationGreeting', { name: invitation.data.name })}</Text>
            <Text size="sm">{t('passwordLinks.invitationText', { email: invitation.data.email })}</Text>
            {accept.error && (
              <Alert color="red" role="alert">
                {accept.error.message || t('errors.generic')}
              </Alert>
            )}
            <PortalNewPasswordFields value={value} onChange={setValue} showProblems={submitted} />
            <Button type="submit" loading={accept.isPending}>
              {t('passwordLinks.invitationSubmit')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </PortalPublicFrame>
  );
}
