import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import type { DashboardResponse } from '@jianghuai/shared';
import { openPage } from '../../hooks/navigate';
import {
  childLabel,
  countAgainstTarget,
  countText,
  joinRowUrl,
  listUrl,
  pctText,
  rateAgainstTarget,
  responseSpeedText,
} from '../../logic/dashboard';
import { PAGES } from '../../logic/routes';
import { BarChart } from '../components/BarChart';
import { Figure, Row, Section, Table, UnitCard, Verdict } from '../components/Figures';

type D = { d: DashboardResponse };

/** The headline figures in large text, each against its target where it has one, each opening its list. */
export function Headlines({ d }: D) {
  const unitId = d.unit.id;
  const cov = d.certifiedCoverage;
  const weekBelow = d.weeklyRule.thisWeek.below;
  return (
    <View className="jh-dash-figures" data-testid="dash-headlines">
      <Figure
        label={`在册义警（目标 ${d.volunteers.dueDate} 前）`}
        value={countAgainstTarget(d.volunteers.value, d.volunteers.target).text}
        reading={countAgainstTarget(d.volunteers.value, d.volunteers.target)}
        onTap={() => openPage(PAGES.adminVolunteers)}
        testId="dash-volunteers"
      />
      <Figure
        label={`持证保安入会（目标 ${cov.dueDate} 前全部）`}
        value={`${countText(cov.joined)} / ${countText(cov.certified)}`}
        reading={rateAgainstTarget(cov.pct, cov.targetPct)}
        lines={[`覆盖 ${pctText(cov.pct)}`]}
        onTap={() => openPage(listUrl('certified', unitId))}
        testId="dash-certified"
      />
      <Figure
        label="花名册入会率"
        value={pctText(d.joinRate.joinRate)}
        lines={[`花名册 ${countText(d.joinRate.rosterTotal)} 人，已加入 ${countText(d.joinRate.rosterJoined)} 人`]}
        onTap={() => openPage(listUrl('join', unitId))}
        testId="dash-join-rate"
      />
      <Figure
        label="没有活跃队伍的派出所"
        value={`${d.stationsWithoutActiveTeam} 个`}
        onTap={() => openPage(listUrl('no-team', unitId))}
        testId="dash-no-team"
      />
      <Figure
        label={`本周（${d.week}）未达每周勤务的派出所`}
        value={`${weekBelow} / ${d.weeklyRule.thisWeek.stations} 个`}
        onTap={() => openPage(listUrl('weekly', unitId))}
        testId="dash-weekly-rule"
      />
      <Figure
        label="超时未审的入会申请"
        value={`${d.overdueApplications} 份`}
        onTap={() => openPage(listUrl('overdue', unitId))}
        testId="dash-overdue"
      />
      <Figure
        label="集结响应速度（接令用时中位数）"
        value={responseSpeedText(d.callups.acceptMedianS, d.callups.available)}
        testId="dash-callups"
      />
    </View>
  );
}

/** Volunteers week by week: the chart, and the same numbers as a table. */
export function Weekly({ d }: D) {
  const points = useMemo(() => d.weekly.map((w) => ({ label: w.week.slice(-3), value: w.total })), [d.weekly]);
  return (
    <Section title="义警人数（按周）" testId="dash-weekly">
      <BarChart id="dash-weekly-chart" points={points} testId="dash-weekly-chart" />
      <Table testId="dash-weekly-table">
        <Row head cells={['周', '新加入', '退出', '在册']} />
        {d.weekly.map((w) => (
          <Row key={w.week} cells={[w.week, w.joined, w.left, w.total]} testId="dash-weekly-row" />
        ))}
      </Table>
    </Section>
  );
}

export function Tiers({ d }: D) {
  return (
    <Section title="义警等级" testId="dash-tiers">
      <Table>
        <Row head cells={['等级', '人数']} />
        {d.byTier.map((t) => (
          <Row key={t.tier} cells={[t.label, t.count]} testId="dash-tier-row" />
        ))}
      </Table>
    </Section>
  );
}

/** Join rate by employer type against its target. */
export function EmployerTypes({ d }: D) {
  return (
    <Section title="各类单位入会率" testId="dash-employer-types">
      <Table>
        <Row head cells={['单位类型', '已加入/花名册', '入会率', '目标']} />
        {d.joinRateByEmployerType.map((t) => (
          <View key={t.type}>
            <Row
              cells={[t.label, `${t.rosterJoined}/${t.rosterTotal}`, pctText(t.joinRate), `${t.targetPct}%`]}
              onTap={() => openPage(listUrl('join', d.unit.id))}
              testId="dash-employer-row"
              data={{ type: t.type }}
            />
            <Verdict reading={rateAgainstTarget(t.joinRate, t.targetPct)} />
            <Text className="jh-muted">截止 {t.dueDate}</Text>
          </View>
        ))}
      </Table>
    </Section>
  );
}

/** The child units one card each; a card opens its join rate (branch → station → company → guards). */
export function Units({ d }: D) {
  if (d.byUnit.length === 0) return null;
  return (
    <Section title={`各${childLabel(d.unit.level)}情况`} testId="dash-units">
      <Text className="jh-block jh-muted">点一个单位查看其下各单位的入会率</Text>
      {d.byUnit.map((u) => (
        <UnitCard
          key={u.orgId}
          name={u.orgName}
          lines={[
            `义警 ${u.volunteers} 人 · 活跃队伍 ${u.activeTeams} 支`,
            `入会率 ${pctText(u.joinRate)}（${u.rosterJoined}/${u.rosterTotal}）`,
            `近 8 周勤务达标 ${u.weeklyRuleWeeksMet}/${u.weeklyRuleStations * 8} 所周`,
          ]}
          onTap={() => openPage(joinRowUrl({ kind: 'unit', id: u.orgId }))}
          testId="dash-unit-row"
        />
      ))}
    </Section>
  );
}
