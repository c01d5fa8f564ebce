import { Alert, List, Paper, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../api/client';
import { newIdempotencyKey } from '../../../api/savings';
import type { DecimalString } from '../../../api/types';
import { FormActions } from '../../../components/FormActions';
import { AlertIcon } from '../../../components/Icons';
import { MoneyText } from '../../../components/MoneyText';
import { otherFieldMessage, savingsProblemMessage } from '../problems';

/** What a page knows about its open dialog: which action, and a serial that changes at each opening. */
export interface DialogState<A> {
  action: A | null;
  opened: boolean;
  serial: number;
  open: (action: A) => void;
  close: () => void;
}

/**
 * The state of a page's action dialog. The last action stays set while the dialog closes (so its
 * content does not vanish mid-transition); `serial` keys the dialog's content, so each opening starts
 * with fresh fields and a fresh Idempotency-Key.
 */
export function useDialogState<A>(): DialogState<A> {
  const [state, setState] = useState<{ action: A | null; opened: boolean; serial: number }>({ action: null, opened: false, serial: 0 });
  const open = useCallback((action: A) => setState((s) => ({ action, opened: true, serial: s.serial + 1 })), []);
  const close = useCallback(() => setState((s) => ({ ...s, opened: false })), []);
  return { ...state, open, close };
}

/**
 * One Idempotency-Key for the life of a dialog's content (one opening): every retry of the same
 * operation (double click, network failure, a corrected value after a refusal) sends the same key, so
 * the server posts it at most once.
 */
export function useIdempotencyKey(): string {
  const [key] = useState(newIdempotencyKey);
  return key;
}

/** One figure before and after the operation. */
export interface EffectLine {
  label: string;
  before: DecimalString;
  after: DecimalString;
}

/** The effect of an operation, as a description list: "Pot cash 1 600,00 € → 100,00 €". */
export function EffectSummary({ lines, notes = [] }: { lines: EffectLine[]; notes?: ReactNode[] }) {
  const { t } = useTranslation();
  if (lines.length === 0 && notes.length === 0) return null;
  return (
    <Paper bg="gray.0" p="sm" withBorder data-testid="effect">
      <Text fw={650} size="sm" mb={6}>
        {t('savings.effect.title')}
      </Text>
      {lines.length > 0 && (
        <Stack component="dl" gap={4} m={0}>
          {lines.map((line) => (
            <div key={line.label} style={{ display: 'flex', flexWrap: 'wrap', columnGap: '0.5rem', justifyContent: 'space-between' }}>
              <Text component="dt" size="sm">
                {line.label}
              </Text>
              <Text component="dd" size="sm" m={0} fw={600}>
                <MoneyText value={line.before} />
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden">{` ${t('savings.effect.becomes')} `}</span>
                <MoneyText value={line.after} />
              </Text>
            </div>
          ))}
        </Stack>
      )}
      {notes.map((note, index) => (
        <Text key={index} size="sm" mt={6}>
          {note}
        </Text>
      ))}
      <Text size="xs" c="dimmed" mt={6}>
        {t('savings.effect.serverDecides')}
      </Text>
    </Paper>
  );
}

/**
 * How another feature's dialogs word its problems and stray field errors (the rental-deposit pages
 * reuse these dialogs); by default, the savings API's sentences.
 */
export interface ProblemWording {
  problem: (error: unknown, t: TFunction) => string;
  field: (item: FieldError, t: TFunction) => string;
}

const SAVINGS_WORDING: ProblemWording = { problem: savingsProblemMessage, field: otherFieldMessage };

/** A red, announced banner with a savings problem in the reader's language. */
export function SavingsErrorBanner({ error, extra = [], wording = SAVINGS_WORDING }: { error: unknown; extra?: FieldError[]; wording?: ProblemWording }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" icon={<AlertIcon />} title={wording.problem(error, t)}>
      {extra.length > 0 && (
        <List size="sm">
          {extra.map((item) => (
            <List.Item key={item.path}>{wording.field(item, t)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Props of DialogForm. */
export interface DialogFormProps {
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  /** Field errors no input shows (listed in the banner). */
  extraErrors?: FieldError[];
  /** A caution shown above the buttons (e.g. more than the pot has available); the server still decides. */
  warning?: string | null;
  /** The effect preview. */
  effect?: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  /** How problems are worded (the savings API's by default). */
  wording?: ProblemWording;
  children: ReactNode;
}

/**
 * The body of an action dialog: inputs, the effect the operation will have, the API's refusal in the
 * reader's language, then Cancel and the confirm button. Focus goes to the first invalid input.
 */
export function DialogForm({ submitLabel, submitting, error, extraErrors = [], warning, effect, onSubmit, onClose, wording, children }: DialogFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!error) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!submitting) onSubmit();
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {Boolean(error) && <SavingsErrorBanner error={error} extra={extraErrors} wording={wording} />}
        {children}
        {effect}
        {warning && (
          <Alert color="yellow" variant="light" icon={<AlertIcon />}>
            {warning}
          </Alert>
        )}
        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/** An amount typed as people write it ("1 500,50" or "1500.50"): text, never a number input. */
export function AmountInput(props: Omit<TextInputProps, 'type' | 'inputMode'>) {
  return <TextInput inputMode="decimal" autoComplete="off" rightSection={<span aria-hidden="true">€</span>} {...props} />;
}
