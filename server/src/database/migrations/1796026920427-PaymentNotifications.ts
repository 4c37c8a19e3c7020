import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentNotifications1796026920427 implements MigrationInterface {
  name = 'PaymentNotifications1796026920427';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`payment_notifications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`notificationId\` varchar(64) NOT NULL, \`eventType\` varchar(40) NOT NULL, \`kind\` varchar(16) NOT NULL, \`outTradeNo\` varchar(32) NOT NULL, \`outRefundNo\` varchar(64) NULL, \`state\` varchar(32) NOT NULL, \`amountFen\` int NULL, \`wechatId\` varchar(64) NULL, \`resource\` text NOT NULL, \`receivedAt\` datetime(3) NOT NULL, INDEX \`IDX_513cda86557254cdac820bcede\` (\`outTradeNo\`), UNIQUE INDEX \`IDX_cdfcddd3310ab4a0eea6c07cbd\` (\`notificationId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_cdfcddd3310ab4a0eea6c07cbd\` ON \`payment_notifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_513cda86557254cdac820bcede\` ON \`payment_notifications\``);
    await queryRunner.query(`DROP TABLE \`payment_notifications\``);
  }
}
