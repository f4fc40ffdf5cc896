import type { Text, Tier } from "../model";

/**
 * Fill and text colours for tiers, best first: green → yellow → orange → red → grey.
 * Light fills with dark text of the same hue keep a contrast ratio above 4.5:1.
 */
const SWATCHES: readonly [fill: string, ink: string][] = [
  ["#C6EFCE", "#006100"], // green
  ["#DDEBF7", "#1F4E78"], // blue
  ["#FFEB9C", "#7F6000"], // yellow
  ["#FCE4D6", "#843C0C"], // orange
  ["#FFC7CE", "#9C0006"], // red
  ["#E7E6E6", "#3A3838"], // grey
];

/** Ten-step ladders get a green-to-red ramp; the last tier is always grey when it is a dead end. */
const RAMP: readonly [string, string][] = [
  ["#A9D08E", "#1E4620"],
  ["#C6EFCE", "#006100"],
  ["#E2EFDA", "#375623"],
  ["#DDEBF7", "#1F4E78"],
  ["#BDD7EE", "#1F3864"],
  ["#FFF2CC", "#7F6000"],
  ["#FFEB9C", "#7F6000"],
  ["#FCE4D6", "#843C0C"],
  ["#F8CBAD", "#843C0C"],
  ["#E7E6E6", "#3A3838"],
];

export interface TierSpec {
  id: string;
  label: Text;
  minScore?: number;
  cadenceDays?: number;
  description?: Text;
}

/** Gives tiers their colours by position (the last one grey when `deadEnd`). */
export function colourTiers(specs: TierSpec[], deadEnd = false): Tier[] {
  const n = specs.length;
  return specs.map((s, i) => {
    let swatch: readonly [string, string];
    if (deadEnd && i === n - 1) swatch = SWATCHES[5];
    else if (n > SWATCHES.length - 1) swatch = RAMP[Math.round((i * (RAMP.length - 2)) / Math.max(1, n - 2))];
    else swatch = SWATCHES[n <= 3 ? [0, 2, 4][i] : i];
    return { ...s, color: swatch[0], textColor: swatch[1] };
  });
}
