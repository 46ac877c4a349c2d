import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrollmentView } from '../api/monitoring-setup-endpoints';
import { formatInstant } from '../lib/format-instant';
import { ConfirmDeleteButton } from './confirm-button';

/** Enrollment tokens: valid, expired or revoked, how many machines used each; staff revoke the valid ones. */
export function AgentEnrollmentList({
  enrollments,
  operable,
  onRevoke,
}: {
  enrollments: EnrollmentView[];
  operable: boolean;
  onRevoke: (enrollment: EnrollmentView) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const now = Date.now();
  if (enrollments.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="sm">
        {t('monitoringSetup.enroll.tokensEmpty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="enrollment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('monitoringSetup.enroll.label')}</Table.Th>
            <Table.Th>{t('common.client')}</Table.Th>
            <Table.Th>{t('monitoringSetup.enroll.createdAt')}</Table.Th>
            <Table.Th>{t('monitoringSetup.enroll.expires')}</Table.Th>
            <Table.Th>{t('monitoringSetup.enroll.uses')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            {operable && <Table.Th w={50} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {enrollments.map((en) => {
            const expired = new Date(en.expiresAt).getTime() <= now;
            const state = en.revoked ? 'revoked' : expired ? 'expired' : 'valid';
            return (
              <Table.Tr key={en.id} data-enrollment={en.label}>
                <Table.Td>{en.label}</Table.Td>
                <Table.Td>{en.clientName}</Table.Td>
                <Table.Td>{formatInstant(en.createdAt)}</Table.Td>
                <Table.Td>{formatInstant(en.expiresAt)}</Table.Td>
                <Table.Td>{en.uses}</Table.Td>
                <Table.Td>
                  <Badge tt="none" variant="light" color={state === 'valid' ? 'teal' : 'gray'} data-state={state}>
                    {t(`monitoringSetup.enroll.states.${state}`)}
                  </Badge>
                </Table.Td>
                {operable && (
                  <Table.Td>
                    {state === 'valid' && (
                      <ConfirmDeleteButton
                        label={t('monitoringSetup.enroll.revokeNamed', { label: en.label })}
                        message={t('monitoringSetup.enroll.confirmRevoke', { label: en.label })}
                        confirmLabel={t('monitoringSetup.enroll.revoke')}
                        onConfirm={() => onRevoke(en)}
                      />
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
