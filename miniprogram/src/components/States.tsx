import { Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';

export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="jh-state" data-testid="loading-state">
      <View className="jh-spinner" />
      <Text className="jh-state__text">{text}</Text>
    </View>
  );
}

/** What went wrong and what to do about it, with the one button that does it. */
export function ErrorState({
  message,
  onRetry,
  retryLabel = '重新加载',
  testId = 'error-state',
}: {
  message: string;
  onRetry?: () => void;
  retryLabel?: string;
  testId?: string;
}) {
  return (
    <View className="jh-state jh-state--error" data-testid={testId}>
      <View className="jh-state__icon">!</View>
      <Text className="jh-state__text">{message}</Text>
      {onRetry ? (
        <BigButton onClick={onRetry} testId={`${testId}-retry`}>
          {retryLabel}
        </BigButton>
      ) : null}
    </View>
  );
}

export function EmptyState({ text }: { text: string }) {
  return (
    <View className="jh-state" data-testid="empty-state">
      <Text className="jh-state__text jh-muted">{text}</Text>
    </View>
  );
}

/** A failure shown above a form, in words, not only in red. */
export function InlineError({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <View className="jh-inline-error" data-testid={testId}>
      <Text>{message}</Text>
    </View>
  );
}
