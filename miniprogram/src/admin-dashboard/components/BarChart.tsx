import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas, Text, View } from '@tarojs/components';
import { Axis, Canvas, Chart, Interval, jsx, type CanvasProps } from '@antv/f2';

export interface BarPoint {
  label: string;
  value: number;
}

const HEIGHT = 240;

type F2Canvas = InstanceType<typeof Canvas>;
/** F2's element factory, called without JSX (the page's JSX is React's). */
const h = jsx as unknown as (type: unknown, props: Record<string, unknown>) => { props: CanvasProps };

/** The F2 scene for the points: one bar a week, the axis labels in the page's large text. */
function scene(points: readonly BarPoint[], context: CanvasRenderingContext2D, width: number, pixelRatio: number) {
  const chart = h(Chart, {
    data: points.map((p) => ({ label: p.label, value: p.value })),
    scale: { value: { min: 0, nice: true } },
    children: [
      h(Axis, { field: 'label', style: { label: { fontSize: 14, fill: '#344054' } } }),
      h(Axis, { field: 'value', style: { label: { fontSize: 14, fill: '#344054' } } }),
      h(Interval, { x: 'label', y: 'value', color: '#0b3d91' }),
    ],
  });
  return h(Canvas, { context, pixelRatio, width, height: HEIGHT, animate: false, children: chart }).props;
}

/**
 * A bar chart drawn by F2 (a chart library made for mini-programs) on a 2d canvas, in WeChat and in the browser.
 * The numbers are always beside it as a table, so a chart that cannot draw only leaves its notice.
 */
export function BarChart({ id, points, testId }: { id: string; points: readonly BarPoint[]; testId?: string }) {
  const chartRef = useRef<F2Canvas | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let gone = false;
    const draw = () =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true } as Taro.NodesRef.Fields)
        .exec((res: { node?: HTMLCanvasElement; width?: number }[]) => {
          const node = res?.[0]?.node;
          if (gone) return;
          if (!node || !node.getContext) return setFailed(true);
          const width = res[0].width || Taro.getSystemInfoSync().windowWidth - 32;
          const ratio = Taro.getSystemInfoSync().pixelRatio || 1;
          node.width = width * ratio;
          node.height = HEIGHT * ratio;
          const context = node.getContext('2d') as CanvasRenderingContext2D;
          chartRef.current?.destroy();
          const canvas = new Canvas(scene(points, context, width, ratio));
          chartRef.current = canvas;
          canvas.render().catch(() => setFailed(true));
        });
    Taro.nextTick(draw);
    return () => {
      gone = true;
    };
  }, [id, points]);
  useEffect(() => () => chartRef.current?.destroy(), []);
  return (
    <View className="jh-dash-chart" data-testid={testId}>
      {failed ? (
        <Text className="jh-block jh-muted">图表暂时无法显示，请看下面的表格。</Text>
      ) : (
        <TaroCanvas type="2d" id={id} canvasId={id} style={{ width: '100%', height: `${HEIGHT}px` }} />
      )}
    </View>
  );
}
