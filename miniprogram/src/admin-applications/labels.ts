import type { AssignmentRule } from '@jianghuai/shared';

/** How the managing station was chosen (docs/product.md#station-assignment). Local: shared has no labels for these yet. */
export const ASSIGNMENT_RULE_LABELS_FALLBACK: Record<AssignmentRule, string> = {
  site: '按驻勤点',
  residence: '按居住社区',
  nearest: '按最近派出所',
  manual: '人工调整',
};
