import { Text } from '@tarojs/components';
import { unreadBadgeText, unreadLabel } from '../logic/inbox';

/** A big red number for unread messages (with “条未读” beside it, so colour is not the only signal); none at zero. */
export function UnreadBadge({ count, testId = 'unread-badge' }: { count: number | null; testId?: string }) {
  const text = unreadBadgeText(count);
  if (!text) return null;
  return (
    <Text className="jh-unread" data-testid={testId} aria-label={unreadLabel(count)}>
      <Text className="jh-unread__count" data-testid={`${testId}-count`}>
        {text}
      </Text>
      <Text className="jh-unread__label">条未读</Text>
    </Text>
  );
}
