import type { Model } from "../model";
import { closeTime } from "./close-time";
import { nineGrid } from "./nine-grid";
import { ordersVolume } from "./orders-volume";
import { potential4 } from "./potential-4";
import { realEstate } from "./real-estate";
import { salesPayment } from "./sales-payment";
import { salesStage } from "./sales-stage";
import { weighted } from "./weighted";

/** Every preset, in the order of docs/tiering-models.md (the spec every preset file cites by section). */
export const PRESETS: readonly Model[] = [salesPayment, ordersVolume, closeTime, potential4, weighted, nineGrid, salesStage, realEstate];

export const DEFAULT_PRESET_ID = "sales-payment";

/** The preset with this id, or undefined. Ids are matched exactly (they are fixed names). */
export function findPreset(id: string): Model | undefined {
  return PRESETS.find((m) => m.id === id.trim());
}

export { closeTime, nineGrid, ordersVolume, potential4, realEstate, salesPayment, salesStage, weighted };
