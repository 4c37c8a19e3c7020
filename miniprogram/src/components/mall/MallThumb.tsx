import { useEffect, useState } from 'react';
import { Image, View } from '@tarojs/components';
import { pictureFile } from '../../services/files';

/** A product's first picture as a thumbnail (downloaded with the access token), or a plain box saying 暂无图片. */
export function MallThumb({ fileId }: { fileId: string | undefined }) {
  const [path, setPath] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!fileId) return;
    let live = true;
    pictureFile(fileId, 'thumb')
      .then((p) => live && setPath(p))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [fileId]);
  if (path) return <Image className="jh-mall-thumb" src={path} mode="aspectFill" />;
  return <View className="jh-mall-thumb">{fileId && !failed ? '加载中' : '暂无图片'}</View>;
}
