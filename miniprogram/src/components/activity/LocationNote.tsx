import { Text, View } from '@tarojs/components';
import type { LocationState } from '../../hooks/useLocation';
import { BigButton } from '../BigButton';

/**
 * The phone's position for distances and the check-in hint: a wait, or what went wrong with the
 * 重新定位 button the message points to.
 */
export function LocationNote({
  state,
  onRetry,
  waitingText,
}: {
  state: LocationState;
  onRetry: () => void;
  waitingText: string;
}) {
  if (state.status === 'locating') {
    return (
      <Text className="jh-block jh-muted" data-testid="location-waiting">
        {waitingText}
      </Text>
    );
  }
  if (state.status !== 'failed') return null;
  return (
    <View className="jh-notice" data-testid="location-failed">
      <Text className="jh-block" data-testid="location-note">
        {state.message}
      </Text>
      <BigButton kind="secondary" onClick={onRetry} testId="relocate">
        重新定位
      </BigButton>
    </View>
  );
}
