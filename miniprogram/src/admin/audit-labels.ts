/**
 * Chinese names of audit actions and target types. The list lives in @jianghuai/shared, where the
 * server's audit entries are typed by it; a code from an older server not listed here is shown as it is.
 */
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from '@jianghuai/shared';

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function auditTargetLabel(targetType: string): string {
  return (AUDIT_TARGET_LABELS as Record<string, string>)[targetType] ?? targetType;
}
