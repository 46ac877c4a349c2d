import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isNotFound } from '../api/http';
import { NotFoundPage } from './not-found-page';

/** Loading spinner, not-found page (404/403) or error message for a page-level query. */
export function QueryState({ isLoading, error }: { isLoading: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (isLoading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isNotFound(error)) return <NotFoundPage />;
  if (error) {
    return (
      <Alert color="red" title={t('errors.title')}>
        {error instanceof Error ? error.message : t('errors.generic')}
      </Alert>
    );
  }
  return null;
}
