import Taro from '@tarojs/taro';

/**
 * Files on the phone, WeChat build. The H5 build takes files.h5.ts instead (Taro picks `x.h5.ts` over
 * `x.ts`), so browser-only code (document, the file dialog, a download link) lives only there.
 */
export interface PickedFile {
  path: string;
  name: string;
}

/** A spreadsheet from a chat (chooseMessageFile); null when the user backs out. */
export function pickSpreadsheet(): Promise<PickedFile | null> {
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
    .then((r) => (r.tempFiles[0] ? { path: r.tempFiles[0].path, name: r.tempFiles[0].name } : null))
    .catch(() => null);
}

/** A downloaded .xlsx: WeChat opens it, and the user shares or saves it from there. */
export async function openSpreadsheet(tempFilePath: string, _fileName: string): Promise<void> {
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true } as Taro.openDocument.Option);
}
