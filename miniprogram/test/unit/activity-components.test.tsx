import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { MySignupResponse } from '@jianghuai/shared';
import { ActivityMap } from '../../src/components/activity/ActivityMap';
import { Chips } from '../../src/components/activity/Chips';
import { SignupStatus } from '../../src/components/activity/SignupStatus';

const waitlisted: MySignupResponse = {
  id: 1,
  activityId: 7,
  status: 'waitlisted',
  waitlistPosition: 4,
  checkinAt: null,
  checkinMethod: null,
  checkoutAt: null,
  autoCheckedOut: false,
  checkedMinutes: null,
  attendance: 'unconfirmed',
  confirmedMinutes: null,
  manualMinutes: 0,
  pointsAwarded: 0,
  createdAt: '2026-11-28T00:00:00Z',
};

describe('SignupStatus', () => {
  it('writes the waitlist place and what happens next, not only a colour', () => {
    render(<SignupStatus signup={waitlisted} />);
    expect(screen.getByText('候补第 4 位')).toBeTruthy();
    expect(screen.getByText(/前面还有 3 人/)).toBeTruthy();
  });
  it('compact form is a labelled badge', () => {
    const { container } = render(
      <SignupStatus signup={{ ...waitlisted, status: 'confirmed', waitlistPosition: null }} compact />,
    );
    expect(container.querySelector('[data-testid="signup-badge"]')?.textContent).toBe('报名成功');
  });
});

describe('ActivityMap (H5 picture)', () => {
  it('shows the pin, the radius in words, and the person when on the picture', () => {
    const location = { address: '北门', lat: 31.67, lng: 118.5, radiusM: 300 };
    const { rerender } = render(<ActivityMap location={location} me={{ lat: 31.6705, lng: 118.5 }} />);
    expect(screen.getByText('活动地点')).toBeTruthy();
    expect(screen.getByText(/300 米/)).toBeTruthy();
    expect(screen.getByText('我')).toBeTruthy();
    rerender(<ActivityMap location={location} me={{ lat: 31.8, lng: 118.5 }} />);
    expect(screen.queryByText('我')).toBeNull();
  });
});

describe('Chips', () => {
  it('marks the chosen option with a tick and reports taps', () => {
    const onChange = vi.fn();
    const { container } = render(
      <Chips
        options={[
          { value: 'a', label: '按次' },
          { value: 'b', label: '按小时' },
        ]}
        value="a"
        onChange={onChange}
        testId="rule"
      />,
    );
    expect(container.querySelector('[data-testid="rule-a"]')?.textContent).toBe('✓ 按次');
    fireEvent.click(container.querySelector('[data-testid="rule-b"]')!);
    expect(onChange).toHaveBeenCalledWith('b');
  });
});
