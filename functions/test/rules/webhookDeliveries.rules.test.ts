import * as make from "./factories";
import { rulesMatrix } from "./matrix";
import { serverOnlyTable } from "./serverOnly";

// Deleting a delivery record would let a replayed Linear webhook through.
rulesMatrix(
  "webhookDeliveries",
  serverOnlyTable("webhookDeliveries/delivery-1", make.webhookDeliveryDoc(), { action: "remove" }),
);
