import { Alert, Button, Code, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportKind, importsApi } from '../api/endpoints';
import type { ImportReport } from '../api/types';
import { notifyError } from '../lib/errors';

const COLUMNS: Record<ImportKind, string> = {
  assets: 'name,type,site,criticality,status,owner_email,vendor,vendor_contract_ref,notes,<attributes…>',
  contacts: 'first_name,last_name,email,phone,mobile,job_title,site,locale,is_primary',
};

/** Pick a CSV file → dry run report (problems by line) → import all rows. */
export function CsvImportModal({
  clientId,
  kind,
  onClose,
  onImported,
}: {
  clientId: string;
  kind: ImportKind;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const run = useMutation({
    mutationFn: ({ text, dryRun }: { text: string; dryRun: boolean }) => importsApi.run(clientId, kind, text, dryRun),
    onSuccess: (result) => {
      setReport(result);
      if (!result.dryRun) onImported();
    },
    onError: (error) => notifyError(t, error),
  });

  const pick = async (picked: File | null) => {
    setFile(picked);
    setReport(null);
    setCsv(null);
    if (!picked) return;
    const text = await picked.text();
    setCsv(text);
    run.mutate({ text, dryRun: true });
  };

  const done = report && !report.dryRun;

  return (
    <Modal opened onClose={onClose} title={t(`imports.title.${kind}`)} size="xl">
      <Stack>
        <Text size="sm">
          {t('imports.columns')} <Code>{COLUMNS[kind]}</Code>
        </Text>
        <FileInput
          label={t('imports.file')}
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} />}
          value={file}
          onChange={(picked) => void pick(picked)}
          clearable
        />
        {report?.dryRun && (
          <Stack gap="xs" data-testid="import-report">
            <Text fw={500}>{t('imports.dryRunRows', { count: report.rows })}</Text>
            {report.problems.length === 0 ? (
              <Alert color="green" icon={<IconCheck size={16} />}>
                {t('imports.noProblems')}
              </Alert>
            ) : (
              <>
                <Alert color="orange">{t('imports.problems', { count: report.problems.length })}</Alert>
                <ScrollArea.Autosize mah={300}>
                  <Table striped aria-label={t('imports.problemsTable')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('imports.line')}</Table.Th>
                        <Table.Th>{t('imports.column')}</Table.Th>
                        <Table.Th>{t('imports.message')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.problems.map((problem, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a report's problems are listed once and never reordered
                        <Table.Tr key={`${problem.line}-${problem.column}-${index}`}>
                          <Table.Td>{problem.line}</Table.Td>
                          <Table.Td>{problem.column ?? '—'}</Table.Td>
                          <Table.Td>{problem.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </>
            )}
          </Stack>
        )}
        {done && (
          <Alert color="green" icon={<IconCheck size={16} />} role="status">
            {t('imports.imported', { count: report.imported })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </Button>
          {report?.dryRun && csv !== null && (
            <Button
              disabled={report.problems.length > 0 || report.rows === 0}
              loading={run.isPending}
              onClick={() => run.mutate({ text: csv, dryRun: false })}
            >
              {t('imports.importAll', { count: report.rows })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
