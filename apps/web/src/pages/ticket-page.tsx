import { Grid, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ticketsApi } from '../api/ticket-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { NotFoundPage } from '../components/not-found-page';
import { PriorityModal } from '../components/priority-modal';
import { QueryState } from '../components/query-state';
import { TicketActionBar } from '../components/ticket-action-bar';
import { TicketFacts } from '../components/ticket-facts';
import { TicketHeader } from '../components/ticket-header';
import { TicketResolution } from '../components/ticket-resolution';
import { TicketSlaPanel } from '../components/ticket-sla-panel';
import { TicketTimeline } from '../components/ticket-timeline';
import { isWorkTab, WorkTabList, WorkTabPanels } from '../components/work-tabs';

const REFRESH_MS = 30_000;
/** The work tabs, in order, each at /tickets/:ticketId/<tab>; "time", "visits" and "knowledge" follow (work-tabs). */
const TABS = ['timeline'] as const;
type Tab = (typeof TABS)[number];

/** One ticket: what it is about, its clocks, what can be done now, and everything that happened to it. */
export function TicketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { ticketId = '', tab = 'timeline' } = useParams();
  const [editingPriority, setEditingPriority] = useState(false);
  const query = useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: () => ticketsApi.get(ticketId),
    refetchInterval: REFRESH_MS,
  });

  if (!TABS.includes(tab as Tab) && !isWorkTab(tab)) return <NotFoundPage />;
  if (!query.data) return <QueryState isLoading={query.isLoading} error={query.error} />;
  const ticket = query.data;
  const editable = isStaff(me) && ticket.status !== 'closed' && ticket.mergedInto === null;

  return (
    <Stack gap="md">
      <TicketHeader ticket={ticket} editable={editable} onEditPriority={() => setEditingPriority(true)} />
      {isStaff(me) && <TicketActionBar ticket={ticket} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <TicketFacts ticket={ticket} />
            <TicketResolution ticket={ticket} />
            {/* Work on the ticket, one tab per kind (TABS): "Time", "Visits" and "Knowledge" go after "Timeline". */}
            <Tabs
              value={tab}
              onChange={(value) => navigate(`/tickets/${ticket.id}${value && value !== 'timeline' ? `/${value}` : ''}`)}
              keepMounted={false}
            >
              <Tabs.List aria-label={t('tickets.workTabs')}>
                {TABS.map((name) => (
                  <Tabs.Tab key={name} value={name}>
                    {t(`ticketTabs.${name}`)}
                  </Tabs.Tab>
                ))}
                <WorkTabList ticket={ticket} current={tab} />
              </Tabs.List>
              <Tabs.Panel value="timeline" pt="md">
                <TicketTimeline ticket={ticket} />
              </Tabs.Panel>
              <WorkTabPanels ticket={ticket} />
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <TicketSlaPanel sla={ticket.sla} />
        </Grid.Col>
      </Grid>
      {editingPriority && <PriorityModal ticket={ticket} onClose={() => setEditingPriority(false)} />}
    </Stack>
  );
}
