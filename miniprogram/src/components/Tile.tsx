import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { HomeTile } from '../logic/home';
import { tileIcon } from './tile-icons';

/** An entry on the home page; `children` add to it (e.g. the unread badge of the 消息 tile). */
export function Tile({
  tile,
  onTap,
  wide,
  children,
}: {
  tile: HomeTile;
  onTap: (tile: HomeTile) => void;
  wide?: boolean;
  children?: ReactNode;
}) {
  const soon = tile.target.kind === 'soon';
  const icon = tileIcon(tile.key);
  return (
    <View
      className={`jh-tile${wide ? ' jh-tile--wide' : ''}${soon ? ' jh-tile--soon' : ''}`}
      onClick={() => onTap(tile)}
      data-testid={`tile-${tile.key}`}
    >
      <View className="jh-tile__mark" aria-hidden>
        {icon ? <Image className="jh-tile__icon" src={icon} mode="aspectFit" /> : null}
      </View>
      <Text className="jh-tile__label">{tile.label}</Text>
      <Text className="jh-tile__hint">{tile.hint}</Text>
      {soon ? <Text className="jh-tile__badge">即将开放</Text> : null}
      {children}
    </View>
  );
}
