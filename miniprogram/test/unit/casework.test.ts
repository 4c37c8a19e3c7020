import { describe, expect, it } from 'vitest';
import {
  disputeDraftError,
  disputeRequest,
  emptyDisputeDraft,
  emptyReportDraft,
  incidentFlags,
  reportDraftError,
  reportRequest,
} from '../../src/logic/casework';

describe('the new dispute form', () => {
  it('asks for a type, a named party, a valid phone if any, a place and what happened', () => {
    const d = emptyDisputeDraft();
    expect(disputeDraftError(d)).toBe('请选择纠纷类型');
    d.type = 'neighbour';
    expect(disputeDraftError(d)).toBe('请至少填写一位当事人的姓名');
    d.parties = [
      { name: ' 张三 ', phone: '12345' },
      { name: '', phone: '' },
    ];
    expect(disputeDraftError(d)).toMatch(/11 位/);
    d.parties[0].phone = '13912345678';
    expect(disputeDraftError(d)).toBe('请填写纠纷地点');
    d.address = '平湖小区';
    d.description = '吵';
    expect(disputeDraftError(d)).toBe('请写明纠纷情况');
    d.description = '楼上漏水';
    expect(disputeDraftError(d)).toBeNull();
    expect(disputeRequest(d)).toEqual({
      type: 'neighbour',
      parties: [{ name: '张三', phone: '13912345678' }],
      place: { address: '平湖小区' },
      description: '楼上漏水',
    });
  });
});

describe('the major-event report form', () => {
  it('starts at the Shanghai date and time of now, also at 23:30 UTC (07:30 the next morning)', () => {
    const d = emptyReportDraft(new Date('2026-11-30T23:30:00Z'), () => 0.5);
    expect([d.date, d.time]).toEqual(['2026-12-01', '07:30']);
    expect(d.clientRequestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('refuses an event in the future and sends the event time as an instant', () => {
    const now = new Date('2026-11-30T15:30:00Z');
    const d = {
      ...emptyReportDraft(now),
      category: 'urgent' as const,
      subcategory: '火灾',
      place: '仓库',
      content: '起火',
    };
    expect(reportDraftError(d, now)).toBeNull();
    expect(reportDraftError({ ...d, date: '2026-12-01', time: '08:00' }, now)).toBe('事发时间不能晚于现在');
    expect(reportDraftError({ ...d, subcategory: '' }, now)).toMatch(/事项类别/);
    const req = reportRequest({ ...d, date: '2026-11-30', time: '22:00' });
    expect(req.occurredAt).toBe('2026-11-30T14:00:00.000Z');
    expect(req.people).toBeNull();
  });

  it('names the flags in words', () => {
    expect(incidentFlags({ late: true, acknowledgeOverdue: true })).toEqual(['超时报送', '超时未受理']);
    expect(incidentFlags({ late: false, acknowledgeOverdue: false })).toEqual([]);
  });
});
