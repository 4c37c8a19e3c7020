import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ALERT_LEVEL_LABELS, type MyAlertResponse, type MyBulletinResponse } from '@jianghuai/shared';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl } from '../../logic/routes';

const short = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);

/** A warning in the guard's list: urgent ones in red and with the word 紧急, unread ones marked 未读. */
export function MyAlertRow({ a }: { a: MyAlertResponse }) {
  const urgent = a.level === 'urgent';
  return (
    <View
      className={`jh-alert-row${urgent ? ' jh-alert-row--urgent' : ''}`}
      data-testid="my-alert-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.myAlert, { id: a.id }) })}
    >
      <Text className="jh-alert-row__title">
        {a.title}
        {urgent ? <Text className="jh-alert-badge">紧急</Text> : null}
        {!a.read ? <Text className="jh-alert-badge jh-alert-badge--unread">未读</Text> : null}
      </Text>
      <Text className="jh-alert-row__line">
        {ALERT_LEVEL_LABELS[a.level]}预警 · {a.senderUnitName} ·{' '}
        <Text className="jh-time">{formatDateTime(a.createdAt)}</Text>
      </Text>
      <Text className="jh-alert-row__line">{short(a.text)}</Text>
      <Text className="jh-alert-row__line">查看全文 ›</Text>
    </View>
  );
}

export function MyBulletinRow({ b }: { b: MyBulletinResponse }) {
  return (
    <View
      className="jh-alert-row"
      data-testid="my-bulletin-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.myBulletin, { id: b.id }) })}
    >
      <Text className="jh-alert-row__title">
        {b.title}
        {!b.read ? <Text className="jh-alert-badge jh-alert-badge--unread">未读</Text> : null}
      </Text>
      <Text className="jh-alert-row__line">
        {b.areaName} · <Text className="jh-time">{formatDateTime(b.createdAt)}</Text>
      </Text>
      <Text className="jh-alert-row__line">{short(b.text)}</Text>
      <Text className="jh-alert-row__line">查看全文 ›</Text>
    </View>
  );
}

/** Two tabs over one page: 预警 and 通报. */
export function AlertTabs<K extends string>({
  tabs,
  value,
  onChange,
}: {
  tabs: readonly { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
}) {
  return (
    <View className="jh-alert-tabs">
      {tabs.map((t) => (
        <Text
          key={t.key}
          className={`jh-alert-tab${t.key === value ? ' jh-alert-tab--on' : ''}`}
          onClick={() => onChange(t.key)}
          data-testid={`alert-tab-${t.key}`}
          aria-selected={t.key === value}
        >
          {t.label}
          {t.key === value ? '（当前）' : ''}
        </Text>
      ))}
    </View>
  );
}
