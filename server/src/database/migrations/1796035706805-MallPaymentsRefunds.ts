import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The mall's WeChat Pay attempts and refunds, and the order's paid time and refund fields (docs/mall.md#payment). */
export class MallPaymentsRefunds1796035706805 implements MigrationInterface {
  name = 'MallPaymentsRefunds1796035706805';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`mall_payments\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`attempt\` int NOT NULL, \`outTradeNo\` varchar(32) NOT NULL, \`amountFen\` int NOT NULL, \`state\` enum ('prepaid', 'paid', 'closed') NOT NULL, \`prepayId\` varchar(64) NULL, \`createdAt\` datetime(3) NOT NULL, \`paidAt\` datetime(3) NULL, \`transactionId\` varchar(32) NULL, UNIQUE INDEX \`IDX_371e907fe999592c9e2c60062d\` (\`outTradeNo\`), INDEX \`IDX_590702b1f1fec937dac2e853e5\` (\`state\`, \`createdAt\`), UNIQUE INDEX \`IDX_af34eb56989fccff69dd8df2ed\` (\`orderId\`, \`attempt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`mall_refunds\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orderId\` int NOT NULL, \`paymentId\` int NOT NULL, \`outTradeNo\` varchar(32) NOT NULL, \`outRefundNo\` varchar(64) NOT NULL, \`amountFen\` int NOT NULL, \`kind\` enum ('operator', 'automatic') NOT NULL, \`state\` enum ('processing', 'succeeded', 'failed') NOT NULL, \`reason\` varchar(100) NOT NULL, \`requestedByUserId\` int NULL, \`createdAt\` datetime(3) NOT NULL, \`finishedAt\` datetime(3) NULL, \`refundId\` varchar(64) NULL, INDEX \`IDX_2edaaf9cca0140261db0f841de\` (\`orderId\`), UNIQUE INDEX \`IDX_2e664c3b3462f9d55acd4f060f\` (\`outRefundNo\`), INDEX \`IDX_84e7317ad1522e1d402a6afd25\` (\`state\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`paidAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`refundStatus\` enum ('processing', 'succeeded', 'failed') NULL`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`refundReason\` varchar(100) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`refundReason\``);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`refundStatus\``);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`paidAt\``);
    await queryRunner.query(`DROP INDEX \`IDX_84e7317ad1522e1d402a6afd25\` ON \`mall_refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e664c3b3462f9d55acd4f060f\` ON \`mall_refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_2edaaf9cca0140261db0f841de\` ON \`mall_refunds\``);
    await queryRunner.query(`DROP TABLE \`mall_refunds\``);
    await queryRunner.query(`DROP INDEX \`IDX_af34eb56989fccff69dd8df2ed\` ON \`mall_payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_590702b1f1fec937dac2e853e5\` ON \`mall_payments\``);
    await queryRunner.query(`DROP INDEX \`IDX_371e907fe999592c9e2c60062d\` ON \`mall_payments\``);
    await queryRunner.query(`DROP TABLE \`mall_payments\``);
  }
}
