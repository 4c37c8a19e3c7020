import { useState } from 'react';
import Taro from '@tarojs/taro';
import { INCIDENT_ATTACHMENT_PURPOSE, INCIDENT_MAX_ATTACHMENTS, type IncidentReportResponse } from '@jianghuai/shared';
import { errorText } from '../../hooks/useResource';
import { useUpload } from '../../hooks/useUpload';
import { emptyReportDraft, reportDraftError, reportRequest, type ReportDraft } from '../../logic/casework';
import { isPrivacyRefusal, privacyRefusalMessage } from '../../logic/privacy';
import { ensurePrivacy } from '../../services/privacy';
import { fileIncidentReport } from '../../services/casework';

/** The report form: fields, pictures on their way, and the send (the same request number on every retry). */
export function useReportForm() {
  const [draft, setDraft] = useState<ReportDraft>(() => emptyReportDraft(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<IncidentReportResponse | null>(null);
  const upload = useUpload(INCIDENT_ATTACHMENT_PURPOSE);
  const update = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const pickPictures = async () => {
    setError(null);
    try {
      await ensurePrivacy('photo');
      const left = INCIDENT_MAX_ATTACHMENTS - upload.photos.length;
      const res = await Taro.chooseImage({ count: Math.max(1, left), sizeType: ['compressed'] });
      upload.add(res.tempFilePaths.slice(0, left));
    } catch (caught) {
      if (isPrivacyRefusal(caught)) setError(privacyRefusalMessage('photo', '添加图片'));
    }
  };

  const submit = async () => {
    const problem = reportDraftError(draft, new Date());
    if (problem) return setError(problem);
    if (upload.photos.some((p) => p.status !== 'done')) return setError('图片还在上传，请稍等或删除上传失败的图片');
    const attachmentIds = upload.photos.flatMap((p) => (p.status === 'done' ? [p.file.id] : []));
    setSending(true);
    setError(null);
    try {
      setSent(await fileIncidentReport(reportRequest({ ...draft, attachmentIds })));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };

  return { draft, update, error, sending, sent, upload, pickPictures, submit };
}
