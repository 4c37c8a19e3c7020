import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addCalendarDays, startOfBusinessDay } from '@jianghuai/shared';
import { Between, DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { logger } from '../../common/logging/logger.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { parseTradeBill } from '../payments/wechat-pay-bill.js';
import { WechatPayClient } from '../payments/wechat-pay.client.js';
import { UserQueries } from '../users/user-queries.js';
import { MallBillCheck } from './entities/mall-bill-check.entity.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { yuan } from './mall-payments-rules.js';

/** One difference between the bill and the mall's payments. */
export interface BillMismatch {
  outTradeNo: string;
  orderId: number | null;
  problem: string;
}

/** WeChat Pay makes a day's bill available from about 09:00 the next day; it is fetched from this hour on. */
export const TRADE_BILL_FROM_HOUR = 10;

/**
 * The mall-trade-bill job (docs/mall.md#reconciliation), hourly: from 10:00 (Shanghai) on, yesterday's WeChat Pay
 * trade bill is downloaded (its SHA-1 checked) and compared with the mall's payments — paid in the bill but not
 * here, paid here that day but not in the bill, or a different amount — once per bill date (`mall_bill_checks`,
 * unique on the date; a bill not ready yet is tried again the next hour). Each difference goes to the mall operators
 * of the product's unit as an in-app message; one the mall cannot place (an unknown number) is logged.
 */
@Injectable()
export class MallTradeBill {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly pay: WechatPayClient,
    private readonly users: UserQueries,
    private readonly notifications: NotificationsService,
  ) {}

  /** The scheduled run: yesterday's bill, once, from 10:00 on. */
  async runDue(): Promise<{ billRows: number; mismatches: number }> {
    const today = this.clock.today();
    const from = startOfBusinessDay(today, this.clock.zone).getTime() + TRADE_BILL_FROM_HOUR * 3_600_000;
    const date = addCalendarDays(today, -1);
    if (this.clock.nowMs() < from || (await this.ds.getRepository(MallBillCheck).existsBy({ billDate: date })))
      return { billRows: 0, mismatches: 0 };
    return this.run(date);
  }

  /** One bill date compared and reported (once: a date already reported is not reported again). */
  async run(date: string): Promise<{ billRows: number; mismatches: number }> {
    const ticket = await this.pay.tradeBill(date);
    const text = await this.pay.downloadBill(ticket.download_url);
    if (createHash('sha1').update(text).digest('hex') !== ticket.hash_value.toLowerCase())
      throw new Error(`trade bill of ${date}: the SHA-1 does not match`);
    const bill = parseTradeBill(text).filter((r) => r.state === 'SUCCESS');
    const mismatches = await this.compare(date, bill);
    const result = { billRows: bill.length, mismatches: mismatches.length };
    try {
      const repo = this.ds.getRepository(MallBillCheck);
      await repo.insert(repo.create({ billDate: date, checkedAt: this.clock.now(), ...result }));
    } catch (err) {
      if (isDuplicateKey(err)) return result; // reported already
      throw err;
    }
    await this.report(date, mismatches);
    return result;
  }

  /** Bill lines against the payments they name, then the mall's payments of the day against the bill. */
  async compare(date: string, bill: { outTradeNo: string; totalFen: number }[]): Promise<BillMismatch[]> {
    const repo = this.ds.getRepository(MallPayment);
    const named = bill.length ? await repo.findBy({ outTradeNo: In(bill.map((r) => r.outTradeNo)) }) : [];
    const byNo = new Map(named.map((p) => [p.outTradeNo, p]));
    const out: BillMismatch[] = [];
    for (const line of bill) {
      const p = byNo.get(line.outTradeNo);
      if (!p) out.push({ outTradeNo: line.outTradeNo, orderId: null, problem: '账单中有付款，商城无此支付单' });
      else if (p.state !== 'paid')
        out.push({ outTradeNo: p.outTradeNo, orderId: p.orderId, problem: '账单中已付款，商城未记为已付' });
      else if (p.amountFen !== line.totalFen)
        out.push({
          outTradeNo: p.outTradeNo,
          orderId: p.orderId,
          problem: `金额不一致：账单 ${yuan(line.totalFen)}，商城 ${yuan(p.amountFen)}`,
        });
    }
    const inBill = new Set(bill.map((r) => r.outTradeNo));
    const paidHere = await repo.findBy({
      state: 'paid',
      paidAt: Between(new Date(`${date}T00:00:00+08:00`), new Date(`${addCalendarDays(date, 1)}T00:00:00+08:00`)),
    });
    for (const p of paidHere)
      if (!inBill.has(p.outTradeNo))
        out.push({ outTradeNo: p.outTradeNo, orderId: p.orderId, problem: '商城记为已付，账单中没有这笔付款' });
    return out;
  }

  private async report(date: string, mismatches: BillMismatch[]): Promise<void> {
    const byUnit = new Map<number, BillMismatch[]>();
    const orders = await this.ordersOf(mismatches);
    for (const mm of mismatches) {
      const unit = mm.orderId === null ? undefined : orders.get(mm.orderId);
      if (unit === undefined) {
        logger.error({ date, ...mm }, 'trade bill line the mall cannot place');
        continue;
      }
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), mm]);
    }
    for (const [unit, list] of byUnit) {
      const operators = await this.users.activeWithAnyRoleAt(unit, ['mall_operator']);
      const lines = list.map((mm) => `订单 ${mm.orderId}（${mm.outTradeNo}）：${mm.problem}`);
      for (const op of operators)
        await this.notifications.notify({
          userId: op.id,
          template: 'mall_bill_mismatch',
          title: '微信支付对账不一致',
          body: `${date} 的微信支付账单与商城订单有 ${list.length} 处不一致，请核对：${lines.join('；')}`,
          data: { date1: date, thing2: `${list.length} 处不一致` },
        });
    }
  }

  /** order id → the unit of its product (whose operators are told). */
  private async ordersOf(mismatches: BillMismatch[]): Promise<Map<number, number>> {
    const ids = [...new Set(mismatches.map((m) => m.orderId).filter((id): id is number => id !== null))];
    if (!ids.length) return new Map();
    const orders = await this.ds.getRepository(MallOrder).findBy({ id: In(ids) });
    const products = await this.ds
      .getRepository(MallProduct)
      .findBy({ id: In([...new Set(orders.map((o) => o.productId))]) });
    const unitOf = new Map(products.map((p) => [p.id, p.orgUnitId]));
    return new Map(orders.map((o) => [o.id, unitOf.get(o.productId) ?? 0]));
  }
}
