import { useCallback, useEffect, useRef, useState } from 'react';
import {
  DEFAULT_APPLICANT_AGE,
  type AgreementResponse,
  type CompanyOption,
  type MyApplicationResponse,
  type OrgUnitNode,
} from '@jianghuai/shared';
import {
  draftHasContent,
  shanghaiToday,
  usablePhone,
  type AgeRule,
  type PhoneVerification,
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
  clearApplicationStorage,
  deleteServerDraft,
  fetchApplicantAge,
  fetchAgreement,
  fetchCommunities,
  fetchCompanyOptions,
  fetchMyApplication,
  fetchServerDraft,
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
  /** The first companies by name (no search typed). */
  companies: CompanyOption[];
  /** The chosen company with its sites, also when it is not among the first ones. */
  selectedCompany: CompanyOption | null;
  /** The age bounds the server checks, with today's date: checked at the ID step. */
  ageRule: AgeRule;
  communities: OrgUnitNode[];
  submitting: boolean;
  reload: () => void;
  change: (patch: Partial<ApplicationForm>) => void;
  pickCompany: (company: CompanyOption) => void;
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
  /** The WeChat phone verification, kept with the draft on this phone (see usablePhone). */
  const [phone, setPhone] = useState<PhoneVerification | null>(null);
  const phoneRef = useRef<PhoneVerification | null>(null);
  phoneRef.current = phone;
  const phoneCode = phone?.code ?? null;
  const [ageRule, setAgeRule] = useState<AgeRule>({ bounds: DEFAULT_APPLICANT_AGE, today: shanghaiToday() });
  const [picked, setPicked] = useState<CompanyOption | null>(null);
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
      // a shared phone: nobody else's name or ID number stays in storage
      clearApplicationStorage(userId.current);
      const [mine, agreementText, companyOptions, communityTree, bounds] = await Promise.all([
        fetchMyApplication(),
        fetchAgreement(),
        fetchCompanyOptions(),
        fetchCommunities(),
        // the server refuses on submit anyway: without its bounds the form uses the defaults
        fetchApplicantAge().catch(() => DEFAULT_APPLICANT_AGE),
      ]);
      setAgeRule({ bounds, today: shanghaiToday() });
      setAgreement(agreementText);
      setCompanies(companyOptions);
      setCommunities(communityTree);
      const correcting = !!mine && mine.status === 'rejected' && resubmit;
      if (mine && !correcting) {
        setLoad({ status: 'hasApplication', application: mine });
        return;
      }
      const server = await fetchServerDraft().catch(() => null);
      const stored = localDraft.read(userId.current);
      const draft = newerDraft(stored, server);
      const fromSaved = draft ? fromDraft(draft) : null;
      let initial: ApplicationForm;
      if (fromSaved && draftHasContent(fromSaved)) initial = fromSaved;
      else if (correcting && mine) initial = formFromApplication(mine, null);
      else initial = emptyForm();
      // A phone verified a moment ago stays verified when the form is reopened.
      setPhone(usablePhone(stored, new Date()));
      // The chosen company may be past the first page: find it again by its name.
      const chosen = initial.companyId ? (companyOptions.find((c) => c.id === initial.companyId) ?? null) : null;
      setPicked(chosen);
      if (initial.companyId && !chosen && initial.companyName) {
        const wanted = initial.companyId;
        void fetchCompanyOptions(initial.companyName)
          .then((found) => setPicked((prev) => prev ?? found.find((c) => c.id === wanted) ?? null))
          .catch(() => undefined);
      }
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
    localDraft.write(userId.current, draft, phoneRef.current);
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

  const ctx = { phoneReady: !!phoneCode || resubmitting, agreementVersion: agreement?.version ?? null, age: ageRule };

  /** The verification in state and in the stored draft at once (closing the app right after keeps it). */
  const keepPhone = (next: PhoneVerification | null) => {
    phoneRef.current = next;
    setPhone(next);
    if (load.status === 'ready') localDraft.write(userId.current, toDraft(formRef.current), next);
  };

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
      // Sent: name and ID number leave this phone's storage (the server has them, encrypted).
      if (timer.current) clearTimeout(timer.current);
      localDraft.clear(userId.current);
      clearApplicationStorage();
      void deleteServerDraft().catch(() => undefined);
      return result;
    } catch (error) {
      if (!(error instanceof HttpError) || error.isNetworkError) {
        setErrors({ form: `${NETWORK_ERROR_MESSAGE}。您填写的内容已保存在手机上，恢复网络后再点“提交申请”即可。` });
        return null;
      }
      const placed = placeServerError(error);
      // A phone code is spent once: after any refusal, a fresh one is needed.
      if (placed.field === 'phone') keepPhone(null);
      if (error.code === 'AGREEMENT_VERSION_OUTDATED') {
        void fetchAgreement()
          .then(setAgreement)
          .catch(() => undefined);
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
    selectedCompany:
      picked && picked.id === form.companyId ? picked : (companies.find((c) => c.id === form.companyId) ?? null),
    ageRule,
    communities,
    submitting,
    reload: () => void start(),
    change,
    pickCompany: (c) => {
      setPicked(c);
      change({ companyId: c.id, companyName: c.name, siteId: c.sites.length === 1 ? c.sites[0].id : null });
    },
    setPhoneCode: (code) => {
      keepPhone(code ? { code, at: new Date().toISOString() } : null);
      if (code) setErrors(({ phone: _gone, ...rest }) => rest);
    },
    next,
    back,
    goTo,
    submit,
  };
}
