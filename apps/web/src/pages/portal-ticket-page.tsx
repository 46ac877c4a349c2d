import { Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { ticketsApi } from '../api/ticket-endpoints';
import type { Me, Ticket } from '../api/types';
import { isStaff, worksInHouse } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { PortalAnswerBox } from '../components/portal-answer-box';
import { ANSWERS, type Answer, answerAvailable, PortalAnswerDialog } from '../components/portal-answer-dialogs';
import { PortalAttachments } from '../components/portal-attachments';
import { PortalConversation } from '../components/portal-conversation';
import { PortalInHouseBar } from '../components/portal-in-house-bar';
import { PortalProgress } from '../components/portal-progress';
import { PortalReplyBox } from '../components/portal-reply-box';
import { PortalStatus } from '../components/portal-status';
import { QueryState } from '../components/query-state';

const REFRESH_MS = 30_000;

/** The requester's side of a resolution: the requester and the client's manager; the client's IT on what it holds. */
function canAnswer(me: Me, ticket: Ticket): boolean {
  return me.role !== 'client_it' || ticket.heldInHouse;
}

/**
 * `/portal/tickets/:ticketId`: one ticket as the client sees it: where it stands and the provider's commitment, the
 * proposed solution with the answers to it, the conversation and a reply box, the files. `?answer=confirm|reject|
 * rate` (the links of the mails) opens that answer at once. Another client's ticket reads as not found.
 */
export function PortalTicketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { ticketId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: () => ticketsApi.get(ticketId),
    refetchInterval: REFRESH_MS,
    enabled: !isStaff(me),
  });
  if (isStaff(me)) return <Navigate to={`/tickets/${ticketId}`} replace />;
  if (!query.data) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const ticket = query.data;
  const asked = ANSWERS.find((a) => a === params.get('answer'));
  const answer = asked && canAnswer(me, ticket) && answerAvailable(ticket, asked) ? asked : null;
  const setAnswer = (value: Answer | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('answer', value);
    else next.delete('answer');
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/portal" size="sm">
        <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} aria-hidden /> {t('portalTicket.back')}
      </Anchor>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {ticket.reference}
          {ticket.requesterName ? ` · ${t('portal.requestedBy', { name: ticket.requesterName })}` : ''}
        </Text>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 260 }}>
            {ticket.title}
          </Title>
          <PortalStatus ticket={ticket} />
        </Group>
      </Stack>
      {worksInHouse(me) && ticket.heldInHouse && <PortalInHouseBar ticket={ticket} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <PortalProgress ticket={ticket} />
            <PortalAnswerBox ticket={ticket} canAnswer={canAnswer(me, ticket)} onAnswer={setAnswer} />
            <PortalConversation ticket={ticket} />
            <PortalReplyBox ticket={ticket} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <PortalAttachments ticketId={ticket.id} />
        </Grid.Col>
      </Grid>
      {answer && <PortalAnswerDialog answer={answer} ticket={ticket} onClose={() => setAnswer(null)} />}
    </Stack>
  );
}
