export { aggregateOrders, type OrderAggregate } from "./aggregate";
export { recogniseOrderLog, countCustomers, ORDER_LOG, type OrderLogShape } from "./detect";
export { customerTable, customerMapping, summaryColumn, CUSTOMER_SUMMARY_FIELDS } from "./customers";
