import { Screen } from './Screen';
import { ErrorState, LoadingState } from './States';

/**
 * The whole screen of a page whose record is still loading or failed to load (with 重新加载).
 * Pages write `if (res.status !== 'ready') return <NotReadyScreen resource={res} testId='…' />;`
 * and use `res.data` below it.
 */
export function NotReadyScreen({
  resource,
  testId,
  loadingText,
}: {
  resource: { status: 'loading' | 'error'; error: string | null; reload: () => void };
  testId: string;
  loadingText?: string;
}) {
  return (
    <Screen testId={testId}>
      {resource.status === 'loading' ? (
        <LoadingState text={loadingText} />
      ) : (
        <ErrorState message={resource.error ?? ''} onRetry={resource.reload} />
      )}
    </Screen>
  );
}
