import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { loadClientConfig } from './services/subscriptions';
import { registerPrivacyAuthorization } from './services/privacy';
import './app.css';

function App({ children }: PropsWithChildren) {
  // Subscribe-message template ids must be known before the first tap that asks for consent.
  useLaunch(() => {
    void loadClientConfig();
    // WeChat asks the app to show its privacy popup before the first location, phone or photo call
    registerPrivacyAuthorization();
  });
  return children;
}

export default App;
