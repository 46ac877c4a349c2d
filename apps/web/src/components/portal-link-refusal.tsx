import { Alert, Anchor } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/http';

const LINK_CODES = ['link_expired', 'link_used', 'link_invalid'] as const;
type LinkCode = (typeof LINK_CODES)[number];

/** The refusal of a mail link as a sentence (expired, already used, not valid), or null for other errors. */
export function linkRefusalCode(error: unknown): LinkCode | 'missing' | null {
  if (!(error instanceof ApiError)) return null;
  if (LINK_CODES.includes(error.code as LinkCode)) return error.code as LinkCode;
  // a token the schema refuses (empty, too long) is a link that cannot be valid
  if (error.status === 400 || error.status === 410) return 'link_invalid';
  return null;
}

/** Why a link from a mail cannot be used, with the way to get a new one. */
export function PortalLinkRefusal({ code, newLinkTo }: { code: LinkCode | 'missing'; newLinkTo: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="link-refusal" data-code={code}>
      {t(`passwordLinks.refused.${code}`)}{' '}
      <Anchor component={Link} to={newLinkTo} size="sm">
        {t('passwordLinks.askNewLink')}
      </Anchor>
    </Alert>
  );
}
