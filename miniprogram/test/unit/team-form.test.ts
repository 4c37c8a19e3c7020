import { describe, expect, it } from 'vitest';
import type { OrgUnitNode } from '@jianghuai/shared';
import {
  emptyTeamForm,
  stationsOf,
  teamStateLine,
  toTeamRequest,
  toggledPerson,
  validateTeamForm,
} from '../../src/logic/team-form';
import { emptyForm, toActivityInput, toUpdateInput } from '../../src/logic/activity-form';

const person = (volunteerId: number) => ({ volunteerId, name: `义警${volunteerId}`, memberNo: `M${volunteerId}` });
const unit = (id: number, level: OrgUnitNode['level'], children: OrgUnitNode[] = []): OrgUnitNode => ({
  id,
  code: `U${id}`,
  name: `单位${id}`,
  level,
  parentId: null,
  children,
});

describe('team form', () => {
  it('asks for a name, a station and an area (a community or a described grid)', () => {
    expect(validateTeamForm(emptyTeamForm(null))).toEqual({
      name: '队伍名称须为 2 到 50 个字',
      stationId: '请选择队伍所属的派出所',
      area: '请选择责任社区，或填写网格描述',
    });
    const ok = { ...emptyTeamForm(4), name: '巡逻一组', areaText: '湖东路以东' };
    expect(validateTeamForm(ok)).toEqual({});
    expect(validateTeamForm({ ...ok, areaText: ' ', communityId: 7 })).toEqual({});
  });

  it('sends the grid text only without a community, and the leader and members by id', () => {
    const form = { ...emptyTeamForm(4), name: ' 巡逻一组 ', communityId: 7, areaText: '旧描述', leader: person(1) };
    expect(toTeamRequest({ ...form, members: [person(2), person(3)] })).toMatchObject({
      name: '巡逻一组',
      stationId: 4,
      communityId: 7,
      areaText: null,
      leaderVolunteerId: 1,
      memberVolunteerIds: [2, 3],
      duties: null,
    });
  });

  it('toggles members, finds the stations of a tree and says why a team is not active', () => {
    expect(toggledPerson(toggledPerson([person(1)], person(2)), person(1))).toEqual([person(2)]);
    const tree = [
      unit(1, 'city', [unit(2, 'branch', [unit(3, 'station', [unit(4, 'community')]), unit(5, 'station')])]),
    ];
    expect(stationsOf(tree).map((s) => s.id)).toEqual([3, 5]);
    expect(teamStateLine({ active: true, inactiveReasons: [] })).toBe('活跃');
    expect(teamStateLine({ active: false, inactiveReasons: ['no_leader', 'too_few_members'] })).toBe(
      '未达活跃：未指定队长；队员不足 3 人',
    );
  });

  it('sends a chosen team when an activity is created and in an edit (none when open to all)', () => {
    const form = { ...emptyForm(new Date('2026-11-30T15:30:00Z')), title: '巡逻', lat: '31.6', lng: '118.5' };
    expect(toActivityInput({ ...form, teamId: 9 }).teamId).toBe(9);
    expect('teamId' in toActivityInput({ ...form, teamId: null })).toBe(false);
    expect(toUpdateInput({ ...form, teamId: 9 }, 'draft').teamId).toBe(9);
  });
});
