import type { Model } from "../model";
import { abc, customerStatus, PARETO_LIMITS, valueAbcd } from "./abc";
import { closeTime } from "./close-time";
import { nineGrid } from "./nine-grid";
import { ordersVolume } from "./orders-volume";
import { potential4 } from "./potential-4";
import { realEstate } from "./real-estate";
import { rfm } from "./rfm";
import { rfm8 } from "./rfm-8";
import { salesPayment } from "./sales-payment";
import { salesStage } from "./sales-stage";
import { weighted } from "./weighted";

/** Every preset, in the order of docs/tiering-models.md (the spec every preset file cites by section). */
export const PRESETS: readonly Model[] = [salesPayment, ordersVolume, closeTime, potential4, weighted, nineGrid, salesStage, realEstate];

/**
 * Value and activity presets (issue 11): cut points from the sheet's own
 * customers, read from a customer sheet or an order log summed per customer.
 * Kept apart from PRESETS until the pane, templates and workbook formulas know them.
 */
export const VALUE_PRESETS: readonly Model[] = [rfm, rfm8, abc, valueAbcd, customerStatus];

export const DEFAULT_PRESET_ID = "sales-payment";

/** The preset with this id, or undefined. Ids are matched exactly (they are fixed names). */
export function findPreset(id: string): Model | undefined {
  return [...PRESETS, ...VALUE_PRESETS].find((m) => m.id === id.trim());
}

export { abc, customerStatus, PARETO_LIMITS, rfm, rfm8, valueAbcd };
export { closeTime, nineGrid, ordersVolume, potential4, realEstate, salesPayment, salesStage, weighted };
