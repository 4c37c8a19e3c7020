import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { wartimeBannerText } from '../../logic/callups';
import { currentWartime, type WartimeState } from '../../services/callups';
import './callups.css';

/**
 * On the home page: one red line per war-time state over the person's station or community (战时状态 · reason · until
 * when). Nothing while there is none, or when it could not be read (call-ups still arrive as messages).
 */
export function WartimeBanner({ active }: { active: boolean }) {
  const [states, setStates] = useState<WartimeState[]>([]);
  const load = useCallback(() => {
    if (!active) return;
    currentWartime()
      .then(setStates)
      .catch(() => undefined);
  }, [active]);
  useEffect(load, [load]);
  useDidShow(load);
  if (!active || !states.length) return null;
  return (
    <View data-testid="wartime-banner">
      {states.map((w) => (
        <Text key={w.id} className="jh-cu-banner" data-testid="wartime-banner-line">
          {wartimeBannerText(w)}（{w.areaName}，{w.leadUnitName}统一调度）
        </Text>
      ))}
    </View>
  );
}
