import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgreementResponse, CompanyOption, MyApplicationResponse, OrgUnitNode } from '@jianghuai/shared';
import {
  draftHasContent,
  emptyForm,
  formFromApplication,
  fromDraft,
  newerDraft,
  placeServerError,
  toDraft,
  toSubmitRequest,
  validateStep,
  type ApplicationForm,
  type FieldErrors,
  type Step,
} from '../logic/application-form';
import {
  askResultConsent,
  deleteServerDraft,
  fetchAgreement,
  fetchCommunities,
  fetchCompanyOptions,
  fetchMyApplication,
  fetchServerDraft,
  lastSent,
  localDraft,
  resubmitApplication,
  saveServerDraft,
  submitApplication,
} from '../services/applications';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';
import { fetchMe } from '../services/auth';
import { session } from './useSession';

export type LoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** An application exists that is not being corrected: the status page shows it. */
  | { status: 'hasApplication'; application: MyApplicationResponse }
  | { status: 'ready' };

/** Whether the latest change reached the server too, or only this phone. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'localOnly';

export interface ApplicationFormState {
  load: LoadState;
  form: ApplicationForm;
  errors: FieldErrors;
  restored: boolean;
  resubmitting: boolean;
  saveState: SaveState;
  phoneCode: string | null;
  agreement: AgreementResponse | null;
  companies: CompanyOption[];
  communities: OrgUnitNode[];
  submitting: boolean;
  reload: () => void;
  change: (patch: Partial<ApplicationForm>) => void;
  setPhoneCode: (code: string | null) => void;
  next: () => void;
  back: () => void;
  goTo: (step: Step) => void;
  submit: () => Promise<MyApplicationResponse | null>;
}

const SERVER_SAVE_DELAY_MS = 800;

const messageOf = (error: unknown) => (error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE);

/**
 * The application form with its draft: every change is written to this phone at once and to the
 * server's draft endpoint shortly after, so closing the app or losing the network loses nothing.
 */
export function useApplicationForm({ resubmit }: { resubmit: boolean }): ApplicationFormState {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [form, setForm] = useState<ApplicationForm>(emptyForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [restored, setRestored] = useState(false);
  const [resubmitting, setResubmitting] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [phoneCode, setPhoneCode] = useState<string | null>(null);
  const [agreement, setAgreement] = useState<AgreementResponse | null>(null);
  const [companies, setCompanies] = useState<CompanyOption[]>([]);
  const [communities, setCommunities] = useState<OrgUnitNode[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef(form);
  /** Whose draft this is (local keys are per person). */
  const userId = useRef(0);
  formRef.current = form;

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const current = session.get();
      userId.current = current.status === 'signedIn' ? current.me.id : (await fetchMe()).id;
      const [mine, agreementText, companyOptions, communityTree] = await Promise.all([
        fetchMyApplication(),
        fetchAgreement(),
        fetchCompanyOptions(),
        fetchCommunities(),
      ]);
      setAgreement(agreementText);
      setCompanies(companyOptions);
      setCommunities(communityTree);
      const correcting = !!mine && mine.status === 'rejected' && resubmit;
      if (mine && !correcting) {
        setLoad({ status: 'hasApplication', application: mine });
        return;
      }
      const server = await fetchServerDraft().catch(() => null);
      const draft = newerDraft(localDraft.read(userId.current), server);
      const fromSaved = draft ? fromDraft(draft) : null;
      let initial: ApplicationForm;
      if (fromSaved && draftHasContent(fromSaved)) initial = fromSaved;
      else if (correcting && mine) initial = formFromApplication(mine, lastSent.read(userId.current));
      else initial = emptyForm();
      setRestored(!!fromSaved && draftHasContent(fromSaved));
      setResubmitting(correcting);
      setForm(initial);
      setLoad({ status: 'ready' });
    } catch (error) {
      setLoad({ status: 'error', message: messageOf(error) });
    }
  }, [resubmit]);

  useEffect(() => {
    void start();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [start]);

  const persist = useCallback((next: ApplicationForm) => {
    const draft = toDraft(next);
    localDraft.write(userId.current, draft);
    setSaveState('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      saveServerDraft(draft)
        .then(() => setSaveState('saved'))
        .catch(() => setSaveState('localOnly'));
    }, SERVER_SAVE_DELAY_MS);
  }, []);

  const update = useCallback(
    (next: ApplicationForm) => {
      setForm(next);
      persist(next);
    },
    [persist],
  );

  const change = useCallback(
    (patch: Partial<ApplicationForm>) => {
      const next = { ...formRef.current, ...patch };
      update(next);
      // A field the person just changed no longer shows its old complaint.
      setErrors((prev) => {
        const copy = { ...prev };
        for (const key of Object.keys(patch)) delete copy[key as keyof FieldErrors];
        if ('declarations' in patch) delete copy.noCriminalRecord;
        if ('agreementSigned' in patch) delete copy.agreement;
        delete copy.form;
        return copy;
      });
    },
    [update],
  );

  const ctx = { phoneReady: !!phoneCode || resubmitting, agreementVersion: agreement?.version ?? null };

  const goTo = (step: Step) => {
    setRestored(false);
    update({ ...formRef.current, step });
  };

  const next = () => {
    const found = validateStep(formRef.current, formRef.current.step, ctx);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (formRef.current.step < 4) goTo((formRef.current.step + 1) as Step);
  };

  const back = () => {
    setErrors({});
    if (formRef.current.step > 1) goTo((formRef.current.step - 1) as Step);
  };

  const submit = async (): Promise<MyApplicationResponse | null> => {
    for (const step of [1, 2, 3, 4] as Step[]) {
      const found = validateStep(formRef.current, step, ctx);
      if (Object.keys(found).length) {
        setErrors(found);
        if (step !== formRef.current.step) goTo(step);
        return null;
      }
    }
    // WeChat only shows the consent dialog from a tap: ask before any other wait.
    await askResultConsent();
    setSubmitting(true);
    setErrors({});
    const body = toSubmitRequest(formRef.current, phoneCode);
    try {
      const result = resubmitting ? await resubmitApplication(body) : await submitApplication(body);
      lastSent.write(userId.current, toDraft(formRef.current));
      localDraft.clear(userId.current);
      if (timer.current) clearTimeout(timer.current);
      void deleteServerDraft().catch(() => undefined);
      return result;
    } catch (error) {
      if (!(error instanceof HttpError) || error.isNetworkError) {
        setErrors({ form: `${NETWORK_ERROR_MESSAGE}。您填写的内容已保存在手机上，恢复网络后再点“提交申请”即可。` });
        return null;
      }
      const placed = placeServerError(error);
      // A phone code is spent once: after any refusal, a fresh one is needed.
      if (placed.field === 'phone') setPhoneCode(null);
      if (error.code === 'AGREEMENT_VERSION_OUTDATED') {
        void fetchAgreement().then(setAgreement).catch(() => undefined);
        update({ ...formRef.current, agreementSigned: false, agreementVersion: null });
      }
      setErrors({ [placed.field]: placed.message });
      if (placed.step !== formRef.current.step) goTo(placed.step);
      return null;
    } finally {
      setSubmitting(false);
    }
  };

  return {
    load,
    form,
    errors,
    restored,
    resubmitting,
    saveState,
    phoneCode,
    agreement,
    companies,
    communities,
    submitting,
    reload: () => void start(),
    change,
    setPhoneCode: (code) => {
      setPhoneCode(code);
      if (code) setErrors(({ phone: _gone, ...rest }) => rest);
    },
    next,
    back,
    goTo,
    submit,
  };
}
