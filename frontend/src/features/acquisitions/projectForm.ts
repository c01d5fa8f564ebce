/**
 * Pure helpers between the coordinator's project, unit, status and rule dialogs (strings, as typed) and
 * POST /api/projects, PATCH /api/projects/:id, POST /api/projects/:id/units, PATCH /api/units/:id,
 * POST /api/projects/:id/statuses, POST /api/projects/:id/rules. No fetching, no React; percentages
 * become fractions by moving the decimal point in the text, never through a JS number.
 */
import type { Partner, ProjectDetail, ProjectStatus, TaxRegime, Tenure, Unit } from '../../api/acquisitions';
import type { Language } from '../../api/types';
import { normaliseAmount } from '../../i18n/format';
import { amountInput, percentToRate, rateToPercentInput } from './simulatorForm';

/** The new-project dialog's inputs as typed. */
export interface ProjectValues {
  name: string;
  partner: Partner;
  partnerName: string;
  tenure: Tenure;
  commune: string;
  address: string;
  homes: string;
  deferredPercent: string;
  status: ProjectStatus;
  statusOn: string;
  notes: string;
}

/** Body of POST /api/projects. */
export interface ProjectBody {
  name: string;
  partner: Partner;
  partnerName?: string;
  tenure: Tenure;
  commune: string;
  address?: string;
  homes: number;
  notes?: string;
  deferredPriceMaxPercent?: string;
  status: ProjectStatus;
  statusOn: string;
}

/** A whole number as typed, or NaN (sent as null, for the API to refuse on its field). */
function whole(input: string): number {
  const text = input.trim();
  return /^-?\d{1,6}$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
}

/** The body of POST /api/projects: texts trimmed, the partner's name only for "other", the deferred-price maximum as a fraction. */
export function projectBody(values: ProjectValues): ProjectBody {
  const body: ProjectBody = {
    name: values.name.trim(),
    partner: values.partner,
    tenure: values.tenure,
    commune: values.commune.trim(),
    homes: whole(values.homes),
    status: values.status,
    statusOn: values.statusOn,
  };
  if (values.partner === 'other') body.partnerName = values.partnerName.trim();
  if (values.address.trim()) body.address = values.address.trim();
  if (values.notes.trim()) body.notes = values.notes.trim();
  const deferred = percentToRate(values.deferredPercent);
  if (deferred !== '' && deferred !== '0') body.deferredPriceMaxPercent = deferred;
  return body;
}

/** The new-unit dialog's inputs as typed. */
export interface UnitValues {
  label: string;
  price: string;
  bedrooms: string;
  floor: string;
  floorArea: string;
  taxRegime: TaxRegime;
  vatPercent: string;
  landShare: string;
}

/** Body of POST /api/projects/:id/units. */
export interface UnitBody {
  label: string;
  price: string;
  bedrooms: number;
  floor?: number;
  floorArea?: string;
  taxRegime: TaxRegime;
  vatRate?: string;
  landShare?: string;
}

/** The body of POST /api/projects/:id/units: the VAT rate (as a fraction) and land share only under VAT; the area as "78.50". */
export function unitBody(values: UnitValues): UnitBody {
  const body: UnitBody = { label: values.label.trim(), price: normaliseAmount(values.price), bedrooms: whole(values.bedrooms), taxRegime: values.taxRegime };
  if (values.floor.trim()) body.floor = whole(values.floor);
  const area = values.floorArea.replace(/[\s\u00a0\u202fm²]/g, '').replace(',', '.');
  if (area) body.floorArea = /^\d+(\.\d{1,2})?$/.test(area) ? area : values.floorArea.trim();
  if (values.taxRegime === 'vat') {
    body.vatRate = percentToRate(values.vatPercent);
    body.landShare = normaliseAmount(values.landShare);
  }
  return body;
}

/** The edit-project dialog's inputs as typed. */
export type ProjectEditValues = Pick<ProjectValues, 'name' | 'partner' | 'partnerName' | 'tenure' | 'commune' | 'address' | 'homes' | 'notes'>;

/** Body of PATCH /api/projects/:id (every editable field; a cleared optional text is sent as null). */
export interface ProjectPatchBody {
  name: string;
  partner: Partner;
  partnerName: string | null;
  tenure: Tenure;
  commune: string;
  address: string | null;
  homes: number;
  notes: string | null;
}

/** The edit-project dialog filled with the project as it is. */
export function projectEditValues(project: Pick<ProjectDetail, 'name' | 'partner' | 'partnerName' | 'tenure' | 'commune' | 'address' | 'homes' | 'notes'>): ProjectEditValues {
  return {
    name: project.name,
    partner: project.partner,
    partnerName: project.partnerName ?? '',
    tenure: project.tenure,
    commune: project.commune ?? '',
    address: project.address ?? '',
    homes: String(project.homes),
    notes: project.notes ?? '',
  };
}

/** The body of PATCH /api/projects/:id: texts trimmed, the partner's name only for "other" (else null), empty address and notes as null. */
export function projectPatchBody(values: ProjectEditValues): ProjectPatchBody {
  const orNull = (text: string) => (text.trim() ? text.trim() : null);
  return {
    name: values.name.trim(),
    partner: values.partner,
    partnerName: values.partner === 'other' ? orNull(values.partnerName) : null,
    tenure: values.tenure,
    commune: values.commune.trim(),
    address: orNull(values.address),
    homes: whole(values.homes),
    notes: orNull(values.notes),
  };
}

/** A floor area ("78.50") as typed in the language ("78,5" in fr and nl); text only. */
function areaInput(area: string | null, language: Language): string {
  if (!area) return '';
  const match = /^(\d+)(?:\.(\d+))?$/.exec(area);
  if (!match) return area;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${match[1] ?? ''}${language === 'en' ? '.' : ','}${fraction}` : (match[1] ?? '');
}

/** The edit-home dialog filled with the home as it is (rates as percentages, amounts as the reader types them). */
export function unitEditValues(unit: Unit, language: Language): UnitValues {
  return {
    label: unit.label,
    price: amountInput(unit.price, language),
    bedrooms: unit.bedrooms === null ? '' : String(unit.bedrooms),
    floor: unit.floor === null ? '' : String(unit.floor),
    floorArea: areaInput(unit.floorArea, language),
    taxRegime: unit.taxRegime,
    vatPercent: unit.vatRate ? rateToPercentInput(unit.vatRate, language) : '6',
    landShare: amountInput(unit.landShare, language),
  };
}

/** Body of PATCH /api/units/:id. */
export interface UnitPatchBody extends Omit<UnitBody, 'floor' | 'floorArea'> {
  floor: number | null;
  floorArea: string | null;
}

/** The body of PATCH /api/units/:id: as for a new home, but a cleared floor or area is sent as null; under duties the server clears the VAT fields itself. */
export function unitPatchBody(values: UnitValues): UnitPatchBody {
  const { floor, floorArea, ...rest } = unitBody(values);
  return { ...rest, floor: floor ?? null, floorArea: floorArea ?? null };
}

/** The new-rule dialog's inputs as typed (percentages as people say them: "30" for 30 %). */
export interface RuleValues {
  from: string;
  deferredPriceAllowed: boolean;
  deferredPercent: string;
  incomeCeiling: string;
  incomeCeilingPerDependent: string;
  occupancyYears: string;
  cltResalePercent: string;
  note: string;
}

/** Body of POST /api/projects/:id/rules. */
export interface RuleBody {
  from: string;
  deferredPriceAllowed: boolean;
  deferredPriceMaxPercent?: string;
  incomeCeiling?: string;
  incomeCeilingPerDependent?: string;
  occupancyYears?: number;
  cltResaleSharePercent?: string;
  note?: string;
}

/** The body of POST /api/projects/:id/rules: percentages as fractions ("30" → "0.3"), the deferred maximum only when a deferred price is allowed, empty inputs left out. */
export function ruleBody(values: RuleValues): RuleBody {
  const body: RuleBody = { from: values.from.trim(), deferredPriceAllowed: values.deferredPriceAllowed };
  const deferred = percentToRate(values.deferredPercent);
  if (values.deferredPriceAllowed && deferred !== '') body.deferredPriceMaxPercent = deferred;
  const ceiling = normaliseAmount(values.incomeCeiling);
  if (ceiling !== '') body.incomeCeiling = ceiling;
  const perDependent = normaliseAmount(values.incomeCeilingPerDependent);
  if (perDependent !== '') body.incomeCeilingPerDependent = perDependent;
  if (values.occupancyYears.trim()) body.occupancyYears = whole(values.occupancyYears);
  const resale = percentToRate(values.cltResalePercent);
  if (resale !== '') body.cltResaleSharePercent = resale;
  if (values.note.trim()) body.note = values.note.trim();
  return body;
}
