import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { useResource } from '../../hooks/useResource';
import { openPage } from '../../hooks/navigate';
import { PAGES } from '../../logic/routes';
import { myDisputes } from '../../services/casework';

/** 我调解的纠纷 under 我的, only for a volunteer the station has chosen as a mediator (nothing while loading or on failure). */
export function MediationLink() {
  const mine = useResource(
    useCallback(() => myDisputes(1, 1), []),
    'my-disputes-count',
  );
  if (mine.status !== 'ready' || mine.data.total === 0) return null;
  return (
    <View className="jh-mine-link" onClick={() => openPage(PAGES.myMediations)} data-testid="mine-mediations">
      <Text>我调解的纠纷（{mine.data.total}）</Text>
      <Text className="jh-mine-link__arrow">›</Text>
    </View>
  );
}
