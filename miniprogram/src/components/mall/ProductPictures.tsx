import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Swiper, SwiperItem } from '@tarojs/components';
import { pictureFile } from '../../services/files';

/** The product's pictures, swiped through; tap one to see it full screen. Nothing when it has none. */
export function ProductPictures({ ids }: { ids: readonly string[] }) {
  const [paths, setPaths] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    for (const id of ids)
      pictureFile(id, 'main')
        .then((p) => live && setPaths((had) => ({ ...had, [id]: p })))
        .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ids]);
  if (!ids.length) return null;
  const shown = ids.map((id) => paths[id]).filter(Boolean);
  return (
    <Swiper className="jh-mall-swiper" indicatorDots={ids.length > 1} data-testid="mall-pictures">
      {ids.map((id) => (
        <SwiperItem key={id}>
          {paths[id] ? (
            <Image
              className="jh-mall-swiper__img"
              src={paths[id]}
              mode="aspectFit"
              onClick={() => void Taro.previewImage({ urls: shown, current: paths[id] })}
            />
          ) : null}
        </SwiperItem>
      ))}
    </Swiper>
  );
}
