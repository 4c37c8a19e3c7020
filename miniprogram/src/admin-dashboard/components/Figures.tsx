import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { TargetReading } from '../../logic/dashboard';

type Cell = string | number;

/** A table row; a row with `onTap` opens the list behind it (marked ›). */
export function Row({
  cells,
  head,
  onTap,
  testId,
  data,
}: {
  cells: readonly Cell[];
  head?: boolean;
  onTap?: () => void;
  testId?: string;
  data?: Record<string, string | number>;
}) {
  const dataAttrs = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <View
      className={`jh-dash-table__row${head ? ' jh-dash-table__head' : ''}${onTap ? ' jh-dash-table__row--tap' : ''}`}
      onClick={onTap}
      data-testid={testId}
      {...dataAttrs}
    >
      {cells.map((c, i) => (
        <Text key={i} className={`jh-dash-table__cell${i === 0 ? ' jh-dash-table__cell--name' : ''}`}>
          {c}
        </Text>
      ))}
      <Text className="jh-dash-table__more">{onTap ? '›' : ''}</Text>
    </View>
  );
}

export function Table({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <View className="jh-dash-table" data-testid={testId}>
      {children}
    </View>
  );
}

/** 达标 / 未达标 / 暂无数据 in words, coloured as well. */
export function Verdict({ reading, testId }: { reading: TargetReading; testId?: string }) {
  const tone = reading.met === null ? '' : reading.met ? ' jh-dash-verdict--ok' : ' jh-dash-verdict--bad';
  return (
    <Text className={`jh-dash-verdict${tone}`} data-testid={testId}>
      {reading.verdict}
    </Text>
  );
}

/** A headline figure in large text; tapping it opens the list behind it. */
export function Figure({
  label,
  value,
  lines,
  reading,
  onTap,
  testId,
}: {
  label: string;
  value: string;
  lines?: readonly string[];
  reading?: TargetReading;
  onTap?: () => void;
  testId: string;
}) {
  const tone = !reading || reading.met === null ? '' : reading.met ? ' jh-dash-figure--ok' : ' jh-dash-figure--bad';
  return (
    <View className={`jh-dash-figure${tone}`} onClick={onTap} data-testid={testId}>
      <Text className="jh-dash-figure__label">{label}</Text>
      <Text className="jh-dash-figure__value" data-testid={`${testId}-value`}>
        {value}
      </Text>
      {reading ? <Verdict reading={reading} /> : null}
      {(lines ?? []).map((l) => (
        <Text key={l} className="jh-dash-figure__line">
          {l}
        </Text>
      ))}
      {onTap ? <Text className="jh-dash-open">查看名单 ›</Text> : null}
    </View>
  );
}

/** A titled white card. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <View className="jh-card" data-testid={testId}>
      <Text className="jh-section-title jh-block" style={{ marginTop: 0 }}>
        {title}
      </Text>
      {children}
    </View>
  );
}

/** One unit's figures as lines under its name (too many columns for a table at the large text size). */
export function UnitCard({
  name,
  lines,
  onTap,
  testId,
  sub,
}: {
  name: string;
  lines: readonly string[];
  onTap?: () => void;
  testId?: string;
  /** A station under its branch: indented. */
  sub?: boolean;
}) {
  return (
    <View className={`jh-row-card${sub ? ' jh-dash-sub' : ''}`} onClick={onTap} data-testid={testId} data-name={name}>
      <Text className="jh-row-card__title">
        {name}
        {onTap ? ' ›' : ''}
      </Text>
      {lines.map((l) => (
        <Text key={l} className="jh-row-card__line">
          {l}
        </Text>
      ))}
    </View>
  );
}
