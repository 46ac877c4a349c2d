import { Anchor, Center, Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { changeLanguage, currentLanguage, type Language } from '../i18n';

/** The frame of the pages reached from a mail link without a session: a card with its title and the language. */
export function PortalPublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%" component="main">
        <Stack>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Title order={2}>{title}</Title>
            <SegmentedControl
              size="xs"
              aria-label={t('header.language')}
              value={currentLanguage()}
              onChange={(value) => changeLanguage(value as Language)}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
          </Group>
          {children}
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('passwordLinks.backToSignIn')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
