import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { loadClientConfig } from './services/subscriptions';
import './app.css';

function App({ children }: PropsWithChildren) {
  // Subscribe-message template ids must be known before the first tap that asks for consent.
  useLaunch(() => void loadClientConfig());
  return children;
}

export default App;
