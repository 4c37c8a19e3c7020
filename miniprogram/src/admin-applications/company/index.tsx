import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  COMPANY_TYPE_LABELS,
  COMPANY_TYPES,
  type CompanyResponse,
  type CompanyType,
  type ServiceSiteResponse,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { BigButton } from '../../components/BigButton';
import { Choice, FieldError } from '../../components/Choice';
import { errorText, useResource } from '../../hooks/useResource';
import { creditCodeProblem, flattenOrg } from '../../logic/enrolment-view';
import {
  buildEquipment,
  COMPANY_EQUIPMENT_SUGGESTIONS,
  equipmentChanged,
  equipmentRowsOf,
  MAX_EQUIPMENT_ROWS,
  type EquipmentRow,
} from '../../logic/company-edit';
import {
  addSite,
  createCompany,
  fetchOrgTree,
  getCompany,
  removeSite,
  updateCompany,
  updateSite,
} from '../../services/enrolment-admin';
import { HttpError } from '../../services/http';
import { PAGES, pageUrl } from '../../logic/routes';
import '../../admin/admin.css';
import '../../components/enrolment.css';

interface CompanyEdit {
  name: string;
  type: CompanyType;
  creditCode: string;
  homeStationId: number | null;
  contactName: string;
}

const companyEditOf = (c: CompanyResponse): CompanyEdit => ({
  name: c.name,
  type: c.type,
  creditCode: c.creditCode,
  homeStationId: c.homeStation.id,
  contactName: c.contactName ?? '',
});

const empty: CompanyEdit = { name: '', type: 'security_company', creditCode: '', homeStationId: null, contactName: '' };

function StationPicker({
  value,
  onChange,
  testId,
}: {
  value: number | null;
  onChange: (id: number) => void;
  testId: string;
}) {
  const tree = useResource(fetchOrgTree, 'tree');
  const stations = tree.status === 'ready' ? flattenOrg(tree.data, 'station') : [];
  if (tree.status === 'loading') return <Text className="jh-muted">正在加载派出所…</Text>;
  if (tree.status === 'error') return <FieldError message={tree.error} />;
  return (
    <View className="jh-filter">
      {stations.map((s) => (
        <View
          key={s.id}
          className={`jh-filter__item${value === s.id ? ' jh-filter__item--on' : ''}`}
          onClick={() => onChange(s.id)}
          data-testid={testId}
        >
          {value === s.id ? '✓ ' : ''}
          {s.name}
        </View>
      ))}
    </View>
  );
}

/** Adds a site, or edits `site` (its coordinates are kept as they are). */
function SiteForm({
  company,
  site,
  onDone,
  onCancel,
}: {
  company: CompanyResponse;
  site?: ServiceSiteResponse;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(site?.name ?? '');
  const [address, setAddress] = useState(site?.address ?? '');
  const [stationId, setStationId] = useState<number | null>(site?.station.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!name.trim() || !address.trim()) return setError('请填写驻勤点名称和地址');
    if (!stationId) return setError('请选择驻勤点所在辖区的派出所');
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), address: address.trim(), stationId };
      if (site) await updateSite(company.id, site.id, { ...body, lat: site.lat, lng: site.lng });
      else await addSite(company.id, body);
      setName('');
      setAddress('');
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid={site ? 'site-edit' : 'site-new'}>
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        {site ? `修改驻勤点：${site.name}` : '新增驻勤点'}
      </Text>
      <Input
        className="jh-input jh-input--full"
        value={name}
        placeholder="驻勤点名称"
        onInput={(e) => setName(e.detail.value)}
        data-testid="site-name"
      />
      <Input
        className="jh-input jh-input--full"
        style={{ marginTop: '10px' }}
        value={address}
        placeholder="地址"
        onInput={(e) => setAddress(e.detail.value)}
        data-testid="site-address"
      />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        辖区派出所（可与单位所属派出所不同）
      </Text>
      <StationPicker value={stationId} onChange={setStationId} testId="site-station" />
      <FieldError message={error} testId="site-error" />
      <BigButton
        kind={site ? 'primary' : 'secondary'}
        onClick={() => void save()}
        loading={busy}
        loadingText="正在保存…"
        testId="site-save"
      >
        {site ? '保存驻勤点' : '添加驻勤点'}
      </BigButton>
      {onCancel ? (
        <BigButton kind="secondary" onClick={onCancel} testId="site-cancel">
          取消修改
        </BigButton>
      ) : null}
    </View>
  );
}

/** The sites, each with 修改 and 删除 (deleting asks first; a site in use is refused with the reason). */
function Sites({ company, onChanged }: { company: CompanyResponse; onChanged: () => void }) {
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<{ siteId: number; message: string } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = async (site: ServiceSiteResponse) => {
    const { confirm } = await Taro.showModal({
      title: '删除驻勤点',
      content: `确定删除“${site.name}”吗？删除后不能恢复。`,
      confirmText: '删除',
      confirmColor: '#c62828',
      cancelText: '取消',
    });
    if (!confirm) return;
    setDeleting(site.id);
    setError(null);
    try {
      await removeSite(company.id, site.id);
      setNotice(`已删除“${site.name}”，并记入操作日志。`);
      onChanged();
    } catch (e) {
      setError({ siteId: site.id, message: errorText(e) });
    } finally {
      setDeleting(null);
    }
  };
  const edited = company.sites.find((s) => s.id === editing);
  return (
    <View>
      <Text className="jh-section-title">驻勤点</Text>
      {notice ? (
        <View className="jh-field-ok" data-testid="site-notice">
          <Text>✓ {notice}</Text>
        </View>
      ) : null}
      {company.sites.length === 0 ? (
        <View className="jh-card">
          <Text className="jh-muted">还没有驻勤点</Text>
        </View>
      ) : null}
      {company.sites.map((s) => (
        <View key={s.id} className="jh-row-card" data-testid="site-row" data-site-id={s.id}>
          <Text className="jh-row-card__title">{s.name}</Text>
          <Text className="jh-row-card__line">
            {s.address} · 辖区：{s.station.name}
          </Text>
          <FieldError message={error?.siteId === s.id ? error.message : null} testId="site-row-error" />
          <View className="jh-actions">
            <BigButton
              kind="secondary"
              onClick={() => {
                setEditing(s.id);
                setNotice(null);
                setError(null);
              }}
              testId="site-edit-open"
            >
              修改
            </BigButton>
            <BigButton
              kind="danger"
              onClick={() => void remove(s)}
              loading={deleting === s.id}
              loadingText="正在删除…"
              testId="site-delete"
            >
              删除
            </BigButton>
          </View>
        </View>
      ))}
      {edited ? (
        <SiteForm
          key={edited.id}
          company={company}
          site={edited}
          onDone={() => {
            setNotice(`已保存“${edited.name}”的修改。`);
            setEditing(null);
            onChanged();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <SiteForm company={company} onDone={onChanged} />
      )}
    </View>
  );
}

/** 装备资源: name + count rows, saved with the company. */
function Equipment({ company, onSaved }: { company: CompanyResponse; onSaved: () => void }) {
  const [rows, setRows] = useState<EquipmentRow[]>(() => equipmentRowsOf(company.equipment));
  const [problem, setProblem] = useState<{ row: number; message: string } | null>(null);
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
  const offered = COMPANY_EQUIPMENT_SUGGESTIONS.filter((name) => !rows.some((r) => r.name.trim() === name));
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
  return (
    <View>
      <Text className="jh-section-title">装备资源</Text>
      <View className="jh-card" data-testid="company-equipment">
        <Text className="jh-field-hint">单位可调用的装备和数量，紧急集结时派出所据此调用。</Text>
        {rows.length === 0 ? <Text className="jh-muted">未登记</Text> : null}
        {rows.map((r, index) => (
          <View key={index} data-testid="equipment-row">
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
        ))}
        {offered.length > 0 && rows.length < MAX_EQUIPMENT_ROWS ? (
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
        ) : null}
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

export default function CompanyPage() {
  const router = useRouter();
  const cid = Number(router.params?.id) || null;
  const fetcher = useCallback(() => (cid ? getCompany(cid) : Promise.resolve(null)), [cid]);
  const res = useResource<CompanyResponse | null>(fetcher, String(cid));
  const [edit, setEdit] = useState<CompanyEdit>(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof CompanyEdit | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  // The form follows the saved values, not every reload: a site added or equipment saved below
  // must not wipe a name being typed above (as the equipment rows follow the saved counts).
  const savedCompany = res.status === 'ready' && res.data ? companyEditOf(res.data) : null;
  const savedKey = JSON.stringify(savedCompany);
  useEffect(() => {
    if (savedCompany) setEdit(savedCompany);
  }, [savedKey]); // eslint-disable-line react-hooks/exhaustive-deps

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
      setSaved(true);
      void res.refresh();
    } catch (e) {
      const code = e instanceof HttpError ? e.code : '';
      setErrors(
        code.startsWith('COMPANY_CREDIT_CODE')
          ? { creditCode: errorText(e) }
          : code === 'ORG_UNIT_NOT_STATION'
            ? { homeStationId: errorText(e) }
            : { form: errorText(e) },
      );
    } finally {
      setBusy(false);
    }
  };

  if (res.status !== 'ready') return <NotReadyScreen resource={res} testId="company" />;
  const company = res.data;
  const liveCode = edit.creditCode ? creditCodeProblem(edit.creditCode) : null;
  return (
    <Screen testId="company">
      <View className="jh-card">
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
        <FieldError message={errors.form} testId="company-error" />
        {saved ? (
          <View className="jh-field-ok" data-testid="company-saved">
            <Text>✓ 已保存</Text>
          </View>
        ) : null}
        <BigButton onClick={() => void save()} loading={busy} loadingText="正在保存…" testId="company-save">
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
