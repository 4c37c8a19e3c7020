import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Uploads1796025693310 implements MigrationInterface {
  name = 'Uploads1796025693310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`files\` (\`id\` varchar(32) NOT NULL, \`purpose\` varchar(40) NOT NULL, \`ownerUserId\` int NOT NULL, \`mime\` varchar(60) NOT NULL, \`sourceMime\` varchar(60) NOT NULL, \`bytes\` int NOT NULL, \`width\` int NOT NULL, \`height\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`attachedTo\` varchar(80) NULL, \`deletedAt\` datetime(3) NULL, INDEX \`IDX_8ddbfc592b2d6ebc3f305a7a44\` (\`ownerUserId\`), INDEX \`IDX_6a3c1e43b21843ee85657d01da\` (\`attachedTo\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`file_upload_days\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`uploads\` int NOT NULL, UNIQUE INDEX \`UQ_file_upload_days_user_day\` (\`userId\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_file_upload_days_user_day\` ON \`file_upload_days\``);
    await queryRunner.query(`DROP TABLE \`file_upload_days\``);
    await queryRunner.query(`DROP INDEX \`IDX_6a3c1e43b21843ee85657d01da\` ON \`files\``);
    await queryRunner.query(`DROP INDEX \`IDX_8ddbfc592b2d6ebc3f305a7a44\` ON \`files\``);
    await queryRunner.query(`DROP TABLE \`files\``);
  }
}
