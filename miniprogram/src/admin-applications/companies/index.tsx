import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { COMPANY_TYPE_LABELS, type CompanyResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { PAGES, pageUrl } from '../../logic/routes';
import { listCompanies } from '../../services/enrolment-admin';
import '../../admin/admin.css';
import '../../components/enrolment.css';

function CompanyRow({ c }: { c: CompanyResponse }) {
  return (
    <View
      className="jh-row-card"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminCompany, { id: c.id }) })}
      data-testid="company-item"
    >
      <Text className="jh-row-card__title">{c.name}</Text>
      <Text className="jh-row-card__line">
        {COMPANY_TYPE_LABELS[c.type]} · {c.homeStation.name}
      </Text>
      <Text className="jh-row-card__line">统一社会信用代码：{c.creditCode}</Text>
      <Text className="jh-row-card__line">
        驻勤点 {c.sites.length} 个：{c.sites.map((s) => s.name).join('、') || '无'}
      </Text>
    </View>
  );
}

export default function CompaniesPage() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [shown, setShown] = useState(0);
  const fetchPage = useCallback((page: number) => listCompanies({ q: q || undefined, page, pageSize: PAGE_SIZE }), [q]);
  const list = usePagedList(fetchPage, `${q}|${shown}`);
  const firstShow = useRef(true);
  useDidShow(() => {
    // The first show is the mount, which loads already; later ones are coming back from a detail.
    if (firstShow.current) firstShow.current = false;
    else setShown((n) => n + 1);
  });
  return (
    <Screen testId="companies">
      <View className="jh-actions">
        <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminCompany })} testId="company-new">
          登记新单位
        </BigButton>
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: PAGES.adminRoster })}
          testId="roster-open"
        >
          导入花名册
        </BigButton>
      </View>
      <View className="jh-search" style={{ marginTop: '16px' }}>
        <Input
          className="jh-input"
          value={draft}
          placeholder="单位名称"
          confirmType="search"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => setQ(draft.trim())}
          data-testid="company-search-input"
        />
        <Button
          className="jh-btn jh-btn--primary"
          onClick={() => setQ(draft.trim())}
          data-testid="company-search-submit"
        >
          搜索
        </Button>
      </View>
      <PagedListView
        list={list}
        testId="company-list"
        emptyText="范围内还没有登记的保安从业单位。"
        countLabel={(total) => `共 ${total} 家`}
        renderItem={(c) => <CompanyRow key={c.id} c={c} />}
      />
    </Screen>
  );
}
