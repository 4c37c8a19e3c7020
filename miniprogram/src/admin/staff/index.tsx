import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { StaffResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { listStaff } from '../../services/admin';
import { BigButton } from '../../components/BigButton';
import { useSession } from '../../hooks/useSession';
import { roleLabels } from '../../logic/home';
import { PAGES, pageUrl } from '../../logic/routes';
import { canManageStaff } from '../../logic/staff-admin';
import '../admin.css';

function StaffRow({ staff }: { staff: StaffResponse }) {
  return (
    <View
      className="jh-row-card"
      data-testid="staff-item"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminStaffDetail, { id: staff.id }) })}
    >
      <Text className="jh-row-card__title">{staff.displayName}</Text>
      <Text className="jh-row-card__line">
        {staff.orgUnit.name}
        {staff.username ? ` · 账号 ${staff.username}` : ''}
      </Text>
      <Text className="jh-row-card__line">手机号：{staff.phoneMasked ?? '未登记'}</Text>
      <View>
        {roleLabels(staff.roles).map((label) => (
          <Text key={label} className="jh-tag">
            {label}
          </Text>
        ))}
        <Text className="jh-tag">{staff.wechatBound ? '已绑定微信' : '未绑定微信'}</Text>
        {staff.status === 'disabled' ? <Text className="jh-tag jh-tag--warn">已停用</Text> : null}
      </View>
    </View>
  );
}

export default function StaffListPage() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const fetchPage = useCallback((page: number) => listStaff({ page, pageSize: PAGE_SIZE, q: q || undefined }), [q]);
  const list = usePagedList(fetchPage, q);
  const session = useSession();
  const manages = session.status === 'signedIn' && canManageStaff(session.me.roles);

  return (
    <Screen testId="admin-staff">
      {manages ? (
        <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminStaffNew })} testId="staff-create">
          新建账号
        </BigButton>
      ) : null}
      <View className="jh-search">
        <Input
          className="jh-input"
          value={draft}
          placeholder="姓名或账号"
          confirmType="search"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => setQ(draft.trim())}
          data-testid="staff-search-input"
        />
        <Button className="jh-btn jh-btn--primary" onClick={() => setQ(draft.trim())} data-testid="staff-search-submit">
          搜索
        </Button>
      </View>
      <PagedListView
        list={list}
        testId="staff-list"
        emptyText={q ? `没有找到“${q}”相关的人员，请换个关键词试试。` : '本单位还没有工作人员。'}
        countLabel={(total) => `共 ${total} 人`}
        renderItem={(staff) => <StaffRow key={staff.id} staff={staff} />}
      />
    </Screen>
  );
}
