import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PointsLotsDebtsExpiry1796035731959 implements MigrationInterface {
  name = 'PointsLotsDebtsExpiry1796035731959';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`points_lots\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`entryId\` int NOT NULL, \`awardingOrgId\` int NOT NULL, \`awardingOrgPath\` varchar(255) NOT NULL, \`amount\` int NOT NULL, \`remaining\` int NOT NULL, \`expiresAt\` datetime(3) NULL, \`expiryNoticeAt\` datetime(3) NULL, \`version\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_c1bb71d48fb9b65c2366e03257\` (\`entryId\`), INDEX \`IDX_17f35bf3ad7bb2880310b448cf\` (\`expiresAt\`, \`remaining\`), INDEX \`IDX_fc199c4d9634581bc508b6e914\` (\`awardingOrgPath\`, \`remaining\`), INDEX \`IDX_ca0ac57f55c3ac546950e447d4\` (\`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`points_lot_uses\` (\`id\` int NOT NULL AUTO_INCREMENT, \`lotId\` int NOT NULL, \`entryId\` int NOT NULL, \`amount\` int NOT NULL, \`restoredByEntryId\` int NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_59b0d35c7547d25867f2619d96\` (\`lotId\`), INDEX \`IDX_2108a19d50628b3c2e802d69fb\` (\`entryId\`, \`lotId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`points_accounts\` ADD \`debt\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`points_accounts\` ADD \`version\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`points_ledger_entries\` CHANGE \`type\` \`type\` enum ('activity', 'tip', 'callup', 'training', 'commendation', 'redemption', 'refund', 'adjustment', 'expiry', 'reversal', 'debt_repayment') NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`points_ledger_entries\` CHANGE \`type\` \`type\` enum ('activity', 'tip', 'callup', 'training', 'commendation', 'redemption', 'refund', 'adjustment', 'expiry', 'reversal') NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`points_accounts\` DROP COLUMN \`version\``);
    await queryRunner.query(`ALTER TABLE \`points_accounts\` DROP COLUMN \`debt\``);
    await queryRunner.query(`DROP INDEX \`IDX_2108a19d50628b3c2e802d69fb\` ON \`points_lot_uses\``);
    await queryRunner.query(`DROP INDEX \`IDX_59b0d35c7547d25867f2619d96\` ON \`points_lot_uses\``);
    await queryRunner.query(`DROP TABLE \`points_lot_uses\``);
    await queryRunner.query(`DROP INDEX \`IDX_ca0ac57f55c3ac546950e447d4\` ON \`points_lots\``);
    await queryRunner.query(`DROP INDEX \`IDX_fc199c4d9634581bc508b6e914\` ON \`points_lots\``);
    await queryRunner.query(`DROP INDEX \`IDX_17f35bf3ad7bb2880310b448cf\` ON \`points_lots\``);
    await queryRunner.query(`DROP INDEX \`IDX_c1bb71d48fb9b65c2366e03257\` ON \`points_lots\``);
    await queryRunner.query(`DROP TABLE \`points_lots\``);
  }
}
