import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { clearSessionNotice, sessionNotice, watchSessionNotice } from '../../src/logic/session-notice';
import { signedIn, useSessionNotice } from '../../src/hooks/useSession';
import type { MeResponse } from '@jianghuai/shared';

const EXPIRED = '登录已过期，请重新登录';
const DISABLED = '账号已停用，请联系管理员';

function Notice() {
  const notice = useSessionNotice();
  return <Text data-testid="notice">{notice ?? ''}</Text>;
}

const shown = () => screen.getByTestId('notice').textContent;

afterEach(() => clearSessionNotice());

describe('the session-ended notice', () => {
  it('a watcher gets the reason waiting now and each later one, until it stops watching', () => {
    sessionNotice.set(EXPIRED);
    const show = vi.fn();
    const stop = watchSessionNotice(show);
    expect(show).toHaveBeenLastCalledWith(EXPIRED);
    sessionNotice.set(DISABLED);
    expect(show).toHaveBeenLastCalledWith(DISABLED);
    stop();
    sessionNotice.set(EXPIRED);
    expect(show).toHaveBeenCalledTimes(2);
  });

  it('nothing waiting, nothing shown; clearing is not a reason', () => {
    const show = vi.fn();
    watchSessionNotice(show);
    clearSessionNotice();
    expect(show).not.toHaveBeenCalled();
  });

  it('a login page opened before the session ended still shows the reason when it arrives', () => {
    render(<Notice />);
    expect(shown()).toBe('');
    act(() => sessionNotice.set(DISABLED));
    expect(shown()).toBe(DISABLED);
  });

  it('two login pages opened in a row (two navigations) both show the reason', () => {
    sessionNotice.set(EXPIRED);
    const first = render(<Notice />);
    expect(shown()).toBe(EXPIRED);
    first.unmount();
    render(<Notice />);
    expect(shown()).toBe(EXPIRED);
  });

  it('signing in again clears it, so the next login page does not show an old reason', () => {
    sessionNotice.set(EXPIRED);
    vi.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
    signedIn({ id: 1, displayName: '王所长', roles: [], isStaff: true } as unknown as MeResponse);
    expect(sessionNotice.get()).toBeNull();
    render(<Notice />);
    expect(shown()).toBe('');
  });
});
