import { View } from '@tarojs/components';

/** One tappable filter or choice in a `jh-filter` row: the mark (✓ or ●) in front while it is on. */
export function FilterChip({
  on,
  label,
  onTap,
  testId,
  mark = '✓ ',
}: {
  on: boolean;
  label: string;
  onTap: () => void;
  testId?: string;
  mark?: string;
}) {
  return (
    <View className={`jh-filter__item${on ? ' jh-filter__item--on' : ''}`} onClick={onTap} data-testid={testId}>
      {on ? mark : ''}
      {label}
    </View>
  );
}
