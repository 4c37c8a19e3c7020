import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnitContacts1796014584969 implements MigrationInterface {
  name = 'UnitContacts1796014584969';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`unit_contacts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`orgUnitId\` int NOT NULL, \`kind\` enum ('responsible', 'liaison') NOT NULL, \`name\` varchar(32) NOT NULL, \`title\` varchar(32) NOT NULL, \`phoneEnc\` varchar(255) NOT NULL, \`phoneHash\` varchar(64) NOT NULL, \`updatedBy\` int NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_6552a4478d75b3b83d0e2b0629\` (\`phoneHash\`), UNIQUE INDEX \`IDX_5bf80ea8c8bf6d4ab23e231c16\` (\`orgUnitId\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`unit_contacts\` ADD CONSTRAINT \`FK_df8768c2545e059c60739802632\` FOREIGN KEY (\`orgUnitId\`) REFERENCES \`org_units\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`unit_contacts\` DROP FOREIGN KEY \`FK_df8768c2545e059c60739802632\``);
    await queryRunner.query(`DROP INDEX \`IDX_5bf80ea8c8bf6d4ab23e231c16\` ON \`unit_contacts\``);
    await queryRunner.query(`DROP INDEX \`IDX_6552a4478d75b3b83d0e2b0629\` ON \`unit_contacts\``);
    await queryRunner.query(`DROP TABLE \`unit_contacts\``);
  }
}
