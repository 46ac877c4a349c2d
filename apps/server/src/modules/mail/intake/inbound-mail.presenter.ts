import type { InboundMailKind, InboundMailStatus, InboundMailSummary } from '@vigie/contracts';
import type { InboundRow } from './inbound-mail.repository.js';

export function presentInboundSummary(row: InboundRow): InboundMailSummary {
  return {
    id: row.id,
    status: row.status as InboundMailStatus,
    kind: (row.kind as InboundMailKind | null) ?? null,
    channel: row.channel === 'imap' ? 'imap' : 'smtp',
    messageId: row.message_id,
    fromAddress: row.from_address,
    subject: row.subject,
    clientId: row.client_id,
    clientName: row.client_name ?? null,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number ?? null,
    error: row.error,
    sizeBytes: row.size_bytes,
    createdAt: row.created_at,
    processedAt: row.processed_at,
  };
}
