import { useCallback } from 'react';
import { Text } from '@tarojs/components';
import { hasPermission, isStaffRole } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { targets } from '../../services/reports';
import { TargetCard } from './parts';
import '../../admin/admin.css';
import '../dashboard.css';

/** 目标设置: the targets in force and their due dates; the city changes them, every change kept. */
export default function TargetsPage() {
  const list = useResource(
    useCallback(() => targets(), []),
    'targets',
  );
  const session = useSession();
  const roles = session.status === 'signedIn' ? session.me.roles.filter(isStaffRole) : [];
  const canEdit = hasPermission(roles, 'targets.manage');
  return (
    <Screen testId="dash-targets">
      <Text className="jh-block jh-muted">每次调整都会保留记录，可在“调整历史”中查看。</Text>
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? <ErrorState message={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready'
        ? list.data.map((t) => <TargetCard key={t.key} t={t} canEdit={canEdit} onSaved={() => void list.refresh()} />)
        : null}
    </Screen>
  );
}
