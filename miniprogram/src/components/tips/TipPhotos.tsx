import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { TipPhoto } from '@jianghuai/shared';
import { pictureFile } from '../../services/files';

/** One uploaded photo as a thumbnail (the bytes need the access token, so they are downloaded first); tap to enlarge. */
function Thumb({ photo, index }: { photo: TipPhoto; index: number }) {
  const [path, setPath] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    pictureFile(photo.fileId, 'thumb')
      .then((p) => live && setPath(p))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [photo.fileId]);
  const enlarge = async () => {
    try {
      const full = await pictureFile(photo.fileId, 'main');
      void Taro.previewImage({ urls: [full], current: full });
    } catch {
      void Taro.showToast({ title: '照片没能打开，请稍后再试', icon: 'none' });
    }
  };
  return (
    <View className="jh-tip-photo" onClick={() => void enlarge()} data-testid="tip-photo">
      {path ? (
        <Image className="jh-tip-photo__img" src={path} mode="aspectFill" />
      ) : (
        <View className="jh-tip-photo__img" />
      )}
      <Text className="jh-tip-photo__label">{failed ? '照片没能加载' : path ? `照片 ${index + 1}` : '正在加载…'}</Text>
    </View>
  );
}

export function TipPhotos({ photos }: { photos: readonly TipPhoto[] }) {
  if (!photos.length) return null;
  return (
    <View className="jh-tip-photos" data-testid="tip-photos">
      {photos.map((p, i) => (
        <Thumb key={p.fileId} photo={p} index={i} />
      ))}
    </View>
  );
}
