import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { MALL_PRODUCT_IMAGE_PURPOSE, type MallProductResponse } from '@jianghuai/shared';
import { useUpload } from '../../hooks/useUpload';
import { errorText } from '../../hooks/useResource';
import {
  EMPTY_PRODUCT_FORM,
  MALL_MAX_IMAGES,
  productBody,
  productErrorField,
  productToForm,
  stockAdjustment,
  type ProductErrors,
  type ProductField,
  type ProductForm,
} from '../../logic/mall-admin';
import { isPrivacyRefusal, privacyRefusalMessage } from '../../logic/privacy';
import { HttpError } from '../../services/http';
import { adjustStock, adminProduct, createProduct, setShelf, updateProduct } from '../../services/mall-admin';
import { ensurePrivacy } from '../../services/privacy';

type Load = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready' };

/** The pictures: those already on the product (ids) and those on their way (useUpload, purpose product_image). */
function usePictures(setErrors: (f: (e: ProductErrors) => ProductErrors) => void) {
  const [imageIds, setImageIds] = useState<string[]>([]);
  const upload = useUpload(MALL_PRODUCT_IMAGE_PURPOSE);
  useEffect(() => {
    for (const p of upload.photos)
      if (p.status === 'done') {
        setImageIds((ids) => (ids.includes(p.file.id) ? ids : [...ids, p.file.id]));
        upload.remove(p.key);
      }
  }, [upload.photos, upload]);
  const count = imageIds.length + upload.photos.length;
  const pick = async () => {
    setErrors((e) => ({ ...e, images: undefined }));
    try {
      await ensurePrivacy('photo');
      const res = await Taro.chooseImage({
        count: Math.max(1, MALL_MAX_IMAGES - count),
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      upload.add(res.tempFilePaths.slice(0, MALL_MAX_IMAGES - count));
    } catch (caught) {
      if (isPrivacyRefusal(caught)) setErrors((e) => ({ ...e, images: privacyRefusalMessage('photo', '添加图片') }));
      // closing the album is not a failure
    }
  };
  return {
    imageIds,
    setImageIds,
    upload,
    count,
    pick,
    removeImage: (id: string) => setImageIds((ids) => ids.filter((x) => x !== id)),
  };
}

/** 库存调整: the change and its reason, and the audited result the server answered. */
function useStock(product: MallProductResponse | null, setProduct: (p: MallProductResponse) => void) {
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const submit = async () => {
    if (!product) return;
    setResult(null);
    const checked = stockAdjustment(delta, reason, product.stock);
    if ('problem' in checked) return setError(checked.problem);
    setError(null);
    setBusy(true);
    try {
      const updated = await adjustStock(product.id, checked.delta, checked.reason);
      setResult(`库存已由 ${product.stock} 调整为 ${updated.stock}（原因：${checked.reason}），已记入操作日志`);
      setProduct(updated);
      setDelta('');
      setReason('');
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return { delta, setDelta, reason, setReason, busy, error, result, submit };
}

/** An existing product, found in the operator's list; a new one (no id) is ready at once. */
function useProductLoad(id: number | null, adopt: (p: MallProductResponse) => void) {
  const [load, setLoad] = useState<Load>(id ? { status: 'loading' } : { status: 'ready' });
  const fetchProduct = useCallback(async () => {
    if (!id) return;
    setLoad({ status: 'loading' });
    try {
      adopt(await adminProduct(id));
      setLoad({ status: 'ready' });
    } catch (caught) {
      setLoad({ status: 'error', error: errorText(caught) });
    }
  }, [id, adopt]);
  useEffect(() => void fetchProduct(), [fetchProduct]);
  return { load, fetchProduct };
}

/**
 * One product for the operator: a new one (no id) or an existing one loaded from the list; save (POST or PUT)
 * with each refusal at its field, 上架/下架, and the stock adjustment.
 */
export function useProductForm(id: number | null) {
  const [product, setProduct] = useState<MallProductResponse | null>(null);
  const [form, setForm] = useState<ProductForm>(EMPTY_PRODUCT_FORM);
  const [errors, setErrors] = useState<ProductErrors>({});
  const [busy, setBusy] = useState<'save' | 'shelf' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const pictures = usePictures(setErrors);
  const { setImageIds } = pictures;

  const adopt = useCallback(
    (p: MallProductResponse) => {
      setProduct(p);
      setForm(productToForm(p));
      setImageIds(p.imageIds);
    },
    [setImageIds],
  );
  const { load, fetchProduct } = useProductLoad(id, adopt);

  const update = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // the message under a field goes once the field is changed
    const field: ProductField = key === 'pickupStationIds' || key === 'delivery' ? 'pickup' : (key as ProductField);
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
    setSaved(null);
  };

  const save = async () => {
    setSaved(null);
    const checked = productBody(form, pictures.imageIds, !product, pictures.upload.photos.length > 0);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    setBusy('save');
    try {
      const { stock: _stock, ...changes } = checked.body;
      const answer = product ? await updateProduct(product.id, changes) : await createProduct(checked.body);
      adopt(answer);
      setSaved(product ? '已保存' : '商品已创建（未上架）。检查无误后点“上架”，义警就能兑换了。');
    } catch (caught) {
      const field = caught instanceof HttpError ? productErrorField(caught) : 'form';
      setErrors({ [field]: errorText(caught) });
    } finally {
      setBusy(null);
    }
  };

  const toggleShelf = async () => {
    if (!product) return;
    setErrors({});
    setBusy('shelf');
    try {
      const answer = await setShelf(product.id, !product.onShelf);
      setProduct(answer);
      setSaved(answer.onShelf ? '已上架，义警现在可以兑换' : '已下架，义警暂时看不到这件商品');
    } catch (caught) {
      setErrors({ form: errorText(caught) });
    } finally {
      setBusy(null);
    }
  };

  return {
    product,
    load,
    reload: fetchProduct,
    form,
    update,
    errors,
    busy,
    saved,
    save,
    toggleShelf,
    pictures,
    stock: useStock(product, setProduct),
  };
}
export type ProductFormState = ReturnType<typeof useProductForm>;
