import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { JobLeaseResponse, JobName } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText, useResource } from '../../hooks/useResource';
import { JOB_LABELS, jobResultLine, lastRunLine, nextRunLine, runningElsewhere } from '../../logic/jobs';
import { listJobs, runJob } from '../../services/enrolment-admin';
import '../admin.css';
import '../../components/enrolment.css';

function JobCard({ lease, onRan }: { lease: JobLeaseResponse; onRan: () => void }) {
  const name = lease.name as JobName;
  const label = JOB_LABELS[name] ?? { title: lease.name, hint: '' };
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const { confirm } = await Taro.showModal({
      title: '立即运行',
      content: `现在运行“${label.title}”吗？运行结果会记入操作日志。`,
      confirmText: '运行',
      confirmColor: '#0b3d91',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const res = await runJob(name);
      setOutcome(res.ran ? `已运行：${jobResultLine(res.result)}` : '另一台服务器正在运行这个任务，本次没有重复运行。');
      onRan();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-row-card" data-testid="job-card" data-job={lease.name}>
      <Text className="jh-row-card__title">{label.title}</Text>
      {label.hint ? <Text className="jh-row-card__line">{label.hint}</Text> : null}
      <Text className="jh-block" style={{ marginTop: '8px' }} data-testid="job-last-run">
        {lastRunLine(lease)}
      </Text>
      <Text className="jh-block" style={{ marginTop: '4px' }} data-testid="job-next-run">
        {nextRunLine(lease)}
      </Text>
      {runningElsewhere(lease) ? <Text className="jh-row-card__line">正在运行中…</Text> : null}
      {outcome ? (
        <View className="jh-field-ok" data-testid="job-outcome">
          <Text>✓ {outcome}</Text>
        </View>
      ) : null}
      <FieldError message={error} testId="job-error" />
      <BigButton kind="secondary" onClick={() => void run()} loading={busy} loadingText="正在运行…" testId="job-run">
        立即运行
      </BigButton>
    </View>
  );
}

/** The system administrator's view of the scheduled jobs: what each does, its last run, run now. */
export default function JobsPage() {
  const jobs = useResource(listJobs, 'jobs');
  if (jobs.status !== 'ready') return <NotReadyScreen resource={jobs} testId="admin-jobs" />;
  return (
    <Screen testId="admin-jobs">
      <Text className="jh-block jh-muted" style={{ marginBottom: '12px' }}>
        这些任务按各自的周期自动运行，多台服务器时同一任务每个周期只有一台执行一次。需要时可以在这里立即运行一次。
      </Text>
      {jobs.data.map((lease) => (
        <JobCard key={lease.name} lease={lease} onRan={() => void jobs.refresh()} />
      ))}
    </Screen>
  );
}
