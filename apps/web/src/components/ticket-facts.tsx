import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../api/types';
import { formatInstant } from '../lib/format-instant';
import { Field } from './field';

/** Who and what the ticket is about: client, contract, holder, requester and how to reach them, category, assets. */
export function TicketFacts({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { requester } = ticket;
  return (
    <Paper withBorder p="sm">
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        <Field label={t('common.client')}>
          <Anchor component={Link} to={`/clients/${ticket.clientId}`}>
            {ticket.clientCode} — {ticket.clientName}
          </Anchor>
        </Field>
        <Field label={t('tickets.contract')}>
          {ticket.contract ? (
            <Anchor component={Link} to={`/clients/${ticket.clientId}/contracts`}>
              {ticket.contract.reference} — {ticket.contract.name}
            </Anchor>
          ) : (
            <Text span size="sm" c="orange">
              {t('tickets.noContract')}
            </Text>
          )}
        </Field>
        <Field label={t('tickets.holder')}>
          {ticket.team?.name ?? '—'} / {ticket.assignee?.name ?? t('tickets.nobody')}
        </Field>
        <Field label={t('tickets.requester')}>
          <Stack gap={0}>
            <span>{requester.name ?? ticket.requesterName ?? '—'}</span>
            {requester.phone && (
              <Anchor href={`tel:${requester.phone.replace(/\s/g, '')}`} size="sm">
                {requester.phone}
              </Anchor>
            )}
            {requester.email && (
              <Anchor href={`mailto:${requester.email}`} size="sm">
                {requester.email}
              </Anchor>
            )}
          </Stack>
        </Field>
        <Field label={t('tickets.category')}>{ticket.category?.name ?? '—'}</Field>
        <Field label={t('tickets.assets')}>
          {ticket.assets.length === 0 ? (
            '—'
          ) : (
            <Group gap="xs">
              {ticket.assets.map((asset) => (
                <Anchor key={asset.id} component={Link} to={`/assets/${asset.id}`} size="sm">
                  {asset.name}
                </Anchor>
              ))}
            </Group>
          )}
        </Field>
        <Field label={t('tickets.createdAt')}>{formatInstant(ticket.createdAt)}</Field>
        <Field label={t('tickets.takenAt')}>{formatInstant(ticket.takenAt)}</Field>
        <Field label={t('tickets.entryLevel')}>
          N{ticket.entryLevel} ·{' '}
          {t('tickets.levelsDelivered', { levels: ticket.levelsDelivered.map((l) => `N${l}`).join(', ') })}
        </Field>
      </SimpleGrid>
      {ticket.description && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {ticket.description}
        </Text>
      )}
    </Paper>
  );
}
