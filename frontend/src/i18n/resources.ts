/**
 * The translations, one tree per language: the shared file (fr.json, …) plus one file per feature
 * (savings.fr.json, journey.fr.json, acquisitions.fr.json, …) mounted under the feature's name, so that each feature owns
 * its strings. No browser APIs here: the locale test imports it.
 */
import acquisitionsEn from './acquisitions.en.json';
import acquisitionsFr from './acquisitions.fr.json';
import acquisitionsNl from './acquisitions.nl.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';
import journeyEn from './journey.en.json';
import journeyFr from './journey.fr.json';
import journeyNl from './journey.nl.json';
import savingsEn from './savings.en.json';
import savingsFr from './savings.fr.json';
import savingsNl from './savings.nl.json';
import rentalDepositsEn from './rentalDeposits.en.json';
import rentalDepositsFr from './rentalDeposits.fr.json';
import rentalDepositsNl from './rentalDeposits.nl.json';

export const translations = {
  fr: { ...fr, savings: savingsFr, journey: journeyFr, rentalDeposits: rentalDepositsFr, acquisitions: acquisitionsFr },
  nl: { ...nl, savings: savingsNl, journey: journeyNl, rentalDeposits: rentalDepositsNl, acquisitions: acquisitionsNl },
  en: { ...en, savings: savingsEn, journey: journeyEn, rentalDeposits: rentalDepositsEn, acquisitions: acquisitionsEn },
};

/** The French tree is the reference: TypeScript refuses a key it lacks. */
export type Translation = (typeof translations)['fr'];
