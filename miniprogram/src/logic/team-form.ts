import {
  TEAM_ACTIVE_MIN_MEMBERS,
  TEAM_INACTIVE_REASON_LABELS,
  type OrgUnitNode,
  type TeamKind,
  type TeamPerson,
  type TeamRequest,
  type TeamResponse,
} from '@jianghuai/shared';

/** The team form (docs/product.md#teams): the station's community or a described grid as the area. */
export interface TeamForm {
  name: string;
  kind: TeamKind;
  stationId: number | null;
  communityId: number | null;
  areaText: string;
  leader: TeamPerson | null;
  members: TeamPerson[];
  duties: string;
  rules: string;
}
export type TeamFormErrors = Partial<Record<'name' | 'stationId' | 'area' | 'members', string>>;

export function emptyTeamForm(stationId: number | null): TeamForm {
  return {
    name: '',
    kind: 'area_patrol',
    stationId,
    communityId: null,
    areaText: '',
    leader: null,
    members: [],
    duties: '',
    rules: '',
  };
}

export function teamFormOf(t: TeamResponse): TeamForm {
  return {
    name: t.name,
    kind: t.kind,
    stationId: t.station.id,
    communityId: t.community?.id ?? null,
    areaText: t.areaText ?? '',
    leader: t.leader,
    members: t.members,
    duties: t.duties ?? '',
    rules: t.rules ?? '',
  };
}

export function validateTeamForm(f: TeamForm): TeamFormErrors {
  const errors: TeamFormErrors = {};
  const name = f.name.trim();
  if (name.length < 2 || name.length > 50) errors.name = '队伍名称须为 2 到 50 个字';
  if (f.stationId === null) errors.stationId = '请选择队伍所属的派出所';
  if (f.communityId === null && !f.areaText.trim()) errors.area = '请选择责任社区，或填写网格描述';
  if (f.members.length > 200) errors.members = '一支队伍最多 200 名队员';
  return errors;
}

export function toTeamRequest(f: TeamForm): TeamRequest {
  return {
    name: f.name.trim(),
    kind: f.kind,
    stationId: f.stationId ?? undefined,
    communityId: f.communityId,
    areaText: f.communityId === null ? f.areaText.trim() : null,
    leaderVolunteerId: f.leader?.volunteerId ?? null,
    memberVolunteerIds: f.members.map((m) => m.volunteerId),
    duties: f.duties.trim() || null,
    rules: f.rules.trim() || null,
  };
}

/** Adds or removes one person from a selection (the member picker's tap). */
export function toggledPerson(list: TeamPerson[], p: TeamPerson): TeamPerson[] {
  return list.some((x) => x.volunteerId === p.volunteerId)
    ? list.filter((x) => x.volunteerId !== p.volunteerId)
    : [...list, p];
}

/** The stations of an org tree (the viewer's scope), in tree order. */
export function stationsOf(tree: OrgUnitNode[]): OrgUnitNode[] {
  return tree.flatMap((n) => (n.level === 'station' ? [n] : stationsOf(n.children)));
}

/** One line for the list: active, or each reason it is not. */
export function teamStateLine(t: Pick<TeamResponse, 'active' | 'inactiveReasons'>): string {
  if (t.active) return '活跃';
  return `未达活跃：${t.inactiveReasons.map((r) => TEAM_INACTIVE_REASON_LABELS[r]).join('；')}`;
}

export const TEAM_RULE_TEXT = `有队长、队员不少于 ${TEAM_ACTIVE_MIN_MEMBERS} 人、近 30 天内有已结算的队伍活动，队伍才算活跃。`;
