import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { PrivacyGate } from '../../src/components/PrivacyGate';
import { ensurePrivacy, privacyRequest } from '../../src/services/privacy';

afterEach(() => {
  cleanup();
  privacyRequest.set(null);
  localStorage.clear();
});

describe('PrivacyGate', () => {
  it('shows nothing until a call waits; then what and why, the policy link, 同意 and 拒绝', async () => {
    const { container } = render(<PrivacyGate />);
    expect(container.querySelector('[data-testid="privacy-gate"]')).toBeNull();
    let call!: Promise<void>;
    act(() => {
      call = ensurePrivacy('location');
    });
    const prompt = container.querySelector('[data-testid="privacy-prompt"]')!;
    expect(prompt.textContent).toContain('您的位置');
    expect(container.querySelector('[data-testid="privacy-policy-link"]')!.textContent).toContain('《隐私政策》');
    act(() => {
      fireEvent.click(container.querySelector('[data-testid="privacy-agree"]')!);
    });
    await expect(call).resolves.toBeUndefined();
    expect(container.querySelector('[data-testid="privacy-gate"]')).toBeNull();
  });

  it('拒绝 closes it and fails the waiting call', async () => {
    const { container } = render(<PrivacyGate />);
    let call!: Promise<void>;
    act(() => {
      call = ensurePrivacy('phone');
    });
    expect(container.querySelector('[data-testid="privacy-prompt"]')!.textContent).toContain('手机号');
    act(() => {
      fireEvent.click(container.querySelector('[data-testid="privacy-disagree"]')!);
    });
    await expect(call).rejects.toMatchObject({ errMsg: expect.stringContaining('privacy:refused') });
    expect(container.querySelector('[data-testid="privacy-gate"]')).toBeNull();
  });
});
