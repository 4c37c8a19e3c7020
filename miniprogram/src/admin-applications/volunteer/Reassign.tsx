import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { AssignmentResponse, VolunteerArchiveResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Choice, FieldError } from '../../components/Choice';
import { errorText, useResource } from '../../hooks/useResource';
import { flattenOrg } from '../../logic/enrolment-view';
import { fetchAllStations, reassignVolunteer } from '../../services/enrolment-admin';

/** What the officer is told after a reassignment: in force now, or waiting for the receiving branch. */
const reassignedText = (a: AssignmentResponse) =>
  a.status === 'pending'
    ? `已提交：调往${a.toStation.name}属跨分局调整，需接收分局确认后生效。`
    : `已调整到${a.toStation.name}，并记入操作日志。新派出所不在您的管辖范围时，之后将不能再查看该义警。`;

/** The station search: matches for the typed name (at most 8), or only the chosen one while nothing is typed. */
function StationSearch({
  archive,
  stationId,
  onPick,
}: {
  archive: VolunteerArchiveResponse;
  stationId: number | null;
  onPick: (id: number) => void;
}) {
  const stations = useResource(fetchAllStations, 'stations');
  const [query, setQuery] = useState('');
  const options =
    stations.status === 'ready'
      ? flattenOrg(stations.data, 'station').filter(
          (s) => s.id !== archive.station?.id && (!query || s.name.includes(query)),
        )
      : [];
  return (
    <>
      <Input
        className="jh-input jh-input--full"
        value={query}
        placeholder="输入派出所名称查找"
        onInput={(e) => setQuery(e.detail.value.trim())}
        data-testid="reassign-search"
      />
      <View style={{ marginTop: '10px' }}>
        {(query ? options.slice(0, 8) : options.filter((o) => o.id === stationId)).map((o) => (
          <Choice
            key={o.id}
            selected={stationId === o.id}
            onTap={() => onPick(o.id)}
            title={o.name}
            hint={o.label !== o.name ? o.label : undefined}
            testId="reassign-station"
          />
        ))}
      </View>
    </>
  );
}

/** 调整管理派出所: a new station and the reason. */
export function Reassign({
  archive,
  onDone,
}: {
  archive: VolunteerArchiveResponse;
  onDone: (a: AssignmentResponse) => void;
}) {
  const [stationId, setStationId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!stationId) return setError('请选择新的管理派出所');
    if (reason.trim().length < 2) return setError('请填写调整原因');
    setBusy(true);
    setError(null);
    try {
      const a = await reassignVolunteer(archive.id, stationId, reason.trim());
      setResult(reassignedText(a));
      onDone(a);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="reassign">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        调整管理派出所
      </Text>
      <StationSearch archive={archive} stationId={stationId} onPick={setStationId} />
      <Text className="jh-field__label">调整原因（必填）</Text>
      <Input
        className="jh-input jh-input--full"
        value={reason}
        maxlength={200}
        onInput={(e) => setReason(e.detail.value)}
        data-testid="reassign-reason"
      />
      <FieldError message={error} testId="reassign-error" />
      {result ? (
        <View className="jh-field-ok" data-testid="reassign-result">
          <Text>✓ {result}</Text>
        </View>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void submit()}
        loading={busy}
        loadingText="正在提交…"
        testId="reassign-submit"
      >
        提交调整
      </BigButton>
    </View>
  );
}
