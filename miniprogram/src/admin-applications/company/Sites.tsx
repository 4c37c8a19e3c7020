import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { CompanyResponse, ServiceSiteResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { addSite, removeSite, updateSite } from '../../services/enrolment-admin';
import { StationPicker } from './StationPicker';

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

/** One site with 修改 and 删除, and the reason a delete was refused. */
function SiteRow({
  site,
  error,
  deleting,
  onEdit,
  onDelete,
}: {
  site: ServiceSiteResponse;
  error: string | null;
  deleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <View className="jh-row-card" data-testid="site-row" data-site-id={site.id}>
      <Text className="jh-row-card__title">{site.name}</Text>
      <Text className="jh-row-card__line">
        {site.address} · 辖区：{site.station.name}
      </Text>
      <FieldError message={error} testId="site-row-error" />
      <View className="jh-actions">
        <BigButton kind="secondary" onClick={onEdit} testId="site-edit-open">
          修改
        </BigButton>
        <BigButton kind="danger" onClick={onDelete} loading={deleting} loadingText="正在删除…" testId="site-delete">
          删除
        </BigButton>
      </View>
    </View>
  );
}

/** Deleting a site after asking; a site in use is refused with the reason, shown on its row. */
function useSiteRemoval(company: CompanyResponse, onRemoved: (notice: string) => void) {
  const [error, setError] = useState<{ siteId: number; message: string } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
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
      onRemoved(`已删除“${site.name}”，并记入操作日志。`);
    } catch (e) {
      setError({ siteId: site.id, message: errorText(e) });
    } finally {
      setDeleting(null);
    }
  };
  return { error, setError, deleting, remove };
}

/** The sites, each with 修改 and 删除 (deleting asks first; a site in use is refused with the reason). */
export function Sites({ company, onChanged }: { company: CompanyResponse; onChanged: () => void }) {
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const removal = useSiteRemoval(company, (message) => {
    setNotice(message);
    onChanged();
  });
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
        <SiteRow
          key={s.id}
          site={s}
          error={removal.error?.siteId === s.id ? removal.error.message : null}
          deleting={removal.deleting === s.id}
          onEdit={() => {
            setEditing(s.id);
            setNotice(null);
            removal.setError(null);
          }}
          onDelete={() => void removal.remove(s)}
        />
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
