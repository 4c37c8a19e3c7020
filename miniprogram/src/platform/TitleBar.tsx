/**
 * The page's title bar, WeChat build: WeChat draws its own from the page's navigationBarTitleText, so nothing here.
 * The H5 build takes TitleBar.h5.tsx, which draws the title and a back arrow.
 */
export function TitleBar(): null {
  return null;
}
