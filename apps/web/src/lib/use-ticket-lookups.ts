import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assetsApi, teamsApi } from '../api/endpoints';
import { staffApi, ticketCategoriesApi } from '../api/ticket-endpoints';
import type { Me } from '../api/types';
import { isStaff } from '../auth/permissions';
import { useMe } from '../auth/session-context';

export interface Option {
  value: string;
  label: string;
}

/** The provider's teams (the same cache as the teams page). */
export function useTeams(enabled = true) {
  return useQuery({ queryKey: ['teams'], queryFn: () => teamsApi.list({ limit: 200 }), enabled });
}

export function useTeamOptions(enabled = true) {
  const teams = useTeams(enabled);
  return (teams.data?.items ?? []).map((team): Option => ({ value: team.id, label: team.name }));
}

/** Ticket categories; `activeOnly` for pickers (a deactivated category stays on old tickets). */
export function useTicketCategories(enabled = true) {
  return useQuery({
    queryKey: ['ticket-categories'],
    queryFn: ticketCategoriesApi.list,
    enabled,
    select: (page) => page.items,
  });
}

export function useCategoryOptions(activeOnly = true): Option[] {
  const categories = useTicketCategories();
  return (categories.data ?? [])
    .filter((category) => !activeOnly || category.active)
    .map((category) => ({ value: category.id, label: category.name }));
}

/** The provider's people (the staff directory every staff member may read). */
function useStaffList() {
  const me = useMe();
  return useQuery({ queryKey: ['staff'], queryFn: staffApi.list, enabled: isStaff(me), staleTime: 60_000 });
}

/** Provider staff as options ("Karim Haddad · N2"), plus people the caller already knows, so a select never shows an id. */
export function useStaffOptions(known: readonly { id: string; name: string }[] = []): Option[] {
  const { t } = useTranslation();
  const me = useMe();
  const staff = useStaffList();
  const label = (person: Pick<Me, 'name' | 'supportLevel'>) =>
    person.supportLevel ? `${person.name} · N${person.supportLevel}` : person.name;
  const options = new Map<string, string>();
  for (const user of staff.data?.items ?? []) {
    options.set(user.id, label(user));
  }
  if (!options.has(me.id)) options.set(me.id, `${label(me)} (${t('tickets.me')})`);
  for (const person of known) if (!options.has(person.id)) options.set(person.id, person.name);
  return [...options].map(([value, text]) => ({ value, label: text }));
}

/** The assets of one client as options ("srv-dc01 · Server"), for linking them to a ticket. */
export function useClientAssetOptions(clientId: string | null): Option[] {
  const { t } = useTranslation();
  const assets = useQuery({
    queryKey: ['assets', 'list', { clientId, options: true }],
    queryFn: () => assetsApi.list({ clientId, limit: 200 }),
    enabled: Boolean(clientId),
  });
  return (assets.data?.items ?? []).map((asset) => ({
    value: asset.id,
    label: `${asset.name} · ${t(`assetTypes.${asset.type}`)}`,
  }));
}

/** Names of teams and people by id, for timelines that record ids: teams, the staff list when readable, `known`. */
export function useNameLookup(known: readonly ({ id: string; name: string } | null)[] = []) {
  const me = useMe();
  const teams = useTeams();
  const staff = useStaffList();
  const names = new Map<string, string>([[me.id, me.name]]);
  for (const team of teams.data?.items ?? []) names.set(team.id, team.name);
  for (const user of staff.data?.items ?? []) names.set(user.id, user.name);
  for (const person of known) if (person) names.set(person.id, person.name);
  return (id: string) => names.get(id);
}
