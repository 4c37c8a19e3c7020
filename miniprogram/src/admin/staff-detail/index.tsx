import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { InfoRow } from '../../components/Choice';
import { useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { roleLabels } from '../../logic/home';
import { canManageStaff } from '../../logic/staff-admin';
import { getStaff } from '../../services/admin';
import { ChangeRole } from './ChangeRole';
import { StaffActions } from './StaffActions';
import '../admin.css';
import '../../components/enrolment.css';

/** One staff account: who and where, then (for those who manage staff) 停用/启用, 重置密码 and 调整角色和单位. */
export default function StaffDetailPage() {
  const router = useRouter();
  const id = Number(router.params?.id);
  const justCreated = router.params?.created === '1';
  const fetcher = useCallback(() => getStaff(id), [id]);
  const res = useResource(fetcher, String(id));
  const session = useSession();
  const myRoles = session.status === 'signedIn' ? session.me.roles : [];
  const isSelf = session.status === 'signedIn' && session.me.id === id;
  if (res.status !== 'ready') return <NotReadyScreen resource={res} testId="staff-detail" />;
  const s = res.data;
  return (
    <Screen testId="staff-detail">
      {justCreated ? (
        <View className="jh-card jh-field-ok" data-testid="staff-created">
          <Text>✓ 账号已开通，并记入操作日志。</Text>
        </View>
      ) : null}
      <View className="jh-card">
        <Text className="jh-title" data-testid="staff-detail-name">
          {s.displayName}
        </Text>
        <InfoRow label="所属单位" value={s.orgUnit.name} testId="staff-detail-unit" />
        <InfoRow label="角色" value={roleLabels(s.roles).join('、')} testId="staff-detail-roles" />
        <InfoRow label="登录账号" value={s.username ?? '—'} />
        <InfoRow label="手机号" value={s.phoneMasked ?? '未登记'} />
        <InfoRow label="微信" value={s.wechatBound ? '已绑定' : '未绑定'} />
        <InfoRow label="状态" value={s.status === 'disabled' ? '已停用' : '正常'} testId="staff-detail-status" />
      </View>
      {canManageStaff(myRoles) && !isSelf ? (
        <>
          <StaffActions staff={s} onChanged={res.replace} />
          <ChangeRole staff={s} actorIsSysadmin={myRoles.includes('sysadmin')} onChanged={res.replace} />
        </>
      ) : null}
    </Screen>
  );
}
