/**
 * WeChat Pay's trade bill (交易账单) as downloaded: a CSV-like text whose first line names the columns, then one line
 * per transaction or refund with every field prefixed by a backtick (so spreadsheets keep long numbers as text),
 * then a summary header and its line. Amounts are in yuan with two decimals.
 */
export interface TradeBillRow {
  /** 交易时间, `YYYY-MM-DD HH:mm:ss` Shanghai time */
  time: string;
  appId: string;
  mchId: string;
  transactionId: string;
  outTradeNo: string;
  /** SUCCESS (a payment) or REFUND (a refund line) */
  state: string;
  /** 订单金额 in fen */
  totalFen: number;
  /** 退款金额 in fen (refund lines) */
  refundFen: number;
  outRefundNo: string;
}

/** The columns of a bill with bill_type ALL, in WeChat Pay's order. */
export const TRADE_BILL_COLUMNS = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;

const col = (name: (typeof TRADE_BILL_COLUMNS)[number]) => TRADE_BILL_COLUMNS.indexOf(name);

/** `12.50` → 1250 (bills carry yuan with two decimals). */
export function yuanToFen(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return NaN;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** An amount field in fen; an empty one is 0. */
const amount = (text: string) => (text === '' ? 0 : yuanToFen(text));

/** The transaction and refund lines of a downloaded trade bill (the header and the summary are skipped). */
export function parseTradeBill(text: string): TradeBillRow[] {
  const rows: TradeBillRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('`')) continue; // the header lines carry no backticks
    const f = line.split(',').map((v) => v.replace(/^`/, '').trim());
    if (f.length < TRADE_BILL_COLUMNS.length) continue; // the summary line
    rows.push({
      time: f[col('交易时间')],
      appId: f[col('公众账号ID')],
      mchId: f[col('商户号')],
      transactionId: f[col('微信订单号')],
      outTradeNo: f[col('商户订单号')],
      state: f[col('交易状态')],
      totalFen: amount(f[col('订单金额')]),
      refundFen: amount(f[col('退款金额')]),
      outRefundNo: f[col('商户退款单号')],
    });
  }
  return rows;
}
