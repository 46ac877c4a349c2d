import { Button, Group, Progress, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconMail } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportsApi, type SlaReport } from '../api/report-endpoints';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { currentLanguage } from '../i18n';
import { notifyError } from '../lib/errors';
import { formatDuration } from '../lib/format-duration';
import { formatInstant } from '../lib/format-instant';
import { monthBack, monthLabel } from '../lib/report-months';
import { QueryState } from './query-state';
import { SlaReportAvailability } from './sla-report-availability';
import { SlaReportBreaches } from './sla-report-breaches';
import { SlaReportByPriority } from './sla-report-by-priority';
import { BarList, ChartCard, DailyChart, MetGauge } from './sla-report-charts';
import { SlaReportStats } from './sla-report-stats';

const PRIORITY_COLORS: Record<string, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };
const MONTHS_OFFERED = 24;

/**
 * The monthly SLA report of one client, for provider staff (console /reports) and the client's manager (portal):
 * a month picker, the figures, charts, the breaches, CSV and PDF downloads; staff may also mail it to the client.
 */
export function SlaReportView({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(monthBack(1));
  const report = useQuery({
    queryKey: ['sla-report', clientId, month],
    queryFn: () => reportsApi.get(clientId, month),
  });
  const options = Array.from({ length: MONTHS_OFFERED }, (_, i) => monthBack(i)).map((value) => ({
    value,
    label: monthLabel(value, currentLanguage()),
  }));
  const lang = currentLanguage();

  return (
    <Stack gap="md" data-testid="sla-report">
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Select
          label={t('reports.month')}
          data={options}
          value={month}
          onChange={(value) => value && setMonth(value)}
          allowDeselect={false}
          w={220}
        />
        <Group gap="xs">
          <Button
            component="a"
            href={reportsApi.csvUrl(clientId, month, lang)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('reports.downloadCsv')}
          </Button>
          <Button
            component="a"
            href={reportsApi.pdfUrl(clientId, month, lang)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            {t('reports.downloadPdf')}
          </Button>
          {report.data && <SendButton report={report.data} />}
        </Group>
      </Group>
      <QueryState isLoading={report.isLoading} error={report.error} />
      {report.data && <ReportBody report={report.data} />}
    </Stack>
  );
}

function SendButton({ report }: { report: SlaReport }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => reportsApi.send(report.clientId, report.month),
    onSuccess: (sent) => {
      notifications.show({
        color: 'teal',
        message: t('reports.sentTo', { names: sent.recipients.map((r) => r.name).join(', ') }),
      });
      void queryClient.invalidateQueries({ queryKey: ['sla-report', report.clientId, report.month] });
    },
    onError: (error) => notifyError(t, error),
  });
  if (!isStaff(me)) return null;
  return (
    <Button
      leftSection={<IconMail size={16} />}
      onClick={() => send.mutate()}
      loading={send.isPending}
      disabled={!report.complete}
      title={report.complete ? undefined : t('reports.sendIncomplete')}
    >
      {t('reports.send')}
    </Button>
  );
}

function ReportBody({ report }: { report: SlaReport }) {
  const { t } = useTranslation();
  const hours = (minutes: number) => formatDuration(t, minutes, { days: false });
  const outcome = (o: SlaReport['tto']) =>
    o.met + o.missed === 0 ? t('reports.noClock') : t('reports.metOf', { met: o.met, total: o.met + o.missed });

  return (
    <Stack gap="md">
      <Group gap="md">
        <Text size="sm" c="dimmed">
          {t('reports.timeZone', { zone: report.timeZone })}
        </Text>
        {!report.complete && (
          <Text size="sm" c="orange">
            {t('reports.inProgress')}
          </Text>
        )}
        {report.sentAt && (
          <Text size="sm" c="dimmed">
            {t('reports.lastSent', { at: formatInstant(report.sentAt) })}
          </Text>
        )}
      </Group>
      <SlaReportStats report={report} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard title={t('reports.ttoMet')} testId="tto-gauge">
          <MetGauge percent={report.tto.percent} label={t('reports.ttoMet')} detail={outcome(report.tto)} />
        </ChartCard>
        <ChartCard title={t('reports.ttrMet')} testId="ttr-gauge">
          <MetGauge percent={report.ttr.percent} label={t('reports.ttrMet')} detail={outcome(report.ttr)} />
        </ChartCard>
      </SimpleGrid>
      <ChartCard title={t('reports.slaByPriority')}>
        <SlaReportByPriority rows={report.slaByPriority} />
      </ChartCard>
      <ChartCard title={t('reports.daily')}>
        <DailyChart days={report.daily} />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <ChartCard title={t('reports.byPriority')}>
          <BarList
            testId="by-priority"
            rows={report.byPriority.map((p) => ({
              key: p.priority,
              label: p.priority,
              value: p.count,
              color: PRIORITY_COLORS[p.priority],
            }))}
          />
        </ChartCard>
        <ChartCard title={t('reports.byLevel')}>
          <BarList
            testId="by-level"
            rows={report.byLevel.map((l) => ({ key: `N${l.level}`, label: `N${l.level}`, value: l.count }))}
          />
        </ChartCard>
        <ChartCard title={t('reports.byCategory')}>
          <BarList
            testId="by-category"
            rows={report.byCategory.map((c) => ({
              key: c.categoryId ?? 'none',
              label: c.name ?? t('reports.uncategorized'),
              value: c.count,
              color: 'grape',
            }))}
          />
        </ChartCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <ChartCard title={t('reports.escalations')}>
          <BarList
            testId="escalations"
            rows={[
              { key: 'functional', label: t('reports.functional'), value: report.escalations.functional },
              { key: 'hierarchical', label: t('reports.hierarchical'), value: report.escalations.hierarchical },
              ...report.escalations.toLevel.map((l) => ({
                key: `to-${l.level}`,
                label: t('reports.toLevel', { level: l.level }),
                value: l.count,
                color: 'indigo',
              })),
            ]}
          />
        </ChartCard>
        <ChartCard title={t('reports.satisfaction')} testId="satisfaction">
          <Text size="sm" mb="xs">
            {report.satisfaction.average === null
              ? t('reports.noRatings')
              : t('reports.average', { average: report.satisfaction.average, count: report.satisfaction.ratings })}
          </Text>
          <BarList
            rows={[...report.satisfaction.distribution].reverse().map((d) => ({
              key: String(d.rating),
              label: t('reports.stars', { count: d.rating }),
              value: d.count,
              color: d.rating >= 4 ? 'teal' : d.rating === 3 ? 'yellow' : 'red',
            }))}
          />
        </ChartCard>
        <ChartCard title={t('reports.hourBank')} testId="report-hour-bank">
          <Stack gap="xs">
            {report.hourBanks.length === 0 && <Text c="dimmed">{t('reports.noHourBank')}</Text>}
            {report.hourBanks.map((bank) => (
              <Stack key={bank.contractId} gap={4}>
                <Text size="sm" fw={600}>
                  {t('reports.hourBankMonth', { month: hours(bank.monthMinutes), contract: bank.reference })}
                </Text>
                <Progress
                  value={
                    bank.availableMinutes > 0 ? Math.min(100, (bank.usedMinutes / bank.availableMinutes) * 100) : 100
                  }
                  color={bank.exhausted ? 'red' : bank.warning ? 'orange' : 'teal'}
                  size="lg"
                  aria-label={t('reports.hourBank')}
                />
                <Text size="xs" c={bank.exhausted ? 'red' : bank.warning ? 'orange' : 'dimmed'}>
                  {t('reports.hourBankPeriod', {
                    start: bank.periodStart,
                    end: bank.periodEnd ?? '…',
                    used: hours(bank.usedMinutes),
                    available: hours(bank.availableMinutes),
                  })}
                </Text>
              </Stack>
            ))}
            <Text size="xs" c="dimmed">
              {t('reports.timeLogged', {
                billable: hours(report.time.billableMinutes),
                covered: hours(report.time.coveredMinutes),
              })}
            </Text>
          </Stack>
        </ChartCard>
      </SimpleGrid>
      <ChartCard title={t('reports.breaches')} testId="breaches">
        <SlaReportBreaches breaches={report.breaches} timeZone={report.timeZone} />
      </ChartCard>
      <ChartCard title={t('reports.availability')} testId="report-availability">
        <SlaReportAvailability rows={report.availability} />
        {report.availability.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('reports.availabilityHint')}
          </Text>
        )}
      </ChartCard>
    </Stack>
  );
}
