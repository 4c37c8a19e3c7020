import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PAGES } from '../../logic/routes';
import { myAlerts } from '../../services/alerts';
import './alerts.css';

/**
 * On the volunteer's home: a red banner while an urgent warning is unread (says how many, in words), opening the
 * warnings. Nothing while there is none, or when the count could not be read (the warning is also in 消息).
 */
export function UrgentAlertBanner({ active }: { active: boolean }) {
  const [unread, setUnread] = useState(0);
  const load = useCallback(() => {
    if (!active) return;
    myAlerts(1, 1)
      .then((page) => setUnread(page.unreadUrgent))
      .catch(() => undefined);
  }, [active]);
  useEffect(load, [load]);
  useDidShow(load);
  if (!active || unread === 0) return null;
  return (
    <Text
      className="jh-alert-banner"
      data-testid="urgent-alert-banner"
      onClick={() => void Taro.navigateTo({ url: PAGES.myAlerts })}
    >
      ⚠ 您有 {unread} 条紧急预警未读，点此查看 ›
    </Text>
  );
}
