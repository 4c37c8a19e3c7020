import { Text } from '@tarojs/components';
import type { DashboardResponse } from '@jianghuai/shared';
import { openPage } from '../../hooks/navigate';
import { listUrl } from '../../logic/dashboard';
import { PAGES } from '../../logic/routes';
import { Row, Section, Table, UnitCard } from '../components/Figures';

type D = { d: DashboardResponse };

/** The weekly patrol rule: this week and each of the last 8 complete weeks. */
export function WeeklyRule({ d }: D) {
  const r = d.weeklyRule;
  const open = () => openPage(listUrl('weekly', d.unit.id));
  return (
    <Section title="每周勤务（每个派出所每周至少巡逻防范一次）" testId="dash-rule">
      <Text className="jh-block jh-muted">每周至少 {r.minimum} 次；点一行查看各派出所</Text>
      <Table>
        <Row head cells={['周', '未达标', '派出所']} />
        <Row
          cells={[`${r.thisWeek.week}（本周）`, r.thisWeek.below, r.thisWeek.stations]}
          onTap={open}
          testId="dash-rule-this-week"
        />
        {[...r.weeks].reverse().map((w) => (
          <Row key={w.week} cells={[w.week, w.below, w.stations]} onTap={open} testId="dash-rule-week" />
        ))}
      </Table>
    </Section>
  );
}

/** Tips by status × urgency; opens the tips queue. */
export function Tips({ d }: D) {
  const open = () => openPage(PAGES.adminTips);
  return (
    <Section title={`线索（共 ${d.tips.total} 条，紧急 ${d.tips.urgent} 条）`} testId="dash-tips">
      <Table>
        <Row head cells={['状态', '一般', '紧急', '合计']} />
        {d.tips.byStatus.map((t) => (
          <Row key={t.status} cells={[t.label, t.normal, t.urgent, t.total]} onTap={open} testId="dash-tip-row" />
        ))}
      </Table>
    </Section>
  );
}

/** Points issued, redeemed, expired and still held, per unit, with the total. */
export function Points({ d }: D) {
  const line = (p: { issued: number; redeemed: number; expired: number; liability: number }) => [
    `发放 ${p.issued} · 兑换 ${p.redeemed} · 过期 ${p.expired}`,
    `未兑换（待兑付）${p.liability}`,
  ];
  return (
    <Section title="积分（发放、兑换、过期、未兑换）" testId="dash-points">
      {d.points.byUnit.map((p) => (
        <UnitCard
          key={p.orgId}
          name={p.orgName}
          lines={line(p)}
          onTap={() => openPage(PAGES.adminPoints)}
          testId="dash-points-row"
        />
      ))}
      <UnitCard name="合计" lines={line(d.points.total)} testId="dash-points-total" />
    </Section>
  );
}
