/** Files in the browser (H5 build); the WeChat twin is files.ts. */
export interface PickedFile {
  path: string;
  name: string;
}

/** A spreadsheet from the browser's file dialog; null when nothing is chosen. */
export function pickSpreadsheet(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv';
    input.setAttribute('data-testid', 'roster-file-input');
    input.style.display = 'none';
    input.onchange = () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name } : null);
    };
    document.body.appendChild(input);
    input.click();
  });
}

/** A downloaded .xlsx: the browser saves it under the given name. */
export async function openSpreadsheet(tempFilePath: string, fileName: string): Promise<void> {
  const link = document.createElement('a');
  link.href = tempFilePath;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
