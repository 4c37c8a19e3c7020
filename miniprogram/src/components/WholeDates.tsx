import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';

/** A date, a time or a date and time inside a sentence (what formatDateTime and the pages write). */
const DATE_OR_TIME = /(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?|\d{1,2}:\d{2})/;

/**
 * A sentence whose dates and times never break over two lines (`jh-time`), while the words around them still wrap:
 * for texts built as strings, such as "有效期至 2027-06-30" in a narrow column at the large text size.
 */
export function withWholeDates(text: string): ReactNode[] {
  return text.split(DATE_OR_TIME).map((part, i) =>
    i % 2 ? (
      <Text key={i} className="jh-time">
        {part}
      </Text>
    ) : (
      part
    ),
  );
}
