import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons/svg/add";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import type { Combine, Model } from "../../core/model";
import type { ModelProblem } from "../../core/validate";
import { useStrings } from "../../i18n/react";
import {
  addCriterion,
  addTier,
  missingPolicy,
  removeCriterion,
  removeTier,
  renameCriterion,
  renameTier,
  setCombine,
  setMissing,
  setTierColor,
  setWeight,
} from "../state/model-edit";
import { CriterionEditor } from "./CriterionEditor";
import { NumberField } from "./NumberField";
import { problemsAt } from "./problems";

const useStyles = makeStyles({
  editor: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  criterion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  criterionHead: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  criterionTitle: { minWidth: 0, overflowWrap: "anywhere" },
  criterionFields: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", minWidth: 0 },
  grow: { flexGrow: 1, minWidth: 0 },
  weight: { width: "88px", flexShrink: 0 },
  add: { alignSelf: "flex-start" },
  error: { color: tokens.colorPaletteRedForeground1 },
  tiers: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tier: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  chip: { minWidth: "40px", textAlign: "center", borderRadius: tokens.borderRadiusMedium, fontWeight: tokens.fontWeightBold, padding: "2px 6px" },
  colour: { width: "36px", height: "24px", padding: 0, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusSmall, cursor: "pointer", backgroundColor: "transparent" },
});

interface Props {
  model: Model;
  problems: ModelProblem[];
  onChange: (model: Model) => void;
}

export function ModelEditor({ model, problems, onChange }: Props) {
  const { s, tx, lang } = useStrings();
  const styles = useStyles();
  const combineOptions: { value: Combine; label: string }[] = [
    { value: "sum", label: s.combineSum },
    { value: "worst", label: s.combineWorst },
    { value: "best", label: s.combineBest },
  ];
  const combineProblems = problemsAt(problems, "combine");
  return (
    <div className={styles.editor}>
      <Field
        label={s.combine}
        validationState={combineProblems.length ? "error" : "none"}
        validationMessage={combineProblems.map((p) => tx(p.message)).join(" ") || undefined}
      >
        <Select value={model.combine} onChange={(_, d) => onChange(setCombine(model, d.value as Combine))}>
          {combineOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={s.missingPolicy}>
        <Select value={missingPolicy(model)} onChange={(_, d) => onChange(setMissing(model, d.value as "issue" | "worst"))}>
          <option value="issue">{s.missingIssue}</option>
          <option value="worst">{s.missingWorst}</option>
        </Select>
      </Field>

      <Subtitle2 as="h3">{s.criteria}</Subtitle2>
      {model.criteria.map((c, i) => {
        const own = problemsAt(problems, `criteria[${i}]`);
        const name = tx(c.label);
        return (
          <section key={c.id} className={styles.criterion} aria-label={name}>
            <div className={styles.criterionHead}>
              <Subtitle2 as="h4" className={styles.criterionTitle}>
                {name}
              </Subtitle2>
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={s.removeCriterion(name)}
                title={s.remove}
                disabled={model.criteria.length < 2}
                onClick={() => onChange(removeCriterion(model, i))}
              />
            </div>
            <div className={styles.criterionFields}>
              <Field label={s.criterionName} size="small" className={styles.grow}>
                <Input size="small" value={c.label[lang]} onChange={(_, d) => onChange(renameCriterion(model, i, lang, d.value))} />
              </Field>
              {model.combine === "sum" && c.role !== "multiplier" && (
                <Field label={s.weight} size="small" className={styles.weight}>
                  <NumberField size="small" optional value={c.weight} onValue={(n) => onChange(setWeight(model, i, n))} />
                </Field>
              )}
            </div>
            {c.role === "multiplier" && <Caption1>{s.multiplier}</Caption1>}
            <CriterionEditor model={model} index={i} onChange={onChange} />
            {own.map((p) => (
              <Caption1 key={p.path + p.message["en-US"]} className={styles.error} role="alert">
                {tx(p.message)}
              </Caption1>
            ))}
          </section>
        );
      })}
      {problemsAt(problems, "criteria")
        .filter((p) => p.path === "criteria")
        .map((p) => (
          <Caption1 key={p.message["en-US"]} className={styles.error} role="alert">
            {tx(p.message)}
          </Caption1>
        ))}
      <Button className={styles.add} icon={<AddRegular />} onClick={() => onChange(addCriterion(model))}>
        {s.addCriterion}
      </Button>

      <Subtitle2 as="h3">{s.tiers}</Subtitle2>
      <div className={styles.tiers}>
        {model.tiers.map((t, i) => (
          <div key={t.id} className={styles.tier} data-tier={t.id}>
            <span className={styles.chip} style={{ backgroundColor: t.color, color: t.textColor }}>
              {t.id}
            </span>
            <input
              type="color"
              className={styles.colour}
              aria-label={s.tierColour(t.id)}
              value={t.color.toLowerCase()}
              onChange={(e) => onChange(setTierColor(model, i, e.target.value.toUpperCase()))}
            />
            <Input className={styles.grow} size="small" aria-label={s.tierName(t.id)} value={t.label[lang]} onChange={(_, d) => onChange(renameTier(model, i, lang, d.value))} />
            <Button
              size="small"
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={s.removeTier(t.id)}
              title={s.remove}
              disabled={model.tiers.length <= 2}
              onClick={() => onChange(removeTier(model, i))}
            />
          </div>
        ))}
      </div>
      {problemsAt(problems, "tiers")
        .filter((p) => p.path === "tiers")
        .map((p) => (
          <Caption1 key={p.message["en-US"]} className={styles.error} role="alert">
            {tx(p.message)}
          </Caption1>
        ))}
      <Button className={styles.add} icon={<AddRegular />} onClick={() => onChange(addTier(model))}>
        {s.addTier}
      </Button>
    </div>
  );
}
