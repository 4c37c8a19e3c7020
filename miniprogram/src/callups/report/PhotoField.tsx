import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { useUpload } from '../../hooks/useUpload';
import { photoLabel } from '../../logic/upload-queue';
import { isPrivacyRefusal, privacyRefusalMessage } from '../../logic/privacy';
import { ensurePrivacy } from '../../services/privacy';
import { CALLUP_PHOTO_PURPOSE } from '../../services/callups';

/**
 * Photos for the report (or one item of a 摸排), each with its upload progress, 重试 and 删除; tells the form the ids on
 * the server and whether any is still on its way.
 */
export function PhotoField({
  max,
  label,
  testId,
  onChange,
  onProblem,
}: {
  max: number;
  label: string;
  testId: string;
  onChange: (ids: string[], busy: boolean) => void;
  onProblem: (message: string) => void;
}) {
  const upload = useUpload(CALLUP_PHOTO_PURPOSE);
  const key = upload.ids.join(',');
  const busy = !upload.allDone;
  useEffect(() => onChange(upload.ids, busy), [key, busy]); // eslint-disable-line react-hooks/exhaustive-deps
  const pick = async () => {
    try {
      await ensurePrivacy('photo');
      const res = await Taro.chooseImage({
        count: Math.max(1, max - upload.photos.length),
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      upload.add(res.tempFilePaths.slice(0, max - upload.photos.length));
    } catch (caught) {
      if (isPrivacyRefusal(caught)) onProblem(privacyRefusalMessage('photo', label));
    }
  };
  return (
    <View>
      <View className="jh-cu-photos">
        {upload.photos.map((p) => (
          <View key={p.key} className="jh-cu-photo" data-testid={`${testId}-photo`}>
            <Image className="jh-cu-photo__img" src={p.filePath} mode="aspectFill" />
            <Text className="jh-block" data-testid={`${testId}-state`}>
              {photoLabel(p)}
            </Text>
            {p.status === 'failed' ? (
              <Text className="jh-cu-link" onClick={() => upload.retry(p.key)}>
                重试
              </Text>
            ) : null}
            <Text className="jh-cu-link" onClick={() => upload.remove(p.key)}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {upload.photos.length < max ? (
        <BigButton kind="secondary" onClick={() => void pick()} testId={`${testId}-add`}>
          {label}
        </BigButton>
      ) : null}
    </View>
  );
}
