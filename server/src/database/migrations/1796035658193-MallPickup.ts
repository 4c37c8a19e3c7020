import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MallPickup1796035658193 implements MigrationInterface {
  name = 'MallPickup1796035658193';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`readyAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`completedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`pickupCode\` varchar(8) NULL`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD UNIQUE INDEX \`IDX_e020b62e52c15c1df3319581af\` (\`pickupCode\`)`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`verifiedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` ADD \`verifiedByUserId\` int NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`verifiedByUserId\``);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`verifiedAt\``);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP INDEX \`IDX_e020b62e52c15c1df3319581af\``);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`pickupCode\``);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`completedAt\``);
    await queryRunner.query(`ALTER TABLE \`mall_orders\` DROP COLUMN \`readyAt\``);
  }
}
