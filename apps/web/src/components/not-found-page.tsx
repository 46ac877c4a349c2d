import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a page shows for a record that does not exist or is outside the caller's scope (the API answers 404 for both). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="not-found">
      <Stack align="center" gap="sm" maw={480}>
        <IconMapOff size={48} stroke={1.5} />
        <Title order={2}>{t('notFound.title')}</Title>
        <Text c="dimmed" ta="center">
          {t('notFound.text')}
        </Text>
        <Button component={Link} to="/" variant="light">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
