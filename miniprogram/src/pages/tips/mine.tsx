import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TIP_CATEGORY_LABELS, type MyTipResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { tipStatusText } from '../../logic/tips';
import { PAGES, pageUrl } from '../../logic/routes';
import { myTips } from '../../services/tips';
import '../../components/tips/tips.css';

function TipRow({ t }: { t: MyTipResponse }) {
  return (
    <View
      className="jh-tip-row"
      data-testid="my-tip-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.myTip, { id: t.id }) })}
    >
      <Text className="jh-tip-row__title">
        {TIP_CATEGORY_LABELS[t.category]}
        {t.urgency === 'urgent' ? <Text className="jh-tip-urgent">紧急</Text> : null}
      </Text>
      <Text className="jh-tip-row__line" data-testid="my-tip-status">
        状态：{tipStatusText(t.status)}
      </Text>
      <Text className="jh-tip-row__line">上报时间：{formatDateTime(t.createdAt)}</Text>
      <Text className="jh-tip-row__line">{t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text}</Text>
      <Text className="jh-tip-row__line">查看详情 ›</Text>
    </View>
  );
}

/** The guard's own tips, newest first (the server's order), with the status in words. */
export default function MyTipsPage() {
  const fetchPage = useCallback((page: number) => myTips(page, PAGE_SIZE), []);
  const list = usePagedList(fetchPage, 'my-tips', { reloadOnShow: true });
  return (
    <Screen testId="my-tips">
      <BigButton kind="secondary" onClick={() => void Taro.navigateTo({ url: PAGES.tipNew })} testId="my-tips-new">
        上报新线索
      </BigButton>
      <PagedListView
        list={list}
        testId="my-tip-list"
        emptyText="您还没有上报过线索。发现情况时，在首页点“线索上报”。"
        countLabel={(total) => `共 ${total} 条线索`}
        renderItem={(t) => <TipRow key={t.id} t={t} />}
      />
    </Screen>
  );
}
