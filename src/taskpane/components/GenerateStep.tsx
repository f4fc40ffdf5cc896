import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from "@fluentui/react-components";
import { TableLightningRegular } from "@fluentui/react-icons/svg/table-lightning";
import { useEffect, useRef } from "react";
import { useStrings } from "../../i18n/react";
import type { Model, Text } from "../../core/model";
import type { Generation } from "../state/useWorkflow";
import { ResultCard } from "./ResultCard";

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface Props {
  model: Model;
  generation: Generation;
  /** Why generating is not possible yet, or null when it is. */
  blockedBy: string | null;
  /** The workbook's last snapshot of this model is older than its review cadence (issue 12). */
  reminder?: Text | null;
  onGenerate: () => void;
  onCancel: () => void;
  onGoTo: (sheet: string, address?: string) => void;
}

export function GenerateStep({ model, generation, blockedBy, reminder, onGenerate, onCancel, onGoTo }: Props) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const running = generation.phase === "running";
  // When a run finishes, focus goes to its result (the Generate button it left is gone or disabled); opening the step later leaves focus alone.
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const wasRunning = useRef(false);
  useEffect(() => {
    if (generation.phase === "done" && wasRunning.current) resultHeading.current?.focus();
    wasRunning.current = generation.phase === "running";
  }, [generation.phase]);
  return (
    <>
      <Body1 className={styles.intro}>{s.generateIntro}</Body1>
      {blockedBy && !running && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{blockedBy}</MessageBarBody>
        </MessageBar>
      )}
      {reminder && generation.phase !== "done" && (
        <MessageBar intent="warning" layout="multiline" data-testid="review-reminder">
          <MessageBarBody>{tx(reminder)}</MessageBarBody>
        </MessageBar>
      )}
      {running ? (
        <div className={styles.progress}>
          <Field validationMessage={generation.total ? s.writing(generation.done, generation.total) : s.preparing} validationState="none">
            <ProgressBar
              aria-label={s.generate}
              value={generation.total ? generation.done / generation.total : undefined}
              thickness="large"
            />
          </Field>
          <div className={styles.actions}>
            <Button onClick={onCancel}>{s.cancel}</Button>
          </div>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" size="large" icon={<TableLightningRegular />} disabled={!!blockedBy} onClick={onGenerate}>
            {s.generate}
          </Button>
        </div>
      )}
      {generation.phase === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{s.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {generation.phase === "done" && <ResultCard model={model} result={generation.result} onGoTo={onGoTo} headingRef={resultHeading} />}
    </>
  );
}
