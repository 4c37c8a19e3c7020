import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import Taro from '@tarojs/taro';
import { TIP_MAX_PHOTOS, TIP_PHOTO_PURPOSE, type MyTipResponse } from '@jianghuai/shared';
import {
  clearTipDraft,
  draftHasContent,
  emptyTipDraft,
  loadTipDraft,
  saveTipDraft,
  tipRequest,
  tipStepError,
  type TipDraft,
  type TipStep,
} from '../logic/tips';
import type { DraftStorage } from '../logic/activity-form';
import { isPrivacyRefusal, privacyRefusalMessage } from '../logic/privacy';
import { ensurePrivacy } from '../services/privacy';
import { submitTip } from '../services/tips';
import { errorText } from './useResource';
import { locationErrorMessage, readPosition } from './useLocation';
import { useUpload } from './useUpload';

const LOCATION_REFUSED = '您没有同意使用位置信息。地点可以不填，也可以直接写下地址。';

const storage: DraftStorage = {
  get: (key) => Taro.getStorageSync(key) as unknown,
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
};

/** 用我现在的位置 (after the privacy popup) or, in WeChat, 在地图上选点: an address line, the point kept with it. */
function usePlace(draft: TipDraft, update: (patch: Partial<TipDraft>) => void) {
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const locateMe = async () => {
    setLocating(true);
    setPlaceError(null);
    try {
      const pos = await readPosition();
      update({ place: { address: draft.place?.address || '我上报时所在的位置', lat: pos.lat, lng: pos.lng } });
    } catch (caught) {
      setPlaceError(isPrivacyRefusal(caught) ? LOCATION_REFUSED : locationErrorMessage(caught, '用我现在的位置'));
    } finally {
      setLocating(false);
    }
  };

  const pickOnMap = async () => {
    setPlaceError(null);
    try {
      await ensurePrivacy('location');
      const res = await Taro.chooseLocation({});
      update({ place: { address: res.address || res.name || '地图上选的点', lat: res.latitude, lng: res.longitude } });
    } catch (caught) {
      if (isPrivacyRefusal(caught)) setPlaceError(LOCATION_REFUSED);
    }
  };

  return { placeError, locating, locateMe, pickOnMap };
}

/** The photos on their way (useUpload): each one on the server joins the draft, so its id survives a restart. */
function useTipPhotos(
  draft: TipDraft,
  setDraft: Dispatch<SetStateAction<TipDraft>>,
  setError: (message: string | null) => void,
) {
  const upload = useUpload(TIP_PHOTO_PURPOSE);
  const photoCount = draft.photos.length + upload.photos.length;
  useEffect(() => {
    for (const p of upload.photos)
      if (p.status === 'done') {
        setDraft((d) =>
          d.photos.some((q) => q.id === p.file.id)
            ? d
            : { ...d, photos: [...d.photos, { id: p.file.id, path: p.filePath }] },
        );
        upload.remove(p.key);
      }
  }, [upload.photos, upload, setDraft]);

  const pickPhotos = async () => {
    setError(null);
    try {
      await ensurePrivacy('photo');
      const res = await Taro.chooseImage({
        count: Math.max(1, TIP_MAX_PHOTOS - photoCount),
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      upload.add(res.tempFilePaths.slice(0, TIP_MAX_PHOTOS - photoCount));
    } catch (caught) {
      if (isPrivacyRefusal(caught)) setError(privacyRefusalMessage('photo', '添加照片'));
      // closing the album is not a failure
    }
  };

  return { upload, photoCount, pickPhotos };
}

/**
 * The three screens of a tip: the draft (kept in storage at every change, offered back with 不要了), the photos
 * on their way (useUpload; each done one joins the draft), the place, and the idempotent submit.
 */
export function useTipForm() {
  const restored = useMemo(() => loadTipDraft(storage), []);
  const [draft, setDraft] = useState<TipDraft>(() => restored ?? emptyTipDraft(new Date()));
  const [showRestored, setShowRestored] = useState(!!restored);
  const [step, setStep] = useState<TipStep>(1);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<MyTipResponse | null>(null);

  useEffect(() => {
    if (!sent && draftHasContent(draft)) saveTipDraft(storage, draft);
  }, [draft, sent]);

  const update = (patch: Partial<TipDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const photos = useTipPhotos(draft, setDraft, setError);
  const photosBusy = photos.upload.photos.length > 0;

  const go = (to: TipStep) => {
    const blocked = to > step ? tipStepError(step, draft, photosBusy) : null;
    setError(blocked);
    if (!blocked) setStep(to);
  };

  const submit = async () => {
    const blocked = tipStepError(3, draft, photosBusy);
    if (blocked) return setError(blocked);
    setSending(true);
    setError(null);
    try {
      const tip = await submitTip(tipRequest(draft));
      clearTipDraft(storage);
      setSent(tip);
    } catch (caught) {
      setError(`${errorText(caught)}（内容已保存，可以再点“提交”）`);
    } finally {
      setSending(false);
    }
  };

  const discard = () => {
    clearTipDraft(storage);
    setDraft(emptyTipDraft(new Date()));
    setShowRestored(false);
    setStep(1);
    setError(null);
  };

  return {
    draft,
    update,
    step,
    go,
    error,
    showRestored,
    discard,
    ...photos,
    removePhoto: (id: string) => update({ photos: draft.photos.filter((p) => p.id !== id) }),
    ...usePlace(draft, update),
    sending,
    sent,
    submit,
  };
}
export type TipForm = ReturnType<typeof useTipForm>;
