import ExcelJS from 'exceljs';
import { AppException } from '../../common/errors/app-exception.js';
import { readRosterFile } from './roster-file.js';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe(readRosterFile.name, () => {
  it('reads CSV with a BOM, keeps 18-digit ID numbers as text and numbers rows from the header', async () => {
    const sut = await readRosterFile(
      csv(
        '\uFEFF姓名,身份证号,保安员证号,所属单位,是否持证\n张三,340504199008153012,WA-1,皖安,是\n\n李四,34050419900815301X,,皖安,否\n',
      ),
    );
    expect(sut).toEqual([
      {
        row: 2,
        values: {
          name: '张三',
          idNumber: '340504199008153012',
          certificateNo: 'WA-1',
          company: '皖安',
          certified: '是',
        },
      },
      {
        row: 4,
        values: { name: '李四', idNumber: '34050419900815301X', certificateNo: '', company: '皖安', certified: '否' },
      },
    ]);
  });

  it('reads .xlsx by its zip signature, columns in any order', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['是否持证', '所属单位', '保安员证号', '身份证号', '姓名']);
    ws.addRow([true, '皖安', null, '340504199008153012', '张三']);
    const sut = await readRosterFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sut[0].values).toEqual({
      name: '张三',
      idNumber: '340504199008153012',
      certificateNo: '',
      company: '皖安',
      certified: 'true',
    });
  });

  it.each([
    ['binary that is not a zip', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 1, 2]), 'ROSTER_FILE_TYPE_UNSUPPORTED'],
    ['text that is not UTF-8 (GBK)', Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c]), 'ROSTER_FILE_TYPE_UNSUPPORTED'],
    ['a zip that is not a workbook', Buffer.from('PK\u0003\u0004not really'), 'ROSTER_FILE_UNREADABLE'],
    ['a missing column', csv('姓名,身份证号,所属单位\n张三,1,皖安\n'), 'ROSTER_HEADER_MISSING'],
    ['no data rows', csv('姓名,身份证号,保安员证号,所属单位,是否持证\n'), 'ROSTER_FILE_EMPTY'],
  ])('refuses %s', async (_label, buf, code) => {
    await expect(readRosterFile(buf)).rejects.toBeInstanceOf(AppException);
    await expect(readRosterFile(buf)).rejects.toMatchObject({ code });
  });
});
