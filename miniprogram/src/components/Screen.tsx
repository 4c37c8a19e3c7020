import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useRootFontSize } from '../hooks/useFontScale';
import { TitleBar } from '../platform/TitleBar';

/** Page frame: the title bar (H5), then the page in the person's font scale; every size inside is relative to it. */
export function Screen({ children, testId }: { children: ReactNode; testId?: string }) {
  const fontSize = useRootFontSize();
  return (
    <View className="jh-screen" style={{ fontSize }} data-testid={testId}>
      <TitleBar />
      {children}
    </View>
  );
}
