import { Input, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import type { ProductField, ProductForm } from '../../logic/mall-admin';
import { Category, Pickup, Pictures, ShelfAndStock } from './sections';
import { useProductForm, type ProductFormState } from './useProductForm';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';
import '../mall-admin.css';

type TextKey = 'name' | 'pointsPrice' | 'cashYuan' | 'stock' | 'perPersonLimit';

/** One labelled input with its error underneath; test ids `mall-form-<key>` and `mall-form-<key>-error`. */
function Field({
  x,
  k,
  label,
  placeholder,
  hint,
}: {
  x: ProductFormState;
  k: TextKey;
  label: string;
  placeholder: string;
  hint?: string;
}) {
  const field: ProductField = k;
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">{label}</Text>
      {hint ? <Text className="jh-block jh-muted">{hint}</Text> : null}
      <Input
        className="jh-input"
        type={k === 'name' ? 'text' : k === 'cashYuan' ? 'digit' : 'number'}
        value={x.form[k] as ProductForm[TextKey]}
        placeholder={placeholder}
        onInput={(e) => x.update(k, e.detail.value)}
        data-testid={`mall-form-${k}`}
      />
      <FieldError message={x.errors[field]} testId={`mall-form-${k}-error`} />
    </View>
  );
}

function Form({ x }: { x: ProductFormState }) {
  const isNew = !x.product;
  return (
    <View data-testid="mall-product-form">
      <Field x={x} k="name" label="商品名称" placeholder="如 保温杯" />
      <Category x={x} />
      <View className="jh-field">
        <Text className="jh-field__label jh-block">说明（可不填）</Text>
        <Textarea
          className="jh-input jh-textarea"
          style={{ height: '120px', width: '100%', padding: '10px 14px' }}
          value={x.form.description}
          maxlength={2000}
          placeholder="规格、颜色、注意事项"
          onInput={(e) => x.update('description', e.detail.value)}
          data-testid="mall-form-description"
        />
        <FieldError message={x.errors.description} testId="mall-form-description-error" />
      </View>
      <Pictures x={x} />
      <Field x={x} k="pointsPrice" label="所需积分" placeholder="如 200" />
      <Field
        x={x}
        k="cashYuan"
        label="另付现金（元，可不填）"
        placeholder="不收现金请留空"
        hint="如 12.50；留空表示纯积分兑换"
      />
      {isNew ? (
        <Field x={x} k="stock" label="初始库存" placeholder="如 50" hint="以后的变化请用“库存调整”，会记入操作日志" />
      ) : null}
      <Field x={x} k="perPersonLimit" label="每人限兑（可不填）" placeholder="不限请留空" />
      <Pickup x={x} />
      <InlineError message={x.errors.form ?? null} testId="mall-form-error" />
      {x.saved ? (
        <Text className="jh-block jh-notice" data-testid="mall-form-saved">
          {x.saved}
        </Text>
      ) : null}
      <BigButton
        onClick={() => void x.save()}
        loading={x.busy === 'save'}
        loadingText="正在保存…"
        testId="mall-form-save"
      >
        {isNew ? '保存商品' : '保存修改'}
      </BigButton>
    </View>
  );
}

/** 新增商品 (no id) or one product of the operator's scope: the form, 上架/下架 and 库存调整. */
export default function MallProductPage() {
  const raw = useRouter().params.id;
  const x = useProductForm(raw ? Number(raw) : null);
  if (x.load.status === 'loading')
    return (
      <Screen testId="admin-mall-product">
        <LoadingState />
      </Screen>
    );
  if (x.load.status === 'error')
    return (
      <Screen testId="admin-mall-product">
        <ErrorState message={x.load.error} onRetry={() => void x.reload()} />
      </Screen>
    );
  return (
    <Screen testId="admin-mall-product">
      <Text className="jh-title jh-block" data-testid="mall-product-title">
        {x.product ? x.product.name : '新增商品'}
      </Text>
      <ShelfAndStock x={x} />
      <Form x={x} />
    </Screen>
  );
}
