import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
// the rows' and options' look: every page that shows an InfoRow or a Choice gets it, whatever else it imports
import './enrolment.css';

/**
 * One big tappable option (≥ 60 px tall). Selection is said in words and a tick, not only by
 * colour (docs/product.md#older-users).
 */
export function Choice({
  selected,
  onTap,
  title,
  hint,
  testId,
}: {
  selected: boolean;
  onTap: () => void;
  title: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <View
      className={`jh-choice${selected ? ' jh-choice--on' : ''}`}
      onClick={onTap}
      data-testid={testId}
      aria-checked={selected}
    >
      <View className="jh-choice__box">{selected ? '✓' : ''}</View>
      <View className="jh-choice__body">
        <Text className="jh-choice__title">{title}</Text>
        {hint ? <Text className="jh-choice__hint">{hint}</Text> : null}
      </View>
      {selected ? <Text className="jh-choice__on">已选</Text> : null}
    </View>
  );
}

/** A message under a field: what is wrong and what to do, in words (never colour alone). */
export function FieldError({ message, testId }: { message?: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <View className="jh-field-error" data-testid={testId}>
      <Text>⚠ {message}</Text>
    </View>
  );
}

/** Label + value line for read-only records (member card, review detail). */
export function InfoRow({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <View className="jh-info-row">
      <Text className="jh-info-row__label">{label}</Text>
      <Text className="jh-info-row__value" data-testid={testId}>
        {value}
      </Text>
    </View>
  );
}
