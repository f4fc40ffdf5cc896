import { Button, Caption1, Checkbox, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { SplitHorizontalRegular } from "@fluentui/react-icons/svg/split-horizontal";
import { Fragment } from "react";
import { describeBand } from "../../core/explain";
import type { Band, Category, Criterion, Model } from "../../core/model";
import { MESSAGES } from "../../i18n/messages";
import { useStrings } from "../../i18n/react";
import { removeBand, renameBand, setBound, setOutcome, setTablePoints, setValueRange, splitBand, type Outcome } from "../state/model-edit";
import { NumberField } from "./NumberField";

const useStyles = makeStyles({
  grid: { width: "100%", borderCollapse: "collapse" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, padding: "0 2px" },
  td: { padding: "2px", verticalAlign: "middle" },
  bound: { display: "flex", alignItems: "center", gap: "0" },
  number: { width: "100%", minWidth: "56px" },
  outcome: { width: "100%", minWidth: 0, maxWidth: "120px" },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  range: { display: "flex", gap: tokens.spacingHorizontalS },
  bands: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  band: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  bandHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  bandNo: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
  bandName: { flexGrow: 1, minWidth: 0 },
  bandGrid: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr) auto", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: "2px" },
  gridLabel: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  model: Model;
  index: number;
  onChange: (model: Model) => void;
}

/** The options of one criterion (bands, categories, a points table or a value range), editable. */
export function CriterionEditor({ model, index, onChange }: Props) {
  const c = model.criteria[index];
  switch (c.kind) {
    case "bands":
      return <BandsEditor model={model} index={index} bands={c.bands} criterion={c} onChange={onChange} />;
    case "categories":
      return <CategoriesEditor model={model} index={index} categories={c.categories} criterion={c} onChange={onChange} />;
    case "value":
      return <ValueEditor model={model} index={index} min={c.min} max={c.max} criterion={c} onChange={onChange} />;
    case "table":
      return <TableEditor model={model} index={index} criterion={c} onChange={onChange} />;
  }
}

/** What an option gives: points in a sum model, a tier otherwise. */
function outcomeWord(model: Model) {
  return model.combine === "sum" ? MESSAGES.points : MESSAGES.level;
}

/** Points in a sum model, a tier otherwise. */
function OutcomeInput({ model, value, label, onOutcome }: { model: Model; value: { points?: number; level?: string }; label: string; onOutcome: (o: Outcome) => void }) {
  const styles = useStyles();
  if (model.combine === "sum") {
    return <NumberField className={styles.outcome} size="small" aria-label={label} value={value.points} onValue={(n) => n !== undefined && onOutcome({ points: n })} />;
  }
  return (
    <Select className={styles.outcome} size="small" aria-label={label} value={value.level ?? ""} onChange={(_, d) => onOutcome({ level: d.value })}>
      {value.level === undefined && <option value="">—</option>}
      {model.tiers.map((t) => (
        <option key={t.id} value={t.id}>
          {t.id}
        </option>
      ))}
    </Select>
  );
}

function BandsEditor({ model, index, bands, criterion, onChange }: { model: Model; index: number; bands: Band[]; criterion: Criterion; onChange: (m: Model) => void }) {
  const { s, tx, lang } = useStrings();
  const styles = useStyles();
  const name = tx(criterion.label);
  const what = outcomeWord(model);
  const sides = [
    { side: "min" as const, word: MESSAGES.from, short: s.from },
    { side: "max" as const, word: MESSAGES.to, short: s.to },
  ];
  // Stacked, one band per block: the pane is 320–380 px wide, too narrow for a table of five inputs.
  return (
    <ol className={styles.bands}>
      {bands.map((band, b) => (
        <li key={b} className={styles.band} aria-label={s.bandN(b + 1)}>
          <div className={styles.bandHead}>
            <Caption1 className={styles.bandNo}>{s.bandN(b + 1)}</Caption1>
            <Input
              className={styles.bandName}
              size="small"
              aria-label={s.bandName(name, b + 1)}
              placeholder={describeBand(band, lang)}
              value={band.label?.[lang] ?? ""}
              onChange={(_, d) => onChange(renameBand(model, index, b, lang, d.value))}
            />
            <Button size="small" appearance="subtle" icon={<SplitHorizontalRegular />} aria-label={s.splitBand(name, b + 1)} title={s.split} onClick={() => onChange(splitBand(model, index, b))} />
            <Button
              size="small"
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={s.removeBand(name, b + 1)}
              title={s.remove}
              disabled={bands.length < 2}
              onClick={() => onChange(removeBand(model, index, b))}
            />
          </div>
          <div className={styles.bandGrid}>
            {sides.map(({ side, word, short }) => {
              const bound = band[side];
              return (
                <Fragment key={side}>
                  <Caption1 className={styles.gridLabel}>{short}</Caption1>
                  <NumberField
                    className={styles.number}
                    size="small"
                    optional
                    placeholder={s.noLimit}
                    aria-label={s.bandBound(name, b + 1, word)}
                    value={bound?.value}
                    onValue={(n) => onChange(setBound(model, index, b, side, n === undefined ? undefined : { value: n, inclusive: bound?.inclusive ?? true }))}
                  />
                  <Checkbox
                    size="medium"
                    label={s.inclusive}
                    aria-label={s.bandInclusive(name, b + 1, word)}
                    disabled={!bound}
                    checked={bound?.inclusive ?? false}
                    onChange={(_, d) => bound && onChange(setBound(model, index, b, side, { value: bound.value, inclusive: d.checked === true }))}
                  />
                </Fragment>
              );
            })}
            <Caption1 className={styles.gridLabel}>{tx(what)}</Caption1>
            <OutcomeInput
              model={model}
              value={band}
              label={s.optionOf(name, band.label ? tx(band.label) : String(b + 1), what)}
              onOutcome={(o) => onChange(setOutcome(model, index, b, o))}
            />
          </div>
        </li>
      ))}
    </ol>
  );
}

function CategoriesEditor({ model, index, categories, criterion, onChange }: { model: Model; index: number; categories: Category[]; criterion: Criterion; onChange: (m: Model) => void }) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const name = tx(criterion.label);
  const what = outcomeWord(model);
  return (
    <table className={styles.grid}>
      <thead>
        <tr>
          <th className={styles.th} scope="col">{s.value}</th>
          <th className={styles.th} scope="col">{tx(what)}</th>
        </tr>
      </thead>
      <tbody>
        {categories.map((cat, k) => (
          <tr key={cat.id}>
            <td className={`${styles.td} ${styles.label}`}>
              {tx(cat.label)}
              {cat.sub ?? ""}
            </td>
            <td className={styles.td}>
              <OutcomeInput model={model} value={cat} label={s.optionOf(name, tx(cat.label), what)} onOutcome={(o) => onChange(setOutcome(model, index, k, o))} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ValueEditor({ model, index, min, max, criterion, onChange }: { model: Model; index: number; min: number; max: number; criterion: Criterion; onChange: (m: Model) => void }) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  const name = tx(criterion.label);
  return (
    <div>
      <Caption1>{s.valueRange}</Caption1>
      <div className={styles.range}>
        <NumberField size="small" aria-label={`${name} ${s.minimum}`} value={min} onValue={(n) => n !== undefined && onChange(setValueRange(model, index, "min", n))} />
        <NumberField size="small" aria-label={`${name} ${s.maximum}`} value={max} onValue={(n) => n !== undefined && onChange(setValueRange(model, index, "max", n))} />
      </div>
    </div>
  );
}

function TableEditor({ model, index, criterion, onChange }: { model: Model; index: number; criterion: Extract<Criterion, { kind: "table" }>; onChange: (m: Model) => void }) {
  const { s, tx } = useStrings();
  const styles = useStyles();
  return (
    <table className={styles.grid}>
      <thead>
        <tr>
          <td className={styles.td} />
          {criterion.cols.map((col) => (
            <th key={col.id} className={styles.th} scope="col">
              {tx(col.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {criterion.rows.map((row, r) => (
          <tr key={row.id}>
            <th scope="row" className={`${styles.th} ${styles.label}`}>
              {tx(row.label)}
            </th>
            {criterion.cols.map((col, k) => (
              <td key={col.id} className={styles.td}>
                <NumberField
                  className={styles.number}
                  size="small"
                  aria-label={s.tableCell(tx(row.label), tx(col.label))}
                  value={criterion.points[r]?.[k]}
                  onValue={(n) => n !== undefined && onChange(setTablePoints(model, index, r, k, n))}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
