import { Body1, Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId, type Ref } from "react";
import { CheckmarkCircleRegular } from "@fluentui/react-icons/svg/checkmark-circle";
import { OpenRegular } from "@fluentui/react-icons/svg/open";
import type { Model } from "../../core/model";
import { useStrings } from "../../i18n/react";
import type { GenerationResult } from "../state/useWorkflow";
import { HistoryMoves } from "./HistoryMoves";
import { IssueList } from "./IssueList";
import { OverrideList } from "./OverrideList";
import { TierBars } from "./TierBars";
import { VisitPlan } from "./VisitPlan";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM + " " + tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  headText: { display: "flex", flexDirection: "column" },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: "24px", flexShrink: 0 },
  why: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  model: Model;
  result: GenerationResult;
  onGoTo: (sheet: string, address?: string) => void;
  /** The card's heading, focusable: focus moves there when a run has just finished. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function ResultCard({ model, result, onGoTo, headingRef }: Props) {
  const { s } = useStrings();
  const styles = useStyles();
  const { scored } = result;
  const titleId = useId();
  const tiered = scored.rows.length - scored.unscored;
  const history = scored.history?.outcome;
  const historySheet = result.plan.sheets.find((sheet) => sheet.role === "history")?.name ?? "";
  return (
    <section className={styles.card} aria-labelledby={titleId}>
      <div className={styles.head}>
        <CheckmarkCircleRegular className={styles.ok} />
        <div className={styles.headText}>
          <Text as="h3" size={400} weight="semibold" id={titleId} ref={headingRef} tabIndex={-1}>
            {s.resultTitle}
          </Text>
          <Caption1>{s.resultSummary(tiered, result.tierSheet)}</Caption1>
        </div>
      </div>
      <TierBars model={model} summary={scored.summary} unscored={scored.unscored} caption={s.distribution} />
      {history && <HistoryMoves outcome={history} historySheet={historySheet} />}
      {history && <OverrideList outcome={history} testId="result-overrides" />}
      <VisitPlan scored={scored} testId="result-visits" />
      <Button appearance="primary" icon={<OpenRegular />} onClick={() => onGoTo(result.tierSheet)}>
        {s.goToTierSheet}
      </Button>
      <IssueList
        issues={scored.issues}
        model={model}
        sourceSheet={result.sourceSheet}
        customersSheet={result.plan.sheets.find((sheet) => sheet.role === "customers")?.name}
        onGoTo={onGoTo}
        as="h4"
      />
      {result.settingsSaved && <Body1 className={styles.why}>{s.settingsSaved}</Body1>}
    </section>
  );
}
