import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import {
  UNIT_CONTACT_KIND_LABELS,
  type UnitContact,
  type UnitContactKind,
  type UnitContactRequest,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { contactProblem } from '../../logic/staff-admin';
import { saveUnitContact } from '../../services/admin';

/** The form for one contact of one unit: name, title, phone (typed in full each time; only a mask is shown). */
export function ContactEditor({
  orgUnitId,
  kind,
  current,
  onSaved,
}: {
  orgUnitId: number;
  kind: UnitContactKind;
  current: UnitContact | null;
  onSaved: (c: UnitContact) => void;
}) {
  const [form, setForm] = useState<UnitContactRequest>({
    name: current?.name ?? '',
    title: current?.title ?? '',
    phone: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const problem = contactProblem(form);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      onSaved(await saveUnitContact(orgUnitId, kind, { ...form, phone: form.phone.trim() }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (label: string, key: keyof UnitContactRequest, type: 'text' | 'number' = 'text') => (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Input
        className="jh-input jh-input--full"
        type={type}
        value={form[key]}
        onInput={(e) => setForm((f) => ({ ...f, [key]: e.detail.value }))}
        data-testid={`contact-${key}`}
      />
    </View>
  );
  return (
    <View className="jh-card" data-testid="contact-editor">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        登记{UNIT_CONTACT_KIND_LABELS[kind]}
      </Text>
      {field('姓名', 'name')}
      {field('职务', 'title')}
      {field(current ? `手机号（现为 ${current.phoneMasked ?? '—'}，请完整填写）` : '手机号', 'phone', 'number')}
      <FieldError message={error} testId="contact-error" />
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在保存…" testId="contact-save">
        保存
      </BigButton>
    </View>
  );
}
