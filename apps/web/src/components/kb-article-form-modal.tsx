import { Modal, Radio, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { kbApi } from '../api/knowledge-endpoints';
import type { KbArticle } from '../api/work-types';
import { handleFormError } from '../lib/errors';
import { changedFields, useFormState } from '../lib/form';
import { useClientOptions } from '../lib/use-lookups';
import { FormActions } from './form-actions';

const VISIBILITIES = ['internal', 'public'] as const;

/** Writes an article: title, body (plain text or markdown, shown as written), who reads it, tags. */
export function KbArticleFormModal({
  article,
  onClose,
  onSaved,
}: {
  article?: KbArticle;
  onClose: () => void;
  onSaved: (article: KbArticle) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useClientOptions();
  const { values, initialValues, set, errors, setErrors } = useFormState(() => ({
    title: article?.title ?? '',
    body: article?.body ?? '',
    visibility: article?.visibility ?? ('internal' as KbArticle['visibility']),
    clientId: article?.clientId ?? null,
    tags: article?.tags ?? [],
  }));

  const save = useMutation({
    mutationFn: () => {
      const { clientId, ...fields } = values;
      if (article) {
        const { clientId: _unchanged, ...before } = initialValues;
        return kbApi.update(article.id, changedFields(before, fields));
      }
      return kbApi.create({ ...fields, clientId });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['kb-article', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['kb-articles'] });
      void queryClient.invalidateQueries({ queryKey: ['kb-suggestions'] });
      onSaved(saved);
    },
    onError: (error) => handleFormError(t, error, setErrors, ['title', 'body', 'visibility', 'clientId', 'tags']),
  });

  return (
    <Modal opened onClose={onClose} title={article ? t('kb.edit') : t('kb.new')} size="xl">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('kb.titleField')}
            required
            minLength={3}
            maxLength={200}
            value={values.title}
            error={errors.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={t('kb.body')}
            description={t('kb.bodyHint')}
            required
            autosize
            minRows={8}
            maxRows={24}
            value={values.body}
            error={errors.body}
            onChange={(event) => set('body', event.currentTarget.value)}
          />
          <Radio.Group
            label={t('kb.visibility')}
            value={values.visibility}
            onChange={(value) => set('visibility', value as KbArticle['visibility'])}
            error={errors.visibility}
          >
            <Stack gap={6} mt={6}>
              {VISIBILITIES.map((v) => (
                <Radio
                  key={v}
                  value={v}
                  label={t(`kb.visibilityLabel.${v}`)}
                  description={t(`kb.visibilityHint.${v}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {article ? (
            <Text size="sm" c="dimmed">
              {article.clientId ? t('kb.clientFixed') : t('kb.providerWideFixed')}
            </Text>
          ) : (
            <Select
              label={t('kb.client')}
              placeholder={t('kb.providerWide')}
              description={t('kb.clientHint')}
              data={clients.data ?? []}
              value={values.clientId}
              onChange={(value) => set('clientId', value)}
              error={errors.clientId}
              searchable
              clearable
            />
          )}
          <TagsInput
            label={t('kb.tags')}
            description={t('kb.tagsHint')}
            value={values.tags}
            onChange={(tags) => set('tags', tags)}
            error={errors.tags}
            maxTags={20}
            clearable
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
