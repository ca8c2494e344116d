import { onRequest } from "firebase-functions/v2/https";
import { REGION } from "../config";
import { buildApp } from "./app";

// Creates run the number allocator before answering; under a burst that can take
// a few seconds, so the instance takes many requests at once rather than queueing.
export const api = onRequest({ region: REGION, concurrency: 80, timeoutSeconds: 60 }, buildApp());
