import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { CompanyOption } from '@jianghuai/shared';
import { Choice } from './Choice';
import { BigButton } from './BigButton';

/** Wait this long after the last key before asking the server (older users type slowly). */
export const COMPANY_SEARCH_DELAY_MS = 400;

type Search =
  | { status: 'idle' }
  | { status: 'searching'; q: string }
  | { status: 'done'; q: string; items: CompanyOption[] }
  | { status: 'failed'; q: string; message: string };

/** The server's answer for what is typed, asked a moment after the typing stops; `retry` asks again. */
function useCompanySearch(search: (q: string) => Promise<CompanyOption[]>, errorText: (error: unknown) => string) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Search>({ status: 'idle' });
  const [retry, setRetry] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const mine = ++generation.current;
    if (!q) {
      setResult({ status: 'idle' });
      return undefined;
    }
    setResult({ status: 'searching', q });
    const timer = setTimeout(() => {
      search(q)
        .then((items) => mine === generation.current && setResult({ status: 'done', q, items }))
        .catch(
          (error: unknown) =>
            mine === generation.current && setResult({ status: 'failed', q, message: errorText(error) }),
        );
    }, COMPANY_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, retry, search, errorText]);

  return { query, setQuery, result, retry: () => setRetry((n) => n + 1) };
}

/** What the search is doing: looking, nothing found, how many found, or failed with a retry. */
function SearchStatus({ result, retry }: { result: Search; retry: () => void }) {
  return (
    <>
      {result.status === 'searching' ? (
        <Text className="jh-field-hint" data-testid="company-searching">
          正在查找“{result.q}”…
        </Text>
      ) : null}
      {result.status === 'done' && result.items.length === 0 ? (
        <Text className="jh-field-hint" data-testid="company-none">
          没有找到“{result.q}”。请换个字试试（如单位名称中的两个字），或联系所在派出所登记单位。
        </Text>
      ) : null}
      {result.status === 'done' && result.items.length > 0 ? (
        <Text className="jh-field-hint" data-testid="company-found">
          找到 {result.items.length} 个单位{result.items.length >= 50 ? '（只显示前 50 个，请输入更完整的名称）' : ''}
        </Text>
      ) : null}
      {result.status === 'failed' ? (
        <View data-testid="company-search-failed">
          <Text className="jh-field-hint">没能查找单位：{result.message}</Text>
          <BigButton kind="secondary" onClick={retry} testId="company-search-retry">
            重新查找
          </BigButton>
        </View>
      ) : null}
    </>
  );
}

/**
 * The company picker of the apply form: the server searches every company by name
 * (`GET /companies?q=`), asked a moment after the typing stops; without a search the first
 * companies by name are offered. The chosen one stays on top.
 */
export function CompanyPicker({
  first,
  selected,
  onPick,
  search,
  errorText,
}: {
  /** The first companies by name (loaded with the form). */
  first: CompanyOption[];
  selected: CompanyOption | null;
  onPick: (company: CompanyOption) => void;
  search: (q: string) => Promise<CompanyOption[]>;
  errorText: (error: unknown) => string;
}) {
  const { query, setQuery, result, retry } = useCompanySearch(search, errorText);

  const shown = result.status === 'done' ? result.items : result.status === 'idle' ? first : [];
  const list = selected && !shown.some((c) => c.id === selected.id) ? [selected, ...shown] : shown;

  return (
    <View data-testid="company-picker">
      <Input
        className="jh-input jh-input--full"
        value={query}
        maxlength={50}
        placeholder="输入单位名称查找，如“皖安”"
        onInput={(e) => setQuery(e.detail.value)}
        data-testid="company-search"
      />
      <SearchStatus result={result} retry={retry} />
      {result.status === 'idle' && first.length === 0 && !selected ? (
        <Text className="jh-field-hint">暂无可选单位，请联系所在派出所登记。</Text>
      ) : null}
      {result.status === 'idle' && first.length >= 50 ? (
        <Text className="jh-field-hint">单位较多，没看到您的单位请在上面输入名称查找。</Text>
      ) : null}
      {list.map((c) => (
        <Choice
          key={c.id}
          selected={selected?.id === c.id}
          onTap={() => onPick(c)}
          title={c.name}
          testId="company-option"
        />
      ))}
    </View>
  );
}
