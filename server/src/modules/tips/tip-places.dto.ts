import { OmitType } from '@nestjs/swagger';
import { AdminTipQueryDto } from './tips.dto.js';

/** The queue's filters (status, category, urgency, submission dates, station) without paging. */
export class TipPlacesQueryDto extends OmitType(AdminTipQueryDto, ['page', 'pageSize'] as const) {}
