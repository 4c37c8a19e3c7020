import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ageOn,
  validateIdCard,
  type AgreementResponse,
  type ApplicationDraft,
  type ApplicationDraftResponse,
  type MyApplicationResponse,
  type OrgUnitNode,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { OrgService } from '../org/org.service.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { toOrgSummary } from '../org/org.mapper.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { RosterMatchService } from '../roster/roster-match.service.js';
import { StationAssignmentService } from '../volunteers/station-assignment.service.js';
import { WechatApiClient } from '../wechat/wechat-api.client.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { Application } from './application.entity.js';
import { ApplicationGateService } from './application-gate.service.js';
import { ApplicationDraftRow } from './application-draft.entity.js';
import { currentAgreement } from './agreement.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { loadLookups, type LookupSources } from './application-lookups.js';
import { toMyApplication } from './applications.mapper.js';
import type { SubmitApplicationDto } from './applications.dto.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * The applicant's side of applying (docs/product.md#applications-and-review): the agreement, the server-side draft, submitting with every
 * automatic check (each its own error code), the green channel, and resubmitting after a rejection.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(enrolmentConfig.KEY) private readonly config: EnrolmentConfig,
    private readonly pii: PiiCipher,
    private readonly wechat: WechatApiClient,
    private readonly stations: StationAssignmentService,
    private readonly clock: Clock,
    private readonly gate: ApplicationGateService,
    private readonly roster: RosterMatchService,
    private readonly org: OrgService,
    private readonly companies: CompanyQueries,
    private readonly volunteers: VolunteerQueries,
  ) {}

  private get lookupSources(): LookupSources {
    return { org: this.org, companies: this.companies, volunteers: this.volunteers, roster: this.roster };
  }

  agreement(): AgreementResponse {
    return currentAgreement();
  }

  /** Stations with their communities, for the residence picker. */
  async communities(): Promise<OrgUnitNode[]> {
    const units = await this.org.findByLevels(['station', 'community']);
    const stations = units
      .filter((u) => u.level === 'station')
      .map((s) => ({ ...toOrgSummary(s), children: [] as OrgUnitNode[] }));
    const byId = new Map(stations.map((s) => [s.id, s]));
    for (const c of units.filter((u) => u.level === 'community'))
      byId.get(c.parentId!)?.children.push({ ...toOrgSummary(c), children: [] });
    return stations;
  }

  async getDraft(actor: Actor): Promise<ApplicationDraftResponse> {
    const row = await this.dataSource.getRepository(ApplicationDraftRow).findOneBy({ userId: actor.userId });
    if (!row) return { draft: null, updatedAt: null };
    return {
      draft: JSON.parse(this.pii.decrypt(row.dataEnc)) as ApplicationDraft,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async saveDraft(actor: Actor, draft: Record<string, unknown>): Promise<ApplicationDraftResponse> {
    const { phoneCode: _never, ...kept } = draft;
    const updatedAt = this.clock.now();
    await this.dataSource
      .getRepository(ApplicationDraftRow)
      .upsert({ userId: actor.userId, dataEnc: this.pii.encrypt(JSON.stringify(kept)), updatedAt }, ['userId']);
    return { draft: kept as ApplicationDraft, updatedAt: updatedAt.toISOString() };
  }

  async deleteDraft(actor: Actor): Promise<void> {
    await this.dataSource.getRepository(ApplicationDraftRow).delete({ userId: actor.userId });
  }

  async mine(actor: Actor): Promise<MyApplicationResponse | null> {
    const app = await this.dataSource
      .getRepository(Application)
      .findOne({ where: { userId: actor.userId }, order: { id: 'DESC' } });
    if (!app) return null;
    return toMyApplication(app, await loadLookups(this.lookupSources, [app]), this.pii);
  }

  async submit(actor: Actor, dto: SubmitApplicationDto): Promise<MyApplicationResponse> {
    const { phone, ...checked } = await this.check(actor, dto, null, null);
    const id = await this.dataSource
      .transaction(async (m) => {
        const now = this.clock.now();
        const res = await m.getRepository(Application).insert({
          ...checked,
          userId: actor.userId,
          status: 'pending_review',
          openKey: checked.idHash,
          phoneEnc: this.pii.encrypt(phone),
          phoneHash: this.pii.hash('phone', phone),
          agreementSignedAt: now,
          criminalCheckId: null,
          steps: [],
          rejectReason: null,
          resubmissions: 0,
          submittedAt: now,
          decidedAt: null,
          volunteerId: null,
          createdAt: now,
          updatedAt: now,
        });
        await m.getRepository(ApplicationDraftRow).delete({ userId: actor.userId });
        return res.identifiers[0].id as number;
      })
      .catch((err) => this.onDuplicate(err, actor, checked.idHash, phone, null));
    return this.byId(id);
  }

  /** Fix and resubmit a rejected application (same record, back to the first step). */
  async resubmit(actor: Actor, dto: SubmitApplicationDto): Promise<MyApplicationResponse> {
    const app = await this.dataSource
      .getRepository(Application)
      .findOne({ where: { userId: actor.userId }, order: { id: 'DESC' } });
    if (!app) throw AppException.notFound();
    if (app.status !== 'rejected') throw new AppException('APPLICATION_NOT_EDITABLE');
    const { phone, ...checked } = await this.check(actor, dto, app.id, app.phoneEnc);
    await this.dataSource
      .transaction(async (m) => {
        const now = this.clock.now();
        const res = await m.getRepository(Application).update(
          { id: app.id, status: 'rejected' },
          {
            ...checked,
            status: 'pending_review',
            openKey: checked.idHash,
            phoneEnc: this.pii.encrypt(phone),
            phoneHash: this.pii.hash('phone', phone),
            agreementSignedAt: now,
            criminalCheckId: null,
            rejectReason: null,
            resubmissions: app.resubmissions + 1,
            submittedAt: now,
            decidedAt: null,
            updatedAt: now,
          },
        );
        if (!res.affected) throw new AppException('APPLICATION_NOT_EDITABLE');
        await m.getRepository(ApplicationDraftRow).delete({ userId: actor.userId });
      })
      .catch((err) => this.onDuplicate(err, actor, checked.idHash, phone, app.id));
    return this.byId(app.id);
  }

  /** Two simultaneous submissions for one ID number: the unique open key lets one through; the other is answered as the gate answers. */
  private async onDuplicate(
    err: unknown,
    actor: Actor,
    idHash: string,
    phone: string,
    resubmittingId: number | null,
  ): Promise<never> {
    if (!isDuplicateKey(err)) throw err;
    await this.gate.assertIdNumberFree(actor, idHash, phone, resubmittingId);
    throw new AppException('APPLICATION_ALREADY_PENDING');
  }

  private async byId(id: number): Promise<MyApplicationResponse> {
    const app = await this.dataSource.getRepository(Application).findOneByOrFail({ id });
    return toMyApplication(app, await loadLookups(this.lookupSources, [app]), this.pii);
  }

  private async verifiedPhone(phoneCode: string | undefined, previousEnc: string | null): Promise<string> {
    if (phoneCode) return this.wechat.getPhoneNumber(phoneCode);
    const previous = this.pii.decrypt(previousEnc);
    if (!previous) throw new AppException('PHONE_VERIFICATION_REQUIRED', { field: 'phoneCode' });
    return previous;
  }

  /** Every automatic check on submit (docs/product.md#applications-and-review), in the order a person would fix them. */
  private async check(
    actor: Actor,
    dto: SubmitApplicationDto,
    resubmittingId: number | null,
    previousPhoneEnc: string | null,
  ) {
    const { idNumber, info, agreement } = this.checkForm(dto);
    const idHash = this.pii.hash('id_number', idNumber);
    // docs/product.md#applications-and-review: count the attempt, verify the phone, and only then look the ID number up.
    await this.gate.countAttempt(actor, idHash);
    const phone = await this.verifiedPhone(dto.phoneCode, previousPhoneEnc);
    await this.gate.assertIdNumberFree(actor, idHash, phone, resubmittingId);

    const { companyId, siteId } = await this.guardWorkplace(dto);
    const community = await this.residenceCommunity(dto);
    if (!siteId && !community && !dto.location) throw new AppException('APPLICATION_LOCATION_REQUIRED');
    const choice = await this.stations.chooseStation(this.dataSource.manager, {
      siteId,
      residenceCommunityId: community?.id,
      location: dto.location,
    });
    if (!choice) throw new AppException('NO_STATION_FOUND');
    // The community officer reviews when the applicant lives in the managing station's area.
    const reviewUnit = community && community.parentId === choice.station.id ? community : choice.station;

    const name = dto.name.replace(/\s+/g, '');
    const guard = await this.roster.certifiedGuard(idHash, name);
    const green = !!guard;
    return {
      phone,
      name,
      idEnc: this.pii.encrypt(idNumber),
      idHash,
      birthDate: info.birthDate,
      sex: info.sex,
      occupation: dto.occupation,
      companyId,
      siteId,
      residenceCommunityId: community?.id ?? null,
      lat: dto.location?.lat ?? null,
      lng: dto.location?.lng ?? null,
      stationId: choice.station.id,
      assignmentRule: choice.rule,
      reviewOrgUnitId: reviewUnit.id,
      orgPath: reviewUnit.path,
      skills: dto.skills.map((s) => ({
        name: s.name,
        certificateNo: s.certificateNo ?? null,
        expiresOn: s.expiresOn ?? null,
      })),
      declarations: { noCriminalRecord: true, physicallyFit: true },
      agreementVersion: agreement.version,
      green,
      rosterGuardId: guard?.guardId ?? null,
    };
  }

  /** The checks the form alone answers: the ID number, the age it gives, the declarations and the agreement. */
  private checkForm(dto: SubmitApplicationDto) {
    const idNumber = dto.idNumber.replace(/\s+/g, '').toUpperCase();
    const id = validateIdCard(idNumber);
    if (!id.ok) {
      const code =
        id.problem === 'format'
          ? 'ID_NUMBER_INVALID_FORMAT'
          : id.problem === 'birth_date'
            ? 'ID_NUMBER_INVALID_BIRTH_DATE'
            : 'ID_NUMBER_INVALID_CHECK_DIGIT';
      throw new AppException(code, { field: 'idNumber' });
    }
    const age = ageOn(id.info.birthDate, this.clock.today());
    if (age < this.config.minAge)
      throw new AppException('APPLICANT_TOO_YOUNG', { age, min: this.config.minAge, max: this.config.maxAge });
    if (age > this.config.maxAge)
      throw new AppException('APPLICANT_TOO_OLD', { age, min: this.config.minAge, max: this.config.maxAge });
    if (!dto.declarations.noCriminalRecord)
      throw new AppException('DECLARATION_NO_CRIMINAL_RECORD_REQUIRED', { field: 'declarations.noCriminalRecord' });
    if (!dto.declarations.physicallyFit)
      throw new AppException('DECLARATION_FITNESS_REQUIRED', { field: 'declarations.physicallyFit' });
    if (!dto.agreementSigned) throw new AppException('AGREEMENT_NOT_SIGNED', { field: 'agreementSigned' });
    const agreement = currentAgreement();
    if (dto.agreementVersion !== agreement.version)
      throw new AppException('AGREEMENT_VERSION_OUTDATED', { current: agreement.version });
    return { idNumber, info: id.info, agreement };
  }

  /** A security guard names the company and the site they guard; anyone else names neither. */
  private async guardWorkplace(
    dto: SubmitApplicationDto,
  ): Promise<{ companyId: number | null; siteId: number | null }> {
    if (dto.occupation !== 'security_guard') return { companyId: null, siteId: null };
    if (!dto.companyId || !dto.siteId)
      throw new AppException('COMPANY_REQUIRED_FOR_GUARD', { field: dto.companyId ? 'siteId' : 'companyId' });
    const company = await this.companies.findById(dto.companyId);
    if (!company) throw AppException.notFound({ companyId: dto.companyId });
    const site = await this.companies.findSiteById(dto.siteId);
    if (!site || site.companyId !== company.id) throw new AppException('SITE_NOT_OF_COMPANY', { field: 'siteId' });
    return { companyId: company.id, siteId: site.id };
  }

  private async residenceCommunity(dto: SubmitApplicationDto): Promise<OrgUnitRecord | null> {
    if (!dto.residenceCommunityId) return null;
    const community = await this.org.findById(dto.residenceCommunityId);
    if (!community) throw AppException.notFound({ residenceCommunityId: dto.residenceCommunityId });
    if (community.level !== 'community')
      throw new AppException('ORG_UNIT_NOT_COMMUNITY', { field: 'residenceCommunityId' });
    return community;
  }
}
