/**
 * WeChat Pay (docs/payments.md): the routes WeChat Pay posts its notifications to. No page calls them;
 * WeChat's servers do, with a signed and encrypted body.
 */
export const PAY_ROUTES = {
  /** a payment's result (TRANSACTION.SUCCESS …) */
  notifyTransaction: '/pay/notify/transaction',
  /** a refund's result (REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED) */
  notifyRefund: '/pay/notify/refund',
} as const;
