import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { COMPANY_TYPE_LABELS, COMPANY_TYPES, type CompanyResponse, type CompanyType } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import { Choice, FieldError, InfoRow } from '../../components/Choice';
import { errorText, useResource } from '../../hooks/useResource';
import { creditCodeProblem, flattenOrg } from '../../logic/enrolment-view';
import { addSite, createCompany, fetchOrgTree, getCompany, updateCompany } from '../../services/enrolment-admin';
import { HttpError } from '../../services/http';
import '../../admin/admin.css';
import '../../components/enrolment.css';

interface CompanyEdit {
  name: string;
  type: CompanyType;
  creditCode: string;
  homeStationId: number | null;
  contactName: string;
}

const empty: CompanyEdit = { name: '', type: 'security_company', creditCode: '', homeStationId: null, contactName: '' };

function StationPicker({ value, onChange, testId }: { value: number | null; onChange: (id: number) => void; testId: string }) {
  const tree = useResource(fetchOrgTree, 'tree');
  const stations = tree.status === 'ready' ? flattenOrg(tree.data, 'station') : [];
  if (tree.status === 'loading') return <Text className='jh-muted'>正在加载派出所…</Text>;
  if (tree.status === 'error') return <FieldError message={tree.error} />;
  return (
    <View className='jh-filter'>
      {stations.map((s) => (
        <View key={s.id} className={`jh-filter__item${value === s.id ? ' jh-filter__item--on' : ''}`} onClick={() => onChange(s.id)} data-testid={testId}>
          {value === s.id ? '✓ ' : ''}
          {s.name}
        </View>
      ))}
    </View>
  );
}

function SiteForm({ company, onAdded }: { company: CompanyResponse; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [stationId, setStationId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!name.trim() || !address.trim()) return setError('请填写驻勤点名称和地址');
    if (!stationId) return setError('请选择驻勤点所在辖区的派出所');
    setBusy(true);
    setError(null);
    try {
      await addSite(company.id, { name: name.trim(), address: address.trim(), stationId });
      setName('');
      setAddress('');
      onAdded();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='jh-card'>
      <Text className='jh-section-title' style={{ marginTop: 0 }}>
        新增驻勤点
      </Text>
      <Input className='jh-input jh-input--full' value={name} placeholder='驻勤点名称' onInput={(e) => setName(e.detail.value)} data-testid='site-name' />
      <Input className='jh-input jh-input--full' style={{ marginTop: '10px' }} value={address} placeholder='地址' onInput={(e) => setAddress(e.detail.value)} data-testid='site-address' />
      <Text className='jh-field__label' style={{ marginTop: '12px' }}>
        辖区派出所（可与单位所属派出所不同）
      </Text>
      <StationPicker value={stationId} onChange={setStationId} testId='site-station' />
      <FieldError message={error} testId='site-error' />
      <BigButton kind='secondary' onClick={() => void save()} loading={busy} loadingText='正在保存…' testId='site-save'>
        添加驻勤点
      </BigButton>
    </View>
  );
}

export default function CompanyPage() {
  const router = useRouter();
  const cid = Number(router.params?.id) || null;
  const [version, setVersion] = useState(0);
  const fetcher = useCallback(() => (cid ? getCompany(cid) : Promise.resolve(null)), [cid]);
  const res = useResource<CompanyResponse | null>(fetcher, `${cid}|${version}`);
  const [edit, setEdit] = useState<CompanyEdit>(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof CompanyEdit | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (res.status === 'ready' && res.data) {
      const c = res.data;
      setEdit({ name: c.name, type: c.type, creditCode: c.creditCode, homeStationId: c.homeStation.id, contactName: c.contactName ?? '' });
    }
  }, [res.status, res.data]);

  const set = (patch: Partial<CompanyEdit>) => {
    setEdit((e) => ({ ...e, ...patch }));
    setSaved(false);
    setErrors({});
  };

  const save = async () => {
    const found: typeof errors = {};
    if (edit.name.trim().length < 2) found.name = '请填写单位全称';
    const codeProblem = creditCodeProblem(edit.creditCode);
    if (codeProblem) found.creditCode = codeProblem;
    if (!edit.homeStationId) found.homeStationId = '请选择单位所属派出所';
    if (Object.keys(found).length) return setErrors(found);
    const body = { name: edit.name.trim(), type: edit.type, creditCode: edit.creditCode.trim().toUpperCase(), homeStationId: edit.homeStationId!, contactName: edit.contactName.trim() || null };
    setBusy(true);
    try {
      if (cid) await updateCompany(cid, body);
      else {
        const created = await createCompany(body);
        void Taro.redirectTo({ url: `/admin-applications/company/index?id=${created.id}` });
        return;
      }
      setSaved(true);
      setVersion((v) => v + 1);
    } catch (e) {
      const code = e instanceof HttpError ? e.code : '';
      setErrors(code.startsWith('COMPANY_CREDIT_CODE') ? { creditCode: errorText(e) } : code === 'ORG_UNIT_NOT_STATION' ? { homeStationId: errorText(e) } : { form: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  if (res.status === 'loading') {
    return (
      <Screen testId='company'>
        <LoadingState />
      </Screen>
    );
  }
  if (res.status === 'error') {
    return (
      <Screen testId='company'>
        <ErrorState message={res.error} onRetry={res.reload} />
      </Screen>
    );
  }
  const company = res.data;
  const liveCode = edit.creditCode ? creditCodeProblem(edit.creditCode) : null;
  return (
    <Screen testId='company'>
      <View className='jh-card'>
        <Text className='jh-field__label'>单位全称</Text>
        <Input className='jh-input jh-input--full' value={edit.name} onInput={(e) => set({ name: e.detail.value })} data-testid='company-name' />
        <FieldError message={errors.name} />
        <Text className='jh-field__label' style={{ marginTop: '12px' }}>
          单位类型
        </Text>
        {COMPANY_TYPES.map((t) => (
          <Choice key={t} selected={edit.type === t} onTap={() => set({ type: t })} title={COMPANY_TYPE_LABELS[t]} testId={`company-type-${t}`} />
        ))}
        <Text className='jh-field__label'>统一社会信用代码（18 位）</Text>
        <Input className='jh-input jh-input--full' value={edit.creditCode} maxlength={18} onInput={(e) => set({ creditCode: e.detail.value.toUpperCase() })} data-testid='company-credit-code' />
        {edit.creditCode.length === 18 && !liveCode ? (
          <View className='jh-field-ok'>
            <Text>✓ 校验位正确</Text>
          </View>
        ) : null}
        <FieldError message={errors.creditCode ?? (edit.creditCode.length === 18 ? liveCode : null)} testId='error-credit-code' />
        <Text className='jh-field__label'>所属派出所</Text>
        <StationPicker value={edit.homeStationId} onChange={(id) => set({ homeStationId: id })} testId='company-station' />
        <FieldError message={errors.homeStationId} />
        <Text className='jh-field__label'>联系人（选填）</Text>
        <Input className='jh-input jh-input--full' value={edit.contactName} onInput={(e) => set({ contactName: e.detail.value })} data-testid='company-contact' />
        <FieldError message={errors.form} testId='company-error' />
        {saved ? (
          <View className='jh-field-ok' data-testid='company-saved'>
            <Text>✓ 已保存</Text>
          </View>
        ) : null}
        <BigButton onClick={() => void save()} loading={busy} loadingText='正在保存…' testId='company-save'>
          {cid ? '保存修改' : '登记单位'}
        </BigButton>
      </View>
      {company ? (
        <View>
          <Text className='jh-section-title'>驻勤点</Text>
          <View className='jh-card' data-testid='company-sites'>
            {company.sites.length === 0 ? <Text className='jh-muted'>还没有驻勤点</Text> : null}
            {company.sites.map((s) => (
              <InfoRow key={s.id} label={s.name} value={`${s.address} · ${s.station.name}`} />
            ))}
          </View>
          <Text className='jh-section-title'>装备资源</Text>
          <View className='jh-card'>
            {Object.entries(company.equipment).length === 0 ? <Text className='jh-muted'>未登记</Text> : null}
            {Object.entries(company.equipment).map(([item, count]) => (
              <InfoRow key={item} label={item} value={`${count}`} />
            ))}
          </View>
          <SiteForm company={company} onAdded={() => setVersion((v) => v + 1)} />
        </View>
      ) : null}
    </Screen>
  );
}
