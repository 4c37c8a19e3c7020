import { useState } from 'react';
import type { ActivityLocation } from '@jianghuai/shared';
import { BigButton } from '../BigButton';
import { InlineError } from '../States';
import { navigationFallback, openLocationOptions } from '../../logic/map-navigation';
import { openMap } from '../../platform/map';

/** 导航: the activity's point in the phone's map (WeChat's own map; the Amap page in a browser). */
export function NavigateButton({ title, location }: { title: string; location: ActivityLocation }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const go = () => {
    setProblem(null);
    setBusy(true);
    void openMap(openLocationOptions(title, location))
      .catch(() => false)
      .then((opened) => {
        setBusy(false);
        if (!opened) setProblem(navigationFallback(location.address));
      });
  };

  return (
    <>
      <BigButton onClick={go} loading={busy} loadingText="正在打开地图…" testId="navigate">
        导航到活动地点
      </BigButton>
      <InlineError message={problem} testId="navigate-problem" />
    </>
  );
}
