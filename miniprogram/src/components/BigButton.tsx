import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';

export interface BigButtonProps {
  children: ReactNode;
  onClick?: () => void;
  kind?: 'primary' | 'secondary' | 'danger';
  /** Shown instead of the label while busy; the button is disabled meanwhile. */
  loadingText?: string;
  loading?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** The main action of a screen: full width, at least 60 px tall, text 20 px or more. */
export function BigButton({
  children,
  onClick,
  kind = 'primary',
  loading,
  loadingText,
  disabled,
  testId,
}: BigButtonProps) {
  const busy = !!loading;
  return (
    <Button
      className={`jh-btn jh-btn--${kind}${busy || disabled ? ' jh-btn--disabled' : ''}`}
      // undefined, not false: Taro's H5 button treats any disabled attribute (even "false") as disabled and dims its text
      disabled={busy || disabled || undefined}
      onClick={busy || disabled ? undefined : onClick}
      data-testid={testId}
    >
      {busy ? (loadingText ?? '请稍候…') : children}
    </Button>
  );
}
