import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { BigButton } from './BigButton';
import { EmptyState, ErrorState, LoadingState } from './States';
import type { PagedList } from '../hooks/usePagedList';

/** Loading / error / empty / items / "load more" for any paginated list (main package, so every sub-package can use it). */
export function PagedListView<T>({
  list,
  emptyText,
  countLabel,
  renderItem,
  testId,
}: {
  list: PagedList<T>;
  emptyText: string;
  countLabel: (total: number) => string;
  renderItem: (item: T) => ReactNode;
  testId: string;
}) {
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error') return <ErrorState message={list.error ?? ''} onRetry={list.reload} />;
  if (list.items.length === 0) return <EmptyState text={emptyText} />;
  return (
    <View data-testid={testId}>
      <Text className="jh-muted jh-block jh-count" data-testid={`${testId}-count`}>
        {countLabel(list.total)}
      </Text>
      {list.items.map(renderItem)}
      {list.status === 'moreError' ? (
        <ErrorState
          message={list.error ?? ''}
          onRetry={list.loadMore}
          retryLabel="重新加载下一页"
          testId="more-error"
        />
      ) : null}
      {list.hasMore && list.status !== 'moreError' ? (
        <BigButton
          kind="secondary"
          onClick={list.loadMore}
          loading={list.status === 'loadingMore'}
          loadingText="正在加载…"
          testId="load-more"
        >
          加载更多
        </BigButton>
      ) : null}
      {!list.hasMore ? <Text className="jh-muted jh-block jh-end">已经到底了</Text> : null}
    </View>
  );
}
