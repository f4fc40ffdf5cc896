import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OptionGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { ArrowResetRegular } from "@fluentui/react-icons/svg/arrow-reset";
import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronRightRegular } from "@fluentui/react-icons/svg/chevron-right";
import { SaveRegular } from "@fluentui/react-icons/svg/save";
import { useId, useState } from "react";
import type { Model } from "../../core/model";
import { PRESETS, VALUE_PRESETS } from "../../core/presets";
import type { ScoredTable } from "../../core/sheet/types";
import type { ModelProblem } from "../../core/validate";
import { useStrings } from "../../i18n/react";
import { setMinScore } from "../state/model-edit";
import { FitThresholds } from "./FitThresholds";
import { IssueList } from "./IssueList";
import { OverrideList } from "./OverrideList";
import { ParetoOptions } from "./ParetoOptions";
import { VisitPlan } from "./VisitPlan";
import { ModelEditor } from "./ModelEditor";
import { ModelFile } from "./ModelFile";
import { NumberField } from "./NumberField";
import { problemsAt } from "./problems";
import { TierBars } from "./TierBars";

const useStyles = makeStyles({
  description: { color: tokens.colorNeutralForeground2 },
  thresholds: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(80px, 1fr))", gap: tokens.spacingHorizontalS },
  threshold: { minWidth: 0, width: "100%" },
  rest: { alignSelf: "end", color: tokens.colorNeutralForeground3, paddingBottom: "6px" },
  preview: {
    padding: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  reset: { alignSelf: "flex-start" },
  disclosure: { alignSelf: "flex-start", paddingLeft: 0 },
});

interface Props {
  model: Model;
  preset: Model;
  edited: boolean;
  problems: ModelProblem[];
  preview: ScoredTable | null;
  /** Why there is no preview besides model problems (required columns missing). */
  needsColumns: boolean;
  onChoosePreset: (id: string) => void;
  onEdit: (model: Model) => void;
  onReset: () => void;
  /** A model read from a .json file (already validated). */
  onImport: (model: Model) => void;
  /** The user's models kept in the workbook, and keeping the current one there. */
  savedModels: Model[];
  onSave: () => void;
  /** Selects a source cell (an issue in the preview). */
  onGoTo: (sheet: string, address?: string) => void;
  /** The customer summary an earlier run wrote, if any: issues about customers' sums point there. */
  customersSheet?: string;
}

export function ModelStep({ model, preset, edited, problems, preview, needsColumns, onChoosePreset, onEdit, onReset, onImport, savedModels, onSave, onGoTo, customersSheet }: Props) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const presetName = edited ? s.customModel(tx(preset.name)) : tx(preset.name);
  const [editing, setEditing] = useState(false);
  const editorId = useId();
  return (
    <>
      <Field label={s.model}>
        <Dropdown value={presetName} selectedOptions={[preset.id]} onOptionSelect={(_, d) => d.optionValue && onChoosePreset(d.optionValue)}>
          <OptionGroup label={s.ruleModels}>
            {[...PRESETS, ...savedModels].map((p) => (
              <Option key={p.id} value={p.id} text={tx(p.name)}>
                {tx(p.name)}
              </Option>
            ))}
          </OptionGroup>
          <OptionGroup label={s.valueModels}>
            {VALUE_PRESETS.map((p) => (
              <Option key={p.id} value={p.id} text={tx(p.name)}>
                {tx(p.name)}
              </Option>
            ))}
          </OptionGroup>
        </Dropdown>
      </Field>
      <Body1 className={styles.description}>{tx(model.description)}</Body1>
      {model.source && <Caption1>{s.modelSource(tx(model.source))}</Caption1>}

      {model.combine === "sum" && <Thresholds model={model} problems={problems} onEdit={onEdit} />}
      <ParetoOptions model={model} onEdit={onEdit} />

      <section className={styles.preview} aria-label={s.preview} aria-live="polite">
        <PreviewBody model={model} problems={problems} preview={preview} needsColumns={needsColumns} onGoTo={onGoTo} customersSheet={customersSheet} />
      </section>
      {/* Outside the live region: typing a share must not make a screen reader read the whole preview again. */}
      {preview && !problems.length && !needsColumns && <FitThresholds model={model} preview={preview} onAccept={onEdit} />}

      <Button
        appearance="transparent"
        className={styles.disclosure}
        icon={editing ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={editing}
        aria-controls={editorId}
        onClick={() => setEditing(!editing)}
      >
        {s.editModel}
      </Button>
      <div id={editorId} hidden={!editing}>
        {editing && <ModelEditor model={model} problems={problems} onChange={onEdit} />}
      </div>
      {edited && (
        <Button className={styles.reset} icon={<ArrowResetRegular />} onClick={onReset}>
          {s.resetModel}
        </Button>
      )}
      <Button className={styles.reset} icon={<SaveRegular />} onClick={onSave}>
        {s.saveModel}
      </Button>
      <ModelFile model={model} onImport={onImport} />
    </>
  );
}

function Thresholds({ model, problems, onEdit }: { model: Model; problems: ModelProblem[]; onEdit: (m: Model) => void }) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const last = model.tiers.length - 1;
  return (
    <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
      <legend>
        <Body1>
          <strong>{s.thresholds}</strong>
        </Body1>
      </legend>
      <div className={styles.thresholds}>
        {model.tiers.map((t, i) => {
          const own = problemsAt(problems, `tiers[${i}]`);
          if (i === last) {
            return (
              <Caption1 key={t.id} className={styles.rest}>
                {t.id}: {s.restBelow}
              </Caption1>
            );
          }
          return (
            <Field
              key={t.id}
              label={`${t.id} ≥`}
              validationState={own.length ? "error" : "none"}
              validationMessage={own.map((p) => tx(p.message)).join(" ") || undefined}
            >
              <NumberField className={styles.threshold} aria-label={s.minScoreOf(t.id)} value={t.minScore} onValue={(n) => n !== undefined && onEdit(setMinScore(model, i, n))} />
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}

interface PreviewProps {
  model: Model;
  problems: ModelProblem[];
  preview: ScoredTable | null;
  needsColumns: boolean;
  onGoTo: Props["onGoTo"];
  customersSheet?: string;
}

function PreviewBody({ model, problems, preview, needsColumns, onGoTo, customersSheet }: PreviewProps) {
  const { s, tx } = useStrings();
  if (problems.length) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.previewBlocked}</MessageBarTitle>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {problems.map((p) => (
              <li key={p.path + p.message["en-US"]}>{tx(p.message)}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (needsColumns) return <Caption1>{s.previewNeedsColumns}</Caption1>;
  if (!preview) return <Spinner size="tiny" label={s.preview} />;
  return (
    <>
      <TierBars model={model} summary={preview.summary} unscored={preview.unscored} caption={s.preview} />
      <Caption1>{s.previewHint}</Caption1>
      {preview.history && <OverrideList outcome={preview.history.outcome} testId="preview-overrides" />}
      <VisitPlan scored={preview} testId="preview-visits" />
      <IssueList issues={preview.issues} model={model} sourceSheet={preview.table.sheetName} customersSheet={customersSheet} onGoTo={onGoTo} />
    </>
  );
}
