import { Kbd, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_QUEUES, type TicketQueue } from '../lib/enums';

/** The queues as tabs; the digit after each name is its shortcut. */
export function TicketQueueTabs({ value, onChange }: { value: TicketQueue; onChange: (queue: TicketQueue) => void }) {
  const { t } = useTranslation();
  return (
    <Tabs value={value} onChange={(next) => next && onChange(next as TicketQueue)}>
      <Tabs.List aria-label={t('tickets.queues')}>
        {TICKET_QUEUES.map((queue, index) => (
          <Tabs.Tab
            key={queue}
            value={queue}
            rightSection={
              <Kbd size="xs" aria-hidden>
                {index + 1}
              </Kbd>
            }
          >
            {t(`ticketQueue.${queue}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
