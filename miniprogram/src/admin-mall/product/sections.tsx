import { useEffect, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { useResource } from '../../hooks/useResource';
import { flattenOrg } from '../../logic/enrolment-view';
import { COMMON_CATEGORIES, MALL_MAX_IMAGES } from '../../logic/mall-admin';
import { photoLabel } from '../../logic/upload-queue';
import { fetchOrgTree } from '../../services/enrolment-admin';
import { pictureFile } from '../../services/files';
import type { ProductFormState } from './useProductForm';

/** A picture already on the server (its bytes need the token, so they are downloaded first). */
function SavedPicture({ id, index, onRemove }: { id: string; index: number; onRemove: () => void }) {
  const [path, setPath] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    pictureFile(id, 'thumb')
      .then((p) => live && setPath(p))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <View className="jh-tip-photo" data-testid="mall-form-picture">
      {path ? (
        <Image className="jh-tip-photo__img" src={path} mode="aspectFill" />
      ) : (
        <View className="jh-tip-photo__img" />
      )}
      <Text className="jh-tip-photo__label">{failed ? '图片没能加载' : `图片 ${index + 1}`}</Text>
      <Text className="jh-tip-link" onClick={onRemove} data-testid="mall-form-picture-remove">
        删除
      </Text>
    </View>
  );
}

/** 商品图片: up to six, each with its upload progress, 重试 on failure. */
export function Pictures({ x }: { x: ProductFormState }) {
  const p = x.pictures;
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">
        商品图片（最多 {MALL_MAX_IMAGES} 张，已有 {p.count} 张）
      </Text>
      <View className="jh-tip-photos">
        {p.imageIds.map((id, i) => (
          <SavedPicture key={id} id={id} index={i} onRemove={() => p.removeImage(id)} />
        ))}
        {p.upload.photos.map((u) => (
          <View key={u.key} className="jh-tip-photo" data-testid="mall-form-upload">
            <Image className="jh-tip-photo__img" src={u.filePath} mode="aspectFill" />
            <Text className="jh-tip-photo__label" data-testid="mall-form-upload-state">
              {photoLabel(u)}
            </Text>
            {u.status === 'failed' ? (
              <Text className="jh-tip-link" onClick={() => p.upload.retry(u.key)}>
                重试
              </Text>
            ) : null}
            <Text className="jh-tip-link" onClick={() => p.upload.remove(u.key)}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {p.count < MALL_MAX_IMAGES ? (
        <BigButton kind="secondary" onClick={() => void p.pick()} testId="mall-form-add-picture">
          添加图片
        </BigButton>
      ) : null}
      <FieldError message={x.errors.images} testId="mall-form-images-error" />
    </View>
  );
}

/** 分类: a common one as a chip, or typed. */
export function Category({ x }: { x: ProductFormState }) {
  const options = COMMON_CATEGORIES.map((c) => ({ value: c, label: c }));
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">分类</Text>
      <Chips
        options={options}
        value={x.form.category}
        onChange={(c) => x.update('category', c)}
        testId="mall-form-category"
      />
      <Input
        className="jh-input"
        value={x.form.category}
        maxlength={30}
        placeholder="或填写其他分类"
        onInput={(e) => x.update('category', e.detail.value)}
        data-testid="mall-form-category-input"
      />
      <FieldError message={x.errors.category} testId="mall-form-category-error" />
    </View>
  );
}

/** 领取方式: stations of the operator's scope (several may be ticked), or 邮寄. */
export function Pickup({ x }: { x: ProductFormState }) {
  const tree = useResource(fetchOrgTree, 'tree');
  const chosen = x.form.pickupStationIds;
  const toggle = (id: number) =>
    x.update('pickupStationIds', chosen.includes(id) ? chosen.filter((s) => s !== id) : [...chosen, id]);
  const stations = tree.status === 'ready' ? flattenOrg(tree.data, 'station') : [];
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">领取方式</Text>
      <Chips
        options={[
          { value: 'pickup', label: '到服务站领取' },
          { value: 'delivery', label: '邮寄' },
        ]}
        value={x.form.delivery ? 'delivery' : 'pickup'}
        onChange={(v) => x.update('delivery', v === 'delivery')}
        testId="mall-form-delivery"
      />
      {x.form.delivery ? (
        <Text className="jh-block jh-muted">义警兑换后由运营人员寄出，标记“备货完成”即表示已寄出。</Text>
      ) : tree.status !== 'ready' ? (
        <Text className="jh-block jh-muted">{tree.error ?? '正在加载服务站…'}</Text>
      ) : (
        <View data-testid="mall-form-stations">
          <Text className="jh-block jh-muted">可多选，已选 {chosen.length} 个</Text>
          {stations.map((s) => (
            <View
              key={s.id}
              className={`jh-check-row${chosen.includes(s.id) ? ' jh-check-row--on' : ''}`}
              onClick={() => toggle(s.id)}
              data-testid={`mall-form-station-${s.id}`}
              data-name={s.name}
              aria-checked={chosen.includes(s.id)}
            >
              <View className="jh-check-box">{chosen.includes(s.id) ? '✓' : ''}</View>
              <Text>{s.label}</Text>
            </View>
          ))}
        </View>
      )}
      <FieldError message={x.errors.pickup} testId="mall-form-pickup-error" />
    </View>
  );
}

/** 上架/下架 and 库存调整, for a product that exists. */
export function ShelfAndStock({ x }: { x: ProductFormState }) {
  const p = x.product;
  if (!p) return null;
  const s = x.stock;
  return (
    <View className="jh-card" data-testid="mall-product-manage">
      <Text className="jh-section-title jh-block" data-testid="mall-product-state">
        {p.onShelf ? '已上架' : '未上架'} · 库存 {p.stock}
      </Text>
      <BigButton
        kind={p.onShelf ? 'secondary' : 'primary'}
        onClick={() => void x.toggleShelf()}
        loading={x.busy === 'shelf'}
        loadingText="正在提交…"
        testId="mall-shelf-toggle"
      >
        {p.onShelf ? '下架' : '上架'}
      </BigButton>
      <Text className="jh-section-title jh-block">库存调整</Text>
      <View className="jh-field">
        <Text className="jh-field__label jh-block">变化数量（补货填正数，减少填负数）</Text>
        <Input
          className="jh-input"
          type="text"
          value={s.delta}
          placeholder="如 10 或 -3"
          onInput={(e) => s.setDelta(e.detail.value)}
          data-testid="mall-stock-delta"
        />
        <Text className="jh-field__label jh-block">原因（记入操作日志）</Text>
        <Input
          className="jh-input"
          value={s.reason}
          maxlength={200}
          placeholder="如 新到货、盘点损耗"
          onInput={(e) => s.setReason(e.detail.value)}
          data-testid="mall-stock-reason"
        />
      </View>
      <InlineError message={s.error} testId="mall-stock-error" />
      {s.result ? (
        <Text className="jh-block jh-notice" data-testid="mall-stock-result">
          {s.result}
        </Text>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void s.submit()}
        loading={s.busy}
        loadingText="正在调整…"
        testId="mall-stock-submit"
      >
        调整库存
      </BigButton>
    </View>
  );
}
