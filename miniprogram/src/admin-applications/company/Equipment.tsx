import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { CompanyResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import {
  buildEquipment,
  COMPANY_EQUIPMENT_SUGGESTIONS,
  equipmentChanged,
  equipmentRowsOf,
  MAX_EQUIPMENT_ROWS,
  type EquipmentRow,
} from '../../logic/company-edit';
import { updateCompany } from '../../services/enrolment-admin';

type Problem = { row: number; message: string } | null;

/** The rows being typed, following the saved counts, and their save. */
function useEquipmentRows(company: CompanyResponse, onSaved: () => void) {
  const [rows, setRows] = useState<EquipmentRow[]>(() => equipmentRowsOf(company.equipment));
  const [problem, setProblem] = useState<Problem>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // Re-read only when the saved counts change: adding a site reloads the company, and rows being
  // typed must not be lost to that.
  const savedEquipment = JSON.stringify(company.equipment);
  useEffect(() => setRows(equipmentRowsOf(company.equipment)), [savedEquipment]); // eslint-disable-line react-hooks/exhaustive-deps
  const change = (next: EquipmentRow[]) => {
    setRows(next);
    setProblem(null);
    setSaved(false);
  };
  const save = async () => {
    const built = buildEquipment(rows);
    if (!built.ok) return setProblem(built);
    if (!equipmentChanged(company.equipment, built.equipment))
      return setProblem({ row: -1, message: '没有需要保存的修改' });
    setBusy(true);
    try {
      await updateCompany(company.id, { equipment: built.equipment });
      setSaved(true);
      onSaved();
    } catch (e) {
      setProblem({ row: -1, message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return { rows, problem, saved, busy, change, save };
}

/** One row: name, count and 删除, with the problem found in it. */
function EquipmentRowInputs({
  rows,
  index,
  problem,
  change,
}: {
  rows: EquipmentRow[];
  index: number;
  problem: Problem;
  change: (next: EquipmentRow[]) => void;
}) {
  const r = rows[index];
  return (
    <View data-testid="equipment-row">
      <View className="jh-actions" style={{ alignItems: 'center' }}>
        <Input
          className="jh-input"
          style={{ flex: 2, marginRight: '8px' }}
          value={r.name}
          maxlength={20}
          placeholder="装备名称"
          onInput={(e) => change(rows.map((x, i) => (i === index ? { ...x, name: e.detail.value } : x)))}
          data-testid="equipment-name"
        />
        <Input
          className="jh-input"
          style={{ flex: 1, marginRight: '8px' }}
          type="number"
          value={r.count}
          maxlength={6}
          placeholder="数量"
          onInput={(e) => change(rows.map((x, i) => (i === index ? { ...x, count: e.detail.value } : x)))}
          data-testid="equipment-count"
        />
        <View
          className="jh-filter__item"
          onClick={() => change(rows.filter((_, i) => i !== index))}
          data-testid="equipment-remove"
        >
          删除
        </View>
      </View>
      <FieldError message={problem?.row === index ? problem.message : null} testId="equipment-row-error" />
    </View>
  );
}

/** 点选添加: the usual items not listed yet, and 其他 for a blank row (while there is room for one). */
function EquipmentSuggestions({ rows, change }: { rows: EquipmentRow[]; change: (next: EquipmentRow[]) => void }) {
  const offered = COMPANY_EQUIPMENT_SUGGESTIONS.filter((name) => !rows.some((r) => r.name.trim() === name));
  if (!(offered.length > 0 && rows.length < MAX_EQUIPMENT_ROWS)) return null;
  return (
    <View>
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        点选添加
      </Text>
      <View className="jh-filter">
        {offered.map((name) => (
          <View
            key={name}
            className="jh-filter__item"
            onClick={() => change([...rows, { name, count: '' }])}
            data-testid={`equipment-add-${name}`}
          >
            ＋ {name}
          </View>
        ))}
        <View
          className="jh-filter__item"
          onClick={() => change([...rows, { name: '', count: '' }])}
          data-testid="equipment-add-other"
        >
          ＋ 其他
        </View>
      </View>
    </View>
  );
}

/** 装备资源: name + count rows, saved with the company. */
export function Equipment({ company, onSaved }: { company: CompanyResponse; onSaved: () => void }) {
  const { rows, problem, saved, busy, change, save } = useEquipmentRows(company, onSaved);
  return (
    <View>
      <Text className="jh-section-title">装备资源</Text>
      <View className="jh-card" data-testid="company-equipment">
        <Text className="jh-field-hint">单位可调用的装备和数量，紧急集结时派出所据此调用。</Text>
        {rows.length === 0 ? <Text className="jh-muted">未登记</Text> : null}
        {rows.map((_, index) => (
          <EquipmentRowInputs key={index} rows={rows} index={index} problem={problem} change={change} />
        ))}
        <EquipmentSuggestions rows={rows} change={change} />
        <FieldError message={problem?.row === -1 ? problem.message : null} testId="equipment-error" />
        {saved ? (
          <View className="jh-field-ok" data-testid="equipment-saved">
            <Text>✓ 装备资源已保存，并记入操作日志</Text>
          </View>
        ) : null}
        <BigButton
          kind="secondary"
          onClick={() => void save()}
          loading={busy}
          loadingText="正在保存…"
          testId="equipment-save"
        >
          保存装备资源
        </BigButton>
      </View>
    </View>
  );
}
