import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { HomeBody } from '../../src/components/home/HomeViews';
import { homeViewFor } from '../../src/logic/home';
import { INBOX_TILE, messageTapHint, messageTarget, unreadBadgeText, unreadLabel } from '../../src/logic/inbox';
import { PAGES } from '../../src/logic/routes';
import type { MeResponse } from '@jianghuai/shared';

const officer: MeResponse = {
  id: 7,
  displayName: '王所长',
  roles: ['station_officer'],
  isStaff: true,
  orgUnit: { id: 5, code: 'MAS-YS-PH', name: '平湖派出所', level: 'station' as const, parentId: 2 },
  phoneMasked: null,
  wechatBound: false,
  volunteer: null,
};

describe('the 消息 entry', () => {
  it('staff get the 消息 tile (key inbox) to the shared message page, apart from their work tiles', () => {
    const view = homeViewFor(officer);
    if (view.kind !== 'staff') throw new Error('staff view expected');
    expect(view.inbox).toEqual(INBOX_TILE);
    expect(INBOX_TILE).toMatchObject({ key: 'inbox', label: '消息', target: { kind: 'page', url: PAGES.messages } });
    expect(view.tiles.some((t) => t.key === 'inbox')).toBe(false);
  });

  it('the badge shows the number in words as well, nothing at zero or unknown, 99+ above 99', () => {
    expect([null, undefined, 0, -1].map(unreadBadgeText)).toEqual(['', '', '', '']);
    expect(unreadBadgeText(3)).toBe('3');
    expect(unreadBadgeText(120)).toBe('99+');
    expect(unreadLabel(3)).toBe('3 条未读');
    expect(unreadLabel(0)).toBe('');
  });

  it('renders the badge on the staff 消息 tile and on the volunteer card; a tap opens the message page', () => {
    const onTap = vi.fn();
    const { container, rerender } = render(<HomeBody view={homeViewFor(officer)} onTap={onTap} unread={4} />);
    expect(container.querySelector('[data-testid="tile-inbox"] [data-testid="unread-badge-count"]')?.textContent).toBe(
      '4',
    );
    expect(screen.getByText('条未读')).toBeTruthy();
    fireEvent.click(container.querySelector('[data-testid="tile-inbox"]')!);
    expect(onTap).toHaveBeenCalledWith(INBOX_TILE);
    rerender(<HomeBody view={homeViewFor(officer)} onTap={onTap} unread={0} />);
    expect(container.querySelector('[data-testid="unread-badge"]')).toBeNull();
    const volunteer = homeViewFor({
      ...officer,
      roles: ['volunteer'],
      isStaff: false,
      orgUnit: null,
      volunteer: { memberNo: 'MAS2026000001', status: 'active', stationId: 5, stationName: null },
    });
    rerender(<HomeBody view={volunteer} onTap={onTap} unread={2} />);
    expect(container.querySelector('[data-testid="member-card"] [data-testid="unread-badge-count"]')?.textContent).toBe(
      '2',
    );
  });

  it('a message link opens its page from the root; anything else is no link', () => {
    expect(messageTarget('admin-applications/review-detail/index?id=12')).toBe(
      '/admin-applications/review-detail/index?id=12',
    );
    expect(messageTarget('/pages/member-card/index')).toBe('/pages/member-card/index');
    expect(messageTarget(null)).toBeNull();
    expect(messageTarget('')).toBeNull();
    expect(messageTarget('https://example.com/x')).toBeNull();
    expect(messageTapHint(false, true)).toBe('点击查看');
    expect(messageTapHint(true, false)).toBe('已读');
    expect(messageTapHint(false, false)).toBe('点击标为已读');
  });
});
