import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronRightRegular } from "@fluentui/react-icons/svg/chevron-right";
import { useId, useMemo, useState } from "react";
import { fitWarnings } from "../../core/calibrate";
import type { Model } from "../../core/model";
import type { ScoredTable } from "../../core/sheet/types";
import { formatNumber } from "../../core/text/format";
import { useStrings } from "../../i18n/react";
import { percent } from "../state/display";
import { proposeFit, startingPercents, type FitMode } from "../state/fit";
import { NumberField } from "./NumberField";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  disclosure: { alignSelf: "flex-start", paddingLeft: 0 },
  shares: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(72px, 1fr))", gap: tokens.spacingHorizontalS },
  share: { minWidth: 0, width: "100%" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "right", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, padding: "2px 4px" },
  td: { textAlign: "right", padding: "2px 4px", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  left: { textAlign: "left" },
  accept: { alignSelf: "flex-start" },
});

interface Props {
  model: Model;
  /** The preview scored with `model`: its scores are what the thresholds cut. */
  preview: ScoredTable;
  /** The model with the fitted thresholds (and its target shares). */
  onAccept: (model: Model) => void;
}

/**
 * What the data says about the model (empty or crowded tiers, one band, ties),
 * and, for a points model, thresholds fitted to chosen shares per tier or to
 * equal shares, previewed beside today's counts before the user accepts them.
 */
export function FitThresholds({ model, preview, onAccept }: Props) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const warnings = useMemo(() => fitWarnings(model, preview), [model, preview]);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className={styles.box}>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="fit-warnings">
          <MessageBarBody>
            <MessageBarTitle>{s.fitWarningsTitle}</MessageBarTitle>
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {warnings.map((w) => (
                <li key={w.kind + w.message["en-US"]}>{tx(w.message)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {model.combine === "sum" && (
        <>
          <Button
            appearance="transparent"
            className={styles.disclosure}
            icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
          >
            {s.fitOffer}
          </Button>
          <div id={panelId} hidden={!open}>
            {open && <FitPanel model={model} preview={preview} onAccept={onAccept} />}
          </div>
        </>
      )}
    </div>
  );
}

function FitPanel({ model, preview, onAccept }: Props) {
  const { s } = useStrings();
  const styles = useStyles();
  const [mode, setMode] = useState<FitMode>("shares");
  const [percents, setPercents] = useState(() => startingPercents(model));
  // Another tier count (a tier added or removed): start again from the model's shares.
  const shown = percents.length === model.tiers.length ? percents : startingPercents(model);
  const result = proposeFit(model, preview, mode, shown);
  const sharesId = useId();
  return (
    <div className={styles.box}>
      <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as FitMode)} aria-label={s.fitMode}>
        <Radio value="shares" label={s.fitByShares} />
        <Radio value="quantiles" label={s.fitQuantiles} />
      </RadioGroup>
      {mode === "shares" && (
        <fieldset style={{ border: "none", margin: 0, padding: 0 }} aria-describedby={sharesId}>
          <legend>
            <Body1>{s.fitShares}</Body1>
          </legend>
          <div className={styles.shares}>
            {model.tiers.map((t, i) => (
              <Field key={t.id} label={`${t.id} %`}>
                <NumberField
                  className={styles.share}
                  aria-label={s.fitShareOf(t.id)}
                  value={shown[i]}
                  onValue={(v) => v !== undefined && setPercents(shown.map((p, k) => (k === i ? v : p)))}
                />
              </Field>
            ))}
          </div>
          <Caption1 id={sharesId}>{s.fitSharesHint}</Caption1>
        </fieldset>
      )}
      {!result.ok ? (
        <Caption1 role="status">{result.reason === "sum" ? s.fitSharesSum(formatNumber(Math.round(result.total * 10) / 10)) : s.fitNoScores}</Caption1>
      ) : (
        <>
          <table className={styles.table} data-testid="fit-preview">
            <caption className={styles.left}>
              <Body1>
                <strong>{s.fitPreview}</strong>
              </Body1>
            </caption>
            <thead>
              <tr>
                <th scope="col" className={`${styles.th} ${styles.left}`}>
                  {s.level}
                </th>
                <th scope="col" className={styles.th}>
                  {s.fitTarget}
                </th>
                <th scope="col" className={styles.th}>
                  {s.fitNow}
                </th>
                <th scope="col" className={styles.th}>
                  {s.fitFitted}
                </th>
                <th scope="col" className={styles.th}>
                  {s.fitFrom}
                </th>
              </tr>
            </thead>
            <tbody>
              {model.tiers.map((t, i) => (
                <tr key={t.id}>
                  <th scope="row" className={`${styles.td} ${styles.left}`}>
                    {t.id}
                  </th>
                  <td className={styles.td}>{percent(result.proposal.shares[i])}</td>
                  <td className={styles.td} data-testid={`fit-now-${t.id}`}>
                    {formatNumber(result.proposal.now[i])}
                  </td>
                  <td className={styles.td} data-testid={`fit-new-${t.id}`}>
                    {formatNumber(result.proposal.fitted[i])}
                  </td>
                  <td className={styles.td} data-testid={`fit-min-${t.id}`}>
                    {i < result.proposal.minScores.length ? `≥ ${formatNumber(result.proposal.minScores[i])}` : s.restBelow}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button className={styles.accept} appearance="primary" onClick={() => onAccept(result.proposal.model)}>
            {s.fitAccept}
          </Button>
        </>
      )}
    </div>
  );
}
