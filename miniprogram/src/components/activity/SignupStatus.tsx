import { Text, View } from '@tarojs/components';
import type { MySignupResponse } from '@jianghuai/shared';
import { signupWording } from '../../logic/activities';

/** The person's own sign-up in words: label + what happens next (never colour alone). */
export function SignupStatus({ signup, compact }: { signup: MySignupResponse; compact?: boolean }) {
  const w = signupWording(signup);
  if (compact) {
    return (
      <Text className={`jh-badge jh-badge--${w.tone}`} data-testid="signup-badge">
        {w.label}
      </Text>
    );
  }
  return (
    <View className={`jh-status-box jh-status-box--${w.tone}`} data-testid="signup-status">
      <Text className="jh-status-box__label" data-testid="signup-status-label">
        {w.label}
      </Text>
      <Text className="jh-block">{w.detail}</Text>
    </View>
  );
}
