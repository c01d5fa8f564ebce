/**
 * The dated rules behind the cost of buying a home in Brussels (lib/purchase-costs.ts). A rule applies
 * from its date (for registration duties: the date the compromis was signed) until the next rule.
 * Change a rule by adding a dated row with its source, never by editing one: a purchase signed under an
 * old rule was right under it.
 */

/** Brussels registration duties on the purchase of a home. */
export interface RegistrationDutyRule {
  from: string;
  /** The rate on the taxable amount, as a decimal string ('0.125'). */
  rate: string;
  /** For the buyer's only home: no duty on this first part of the taxable amount… */
  reliefAmount: string;
  /** …when the taxable amount is at most this (above it, no relief at all). */
  reliefCeiling: string;
  source: string;
}

export const REGISTRATION_DUTY_RULES: readonly RegistrationDutyRule[] = [
  {
    from: '2017-01-01',
    rate: '0.125',
    reliefAmount: '175000.00',
    reliefCeiling: '500000.00',
    source: 'Code des droits d’enregistrement (Région de Bruxelles-Capitale), art. 46bis — abattement de 175 000 € jusqu’à 500 000 €',
  },
  {
    from: '2023-04-01',
    rate: '0.125',
    reliefAmount: '200000.00',
    reliefCeiling: '600000.00',
    source: 'Ordonnance du 23 mars 2023 (Région de Bruxelles-Capitale), art. 46bis — abattement de 200 000 € jusqu’à 600 000 €, compromis signés à partir du 1er avril 2023',
  },
];

/** One band of the notary's degressive fee on a sale: the rate applies to the part of the price in [from, to). */
export interface NotaryBand {
  from: string;
  /** null: no upper bound. */
  to: string | null;
  rate: string;
}

export interface NotaryFeeRule {
  from: string;
  bands: readonly NotaryBand[];
  /** VAT on the notary's fee and on the admin costs. */
  vatRate: string;
  /** An estimate of the admin costs and disbursements of a purchase deed (searches, certificates, filing), before VAT. */
  adminCostsEstimate: string;
  source: string;
}

export const NOTARY_FEE_RULES: readonly NotaryFeeRule[] = [
  {
    from: '2012-01-01',
    bands: [
      { from: '0', to: '7500.00', rate: '0.0456' },
      { from: '7500.00', to: '17500.00', rate: '0.0285' },
      { from: '17500.00', to: '30000.00', rate: '0.0228' },
      { from: '30000.00', to: '45495.00', rate: '0.0171' },
      { from: '45495.00', to: '64095.00', rate: '0.0114' },
      { from: '64095.00', to: '250095.00', rate: '0.0057' },
      { from: '250095.00', to: null, rate: '0.00057' },
    ],
    vatRate: '0.21',
    adminCostsEstimate: '1100.00',
    source:
      'Arrêté royal du 16 décembre 1950 portant le tarif des honoraires des notaires, barème A (ventes d’immeubles); TVA 21 % depuis 2012; frais administratifs: estimation de la Fédération du Notariat (notaire.be, 2025)',
  },
];
