import { View } from '@tarojs/components';

/** A row of big single-choice buttons (pickers are fiddly for older users and for tests). */
export function Chips<T extends string | number>({
  options,
  value,
  onChange,
  testId,
}: {
  options: readonly { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
  testId: string;
}) {
  return (
    <View className="jh-chips" data-testid={testId}>
      {options.map((o) => (
        <View
          key={String(o.value)}
          className={`jh-chip${o.value === value ? ' jh-chip--on' : ''}`}
          onClick={() => onChange(o.value)}
          data-testid={`${testId}-${o.value}`}
        >
          {o.value === value ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
    </View>
  );
}
