import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { isTabPage, PAGES } from '../logic/routes';

interface PageInfo {
  title: string;
  /** Tab pages are reached from the tab bar: no back arrow. */
  tab: boolean;
}

/** The page being shown when this bar is first drawn: its title from its page config. */
function currentPageInfo(): PageInfo {
  const { page, router } = Taro.getCurrentInstance();
  const config = (page as { config?: { navigationBarTitleText?: string } } | null)?.config;
  return { title: config?.navigationBarTitleText ?? '江淮义警', tab: isTabPage(router?.path ?? '') };
}

/** Back to the previous page, or to the home page when the page was opened directly (a link, a reload). */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: PAGES.home });
}

/** The H5 title bar: WeChat draws one for every page; the browser gets this one with a big back arrow. */
export function TitleBar() {
  const [info] = useState(currentPageInfo);
  return (
    <View className="jh-titlebar" data-testid="title-bar">
      {info.tab ? null : (
        <View className="jh-titlebar__back" onClick={goBack} aria-label="返回" data-testid="title-back">
          <Text>‹</Text>
        </View>
      )}
      <Text className="jh-titlebar__title" data-testid="title-text">
        {info.title}
      </Text>
    </View>
  );
}
