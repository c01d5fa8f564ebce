/**
 * Pure helpers between the coordinator's project, unit and status dialogs (strings, as typed) and
 * POST /api/projects, POST /api/projects/:id/units, POST /api/projects/:id/statuses. No fetching, no React.
 */
import type { Partner, ProjectStatus, TaxRegime, Tenure } from '../../api/acquisitions';
import { normaliseAmount } from '../../i18n/format';
import { percentToRate } from './simulatorForm';

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
