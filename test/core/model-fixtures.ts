/** A deep copy of a preset for tests that break it on purpose. */
import { salesPayment } from "../../src/core/presets";
import type { Model } from "../../src/core";

export { compileModel, ModelError, validateModel } from "../../src/core";
export type { Model };

export function salesPaymentClone(): Model {
  return JSON.parse(JSON.stringify(salesPayment)) as Model;
}
