import { type Component, type JSX, splitProps } from 'solid-js';
import { describedBy, Field } from './Field';

/** A labelled text input with its hint and error, wired for assistive technology. */
export const TextField: Component<
  {
    id: string;
    label: string;
    value: string;
    onValue: (value: string) => void;
    hint?: JSX.Element;
    error?: string | undefined;
  } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'>
> = (props) => {
  const [own, input] = splitProps(props, ['id', 'label', 'value', 'onValue', 'hint', 'error']);
  return (
    <Field id={own.id} label={own.label} hint={own.hint} error={own.error}>
      <input
        id={own.id}
        value={own.value}
        onInput={(e) => own.onValue(e.currentTarget.value)}
        spellcheck={false}
        autocapitalize="off"
        aria-describedby={describedBy(own.id)}
        aria-invalid={!!own.error}
        {...input}
      />
    </Field>
  );
};
