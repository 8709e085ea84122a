/**
 * A number field whose blank value means "as in the workbook" (shown as the placeholder and the
 * hint, with any problem of the workbook's value as a warning). Invalid text is kept for the user
 * to fix and reported; only valid numbers reach the scenario.
 */
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { parseNumberInput, type NumberRule } from '../state/number-input';

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  placeholder: string;
  rule: NumberRule;
  hint?: string;
  /** A problem with the value the blank field stands for (the workbook's), shown as a warning. */
  warning?: string | null;
  testId?: string;
  onChange(value: number | undefined): void;
  onValidity(valid: boolean): void;
}

export function NumberField({ label, value, placeholder, rule, hint, warning, testId, onChange, onValidity }: NumberFieldProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);

  // A scenario loaded from the workbook replaces what is shown.
  useEffect(() => {
    setText((current) => {
      const parsed = parseNumberInput(current, rule);
      return parsed.ok && parsed.value === value ? current : value === undefined ? '' : String(value);
    });
  }, [value]);

  return (
    <Field label={label} hint={hint} validationState={error ? 'error' : warning ? 'warning' : undefined} validationMessage={error ?? warning ?? undefined}>
      <Input
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(_, data) => {
          setText(data.value);
          const parsed = parseNumberInput(data.value, rule);
          setError(parsed.ok ? null : parsed.message);
          onValidity(parsed.ok);
          if (parsed.ok) onChange(parsed.value);
        }}
      />
    </Field>
  );
}
