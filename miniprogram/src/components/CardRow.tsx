import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

/** One "label — value" line of the member card (home summary and the full card). */
export function CardRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="jh-member-card__row">
      <Text className="jh-member-card__key">{label}</Text>
      <Text className="jh-member-card__value" data-testid={testId}>
        {children}
      </Text>
    </View>
  );
}
