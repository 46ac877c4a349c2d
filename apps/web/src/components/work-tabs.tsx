import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { useVisitsRelevant } from '../lib/use-visits-relevant';
import { KnowledgeTab } from './knowledge-tab';
import { TicketMailsTab } from './ticket-mails-tab';
import { TimeTab } from './time-tab';
import { VisitsTab } from './visits-tab';

/** The ticket's work tabs after "Timeline", each at /tickets/:ticketId/<tab>. */
export const WORK_TABS = ['time', 'visits', 'knowledge', 'mails'] as const;
/** The tabs named in `workTabs.*`; "Mails" has its label with the mail texts. */
const LABELLED_TABS = ['time', 'visits', 'knowledge'] as const;
export type WorkTab = (typeof WORK_TABS)[number];

export function isWorkTab(tab: string): tab is WorkTab {
  return (WORK_TABS as readonly string[]).includes(tab);
}

/** The tab buttons, inside the ticket page's `Tabs.List`; "Visits" only under an on-site contract (or with visits). */
export function WorkTabList({ ticket, current }: { ticket: Ticket; current: string }) {
  const { t } = useTranslation();
  const visits = useVisitsRelevant(ticket);
  return [
    ...LABELLED_TABS.filter((tab) => tab !== 'visits' || visits || current === 'visits').map((tab) => (
      <Tabs.Tab key={tab} value={tab}>
        {t(`workTabs.${tab}`)}
      </Tabs.Tab>
    )),
    <Tabs.Tab key="mails" value="mails">
      {t('ticketMails.tab')}
    </Tabs.Tab>,
  ];
}

/** The tab panels, inside the ticket page's `Tabs` (only the current one is mounted). */
export function WorkTabPanels({ ticket }: { ticket: Ticket }) {
  return (
    <>
      <Tabs.Panel value="time" pt="md">
        <TimeTab ticket={ticket} />
      </Tabs.Panel>
      <Tabs.Panel value="visits" pt="md">
        <VisitsTab ticket={ticket} />
      </Tabs.Panel>
      <Tabs.Panel value="knowledge" pt="md">
        <KnowledgeTab ticket={ticket} />
      </Tabs.Panel>
      <Tabs.Panel value="mails" pt="md">
        <TicketMailsTab ticket={ticket} />
      </Tabs.Panel>
    </>
  );
}
