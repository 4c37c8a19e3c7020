import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HonestyFlags1796050116485 implements MigrationInterface {
  name = 'HonestyFlags1796050116485';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`honesty_flags\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` enum ('rapid_checkins', 'attendance_without_checkin', 'hours_over_window', 'roster_name_mismatch') NOT NULL, \`recordKey\` varchar(64) NOT NULL, \`orgUnitId\` int NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`summary\` varchar(500) NOT NULL, \`links\` text NOT NULL, \`occurredAt\` datetime(3) NOT NULL, \`detectedAt\` datetime(3) NOT NULL, \`status\` enum ('open', 'dismissed') NOT NULL, \`dismissReason\` varchar(200) NULL, \`dismissedByUserId\` int NULL, \`dismissedByName\` varchar(64) NULL, \`dismissedAt\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`IDX_8da83d6af3d94eaa9de254428b\` (\`orgPath\`), INDEX \`IDX_8cc98b85306fa2ab2395923203\` (\`status\`, \`id\`), UNIQUE INDEX \`IDX_5fd61242eba783d5a036a3d7ba\` (\`kind\`, \`recordKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`honesty_watermarks\` (\`source\` varchar(32) NOT NULL, \`markAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`source\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`honesty_watermarks\``);
    await queryRunner.query(`DROP INDEX \`IDX_5fd61242eba783d5a036a3d7ba\` ON \`honesty_flags\``);
    await queryRunner.query(`DROP INDEX \`IDX_8cc98b85306fa2ab2395923203\` ON \`honesty_flags\``);
    await queryRunner.query(`DROP INDEX \`IDX_8da83d6af3d94eaa9de254428b\` ON \`honesty_flags\``);
    await queryRunner.query(`DROP TABLE \`honesty_flags\``);
  }
}
