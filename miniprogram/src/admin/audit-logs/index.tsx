import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import type { AuditLogResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { listAuditLogs } from '../../services/admin';
import { roleLabels } from '../../logic/home';
import { formatDateTime } from '../../logic/format';
import { auditActionLabel, auditTargetLabel } from '../audit-labels';
import '../admin.css';

function AuditRow({ log }: { log: AuditLogResponse }) {
  return (
    <View className="jh-row-card" data-testid="audit-item">
      <Text className="jh-row-card__title">{auditActionLabel(log.action)}</Text>
      <Text className="jh-row-card__line">
        操作人：{log.actorName}
        {log.actorRoles.length ? `（${roleLabels(log.actorRoles).join('、')}）` : ''}
      </Text>
      <Text className="jh-row-card__line">
        对象：{auditTargetLabel(log.targetType)}
        {log.targetId ? ` #${log.targetId}` : ''}
      </Text>
      <Text className="jh-row-card__line">
        时间：<Text className="jh-time">{formatDateTime(log.createdAt)}</Text>
      </Text>
      {log.ip ? <Text className="jh-row-card__line">来源 IP：{log.ip}</Text> : null}
    </View>
  );
}

export default function AuditLogPage() {
  const fetchPage = useCallback((page: number) => listAuditLogs({ page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage, 'all');
  return (
    <Screen testId="admin-audit-logs">
      <PagedListView
        list={list}
        testId="audit-list"
        emptyText="还没有操作记录。开通账号、绑定微信、查看完整个人信息等操作都会记录在这里。"
        countLabel={(total) => `共 ${total} 条记录`}
        renderItem={(log) => <AuditRow key={log.id} log={log} />}
      />
    </Screen>
  );
}
