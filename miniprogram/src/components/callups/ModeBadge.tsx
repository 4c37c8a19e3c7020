import { Text } from '@tarojs/components';
import { CALLUP_MODE_LABELS, type CallupMode } from '@jianghuai/shared';

/** The call-up's mode as a word; 战时 in red. */
export function ModeBadge({ mode }: { mode: CallupMode }) {
  return (
    <Text className={`jh-cu-badge${mode === 'wartime' ? ' jh-cu-badge--war' : ''}`} data-testid="callup-mode">
      {CALLUP_MODE_LABELS[mode]}
    </Text>
  );
}
