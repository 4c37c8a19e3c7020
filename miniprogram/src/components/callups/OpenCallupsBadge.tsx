import { Text } from '@tarojs/components';

/** On the 调度指令 tile: how many call-ups wait for the guard, in red with words beside it; none at zero. */
export function OpenCallupsBadge({ count }: { count: number | null }) {
  if (!count) return null;
  return (
    <Text className="jh-unread" data-testid="open-callups-badge">
      <Text className="jh-unread__count" data-testid="open-callups-count">
        {count > 99 ? '99+' : count}
      </Text>
      <Text className="jh-unread__label">条待办</Text>
    </Text>
  );
}
