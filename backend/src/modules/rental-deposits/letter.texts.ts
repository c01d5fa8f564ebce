/**
 * Every word of the rental-deposit repayment letter, in French, Dutch and English. Written for families
 * with limited reading skills and limited French or Dutch: short sentences, everyday words, one thing
 * per paragraph, the same word for the same thing. `{placeholders}` are filled in and printed in bold.
 */
import type { Language } from '../../lib/locale.ts';

/** The words of the repayment letter in one language. */
export interface RepaymentLetterTexts {
  /** The PDF's title. */
  documentTitle: string;
  placeAndDate: string;
  subject: string;
  reference: string;
  greeting: string;
  placed: string;
  blocked: string;
  factsTitle: string;
  facts: { home: string; landlord: string; rent: string; rentValue: string; amount: string; amountValue: string };
  planTitle: string;
  /** Every instalment the same. */
  planSame: string;
  /** The last instalment differs (the rounding remainder). */
  planLast: string;
  /** A single instalment. */
  planOne: string;
  planDates: string;
  planTable: string;
  noSchedule: string;
  payTitle: string;
  payIntro: string;
  pay: { iban: string; beneficiary: string; communication: string };
  payAlways: string;
  payNoIban: string;
  problemTitle: string;
  problem: string;
  endTitle: string;
  end: string;
  closing: string;
  scheduleTitle: string;
  scheduleNote: string;
  columns: { number: string; dueOn: string; amount: string; remaining: string };
  total: string;
  continued: string;
  /** Footer of every page. */
  footer: string;
}

export const letterTexts: Record<Language, RepaymentLetterTexts> = {
  fr: {
    documentTitle: 'Remboursement de votre garantie locative',
    placeAndDate: 'Bruxelles, le {date}',
    subject: 'Votre garantie locative : comment nous la rembourser',
    reference: 'Votre référence : {reference}',
    greeting: 'Bonjour {name},',
    placed: 'Le {openedOn}, nous avons placé votre garantie locative de {amount} pour votre logement : {address}.',
    blocked:
      'Cet argent est sur un compte bloqué. Tant que le bail dure, il n’est ni à vous ni au propriétaire. Vous remboursez ce montant au fonds, un peu chaque mois.',
    factsTitle: 'Votre avance',
    facts: {
      home: 'Logement',
      landlord: 'Propriétaire',
      rent: 'Loyer',
      rentValue: '{rent} par mois',
      amount: 'Garantie',
      amountValue: '{amount}, placée le {date}',
    },
    planTitle: 'Ce que vous remboursez',
    planSame: 'Vous remboursez {amount} en {count} mois : {instalment} par mois.',
    planLast: 'Vous remboursez {amount} en {count} mois : {instalment} par mois, et {last} le dernier mois.',
    planOne: 'Vous remboursez {amount} en une seule fois.',
    planDates: 'Premier paiement : le {first}. Dernier paiement : le {last}.',
    planTable: 'Toutes les dates sont dans le calendrier de remboursement, à la fin de cette lettre.',
    noSchedule: 'Votre coordinateur vous donnera les dates des paiements.',
    payTitle: 'Comment payer ?',
    payIntro: 'Chaque mois, faites un virement :',
    pay: { iban: 'Vers le compte (IBAN)', beneficiary: 'Au nom de', communication: 'Communication structurée' },
    payAlways:
      'Mettez toujours cette communication structurée, la même chaque mois. Grâce à elle, nous savons que le paiement vient de vous.',
    payNoIban: 'Le numéro de compte (IBAN) vous sera donné par votre coordinateur.',
    problemTitle: 'Vous ne pouvez pas payer un mois ?',
    problem: 'Parlez-nous-en tout de suite, avant la date du paiement. Nous chercherons une solution avec vous.',
    endTitle: 'À la fin du bail',
    end:
      'Quand le bail se termine, l’argent de la garantie est libéré. Il sert d’abord à payer ce que vous devez encore au fonds. Le reste est pour vous. Si le propriétaire garde une partie pour des dégâts, il vous reste moins.',
    closing: 'Bien à vous,',
    scheduleTitle: 'Votre calendrier de remboursement',
    scheduleNote: 'Payez chaque montant au plus tard à la date indiquée.',
    columns: { number: 'N°', dueOn: 'À payer le', amount: 'Montant', remaining: 'Reste à rembourser après ce paiement' },
    total: 'Total',
    continued: 'suite',
    footer: '{organisation}  ·  Réf. {reference}  ·  Communication {communication}  ·  page {page} / {pages}',
  },
  nl: {
    documentTitle: 'Terugbetaling van uw huurwaarborg',
    placeAndDate: 'Brussel, {date}',
    subject: 'Uw huurwaarborg: zo betaalt u ons terug',
    reference: 'Uw referentie: {reference}',
    greeting: 'Beste {name},',
    placed: 'Op {openedOn} hebben wij uw huurwaarborg van {amount} gestort voor uw woning: {address}.',
    blocked:
      'Dat geld staat op een geblokkeerde rekening. Zolang de huur loopt, is het niet van u en niet van de verhuurder. U betaalt dit bedrag terug aan het fonds, elke maand een deel.',
    factsTitle: 'Uw voorfinanciering',
    facts: {
      home: 'Woning',
      landlord: 'Verhuurder',
      rent: 'Huur',
      rentValue: '{rent} per maand',
      amount: 'Waarborg',
      amountValue: '{amount}, gestort op {date}',
    },
    planTitle: 'Wat u terugbetaalt',
    planSame: 'U betaalt {amount} terug in {count} maanden: {instalment} per maand.',
    planLast: 'U betaalt {amount} terug in {count} maanden: {instalment} per maand, en {last} de laatste maand.',
    planOne: 'U betaalt {amount} in één keer terug.',
    planDates: 'Eerste betaling: {first}. Laatste betaling: {last}.',
    planTable: 'Alle datums staan in het terugbetalingsplan, achteraan deze brief.',
    noSchedule: 'Uw coördinator geeft u de datums van de betalingen.',
    payTitle: 'Hoe betaalt u?',
    payIntro: 'Doe elke maand een overschrijving:',
    pay: { iban: 'Naar de rekening (IBAN)', beneficiary: 'Op naam van', communication: 'Gestructureerde mededeling' },
    payAlways: 'Gebruik altijd deze gestructureerde mededeling, elke maand dezelfde. Zo weten wij dat de betaling van u komt.',
    payNoIban: 'Uw coördinator geeft u het rekeningnummer (IBAN).',
    problemTitle: 'Kunt u een maand niet betalen?',
    problem: 'Spreek er meteen met ons over, vóór de datum van de betaling. Samen zoeken we een oplossing.',
    endTitle: 'Aan het einde van de huur',
    end:
      'Als de huur stopt, wordt het geld van de waarborg vrijgegeven. Het dient eerst om te betalen wat u nog aan het fonds verschuldigd bent. De rest is voor u. Houdt de verhuurder een deel voor schade, dan blijft er voor u minder over.',
    closing: 'Met vriendelijke groeten,',
    scheduleTitle: 'Uw terugbetalingsplan',
    scheduleNote: 'Betaal elk bedrag ten laatste op de datum ernaast.',
    columns: { number: 'Nr.', dueOn: 'Te betalen op', amount: 'Bedrag', remaining: 'Nog terug te betalen na deze betaling' },
    total: 'Totaal',
    continued: 'vervolg',
    footer: '{organisation}  ·  Ref. {reference}  ·  Mededeling {communication}  ·  pagina {page} / {pages}',
  },
  en: {
    documentTitle: 'Repaying your rental guarantee',
    placeAndDate: 'Brussels, {date}',
    subject: 'Your rental guarantee: how to repay us',
    reference: 'Your reference: {reference}',
    greeting: 'Dear {name},',
    placed: 'On {openedOn}, we placed your rental guarantee of {amount} for your home: {address}.',
    blocked:
      'This money is on a blocked account. While the lease lasts, it belongs neither to you nor to the landlord. You repay this amount to the fund, a little every month.',
    factsTitle: 'Your advance',
    facts: {
      home: 'Home',
      landlord: 'Landlord',
      rent: 'Rent',
      rentValue: '{rent} a month',
      amount: 'Guarantee',
      amountValue: '{amount}, placed on {date}',
    },
    planTitle: 'What you repay',
    planSame: 'You repay {amount} over {count} months: {instalment} a month.',
    planLast: 'You repay {amount} over {count} months: {instalment} a month, and {last} in the last month.',
    planOne: 'You repay {amount} in one payment.',
    planDates: 'First payment: {first}. Last payment: {last}.',
    planTable: 'All the dates are in the repayment schedule at the end of this letter.',
    noSchedule: 'Your coordinator will give you the payment dates.',
    payTitle: 'How to pay',
    payIntro: 'Every month, make a bank transfer:',
    pay: { iban: 'To the account (IBAN)', beneficiary: 'In the name of', communication: 'Structured communication' },
    payAlways: 'Always use this structured communication, the same one every month. It tells us that the payment comes from you.',
    payNoIban: 'Your coordinator will give you the account number (IBAN).',
    problemTitle: 'Cannot pay one month?',
    problem: 'Talk to us straight away, before the payment date. We will look for a solution with you.',
    endTitle: 'At the end of the lease',
    end:
      'When the lease ends, the guarantee money is released. It first pays what you still owe the fund. The rest is yours. If the landlord keeps part of it for damage, less is left for you.',
    closing: 'Kind regards,',
    scheduleTitle: 'Your repayment schedule',
    scheduleNote: 'Pay each amount by the date next to it at the latest.',
    columns: { number: 'No.', dueOn: 'Pay by', amount: 'Amount', remaining: 'Still to repay after this payment' },
    total: 'Total',
    continued: 'continued',
    footer: '{organisation}  ·  Ref. {reference}  ·  Communication {communication}  ·  page {page} / {pages}',
  },
};
