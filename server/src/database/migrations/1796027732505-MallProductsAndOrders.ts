import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MallProductsAndOrders1796027732505 implements MigrationInterface {
  name = 'MallProductsAndOrders1796027732505';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`mall_products\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(60) NOT NULL, \`category\` varchar(30) NOT NULL, \`description\` varchar(2000) NOT NULL, \`imageIds\` text NOT NULL, \`pointsPrice\` int NOT NULL, \`cashFen\` int NOT NULL, \`stock\` int NOT NULL, \`perPersonLimit\` int NULL, \`onShelf\` tinyint NOT NULL, \`pickupStationIds\` text NOT NULL, \`delivery\` tinyint NOT NULL, \`orgUnitId\` int NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`createdByUserId\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_d3e9a80a03d0a6bbaf42e7b684\` (\`orgPath\`), INDEX \`IDX_1cda549f91636fea4a73b0c391\` (\`onShelf\`, \`category\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`mall_orders\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`productId\` int NOT NULL, \`productName\` varchar(60) NOT NULL, \`quantity\` int NOT NULL, \`pointsTotal\` int NOT NULL, \`cashFenTotal\` int NOT NULL, \`status\` enum ('pending_payment', 'paid', 'ready', 'completed', 'cancelled', 'refunded') NOT NULL, \`pickupStationId\` int NULL, \`orgPath\` varchar(255) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`cancelledAt\` datetime(3) NULL, INDEX \`IDX_a3233697ca091c90ce482e57f2\` (\`productId\`), INDEX \`IDX_58327f3ddbf7a5b060b7ccee64\` (\`orgPath\`), INDEX \`IDX_21d4675bf395bd82bd8f87e1d1\` (\`status\`, \`createdAt\`), UNIQUE INDEX \`IDX_c2250e864a502fa7fa21d16ab9\` (\`userId\`, \`clientRequestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`mall_holdings\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`productId\` int NOT NULL, \`held\` int NOT NULL, UNIQUE INDEX \`IDX_03dc5c043cd19e3ffe55ddaebb\` (\`userId\`, \`productId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_03dc5c043cd19e3ffe55ddaebb\` ON \`mall_holdings\``);
    await queryRunner.query(`DROP TABLE \`mall_holdings\``);
    await queryRunner.query(`DROP INDEX \`IDX_c2250e864a502fa7fa21d16ab9\` ON \`mall_orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_21d4675bf395bd82bd8f87e1d1\` ON \`mall_orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_58327f3ddbf7a5b060b7ccee64\` ON \`mall_orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_a3233697ca091c90ce482e57f2\` ON \`mall_orders\``);
    await queryRunner.query(`DROP TABLE \`mall_orders\``);
    await queryRunner.query(`DROP INDEX \`IDX_1cda549f91636fea4a73b0c391\` ON \`mall_products\``);
    await queryRunner.query(`DROP INDEX \`IDX_d3e9a80a03d0a6bbaf42e7b684\` ON \`mall_products\``);
    await queryRunner.query(`DROP TABLE \`mall_products\``);
  }
}
