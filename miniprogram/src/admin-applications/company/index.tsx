import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { COMPANY_TYPE_LABELS, COMPANY_TYPES, type CompanyResponse, type CompanyType } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { BigButton } from '../../components/BigButton';
import { Choice, FieldError } from '../../components/Choice';
import { errorText, useResource } from '../../hooks/useResource';
import { creditCodeProblem } from '../../logic/enrolment-view';
import { createCompany, getCompany, updateCompany } from '../../services/enrolment-admin';
import { HttpError } from '../../services/http';
import { PAGES, pageUrl } from '../../logic/routes';
import { Equipment } from './Equipment';
import { Sites } from './Sites';
import { StationPicker } from './StationPicker';
import '../../admin/admin.css';
import '../../components/enrolment.css';

interface CompanyEdit {
  name: string;
  type: CompanyType;
  creditCode: string;
  homeStationId: number | null;
  contactName: string;
}
type EditErrors = Partial<Record<keyof CompanyEdit | 'form', string>>;

const companyEditOf = (c: CompanyResponse): CompanyEdit => ({
  name: c.name,
  type: c.type,
  creditCode: c.creditCode,
  homeStationId: c.homeStation.id,
  contactName: c.contactName ?? '',
});

const empty: CompanyEdit = { name: '', type: 'security_company', creditCode: '', homeStationId: null, contactName: '' };

function editProblems(edit: CompanyEdit): EditErrors {
  const found: EditErrors = {};
  if (edit.name.trim().length < 2) found.name = '请填写单位全称';
  const codeProblem = creditCodeProblem(edit.creditCode);
  if (codeProblem) found.creditCode = codeProblem;
  if (!edit.homeStationId) found.homeStationId = '请选择单位所属派出所';
  return found;
}

/** A refusal from the server, shown under the field it is about (or under the form). */
function saveErrors(e: unknown): EditErrors {
  const code = e instanceof HttpError ? e.code : '';
  return code.startsWith('COMPANY_CREDIT_CODE')
    ? { creditCode: errorText(e) }
    : code === 'ORG_UNIT_NOT_STATION'
      ? { homeStationId: errorText(e) }
      : { form: errorText(e) };
}

/** The company form: follows the saved values, registers a new company or saves the changes. */
function useCompanyEdit(cid: number | null, saved: CompanyResponse | null, onSaved: () => void) {
  const [edit, setEdit] = useState<CompanyEdit>(empty);
  const [errors, setErrors] = useState<EditErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  // The form follows the saved values, not every reload: a site added or equipment saved below
  // must not wipe a name being typed above (as the equipment rows follow the saved counts).
  const savedCompany = saved ? companyEditOf(saved) : null;
  const savedKey = JSON.stringify(savedCompany);
  useEffect(() => {
    if (savedCompany) setEdit(savedCompany);
  }, [savedKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<CompanyEdit>) => {
    setEdit((e) => ({ ...e, ...patch }));
    setDone(false);
    setErrors({});
  };

  const save = async () => {
    const found = editProblems(edit);
    if (Object.keys(found).length) return setErrors(found);
    const body = {
      name: edit.name.trim(),
      type: edit.type,
      creditCode: edit.creditCode.trim().toUpperCase(),
      homeStationId: edit.homeStationId!,
      contactName: edit.contactName.trim() || null,
    };
    setBusy(true);
    try {
      if (cid) await updateCompany(cid, body);
      else {
        const created = await createCompany(body);
        void Taro.redirectTo({ url: pageUrl(PAGES.adminCompany, { id: created.id }) });
        return;
      }
      setDone(true);
      onSaved();
    } catch (e) {
      setErrors(saveErrors(e));
    } finally {
      setBusy(false);
    }
  };
  return { edit, errors, busy, saved: done, set, save };
}

/** 统一社会信用代码, checked as it is typed once all 18 characters are in. */
function CreditCodeField({ edit, errors, set }: CompanyFieldsProps) {
  const liveCode = edit.creditCode ? creditCodeProblem(edit.creditCode) : null;
  return (
    <>
      <Text className="jh-field__label">统一社会信用代码（18 位）</Text>
      <Input
        className="jh-input jh-input--full"
        value={edit.creditCode}
        maxlength={18}
        onInput={(e) => set({ creditCode: e.detail.value.toUpperCase() })}
        data-testid="company-credit-code"
      />
      {edit.creditCode.length === 18 && !liveCode ? (
        <View className="jh-field-ok">
          <Text>✓ 校验位正确</Text>
        </View>
      ) : null}
      <FieldError
        message={errors.creditCode ?? (edit.creditCode.length === 18 ? liveCode : null)}
        testId="error-credit-code"
      />
    </>
  );
}

type CompanyFieldsProps = { edit: CompanyEdit; errors: EditErrors; set: (patch: Partial<CompanyEdit>) => void };

/** Name, type, credit code, home station and contact. */
function CompanyFields({ edit, errors, set }: CompanyFieldsProps) {
  return (
    <>
      <Text className="jh-field__label">单位全称</Text>
      <Input
        className="jh-input jh-input--full"
        value={edit.name}
        onInput={(e) => set({ name: e.detail.value })}
        data-testid="company-name"
      />
      <FieldError message={errors.name} />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        单位类型
      </Text>
      {COMPANY_TYPES.map((t) => (
        <Choice
          key={t}
          selected={edit.type === t}
          onTap={() => set({ type: t })}
          title={COMPANY_TYPE_LABELS[t]}
          testId={`company-type-${t}`}
        />
      ))}
      <CreditCodeField edit={edit} errors={errors} set={set} />
      <Text className="jh-field__label">所属派出所</Text>
      <StationPicker
        value={edit.homeStationId}
        onChange={(id) => set({ homeStationId: id })}
        testId="company-station"
      />
      <FieldError message={errors.homeStationId} />
      <Text className="jh-field__label">联系人（选填）</Text>
      <Input
        className="jh-input jh-input--full"
        value={edit.contactName}
        onInput={(e) => set({ contactName: e.detail.value })}
        data-testid="company-contact"
      />
    </>
  );
}

export default function CompanyPage() {
  const router = useRouter();
  const cid = Number(router.params?.id) || null;
  const fetcher = useCallback(() => (cid ? getCompany(cid) : Promise.resolve(null)), [cid]);
  const res = useResource<CompanyResponse | null>(fetcher, String(cid));
  const form = useCompanyEdit(cid, res.status === 'ready' ? res.data : null, () => void res.refresh());

  if (res.status !== 'ready') return <NotReadyScreen resource={res} testId="company" />;
  const company = res.data;
  return (
    <Screen testId="company">
      <View className="jh-card">
        <CompanyFields edit={form.edit} errors={form.errors} set={form.set} />
        <FieldError message={form.errors.form} testId="company-error" />
        {form.saved ? (
          <View className="jh-field-ok" data-testid="company-saved">
            <Text>✓ 已保存</Text>
          </View>
        ) : null}
        <BigButton onClick={() => void form.save()} loading={form.busy} loadingText="正在保存…" testId="company-save">
          {cid ? '保存修改' : '登记单位'}
        </BigButton>
      </View>
      {company ? (
        <View>
          <Sites company={company} onChanged={() => void res.refresh()} />
          <Equipment company={company} onSaved={() => void res.refresh()} />
        </View>
      ) : null}
    </Screen>
  );
}
