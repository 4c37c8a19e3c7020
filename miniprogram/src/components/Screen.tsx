import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useRootFontSize } from '../hooks/useFontScale';
import { TitleBar } from '../platform/TitleBar';
import { PrivacyGate } from './PrivacyGate';

/**
 * Page frame: the title bar (H5), then the page in the person's font scale; every size inside is relative to it.
 * It also holds the privacy popup, shown while a location, phone or photo call waits for the person's answer.
 */
export function Screen({
  children,
  testId,
  privacyGate = true,
}: {
  children: ReactNode;
  testId?: string;
  /** false on the 隐私政策 page itself, opened from the popup. */
  privacyGate?: boolean;
}) {
  const fontSize = useRootFontSize();
  return (
    <View className="jh-screen" style={{ fontSize }} data-testid={testId}>
      <TitleBar />
      {children}
      {privacyGate ? <PrivacyGate /> : null}
    </View>
  );
}
