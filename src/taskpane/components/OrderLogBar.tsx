import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { OrderLogSign } from "../../core/sheet/order-log";
import { useStrings } from "../../i18n/react";

/** Says plainly that the sheet is an order log and will not be tiered line by line. */
export function OrderLogBar({ sign, headers }: { sign: OrderLogSign; headers: readonly string[] }) {
  const { s } = useStrings();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="order-log">
      <MessageBarBody>
        <MessageBarTitle>{s.orderLogTitle}</MessageBarTitle>
        {s.orderLog(sign.rows, sign.customers, headers[sign.customerColumn], headers[sign.dateColumn])}
      </MessageBarBody>
    </MessageBar>
  );
}
