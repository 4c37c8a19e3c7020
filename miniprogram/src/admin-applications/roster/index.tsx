import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROSTER_COLUMNS, type RosterGuardResponse, type RosterImportResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { rosterErrorLines } from '../../logic/enrolment-view';
import { importRoster, listRoster } from '../../services/enrolment-admin';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { pickSpreadsheet } from '../../platform/files';
import '../../admin/admin.css';
import '../../components/enrolment.css';

type Outcome =
  | { kind: 'ok'; result: RosterImportResponse; name: string }
  | { kind: 'refused'; message: string; lines: string[] }
  | null;

function GuardRow({ g }: { g: RosterGuardResponse }) {
  return (
    <View className="jh-row-card" data-testid="roster-item">
      <Text className="jh-row-card__title">
        {g.name} · {g.company.name}
      </Text>
      <Text className="jh-row-card__line">
        身份证号：{g.idNumberMasked} · {g.certified ? `持证 ${g.certificateNo ?? ''}` : '未持证'}
      </Text>
      <Text className={`jh-badge jh-badge--${g.joined ? 'green' : 'info'}`}>
        {g.joined ? '✓ 已加入义警' : '尚未加入'}
      </Text>
    </View>
  );
}

export default function RosterPage() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [version, setVersion] = useState(0);
  const fetchPage = useCallback((page: number) => listRoster({ page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage, String(version));

  const onImport = async () => {
    const file = await pickSpreadsheet();
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await importRoster(file.path, file.name);
      setOutcome({ kind: 'ok', result, name: file.name });
      setVersion((v) => v + 1);
    } catch (e) {
      const message = e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE;
      setOutcome({ kind: 'refused', message, lines: e instanceof HttpError ? rosterErrorLines(e.details) : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen testId="roster">
      <View className="jh-card">
        <Text className="jh-block">
          从安徽省保安监管信息系统导出 .xlsx 或 .csv 文件后上传。必需的列：{Object.values(ROSTER_COLUMNS).join('、')}。
        </Text>
        <Text className="jh-field-hint">
          文件中只要有一行出错，整个文件都不会导入；请按行号修改后重新上传。重复导入会更新已有记录，不会重复。
        </Text>
        <BigButton
          onClick={() => void onImport()}
          loading={busy}
          loadingText="正在导入，请稍候…"
          testId="roster-import"
        >
          {process.env.TARO_ENV === 'weapp' ? '从微信聊天中选择文件导入' : '选择文件导入'}
        </BigButton>
      </View>
      {outcome?.kind === 'ok' ? (
        <View className="jh-field-ok" data-testid="roster-result">
          <Text>
            ✓ {outcome.name} 已导入：共 {outcome.result.total} 行，新增 {outcome.result.created} 人，更新{' '}
            {outcome.result.updated} 人（用时 {(outcome.result.durationMs / 1000).toFixed(1)} 秒）。
          </Text>
        </View>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <View data-testid="roster-errors">
          <FieldError message={outcome.message} />
          {outcome.lines.map((line) => (
            <Text key={line} className="jh-block jh-row-card" data-testid="roster-error-row">
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className="jh-section-title">花名册</Text>
      <PagedListView
        list={list}
        testId="roster-list"
        emptyText="还没有导入花名册。"
        countLabel={(total) => `共 ${total} 人`}
        renderItem={(g) => <GuardRow key={g.id} g={g} />}
      />
    </Screen>
  );
}
