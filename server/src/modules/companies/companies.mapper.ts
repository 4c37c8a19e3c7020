import { maskPhone, type CompanyOption, type CompanyResponse, type ServiceSiteResponse } from '@jianghuai/shared';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toOrgSummary } from '../org/org.mapper.js';
import type { Company } from './company.entity.js';
import type { ServiceSite } from './service-site.entity.js';

export function toSiteResponse(s: ServiceSite): ServiceSiteResponse {
  return {
    id: s.id,
    companyId: s.companyId,
    name: s.name,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    station: toOrgSummary(s.station!),
  };
}

export function toCompanyResponse(c: Company, pii: PiiCipher): CompanyResponse {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    creditCode: c.creditCode,
    homeStation: toOrgSummary(c.homeStation!),
    contactName: c.contactName,
    contactPhone: maskPhone(pii.decrypt(c.contactPhoneEnc)),
    equipment: c.equipment ?? {},
    sites: (c.sites ?? []).sort((a, b) => a.id - b.id).map(toSiteResponse),
    managerUserId: c.managerUserId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toCompanyOption(c: Company): CompanyOption {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    sites: (c.sites ?? [])
      .sort((a, b) => a.id - b.id)
      .map((s) => ({ id: s.id, name: s.name, address: s.address, stationName: s.station?.name ?? '' })),
  };
}
