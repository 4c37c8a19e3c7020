import { Text, View } from '@tarojs/components';
import type { Badge } from '../../logic/mall';

const TONE = { ok: 'jh-badge--ok', warn: 'jh-badge--wait', off: 'jh-badge--off' } as const;

/** Badges in words (可兑换 / 积分不足 / 库存紧张 / 已兑完), never colour alone. */
export function MallBadges({ badges, testId }: { badges: Badge[]; testId?: string }) {
  if (!badges.length) return null;
  return (
    <View data-testid={testId}>
      {badges.map((b) => (
        <Text key={b.text} className={`jh-badge ${TONE[b.tone]}`}>
          {b.text}
        </Text>
      ))}
    </View>
  );
}
