import { Text, View } from '@tarojs/components';
import type { HomeTile } from '../logic/home';

export function Tile({ tile, onTap, wide }: { tile: HomeTile; onTap: (tile: HomeTile) => void; wide?: boolean }) {
  const soon = tile.target.kind === 'soon';
  return (
    <View
      className={`jh-tile${wide ? ' jh-tile--wide' : ''}${soon ? ' jh-tile--soon' : ''}`}
      onClick={() => onTap(tile)}
      data-testid={`tile-${tile.key}`}
    >
      <View className="jh-tile__mark">{tile.label.slice(0, 1)}</View>
      <Text className="jh-tile__label">{tile.label}</Text>
      <Text className="jh-tile__hint">{tile.hint}</Text>
      {soon ? <Text className="jh-tile__badge">即将开放</Text> : null}
    </View>
  );
}
