import { DateTimeField as Field } from '../../components/DateTimeField';
import type { ActivityFormState } from '../useActivityForm';

type Pair = ['startDate', 'startTime'] | ['endDate', 'endTime'];
type DeadlinePair = ['signupDeadlineDate', 'signupDeadlineTime'] | ['cancelDeadlineDate', 'cancelDeadlineTime'];

/**
 * One of the activity form's date-and-time pairs through the shared picker field; test ids `form-<dateKey>`,
 * `form-<timeKey>`, `form-<dateKey>-clear` and `form-<timeKey>-error`.
 */
export function DateTimeField({
  f,
  label,
  dateKey,
  timeKey,
  optional,
  fallback,
}: {
  f: ActivityFormState;
  label: string;
  dateKey: Pair[0] | DeadlinePair[0];
  timeKey: Pair[1] | DeadlinePair[1];
  /** Shown when nothing is chosen, e.g. 不设（到开始时间为止）; the field may be cleared. */
  optional?: string;
  /** Where the pickers open when nothing is chosen yet. */
  fallback?: { date: string; time: string };
}) {
  const date = f.form[dateKey];
  const time = f.form[timeKey];
  return (
    <Field
      label={label}
      date={date}
      time={time}
      onChange={(next) => {
        if (next.date !== date) f.update(dateKey, next.date);
        if (next.time !== time) f.update(timeKey, next.time);
      }}
      optional={optional}
      error={f.errors[timeKey] ?? f.errors[dateKey]}
      // `form-startDate` / `form-startTime`: the key without its Date suffix is the prefix
      testId={`form-${dateKey.slice(0, -'Date'.length)}`}
      fallback={fallback}
    />
  );
}
