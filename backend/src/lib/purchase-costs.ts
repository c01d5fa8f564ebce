/**
 * What buying a home in Brussels costs, line by line, from dated rules (purchase-costs.rules.ts):
 * registration duties (with the relief for a buyer's only home, and on the land share only when the
 * home is sold with VAT), VAT, the notary's fee on the degressive scale with its VAT and an estimate of
 * the admin costs, the deferred price (not financed by the loan), the loan and its monthly payment at
 * the equivalent monthly rate (1 + i)^(1/12) − 1, as Belgian mortgage credit computes it.
 * All in Decimal; each line is rounded half-up to the cent once, and the total is the sum of the lines.
 */
import { ruleOn } from './dated.ts';
import { Money, sum } from './money.ts';
import { NOTARY_FEE_RULES, REGISTRATION_DUTY_RULES, type NotaryFeeRule, type RegistrationDutyRule } from './purchase-costs.rules.ts';

const cents = (value: Money) => value.toDecimalPlaces(2, Money.ROUND_HALF_UP);

function dutyRule(on: string): RegistrationDutyRule {
  const rule = ruleOn(REGISTRATION_DUTY_RULES, on);
  if (!rule) throw new RangeError(`no registration duty rule for ${on}`);
  return rule;
}

function notaryRule(on: string): NotaryFeeRule {
  const rule = ruleOn(NOTARY_FEE_RULES, on);
  if (!rule) throw new RangeError(`no notary fee rule for ${on}`);
  return rule;
}

/** Registration duties on a taxable amount, for a compromis signed on a date (rounded to the cent). */
export function registrationDuties(taxable: Money | string, compromisOn: string, onlyHome: boolean): Money {
  const rule = dutyRule(compromisOn);
  const base = new Money(taxable);
  const relieved = onlyHome && base.lte(rule.reliefCeiling) ? Money.max(base.minus(rule.reliefAmount), 0) : base;
  return cents(relieved.times(rule.rate));
}

/** The notary's fee on a sale price by the degressive scale in force on a date, before VAT (rounded to the cent). */
export function notaryFee(price: Money | string, on: string): Money {
  const p = new Money(price);
  let fee = new Money(0);
  for (const band of notaryRule(on).bands) {
    const top = band.to === null ? p : Money.min(p, band.to);
    if (top.gt(band.from)) fee = fee.plus(top.minus(band.from).times(band.rate));
  }
  return cents(fee);
}

/** The equivalent monthly rate of an annual rate: (1 + i)^(1/12) − 1. */
export function monthlyRate(annualRate: Money | string): Money {
  return new Money(1).plus(annualRate).pow(new Money(1).dividedBy(12)).minus(1);
}

/** The constant monthly payment of a loan over a number of years at an annual rate (rounded to the cent). */
export function monthlyPayment(amount: Money | string, annualRate: Money | string, years: number): Money {
  const principal = new Money(amount);
  const n = years * 12;
  if (principal.lte(0)) return new Money(0);
  const r = monthlyRate(annualRate);
  if (r.isZero()) return cents(principal.dividedBy(n));
  return cents(principal.times(r).dividedBy(new Money(1).minus(new Money(1).plus(r).pow(-n))));
}

export interface PurchaseInput {
  /** The price of the home, VAT excluded when it is sold with VAT. */
  price: Money | string;
  /** The date the compromis was (or will be) signed: it decides which rules apply. */
  compromisOn: string;
  /** Whether it will be the buyer's only home (the relief on registration duties). */
  onlyHome: boolean;
  /** A new build sold with VAT: the VAT rate on the building, and the land share of the price (duties apply to it only). */
  vat?: { rate: Money | string; landShare: Money | string } | null;
  /** The deferred price as a share of the price (VDP: up to 0.30), paid back on resale, not financed by the loan. */
  deferredPercent?: Money | string | null;
  ownFunds: Money | string;
  loan: { annualRate: Money | string; years: number };
}

export interface PurchaseCosts {
  price: Money;
  vat: Money;
  registrationDuties: Money;
  notaryFees: Money;
  notaryFeesVat: Money;
  adminCosts: Money;
  /** Every line the buyer pays for at the deed: price + VAT + duties + notary fees + their VAT + admin costs. */
  totalCost: Money;
  deferredAmount: Money;
  ownFunds: Money;
  /** What the loan must finance: the total cost minus the deferred price and the own funds (never below zero). */
  loanAmount: Money;
  /** The equivalent monthly rate used, as a decimal. */
  monthlyRate: Money;
  monthlyPayment: Money;
  /** Loan × months: what the buyer repays over the loan's life. */
  totalRepaid: Money;
  /** The rules applied, with their sources. */
  rules: { registrationDuties: RegistrationDutyRule; notaryFees: NotaryFeeRule };
}

/** Every line of a purchase's cost, rounded to the cent once per line. */
export function purchaseCosts(input: PurchaseInput): PurchaseCosts {
  const price = cents(new Money(input.price));
  const landShare = input.vat ? cents(new Money(input.vat.landShare)) : null;
  const vat = input.vat ? cents(price.minus(landShare!).times(input.vat.rate)) : new Money(0);
  const registration = registrationDuties(landShare ?? price, input.compromisOn, input.onlyHome);
  const rule = notaryRule(input.compromisOn);
  const fee = notaryFee(price, input.compromisOn);
  const adminCosts = cents(new Money(rule.adminCostsEstimate));
  const feeVat = cents(fee.plus(adminCosts).times(rule.vatRate));
  const totalCost = sum([price, vat, registration, fee, feeVat, adminCosts]);
  const deferredAmount = input.deferredPercent ? cents(price.times(input.deferredPercent)) : new Money(0);
  const ownFunds = cents(new Money(input.ownFunds));
  const loanAmount = Money.max(totalCost.minus(deferredAmount).minus(ownFunds), 0);
  const payment = monthlyPayment(loanAmount, input.loan.annualRate, input.loan.years);
  return {
    price,
    vat,
    registrationDuties: registration,
    notaryFees: fee,
    notaryFeesVat: feeVat,
    adminCosts,
    totalCost,
    deferredAmount,
    ownFunds,
    loanAmount,
    monthlyRate: monthlyRate(input.loan.annualRate),
    monthlyPayment: payment,
    totalRepaid: payment.times(input.loan.years * 12),
    rules: { registrationDuties: dutyRule(input.compromisOn), notaryFees: rule },
  };
}
