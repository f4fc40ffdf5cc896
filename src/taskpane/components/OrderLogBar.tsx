import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { OrderLogShape } from "../../core/orders/detect";
import { useStrings } from "../../i18n/react";

/** Says plainly that the sheet is an order log and will not be tiered line by line. */
export function OrderLogBar({ shape, headers }: { shape: OrderLogShape; headers: readonly string[] }) {
  const { s } = useStrings();
  const { columns } = shape.mapping;
  const customer = headers[columns.customer ?? columns.customerId] ?? "";
  const date = headers[columns.orderDate] ?? "";
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="order-log">
      <MessageBarBody>
        <MessageBarTitle>{s.orderLogTitle}</MessageBarTitle>
        {s.orderLog(shape.orders, shape.customers, customer, date)}
      </MessageBarBody>
    </MessageBar>
  );
}
