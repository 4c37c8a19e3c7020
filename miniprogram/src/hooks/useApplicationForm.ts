import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import {
  DEFAULT_APPLICANT_AGE,
  type AgreementResponse,
  type CompanyOption,
  type MyApplicationResponse,
  type OrgUnitNode,
} from '@jianghuai/shared';
import {
  draftHasContent,
  firstIncompleteStep,
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
  withoutComplaintsAbout,
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
import { locationErrorMessage, readPosition, type LocationState } from './useLocation';

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
  /** The applicant's location, read only when they tap for it (after the privacy popup); sent with the form. */
  place: LocationState;
  locate: () => void;
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

/** What the form opens with: the lists it offers, and where the person left off. */
interface Opened {
  userId: number;
  ageRule: AgeRule;
  agreement: AgreementResponse;
  companies: CompanyOption[];
  communities: OrgUnitNode[];
  /** An application that is not being corrected: the status page shows it. */
  existing: MyApplicationResponse | null;
  correcting: boolean;
  initial: ApplicationForm;
  restored: boolean;
  phone: PhoneVerification | null;
}

/** Loads the lists and the newer of the phone's and the server's drafts (or the rejected application). */
async function openApplication(resubmit: boolean): Promise<Opened> {
  const current = session.get();
  const userId = current.status === 'signedIn' ? current.me.id : (await fetchMe()).id;
  // a shared phone: nobody else's name or ID number stays in storage
  clearApplicationStorage(userId);
  const [mine, agreement, companies, communities, bounds] = await Promise.all([
    fetchMyApplication(),
    fetchAgreement(),
    fetchCompanyOptions(),
    fetchCommunities(),
    // the server refuses on submit anyway: without its bounds the form uses the defaults
    fetchApplicantAge().catch(() => DEFAULT_APPLICANT_AGE),
  ]);
  const lists = { userId, ageRule: { bounds, today: shanghaiToday() }, agreement, companies, communities };
  const correcting = !!mine && mine.status === 'rejected' && resubmit;
  if (mine && !correcting) {
    return { ...lists, existing: mine, correcting, initial: emptyForm(), restored: false, phone: null };
  }
  const server = await fetchServerDraft().catch(() => null);
  const stored = localDraft.read(userId);
  const draft = newerDraft(stored, server);
  const fromSaved = draft ? fromDraft(draft) : null;
  const restored = !!fromSaved && draftHasContent(fromSaved);
  let initial: ApplicationForm;
  if (fromSaved && restored) initial = fromSaved;
  else if (correcting && mine) initial = formFromApplication(mine, null);
  else initial = emptyForm();
  // A phone verified a moment ago stays verified when the form is reopened.
  return { ...lists, existing: null, correcting, initial, restored, phone: usablePhone(stored, new Date()) };
}

/** The form's company: among the first ones, or (past the first page) found again by its name. */
function pickSavedCompany(
  initial: ApplicationForm,
  first: CompanyOption[],
  setPicked: Dispatch<SetStateAction<CompanyOption | null>>,
) {
  const chosen = initial.companyId ? (first.find((c) => c.id === initial.companyId) ?? null) : null;
  setPicked(chosen);
  if (initial.companyId && !chosen && initial.companyName) {
    const wanted = initial.companyId;
    void fetchCompanyOptions(initial.companyName)
      .then((found) => setPicked((prev) => prev ?? found.find((c) => c.id === wanted) ?? null))
      .catch(() => undefined);
  }
}

/**
 * The form and the WeChat phone verification as a draft: every change is written to this phone at once
 * and to the server's draft endpoint shortly after.
 */
function useDraft() {
  const [form, setForm] = useState<ApplicationForm>(emptyForm);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  /** The WeChat phone verification, kept with the draft on this phone (see usablePhone). */
  const [phone, setPhone] = useState<PhoneVerification | null>(null);
  const phoneRef = useRef<PhoneVerification | null>(null);
  phoneRef.current = phone;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef(form);
  formRef.current = form;
  /** Whose draft this is (local keys are per person). */
  const userId = useRef(0);

  const cancelSave = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const update = useCallback(
    (next: ApplicationForm) => {
      setForm(next);
      const draft = toDraft(next);
      localDraft.write(userId.current, draft, phoneRef.current);
      setSaveState('saving');
      cancelSave();
      timer.current = setTimeout(() => {
        saveServerDraft(draft)
          .then(() => setSaveState('saved'))
          .catch(() => setSaveState('localOnly'));
      }, SERVER_SAVE_DELAY_MS);
    },
    [cancelSave],
  );

  /** The verification in state and in the stored draft at once (closing the app right after keeps it). */
  const keepPhone = (next: PhoneVerification | null, formShown: boolean) => {
    phoneRef.current = next;
    setPhone(next);
    if (formShown) localDraft.write(userId.current, toDraft(formRef.current), next);
  };

  /** Sent: name and ID number leave this phone's storage (the server has them, encrypted). */
  const forget = () => {
    cancelSave();
    localDraft.clear(userId.current);
    clearApplicationStorage();
    void deleteServerDraft().catch(() => undefined);
  };

  const phoneCode = phone?.code ?? null;
  return { form, setForm, formRef, userId, saveState, phoneCode, setPhone, keepPhone, update, cancelSave, forget };
}

type Draft = ReturnType<typeof useDraft>;

/** Opening the form: the lists it offers and the saved draft put in place, again on `reload`. */
function useOpening(resubmit: boolean, { userId, setPhone, setForm, cancelSave }: Draft) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [restored, setRestored] = useState(false);
  const [resubmitting, setResubmitting] = useState(false);
  const [ageRule, setAgeRule] = useState<AgeRule>({ bounds: DEFAULT_APPLICANT_AGE, today: shanghaiToday() });
  const [picked, setPicked] = useState<CompanyOption | null>(null);
  const [agreement, setAgreement] = useState<AgreementResponse | null>(null);
  const [companies, setCompanies] = useState<CompanyOption[]>([]);
  const [communities, setCommunities] = useState<OrgUnitNode[]>([]);

  const start = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const opened = await openApplication(resubmit);
      userId.current = opened.userId;
      setAgeRule(opened.ageRule);
      setAgreement(opened.agreement);
      setCompanies(opened.companies);
      setCommunities(opened.communities);
      if (opened.existing) {
        setLoad({ status: 'hasApplication', application: opened.existing });
        return;
      }
      setPhone(opened.phone);
      pickSavedCompany(opened.initial, opened.companies, setPicked);
      setRestored(opened.restored);
      setResubmitting(opened.correcting);
      setForm(opened.initial);
      setLoad({ status: 'ready' });
    } catch (error) {
      setLoad({ status: 'error', message: messageOf(error) });
    }
  }, [resubmit, userId, setPhone, setForm]);

  useEffect(() => {
    void start();
    return cancelSave;
  }, [start, cancelSave]);

  return {
    ...{ load, restored, setRestored, resubmitting, ageRule, picked, setPicked, agreement, setAgreement },
    ...{ companies, communities, reload: () => void start() },
  };
}

type Opening = ReturnType<typeof useOpening>;

/**
 * Where the applicant is, when they tap 用我的位置确定派出所: without a community (or a guard's site) the nearest station
 * manages them. A refusal (privacy popup or phone setting) only leaves the community to choose.
 */
function usePlace(setErrors: Dispatch<SetStateAction<FieldErrors>>) {
  const [place, setPlace] = useState<LocationState>({ status: 'idle' });
  const locate = useCallback(() => {
    setPlace({ status: 'locating' });
    readPosition()
      .then((position) => {
        setPlace({ status: 'ready', position });
        setErrors(({ residenceCommunityId: _gone, ...rest }) => rest);
      })
      .catch((caught: unknown) =>
        setPlace({ status: 'failed', message: locationErrorMessage(caught, '用我的位置确定派出所') }),
      );
  }, [setErrors]);
  return { place, locate };
}

/** The nearest-station rule applies when neither a site nor a community decides: the location goes along. */
function withLocation<T extends object>(body: T, at: { lat: number; lng: number } | null): T {
  return at ? { ...body, location: { lat: at.lat, lng: at.lng } } : body;
}

/** Moving between the steps, each checked before leaving it, and sending the whole form at the end. */
function useSteps(
  draft: Draft,
  opening: Opening,
  place: LocationState,
  setErrors: Dispatch<SetStateAction<FieldErrors>>,
) {
  const [submitting, setSubmitting] = useState(false);
  const { formRef, update, phoneCode } = draft;
  const { resubmitting, agreement } = opening;
  const located = place.status === 'ready' ? place.position : null;
  const ctx = {
    phoneReady: !!phoneCode || resubmitting,
    agreementVersion: agreement?.version ?? null,
    age: opening.ageRule,
    located: !!located,
  };

  const goTo = (step: Step) => {
    opening.setRestored(false);
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

  /** The server's refusal shown on the field (and step) it concerns. */
  const refused = (error: unknown) => {
    if (!(error instanceof HttpError) || error.isNetworkError) {
      setErrors({ form: `${NETWORK_ERROR_MESSAGE}。您填写的内容已保存在手机上，恢复网络后再点“提交申请”即可。` });
      return;
    }
    const placed = placeServerError(error);
    // A phone code is spent once: after any refusal, a fresh one is needed.
    if (placed.field === 'phone') draft.keepPhone(null, opening.load.status === 'ready');
    if (error.code === 'AGREEMENT_VERSION_OUTDATED') {
      void fetchAgreement()
        .then(opening.setAgreement)
        .catch(() => undefined);
      update({ ...formRef.current, agreementSigned: false, agreementVersion: null });
    }
    setErrors({ [placed.field]: placed.message });
    if (placed.step !== formRef.current.step) goTo(placed.step);
  };

  const submit = async (): Promise<MyApplicationResponse | null> => {
    const incomplete = firstIncompleteStep(formRef.current, ctx);
    if (incomplete) {
      setErrors(validateStep(formRef.current, incomplete, ctx));
      if (incomplete !== formRef.current.step) goTo(incomplete);
      return null;
    }
    // WeChat only shows the consent dialog from a tap: ask before any other wait.
    await askResultConsent();
    setSubmitting(true);
    setErrors({});
    const body = withLocation(toSubmitRequest(formRef.current, phoneCode), located);
    try {
      const result = resubmitting ? await resubmitApplication(body) : await submitApplication(body);
      draft.forget();
      return result;
    } catch (error) {
      refused(error);
      return null;
    } finally {
      setSubmitting(false);
    }
  };

  return { submitting, goTo, next, back, submit };
}

/**
 * The application form with its draft: every change is written to this phone at once and to the
 * server's draft endpoint shortly after, so closing the app or losing the network loses nothing.
 */
export function useApplicationForm({ resubmit }: { resubmit: boolean }): ApplicationFormState {
  const draft = useDraft();
  const opening = useOpening(resubmit, draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { place, locate } = usePlace(setErrors);
  const steps = useSteps(draft, opening, place, setErrors);
  const { form, formRef, update } = draft;
  const { picked, companies } = opening;

  const change = useCallback(
    (patch: Partial<ApplicationForm>) => {
      update({ ...formRef.current, ...patch });
      setErrors((prev) => withoutComplaintsAbout(prev, patch));
    },
    [update, formRef],
  );

  return {
    load: opening.load,
    form,
    errors,
    restored: opening.restored,
    resubmitting: opening.resubmitting,
    saveState: draft.saveState,
    phoneCode: draft.phoneCode,
    agreement: opening.agreement,
    companies,
    selectedCompany:
      picked && picked.id === form.companyId ? picked : (companies.find((c) => c.id === form.companyId) ?? null),
    ageRule: opening.ageRule,
    communities: opening.communities,
    place,
    locate,
    submitting: steps.submitting,
    reload: opening.reload,
    change,
    pickCompany: (c) => {
      opening.setPicked(c);
      change({ companyId: c.id, companyName: c.name, siteId: c.sites.length === 1 ? c.sites[0].id : null });
    },
    setPhoneCode: (code) => {
      draft.keepPhone(code ? { code, at: new Date().toISOString() } : null, opening.load.status === 'ready');
      if (code) setErrors(({ phone: _gone, ...rest }) => rest);
    },
    next: steps.next,
    back: steps.back,
    goTo: steps.goTo,
    submit: steps.submit,
  };
}
