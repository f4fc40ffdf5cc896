import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { Model, PopulationCuts } from "../../core/model";
import { PARETO_LIMITS } from "../../core/presets";
import { useStrings } from "../../i18n/react";

/**
 * The ABC cuts issue 11 offers: by share of the value ahead, A < 80% and B < 95%
 * (the default) or A < 70% and B < 90%; or by share of the customers ahead,
 * A = the top 20% by count and B the next 30%. Limits C/B then B/A, as the model keeps them.
 */
const CHOICES: Record<string, Pick<PopulationCuts, "at" | "basis">> = {
  "value-80-95": { at: PARETO_LIMITS, basis: "value" },
  "value-70-90": { at: [0.9, 0.7], basis: "value" },
  "customers-20-50": { at: [0.5, 0.2], basis: "customers" },
};

/** ABC and value-abcd: which Pareto cut the model uses, as an edit of its Pareto criterion. Nothing for other models. */
export function ParetoOptions({ model, onEdit }: { model: Model; onEdit: (model: Model) => void }) {
  const { s } = useStrings();
  const criterion = model.criteria.find((c) => c.kind === "bands" && c.population?.stat === "pareto");
  if (!criterion || criterion.kind !== "bands" || !criterion.population) return null;
  const population = criterion.population;
  const current = Object.keys(CHOICES).find((k) => CHOICES[k].basis === (population.basis ?? "value") && CHOICES[k].at!.join() === (population.at ?? []).join());
  const label: Record<string, string> = { "value-80-95": s.paretoValue(80, 95), "value-70-90": s.paretoValue(70, 90), "customers-20-50": s.paretoCustomers };
  const choose = (key: string) => {
    // A cut from the table again: fixed cut points (a model file's) would override the choice.
    const next: PopulationCuts = { ...population, ...CHOICES[key] };
    delete next.fixed;
    onEdit({ ...model, criteria: model.criteria.map((c) => (c === criterion ? { ...criterion, population: next } : c)) });
  };
  return (
    <Field label={s.paretoCut}>
      <Dropdown value={current ? label[current] : s.paretoOther} selectedOptions={current ? [current] : []} onOptionSelect={(_, d) => d.optionValue && choose(d.optionValue)}>
        {Object.keys(CHOICES).map((k) => (
          <Option key={k} value={k} text={label[k]}>
            {label[k]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
