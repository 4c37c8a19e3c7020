import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { PiiField, RevealPiiResponse } from '@jianghuai/shared';
import { errorText } from '../hooks/useResource';

/**
 * 查看完整信息: asks first (each viewing is written to the audit log), then fetches the full ID number and
 * phone together. `fetchField` is the reveal call for the record on screen.
 */
export function usePiiReveal(confirmContent: string, fetchField: (field: PiiField) => Promise<RevealPiiResponse>) {
  const [full, setFull] = useState<{ idNumber: string | null; phone: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    const { confirm } = await Taro.showModal({
      title: '查看完整信息',
      content: confirmContent,
      confirmText: '确定查看',
      confirmColor: '#0b3d91',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      const [id, phone] = await Promise.all([fetchField('idNumber'), fetchField('phone')]);
      setFull({ idNumber: id.value, phone: phone.value });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { full, busy, error, reveal };
}
