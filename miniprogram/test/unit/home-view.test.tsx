import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { HomeBody } from '../../src/components/home/HomeViews';
import { ErrorState } from '../../src/components/States';
import { homeViewFor } from '../../src/logic/home';

describe('HomeBody', () => {
  it('renders the volunteer card and passes the tapped tile on', () => {
    const onTap = vi.fn();
    const view = homeViewFor({
      id: 1,
      displayName: '张伟',
      roles: ['volunteer'],
      isStaff: false,
      orgUnit: null,
      phoneMasked: null,
      wechatBound: true,
      volunteer: { memberNo: 'MAS2026000001', status: 'active', stationId: 5, stationName: null },
    });
    const { container } = render(<HomeBody view={view} onTap={onTap} />);
    expect(screen.getByText('MAS2026000001')).toBeTruthy();
    expect(screen.getByText('张伟')).toBeTruthy();
    // Every volunteer tile is built: none says "即将开放" (the mall opened last).
    expect(screen.queryAllByText('即将开放')).toHaveLength(0);
    expect(container.querySelector('[data-testid="tile-mall"]')?.textContent).not.toContain('即将开放');
    expect(container.querySelector('[data-testid="tile-tips"]')?.textContent).not.toContain('即将开放');
    fireEvent.click(container.querySelector('[data-testid="tile-checkin"]')!);
    expect(onTap).toHaveBeenCalledWith(expect.objectContaining({ key: 'checkin', label: '签到打卡' }));
  });
});

describe('ErrorState', () => {
  it('says what happened and offers the retry', () => {
    const onRetry = vi.fn();
    const { container } = render(<ErrorState message="网络不给力，请检查网络后重试" onRetry={onRetry} />);
    expect(screen.getByText('网络不给力，请检查网络后重试')).toBeTruthy();
    fireEvent.click(container.querySelector('[data-testid="error-state-retry"]')!);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
