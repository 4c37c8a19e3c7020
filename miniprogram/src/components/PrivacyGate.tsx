import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { privacyPrompt } from '../logic/privacy';
import { PAGES } from '../logic/routes';
import { PRIVACY_AGREE_BUTTON_ID, privacyRequest, type PrivacyRequest } from '../services/privacy';
import './privacy.css';

export const PRIVACY_PAGE = PAGES.privacy;

/**
 * The privacy popup (隐私保护提示), drawn by every page frame (Screen) while a location, phone-number or photo call
 * waits for the person's answer. 同意 lets the call go on; 拒绝 stops it and the page says what cannot be done
 * without it. Inside WeChat 同意 is the platform's agreePrivacyAuthorization button.
 */
export function PrivacyGate() {
  const [request, setRequest] = useState<PrivacyRequest | null>(privacyRequest.get());
  // every page frame holds one: only the page in front shows it (the pages below stay in the stack)
  const [inFront, setInFront] = useState(true);
  useDidShow(() => setInFront(true));
  useDidHide(() => setInFront(false));
  useEffect(() => privacyRequest.subscribe(setRequest), []);
  if (!request || !inFront) return null;
  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <View className="jh-privacy-mask" data-testid="privacy-gate" catchMove>
      <View className="jh-privacy-sheet">
        <Text className="jh-privacy-title">隐私保护提示</Text>
        <Text className="jh-privacy-text" data-testid="privacy-prompt">
          {privacyPrompt(request.purpose)}
        </Text>
        <Text
          className="jh-privacy-link"
          data-testid="privacy-policy-link"
          onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}
        >
          查看《隐私政策》
        </Text>
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          className="jh-btn jh-btn--primary"
          data-testid="privacy-agree"
          {...(weapp
            ? { openType: 'agreePrivacyAuthorization', onAgreePrivacyAuthorization: () => request.answer('agree') }
            : { onClick: () => request.answer('agree') })}
        >
          同意
        </Button>
        <Button
          className="jh-btn jh-btn--secondary"
          data-testid="privacy-disagree"
          onClick={() => request.answer('disagree')}
        >
          拒绝
        </Button>
      </View>
    </View>
  );
}
