import { Alert, Button, Checkbox, Grid, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { fieldProblems } from '../api/http';
import { attachmentsApi } from '../api/portal-endpoints';
import { ticketsApi } from '../api/ticket-endpoints';
import { isStaff, seesAllClientTickets, worksInHouse } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { filesProblem, PortalFilePicker } from '../components/portal-file-picker';
import { PortalImpactChoice } from '../components/portal-impact-choice';
import { PortalKbSuggestions } from '../components/portal-kb-suggestions';
import { PortalRequesterSelect } from '../components/portal-requester-select';
import type { Severity } from '../lib/enums';

/**
 * `/portal/new`: a client person opens a ticket in their own words (who is affected, how urgent), with files;
 * knowledge-base articles are suggested as they type. The client's manager and IT may open it for a colleague; the
 * client's IT may keep it in-house. Files are uploaded once the ticket exists: a failed upload never loses the ticket.
 */
export function PortalNewTicketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<{ impact: Severity; urgency: Severity }>({ impact: 4, urgency: 3 });
  const [requesterContactId, setRequester] = useState<string | null>(null);
  const [inHouse, setInHouse] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const clientId = me.clientId ?? '';

  const create = useMutation({
    mutationFn: async () => {
      const ticket = await ticketsApi.create({
        clientId,
        title,
        description,
        impact: severity.impact,
        urgency: severity.urgency,
        requesterContactId,
        handledInHouse: inHouse,
        takeNow: inHouse,
      });
      let uploadError: unknown = null;
      if (files.length > 0) await attachmentsApi.upload(ticket.id, files).catch((error) => (uploadError = error));
      return { ticket, uploadError };
    },
    onSuccess: ({ ticket, uploadError }) => {
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      notifications.show({ color: 'teal', message: t('portalNew.created', { reference: ticket.reference }) });
      if (uploadError) {
        const message = uploadError instanceof Error ? uploadError.message : t('errors.generic');
        notifications.show({ color: 'red', autoClose: false, message: t('portalNew.filesFailed', { message }) });
      }
      void navigate(`/portal/tickets/${ticket.id}`);
    },
  });
  if (isStaff(me) || !me.clientId) return <Navigate to="/tickets" replace />;

  const problems = fieldProblems(create.error);
  const problemOf = (field: string) =>
    problems.find((p) => (p.path[0] === 'body' ? p.path[1] : p.path[0]) === field)?.message;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (title.trim() === '' || filesProblem(t, files) || create.isPending) return;
    create.mutate();
  };

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>{t('portalNew.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('portalNew.intro')}
        </Text>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md" radius="md">
            <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('portalNew.subject')}
                  placeholder={t('portalNew.subjectPlaceholder')}
                  required
                  maxLength={200}
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                  error={problemOf('title')}
                  data-autofocus
                  autoFocus
                />
                <Textarea
                  label={t('portalNew.description')}
                  description={t('portalNew.descriptionHelp')}
                  autosize
                  minRows={5}
                  maxRows={16}
                  maxLength={20_000}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  error={problemOf('description')}
                />
                <PortalImpactChoice impact={severity.impact} urgency={severity.urgency} onChange={setSeverity} />
                {seesAllClientTickets(me) && (
                  <PortalRequesterSelect clientId={clientId} value={requesterContactId} onChange={setRequester} />
                )}
                {worksInHouse(me) && (
                  <Checkbox
                    label={t('portalNew.inHouse')}
                    description={t('portalNew.inHouseHelp')}
                    checked={inHouse}
                    onChange={(e) => setInHouse(e.currentTarget.checked)}
                    error={problemOf('handledInHouse') ? t('portalNew.noKeptLevel') : undefined}
                  />
                )}
                <PortalFilePicker files={files} onChange={setFiles} />
                {create.error && (
                  <Alert color="red" role="alert" title={t('errors.refused')}>
                    {problems.length > 0 ? problems.map((p) => p.message).join(' · ') : create.error.message}
                  </Alert>
                )}
                <Group justify="flex-end">
                  <Button type="submit" loading={create.isPending} disabled={title.trim() === ''}>
                    {t('portalNew.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <PortalKbSuggestions clientId={clientId} text={`${title}\n${description}`} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
