import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignupCheckinConfirmedIndexes1796065371653 implements MigrationInterface {
  name = 'SignupCheckinConfirmedIndexes1796065371653';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_066dd0e6eece5b9205647505e9\` ON \`activity_signups\` (\`checkinAt\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_0a989e2098b2e23c5e559fc62c\` ON \`activity_signups\` (\`confirmedAt\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_0a989e2098b2e23c5e559fc62c\` ON \`activity_signups\``);
    await queryRunner.query(`DROP INDEX \`IDX_066dd0e6eece5b9205647505e9\` ON \`activity_signups\``);
  }
}
