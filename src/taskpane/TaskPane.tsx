import { Button, Caption1, makeStyles, Spinner, Subtitle1, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { markerName } from "../core/plan/naming";
import type { WorkbookHost } from "../hosts/host";
import { useStrings } from "../i18n/react";
import type { Strings } from "../i18n/strings";
import { ColumnsStep } from "./components/ColumnsStep";
import { ErrorBar } from "./components/ErrorBar";
import { GenerateStep } from "./components/GenerateStep";
import { ModelStep } from "./components/ModelStep";
import { OrderLogBar } from "./components/OrderLogBar";
import { SourceStep } from "./components/SourceStep";
import { TemplateNotice } from "./components/TemplateNotice";
import { TemplatePanel } from "./components/TemplatePanel";
import { FIRST_RENDER_MARK } from "./first-render";
import { templateChoices, type TemplateMade } from "./state/templates";
import { useWorkflow, type GenerationResult, type Workflow } from "./state/useWorkflow";

const STEPS = ["source", "columns", "model", "generate"] as const;
type Step = (typeof STEPS)[number];

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM + " " + tokens.spacingHorizontalM,
    boxSizing: "border-box",
    minHeight: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // At 320 px the header's button and the fourth tab go to a new line rather than past the pane's edge.
  header: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  logo: { width: "28px", height: "28px" },
  titles: { display: "flex", flexDirection: "column", flex: "1 1 160px", minWidth: 0 },
  tagline: { color: tokens.colorNeutralForeground3 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, marginRight: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  stepTitle: { marginBottom: `calc(-1 * ${tokens.spacingVerticalS})` },
  nav: { display: "flex", justifyContent: "space-between", paddingTop: tokens.spacingVerticalS },
});

interface Props {
  host: WorkbookHost;
  /** Called after a tier table was written (the playground draws the new sheets). */
  onGenerated?: (result: GenerationResult) => void;
  /** A template the playground just made as a new workbook: the pane opens on its next step. */
  initialTemplate?: TemplateMade;
}

/** The guided workflow: source → columns → model → generate. The same in Excel and in the playground. */
export function TaskPane({ host, onGenerated, initialTemplate }: Props) {
  const { s, lang } = useStrings();
  const styles = useStyles();
  const wf = useWorkflow(host, lang, onGenerated);
  const [step, setStep] = useState<Step>("source");
  // The last template made here (or on the playground's landing page): what to do next.
  const [template, setTemplate] = useState<TemplateMade | null>(initialTemplate ?? null);

  useEffect(() => {
    performance.mark?.(FIRST_RENDER_MARK);
  }, []);

  // "Next" moves focus to the new step's heading (a tab chosen with the arrows keeps it on the tabs).
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const focusStep = useRef(false);
  const headingId = useId();
  useEffect(() => {
    if (!focusStep.current) return;
    focusStep.current = false;
    stepHeading.current?.focus();
  }, [step]);

  const labels: Record<Step, string> = { source: s.stepSource, columns: s.stepColumns, model: s.stepModel, generate: s.stepGenerate };
  const index = STEPS.indexOf(step);
  const go = (i: number) => setStep(STEPS[Math.max(0, Math.min(STEPS.length - 1, i))]);

  return (
    <div className={styles.pane}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div className={styles.titles}>
          <Subtitle1 as="h1">{s.appName}</Subtitle1>
          <Caption1 className={styles.tagline}>{s.appTagline}</Caption1>
        </div>
        <TemplatePanel choices={templateChoices(wf.model, wf.savedModels, wf.edited)} onCreate={wf.createTemplate} onCreated={setTemplate} />
      </header>

      {wf.error !== null && <ErrorBar error={wf.error} onDismiss={wf.dismissError} />}
      {template && <TemplateNotice made={template} onDismiss={() => setTemplate(null)} />}
      {wf.orderLog && <OrderLogBar log={wf.orderLog} asOf={wf.asOf} onAsOf={wf.setAsOf} onUseValuePreset={() => wf.choosePreset("rfm")} />}

      <TabList className={styles.tabs} selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} aria-label={s.stepsLabel} size="small">
        {STEPS.map((id, i) => (
          <Tab key={id} value={id}>
            {`${i + 1} ${labels[id]}`}
          </Tab>
        ))}
      </TabList>

      <section className={styles.step} aria-labelledby={headingId}>
        <Text as="h2" size={400} weight="semibold" id={headingId} ref={stepHeading} tabIndex={-1} className={styles.stepTitle}>
          {labels[step]}
        </Text>
        {wf.loading && !wf.table ? <Spinner label={s.loading} /> : <StepView step={step} wf={wf} s={s} />}
      </section>

      <nav className={styles.nav} aria-label={s.stepsLabel}>
        <Button
          appearance="subtle"
          disabled={index === 0}
          onClick={() => {
            focusStep.current = true;
            go(index - 1);
          }}
        >
          {s.back}
        </Button>
        {index < STEPS.length - 1 && (
          <Button
            appearance="primary"
            disabled={step === "columns" && (!wf.mapping || wf.mapping.missing.length > 0)}
            onClick={() => {
              focusStep.current = true;
              go(index + 1);
            }}
          >
            {s.nextStep(labels[STEPS[index + 1]])}
          </Button>
        )}
      </nav>
    </div>
  );
}

function blockedBy(wf: Workflow, s: Strings): string | null {
  if (!wf.table || wf.table.rows.length === 0) return s.needRows;
  if (wf.orderLog && !wf.orderLog.sums) return s.orderLogTitle;
  if (!wf.mapping || wf.mapping.missing.length) return s.needColumns;
  if (wf.problems.length) return s.needValidModel;
  return null;
}

function StepView({ step, wf, s }: { step: Step; wf: Workflow; s: Strings }) {
  switch (step) {
    case "source":
      return (
        <SourceStep
          sheets={wf.sheets}
          sheetName={wf.sheetName}
          table={wf.table}
          orderLog={!!wf.orderLog}
          loading={wf.loading}
          onSelectSheet={wf.selectSheet}
          onReread={wf.reread}
        />
      );
    case "columns":
      return wf.columnTable && wf.mapping ? (
        <ColumnsStep
          model={wf.model}
          fields={wf.columnFields}
          table={wf.columnTable}
          mapping={wf.mapping}
          // The preview's rows are customers; an order log's columns show the log's own lines.
          preview={wf.orderLog?.sums ? null : wf.preview}
          onChoose={wf.chooseColumn}
          picked={wf.chosen}
        />
      ) : (
        <Caption1>{s.noTable}</Caption1>
      );
    case "model":
      return (
        <ModelStep
          model={wf.model}
          preset={wf.preset}
          edited={wf.edited}
          problems={wf.problems}
          preview={wf.preview}
          needsColumns={!wf.mapping || wf.mapping.missing.length > 0}
          onChoosePreset={wf.choosePreset}
          onEdit={wf.editModel}
          onReset={wf.resetModel}
          onImport={wf.importModel}
          savedModels={wf.savedModels}
          onSave={() => void wf.saveModel()}
          onGoTo={wf.goTo}
          customersSheet={wf.sheets.find((sheet) => sheet.marker?.toLowerCase() === markerName("customers").toLowerCase())?.name}
        />
      );
    case "generate":
      return (
        <GenerateStep
          model={wf.model}
          generation={wf.generation}
          blockedBy={blockedBy(wf, s)}
          reminder={wf.reviewReminder}
          onGenerate={() => void wf.generate()}
          onCancel={wf.cancel}
          onGoTo={wf.goTo}
        />
      );
  }
}
