import { Input, type InputProps } from "@fluentui/react-components";
import { useState } from "react";

interface Props extends Omit<InputProps, "value" | "onChange" | "type"> {
  value: number | undefined;
  /** Called with each valid number typed, and with undefined when left empty (if `optional`). */
  onValue: (value: number | undefined) => void;
  optional?: boolean;
}

/**
 * A number input that lets the user type through invalid states (`-`, empty)
 * and only reports numbers: the model never holds NaN. Emptiness is reported
 * when the user leaves the field, so typing over a value does not pass through
 * "no limit" (which would forget whether the bound was inclusive).
 */
export function NumberField({ value, onValue, optional, onBlur, ...rest }: Props) {
  const [draft, setDraft] = useState(value === undefined ? "" : String(value));
  // Follow outside changes (reset, another preset) unless the draft already says the same.
  const [followed, setFollowed] = useState(value);
  if (value !== followed) {
    setFollowed(value);
    setDraft((d) => (d.trim() !== "" && Number(d) === value ? d : value === undefined ? "" : String(value)));
  }
  return (
    <Input
      {...rest}
      type="number"
      inputMode="decimal"
      value={draft}
      onChange={(_, data) => {
        setDraft(data.value);
        const t = data.value.trim();
        const n = Number(t);
        if (t !== "" && Number.isFinite(n)) onValue(n);
      }}
      onBlur={(e) => {
        if (draft.trim() === "") {
          if (optional) onValue(undefined);
          else setDraft(value === undefined ? "" : String(value));
        }
        onBlur?.(e);
      }}
    />
  );
}
